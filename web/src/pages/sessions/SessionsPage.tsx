import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import type { Session, SessionStatus } from '../../api/models';
import { sessionKeys, type SessionListFilters } from '../../api/sessions';
import { useAllTemplates } from '../../api/templates';
import { useAccount } from '../../auth/AccountContext';
import { Button } from '../../components/Button';
import { DataTable, type Column } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { SelectField, TextField } from '../../components/Field';
import { Truncate } from '../../components/Truncate';
import { CalendarIcon, PlusIcon } from '../../components/Icons';
import { ErrorNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { PAGE_SIZES, usePagedList, type PagedQuery } from '../../components/usePagedList';
import { SESSION_STATUS_LABELS, keysOf } from '../../lib/labels';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { browserTimeZone, formatInZone, zonedToUtc } from '../../lib/zoned-time';
import { BookSessionDialog } from './BookSessionDialog';
import { InviteBadge, SessionStatusBadge } from './SessionBadges';

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

/** The filters as the URL holds them (`from`/`to` are days) and as the API takes them. */
type SessionFilters = Omit<SessionListFilters, 'page'> & { from?: string; to?: string };

function readSessionFilters(params: URLSearchParams): SessionFilters {
  const status = params.get('status');
  const template = params.get('template');
  const stage = params.get('stage');
  const from = params.get('from');
  const to = params.get('to');
  return {
    ...(isStatus(status) ? { status } : {}),
    ...(template !== null && template !== '' ? { evaluation_template_id: template } : {}),
    ...(stage !== null && stage !== '' ? { stage } : {}),
    ...(from !== null && dayStart(from) !== undefined ? { from, scheduled_after: dayStart(from) } : {}),
    ...(to !== null && dayStart(to, 1) !== undefined ? { to, scheduled_before: dayStart(to, 1) } : {}),
  };
}

const NO_SORT_FIELDS: readonly 'scheduled'[] = [];

/** The API's filters: the days are already in scheduled_after / scheduled_before. */
function withoutDays({ from: _from, to: _to, ...rest }: SessionFilters): Omit<SessionListFilters, 'page'> {
  return rest;
}

export function SessionsPage() {
  useDocumentTitle('Sessions');
  const api = useApi();
  const account = useAccount();
  const navigate = useNavigate();
  const templates = useAllTemplates();
  const [booking, setBooking] = useState(false);
  // Page, page size and filters live in the URL (usePagedList): Back, Forward and reload show
  // the same rows and the same "26–50 of 60".
  const list = usePagedList({
    readFilters: readSessionFilters,
    sortFields: NO_SORT_FIELDS,
    defaultSort: { field: 'scheduled', direction: 'asc' },
    queryKey: ({ filters: f, page, pageSize }: PagedQuery<SessionFilters, 'scheduled'>) => sessionKeys.list(account.slug, { ...withoutDays(f), page, pageSize }),
    fetchPage: ({ filters: f, page, pageSize }: PagedQuery<SessionFilters, 'scheduled'>) =>
      unwrap(api.GET('/api/v1/sessions', { params: { query: { accountSlug: account.slug, page, pageSize, ...withoutDays(f) } } })),
  });
  const { filters } = list;

  const templateNames = useMemo(() => new Map((templates.data ?? []).map((t) => [t.id, t])), [templates.data]);
  const stageTypes = useMemo(() => {
    const chosen = filters.evaluation_template_id === undefined ? templates.data ?? [] : (templates.data ?? []).filter((t) => t.id === filters.evaluation_template_id);
    const byType = new Map<string, string>();
    for (const t of chosen) for (const s of t.stages) if (!byType.has(s.type)) byType.set(s.type, s.stage_name);
    return [...byType.entries()];
  }, [templates.data, filters.evaluation_template_id]);
  const stageName = (templateId: string, type: string) => templateNames.get(templateId)?.stages.find((s) => s.type === type)?.stage_name ?? type;

  const filtered = Object.keys(filters).length > 0;
  const columns: Column<Session>[] = [
    {
      id: 'participant',
      header: 'Participant',
      title: true,
      width: '28%',
      cell: (s) => (
        <>
          <Link className="cell-primary truncate" title={s.participant.name} to={`${account.base}/sessions/${s.id}`} onClick={(e) => e.stopPropagation()} tabIndex={-1}>
            {s.participant.name}
          </Link>
          <Truncate text={s.participant.email} className="subtle" />
        </>
      ),
    },
    {
      id: 'template',
      header: 'Template and stage',
      width: '28%',
      cell: (s) => (
        <div>
          <Truncate text={templateNames.get(s.evaluation_template_id)?.template_name ?? '…'} />
          <Truncate text={stageName(s.evaluation_template_id, s.stage)} className="subtle" />
        </div>
      ),
    },
    {
      id: 'when',
      header: 'When',
      cell: (s) =>
        s.scheduled_at === null ? (
          <span className="cell-muted">Whenever ready</span>
        ) : (
          <div>
            {formatInZone(s.scheduled_at, s.timezone)}
            <div className="subtle">{s.timezone.replace(/_/g, ' ')}</div>
          </div>
        ),
    },
    { id: 'status', header: 'Status', width: '8.5rem', cell: (s) => <SessionStatusBadge status={s.status} /> },
    { id: 'invite', header: 'Invite', width: '9rem', cell: (s) => <InviteBadge invite={s.invite} /> },
  ];

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
          <SelectField label="Status" className="field-status" value={filters.status ?? ''} onChange={(e) => list.setFilters({ status: e.target.value })}>
            <option value="">All statuses</option>
            {keysOf(SESSION_STATUS_LABELS).map((s) => (
              <option key={s} value={s}>
                {SESSION_STATUS_LABELS[s]}
              </option>
            ))}
          </SelectField>
          <SelectField label="Template" className="field-template" value={filters.evaluation_template_id ?? ''} onChange={(e) => list.setFilters({ template: e.target.value, stage: undefined })}>
            <option value="">All templates</option>
            {(templates.data ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.template_name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Stage" className="field-status" value={filters.stage ?? ''} onChange={(e) => list.setFilters({ stage: e.target.value })}>
            <option value="">All stages</option>
            {stageTypes.map(([type, name]) => (
              <option key={type} value={type}>
                {name}
              </option>
            ))}
          </SelectField>
          <TextField label="From" type="date" value={filters.from ?? ''} onChange={(e) => list.setFilters({ from: e.target.value })} />
          <TextField label="To" type="date" value={filters.to ?? ''} onChange={(e) => list.setFilters({ to: e.target.value })} />
          {filtered ? (
            <Button variant="ghost" className="toolbar-clear" onClick={list.clearFilters}>
              Clear filters
            </Button>
          ) : null}
        </div>
        {list.query.isError ? (
          <div className="card-body">
            <ErrorNotice error={list.query.error} title="Sessions could not be loaded" onRetry={() => void list.query.refetch()} />
          </div>
        ) : list.rows !== undefined && list.rows.length === 0 && list.page === 1 ? (
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
            <DataTable
              caption="Sessions"
              columns={columns}
              rows={list.rows}
              rowKey={(s) => s.id}
              rowLabel={(s) => `${s.participant.name}, ${stageName(s.evaluation_template_id, s.stage)}`}
              onOpen={(s) => void navigate(`${account.base}/sessions/${s.id}`)}
              busy={list.query.isFetching}
              stale={list.stale}
            />
            <Pager {...list.pager} pageSize={list.pageSize} pageSizes={PAGE_SIZES} onPageSize={list.setPageSize} />
          </>
        )}
      </section>
      <BookSessionDialog open={booking} onClose={() => setBooking(false)} />
    </div>
  );
}
