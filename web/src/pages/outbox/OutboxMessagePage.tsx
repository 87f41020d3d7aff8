import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { ApiError, unwrap } from '../../api/client';
import { useAccount } from '../../auth/AccountContext';
import { Badge } from '../../components/Badge';
import { Loading } from '../../components/EmptyState';
import { DownloadIcon } from '../../components/Icons';
import { ErrorNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { NotFoundPage } from '../../layout/NotFoundPage';
import { formatDateTime } from '../../lib/format';
import { MAIL_KIND_LABELS } from '../../lib/labels';
import { useDocumentTitle } from '../../lib/useDocumentTitle';

/** One message as its recipient would see it: the HTML part in a sandbox, or the text part. */
export function OutboxMessagePage() {
  const { id = '' } = useParams();
  const api = useApi();
  const account = useAccount();
  const [view, setView] = useState<'html' | 'text' | 'calendar'>('html');
  const message = useQuery({
    queryKey: [account.slug, 'outbox', 'one', id],
    queryFn: async () => (await unwrap(api.GET('/api/v1/outbox/{id}', { params: { path: { id }, query: { accountSlug: account.slug } } }))).data,
  });
  useDocumentTitle(message.data?.subject ?? 'Outbox');
  if (message.isPending) return <Loading />;
  if (message.isError) {
    if (message.error instanceof ApiError && (message.error.status === 404 || message.error.status === 400)) return <NotFoundPage />;
    return <ErrorNotice error={message.error} title="The message could not be loaded" />;
  }
  const m = message.data;
  const raw = `/api/v1/outbox/${m.id}/raw?accountSlug=${encodeURIComponent(account.slug)}`;
  const views: ['html' | 'text' | 'calendar', string][] = [
    ['html', 'As sent (HTML)'],
    ['text', 'Plain text'],
    ...(m.ics !== null ? [['calendar', 'Calendar entry'] as ['calendar', string]] : []),
  ];
  return (
    <div className="page">
      <PageHeader
        breadcrumb={
          <>
            <Link to={`${account.base}/outbox`}>Outbox</Link>
            <span aria-hidden="true">/</span>
            <span>{MAIL_KIND_LABELS[m.kind]}</span>
          </>
        }
        title={m.subject}
        description={
          <>
            To {m.to} · {formatDateTime(m.created_at)} · <Badge tone="brand">{MAIL_KIND_LABELS[m.kind]}</Badge>
          </>
        }
        actions={
          <>
            {m.session_id !== null ? (
              <Link className="btn btn-secondary" to={`${account.base}/sessions/${m.session_id}`}>
                Open the session
              </Link>
            ) : null}
            <a className="btn btn-secondary" href={raw} download={`${m.id}.eml`}>
              <DownloadIcon />
              Download .eml
            </a>
          </>
        }
      />
      <section className="card" aria-label="Message">
        <div className="toolbar" role="tablist" aria-label="Show the message">
          {views.map(([key, label]) => (
            <button
              key={key}
              type="button"
              role="tab"
              aria-selected={view === key}
              className={view === key ? 'btn btn-primary btn-sm' : 'btn btn-secondary btn-sm'}
              onClick={() => setView(key)}
            >
              {label}
            </button>
          ))}
        </div>
        <div className="card-body" role="tabpanel">
          {view === 'html' ? (
            // No scripts and no navigation: the message's HTML is only shown. Same origin only
            // so the frame can be sized to the message (nothing in it can run).
            <iframe
              className="mail-preview"
              title={`Message: ${m.subject}`}
              sandbox="allow-same-origin"
              srcDoc={m.html}
              onLoad={(event) => {
                const frame = event.currentTarget;
                const height = frame.contentDocument?.documentElement.scrollHeight;
                if (height !== undefined && height > 0) frame.style.height = `${height + 4}px`;
              }}
            />
          ) : view === 'text' ? (
            <pre className="mail-text">{m.text}</pre>
          ) : (
            <pre className="mail-text">{m.ics}</pre>
          )}
        </div>
      </section>
    </div>
  );
}
