import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import type { SessionStatus } from '../../api/models';
import { sessionKeys, type SessionListFilters } from '../../api/sessions';
import { useAllTemplates } from '../../api/templates';
import { useAccount } from '../../auth/AccountContext';
import { Button } from '../../components/Button';
import { EmptyState, SkeletonRows } from '../../components/EmptyState';
import { SelectField, TextField } from '../../components/Field';
import { Truncate } from '../../components/Truncate';
import { CalendarIcon, PlusIcon } from '../../components/Icons';
import { ErrorNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { plural } from '../../lib/format';
import { SESSION_STATUS_LABELS, keysOf } from '../../lib/labels';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { browserTimeZone, formatInZone, zonedToUtc } from '../../lib/zoned-time';
import { BookSessionDialog } from './BookSessionDialog';
import { InviteBadge, SessionStatusBadge } from './SessionBadges';

const PAGE_SIZE = 25;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isStatus(value: string | null): value is SessionStatus {
  return value !== null && keysOf(SESSION_STATUS_LABELS).includes(value as SessionStatus);
}

/** Date filters are whole days in the viewer's zone. */
function dayStart(date: string | null, plusDays = 0): string | undefined {
  if (date === null || !DATE.test(date)) return undefined;
  const at = zonedToUtc(date, '00:00', browserTimeZone());
  return at === null ? undefined : new Date(new Date(at).getTime() + plusDays * 86_400_000).toISOString();
}

export function SessionsPage() {
  useDocumentTitle('Sessions');
  const api = useApi();
  const account = useAccount();
  const navigate = useNavigate();
  const templates = useAllTemplates();
  const [params, setParams] = useSearchParams();
  const [booking, setBooking] = useState(false);
  const status = params.get('status');
  const from = params.get('from');
  const to = params.get('to');
  const filters: SessionListFilters = useMemo(
    () => ({
      page: Math.max(1, Number(params.get('page') ?? '1') || 1),
      ...(isStatus(status) ? { status } : {}),
      ...(params.get('template') !== null ? { evaluation_template_id: params.get('template') ?? '' } : {}),
      ...(params.get('stage') !== null ? { stage: params.get('stage') ?? '' } : {}),
      ...(dayStart(from) !== undefined ? { scheduled_after: dayStart(from) } : {}),
      ...(dayStart(to, 1) !== undefined ? { scheduled_before: dayStart(to, 1) } : {}),
    }),
    [params, status, from, to],
  );

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(name);
      else next.set(name, value);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const list = useQuery({
    queryKey: sessionKeys.list(account.slug, filters),
    placeholderData: keepPreviousData,
    queryFn: () => {
      const { page, ...rest } = filters;
      return unwrap(api.GET('/api/v1/sessions', { params: { query: { accountSlug: account.slug, page, pageSize: PAGE_SIZE, ...rest } } }));
    },
  });

  const templateNames = useMemo(() => new Map((templates.data ?? []).map((t) => [t.id, t])), [templates.data]);
  const stageTypes = useMemo(() => {
    const chosen = filters.evaluation_template_id === undefined ? templates.data ?? [] : (templates.data ?? []).filter((t) => t.id === filters.evaluation_template_id);
    const byType = new Map<string, string>();
    for (const t of chosen) for (const s of t.stages) if (!byType.has(s.type)) byType.set(s.type, s.stage_name);
    return [...byType.entries()];
  }, [templates.data, filters.evaluation_template_id]);
  const stageName = (templateId: string, type: string) => templateNames.get(templateId)?.stages.find((s) => s.type === type)?.stage_name ?? type;

  const filtered = params.toString().replace(/(^|&)page=\d+/, '') !== '';
  const total = list.data?.meta.total ?? 0;
  const totalPages = Math.max(1, list.data?.meta.totalPages ?? 1);
  const rows = list.data?.data;

  return (
    <div className="page">
      <PageHeader
        title="Sessions"
        description="Interviews booked for your participants: when they are, where they stand, and their invites."
        actions={
          account.canWrite ? (
            <Button variant="primary" icon={<PlusIcon />} onClick={() => setBooking(true)}>
              Book session
            </Button>
          ) : undefined
        }
      />
      <section className="card" aria-label="Session list">
        <div className="toolbar" role="search">
          <SelectField label="Status" className="field-status" value={filters.status ?? ''} onChange={(e) => update({ status: e.target.value })}>
            <option value="">All statuses</option>
            {keysOf(SESSION_STATUS_LABELS).map((s) => (
              <option key={s} value={s}>
                {SESSION_STATUS_LABELS[s]}
              </option>
            ))}
          </SelectField>
          <SelectField label="Template" className="field-template" value={filters.evaluation_template_id ?? ''} onChange={(e) => update({ template: e.target.value, stage: undefined })}>
            <option value="">All templates</option>
            {(templates.data ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.template_name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Stage" className="field-status" value={filters.stage ?? ''} onChange={(e) => update({ stage: e.target.value })}>
            <option value="">All stages</option>
            {stageTypes.map(([type, name]) => (
              <option key={type} value={type}>
                {name}
              </option>
            ))}
          </SelectField>
          <TextField label="From" type="date" value={from ?? ''} onChange={(e) => update({ from: e.target.value })} />
          <TextField label="To" type="date" value={to ?? ''} onChange={(e) => update({ to: e.target.value })} />
          {filtered ? (
            <Button variant="ghost" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
              Clear filters
            </Button>
          ) : null}
        </div>
        {list.isError ? (
          <div className="card-body">
            <ErrorNotice error={list.error} title="Sessions could not be loaded" />
          </div>
        ) : rows !== undefined && rows.length === 0 ? (
          <EmptyState
            icon={<CalendarIcon size={20} />}
            title={filtered ? 'No session matches' : 'No sessions yet'}
            actions={
              !filtered && account.canWrite ? (
                <Button variant="primary" icon={<PlusIcon />} onClick={() => setBooking(true)}>
                  Book session
                </Button>
              ) : undefined
            }
          >
            {filtered ? 'Try other filters, or clear them.' : 'Book an interview for a participant: they get an email invite with their personal link.'}
          </EmptyState>
        ) : (
          <>
            <div className="table-wrap">
              <table className="table table-cards table-fixed" aria-busy={list.isFetching} style={list.isPlaceholderData ? { opacity: 0.6 } : undefined}>
                <caption className="visually-hidden">Sessions</caption>
                {/* Fixed widths: a long name, email or template is cut (full value on hover), never widening the table. */}
                <colgroup>
                  <col style={{ width: '28%' }} />
                  <col style={{ width: '28%' }} />
                  <col />
                  <col style={{ width: '8.5rem' }} />
                  <col style={{ width: '9rem' }} />
                </colgroup>
                <thead>
                  <tr>
                    <th scope="col">Participant</th>
                    <th scope="col">Template and stage</th>
                    <th scope="col">When</th>
                    <th scope="col">Status</th>
                    <th scope="col">Invite</th>
                  </tr>
                </thead>
                <tbody>
                  {rows === undefined ? (
                    <SkeletonRows columns={5} />
                  ) : (
                    rows.map((s) => {
                      const href = `${account.base}/sessions/${s.id}`;
                      return (
                        <tr key={s.id} className="row-link" onClick={() => void navigate(href)}>
                          <td className="cell-title">
                            <Link className="cell-primary truncate" title={s.participant.name} to={href} onClick={(e) => e.stopPropagation()}>
                              {s.participant.name}
                            </Link>
                            <Truncate text={s.participant.email} className="subtle" />
                          </td>
                          <td data-label="Template and stage">
                            <div>
                              <Truncate text={templateNames.get(s.evaluation_template_id)?.template_name ?? '…'} />
                              <Truncate text={stageName(s.evaluation_template_id, s.stage)} className="subtle" />
                            </div>
                          </td>
                          <td data-label="When">
                            {s.scheduled_at === null ? (
                              <span className="cell-muted">Whenever ready</span>
                            ) : (
                              <div>
                                {formatInZone(s.scheduled_at, s.timezone)}
                                <div className="subtle">{s.timezone.replace(/_/g, ' ')}</div>
                              </div>
                            )}
                          </td>
                          <td data-label="Status">
                            <SessionStatusBadge status={s.status} />
                          </td>
                          <td data-label="Invite">
                            <InviteBadge invite={s.invite} />
                          </td>
                        </tr>
                      );
                    })
                  )}
                </tbody>
              </table>
            </div>
            <Pager
              summary={rows === undefined || list.isPlaceholderData ? 'Loading…' : `${plural(total, 'session')} · page ${filters.page} of ${totalPages}`}
              hasPrevious={filters.page > 1}
              hasNext={filters.page < totalPages}
              busy={list.isFetching}
              onPrevious={() => update({ page: String(filters.page - 1) })}
              onNext={() => update({ page: String(filters.page + 1) })}
            />
          </>
        )}
      </section>
      <BookSessionDialog open={booking} onClose={() => setBooking(false)} />
    </div>
  );
}
