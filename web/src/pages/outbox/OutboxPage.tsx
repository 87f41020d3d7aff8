import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import type { OutboxMessage } from '../../api/models';
import { outboxKeys, useMailDelivery } from '../../api/sessions';
import { useAccount } from '../../auth/AccountContext';
import { Badge } from '../../components/Badge';
import { EmptyState, SkeletonRows } from '../../components/EmptyState';
import { SelectField, TextField } from '../../components/Field';
import { MailIcon } from '../../components/Icons';
import { ErrorNotice, Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { formatDateTime, plural } from '../../lib/format';
import { MAIL_KIND_LABELS, keysOf } from '../../lib/labels';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useDocumentTitle } from '../../lib/useDocumentTitle';

const PAGE_SIZE = 25;

function isKind(value: string | null): value is OutboxMessage['kind'] {
  return value !== null && keysOf(MAIL_KIND_LABELS).includes(value as OutboxMessage['kind']);
}

/** The messages Docket would have sent, while no SMTP server is configured. */
export function OutboxPage() {
  useDocumentTitle('Outbox');
  const api = useApi();
  const account = useAccount();
  const navigate = useNavigate();
  const delivery = useMailDelivery();
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const kind = isKind(kindParam) ? kindParam : undefined;
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [toInput, setToInput] = useState(params.get('to') ?? '');
  const to = useDebouncedValue(toInput.trim(), 300);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(name);
      else next.set(name, value);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const filters = { kind, to: to === '' ? undefined : to, page };
  const list = useQuery({
    queryKey: outboxKeys.list(account.slug, filters),
    placeholderData: keepPreviousData,
    refetchInterval: 5000,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/outbox', {
          params: {
            query: { accountSlug: account.slug, page, pageSize: PAGE_SIZE, ...(kind !== undefined ? { kind } : {}), ...(filters.to !== undefined ? { to: filters.to } : {}) },
          },
        }),
      ),
  });
  const rows = list.data?.data;
  const total = list.data?.meta.total ?? 0;
  const totalPages = Math.max(1, list.data?.meta.totalPages ?? 1);

  return (
    <div className="page">
      <PageHeader title="Outbox" description="No mail server is configured, so Docket keeps every message here instead of sending it: exactly what the participant would receive." />
      {delivery.data?.delivery === 'smtp' ? (
        <Notice tone="info" title="Mail is sent through SMTP">
          New messages go to their recipients; only those kept before SMTP was set up are listed here.
        </Notice>
      ) : null}
      <section className="card" aria-label="Messages">
        <div className="toolbar" role="search">
          <TextField label="Recipient" type="search" placeholder="Exact address" value={toInput} onChange={(e) => {
            setToInput(e.target.value);
            if (params.has('page')) update({});
          }} />
          <SelectField label="Kind" value={kind ?? ''} onChange={(e) => update({ kind: e.target.value })}>
            <option value="">All kinds</option>
            {keysOf(MAIL_KIND_LABELS).map((k) => (
              <option key={k} value={k}>
                {MAIL_KIND_LABELS[k]}
              </option>
            ))}
          </SelectField>
        </div>
        {list.isError ? (
          <div className="card-body">
            <ErrorNotice error={list.error} title="The outbox could not be loaded" />
          </div>
        ) : rows !== undefined && rows.length === 0 ? (
          <EmptyState icon={<MailIcon size={20} />} title="No messages">
            Invites, updates, cancellations and reminders appear here as Docket writes them.
          </EmptyState>
        ) : (
          <>
            <div className="table-wrap">
              <table className="table table-cards" aria-busy={list.isFetching}>
                <caption className="visually-hidden">Outbox messages</caption>
                <thead>
                  <tr>
                    <th scope="col">Subject</th>
                    <th scope="col">To</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Written</th>
                  </tr>
                </thead>
                <tbody>
                  {rows === undefined ? (
                    <SkeletonRows columns={4} />
                  ) : (
                    rows.map((m) => {
                      const href = `${account.base}/outbox/${m.id}`;
                      return (
                        <tr key={m.id} className="row-link" onClick={() => void navigate(href)}>
                          <td className="cell-title">
                            <Link className="cell-primary" to={href} onClick={(e) => e.stopPropagation()}>
                              {m.subject}
                            </Link>
                          </td>
                          <td data-label="To" className="cell-muted">
                            {m.to}
                          </td>
                          <td data-label="Kind">
                            <span className="row">
                              <Badge tone={m.kind === 'cancellation' ? 'red' : m.kind === 'reminder' ? 'amber' : 'brand'}>{MAIL_KIND_LABELS[m.kind]}</Badge>
                              {m.ics !== null ? <span className="subtle">with calendar entry</span> : null}
                            </span>
                          </td>
                          <td data-label="Written" className="cell-muted cell-nowrap">
                            {formatDateTime(m.created_at)}
                          </td>
                        </tr>
                      );
                    })
                  )}
                </tbody>
              </table>
            </div>
            <Pager
              summary={rows === undefined || list.isPlaceholderData ? 'Loading…' : `${plural(total, 'message')} · page ${page} of ${totalPages}`}
              hasPrevious={page > 1}
              hasNext={page < totalPages}
              busy={list.isFetching}
              onPrevious={() => update({ page: String(page - 1) })}
              onNext={() => update({ page: String(page + 1) })}
            />
          </>
        )}
      </section>
    </div>
  );
}
