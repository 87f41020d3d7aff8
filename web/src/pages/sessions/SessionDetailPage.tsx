import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { ApiError, errorMessage, unwrap } from '../../api/client';
import type { Session } from '../../api/models';
import { outboxKeys, sessionKeys, useMailDelivery } from '../../api/sessions';
import { useAllTemplates } from '../../api/templates';
import { useAccount } from '../../auth/AccountContext';
import { Button } from '../../components/Button';
import { CopyButton } from '../../components/CopyButton';
import { ConfirmDialog } from '../../components/Dialog';
import { Loading } from '../../components/EmptyState';
import { TextAreaField } from '../../components/Field';
import { ClockIcon, CloseIcon, SendIcon } from '../../components/Icons';
import { ErrorNotice, Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { useToast } from '../../components/Toasts';
import { NotFoundPage } from '../../layout/NotFoundPage';
import { formatDateTime } from '../../lib/format';
import { MAIL_KIND_LABELS, SESSION_STATUS_LABELS } from '../../lib/labels';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { browserTimeZone, formatInZone } from '../../lib/zoned-time';
import { InterviewPanel } from './InterviewPanel';
import { RescheduleDialog } from './RescheduleDialog';
import { InviteBadge, SessionStatusBadge } from './SessionBadges';

export function SessionDetailPage() {
  const { id = '' } = useParams();
  const api = useApi();
  const account = useAccount();
  const session = useQuery({
    queryKey: sessionKeys.one(account.slug, id),
    // Invite delivery happens in the background: show it as it lands.
    refetchInterval: (query) => (query.state.data?.invite?.status === 'queued' ? 2000 : false),
    queryFn: async () => (await unwrap(api.GET('/api/v1/sessions/{id}', { params: { path: { id }, query: { accountSlug: account.slug } } }))).data,
  });
  if (session.isPending) return <Loading />;
  if (session.isError) {
    if (session.error instanceof ApiError && (session.error.status === 404 || session.error.status === 400)) return <NotFoundPage />;
    return <ErrorNotice error={session.error} title="The session could not be loaded" />;
  }
  return <SessionDetail session={session.data} />;
}

function SessionDetail({ session }: { session: Session }) {
  const api = useApi();
  const account = useAccount();
  const toast = useToast();
  const queryClient = useQueryClient();
  const templates = useAllTemplates();
  const delivery = useMailDelivery();
  const [rescheduling, setRescheduling] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const template = templates.data?.find((t) => t.id === session.evaluation_template_id);
  const stageName = template?.stages.find((s) => s.type === session.stage)?.stage_name ?? session.stage;
  const title = `${template?.template_name ?? 'Session'} — ${stageName}`;
  useDocumentTitle(`${session.participant.name}: ${title}`);
  const path = { params: { path: { id: session.id }, query: { accountSlug: account.slug } } };
  const scheduled = session.status === 'scheduled';

  const stored = async (updated: Session) => {
    queryClient.setQueryData(sessionKeys.one(account.slug, updated.id), updated);
    await queryClient.invalidateQueries({ queryKey: sessionKeys.all(account.slug) });
    await queryClient.invalidateQueries({ queryKey: outboxKeys.all(account.slug) });
  };
  const resend = useMutation({
    mutationFn: async () => (await unwrap(api.POST('/api/v1/sessions/{id}/resend-invite', path))).data,
    onSuccess: async (updated) => {
      await stored(updated);
      toast.success(`The invite was sent again to ${updated.participant.email}`);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  const cancel = useMutation({
    mutationFn: async () => (await unwrap(api.POST('/api/v1/sessions/{id}/cancel', { ...path, body: reason.trim() === '' ? {} : { reason: reason.trim() } }))).data,
    onSuccess: async (updated) => {
      setCancelling(false);
      await stored(updated);
      toast.success(`Cancelled; ${updated.participant.name} is told`);
    },
  });

  const messages = useQuery({
    queryKey: outboxKeys.list(account.slug, { session_id: session.id, invite: session.invite?.status, at: session.updated_at }),
    enabled: delivery.data?.delivery === 'outbox',
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/outbox', { params: { query: { accountSlug: account.slug, session_id: session.id, pageSize: 100 } } }))).data,
  });

  const viewerZone = browserTimeZone();
  return (
    <div className="page">
      <PageHeader
        breadcrumb={
          <>
            <Link to={`${account.base}/sessions`}>Sessions</Link>
            <span aria-hidden="true">/</span>
            <span>{session.participant.name}</span>
          </>
        }
        title={
          <span className="row">
            {title}
            <SessionStatusBadge status={session.status} />
          </span>
        }
        description={
          <>
            For <Link to={`${account.base}/participants/${session.candidate_id}`}>{session.participant.name}</Link> ({session.participant.email})
          </>
        }
        actions={
          account.canWrite && scheduled ? (
            <>
              <Button icon={<ClockIcon />} onClick={() => setRescheduling(true)}>
                Reschedule
              </Button>
              <Button icon={<SendIcon />} loading={resend.isPending} onClick={() => resend.mutate()}>
                Resend invite
              </Button>
              <Button variant="danger-outline" icon={<CloseIcon />} onClick={() => setCancelling(true)}>
                Cancel session
              </Button>
            </>
          ) : undefined
        }
      />
      {session.status === 'cancelled' ? (
        <Notice tone="warning" title="Cancelled">
          The participant was told; their link now says the interview was cancelled.
        </Notice>
      ) : null}
      <div className="detail-grid">
        <div className="stack">
          <section className="card" aria-labelledby="session-details">
            <div className="card-header">
              <h2 id="session-details">Details</h2>
            </div>
            <div className="card-body">
              <dl className="dl">
                <dt>When</dt>
                <dd>
                  {session.scheduled_at === null ? (
                    'Whenever the participant is ready'
                  ) : (
                    <>
                      {formatInZone(session.scheduled_at, session.timezone)}
                      {viewerZone !== session.timezone ? <div className="subtle">Your time: {formatInZone(session.scheduled_at, viewerZone)}</div> : null}
                    </>
                  )}
                </dd>
                <dt>Time zone</dt>
                <dd>{session.timezone.replace(/_/g, ' ')}</dd>
                <dt>Duration</dt>
                <dd>{session.duration_minutes} minutes</dd>
                <dt>Notes</dt>
                <dd>{session.notes ?? <span className="cell-muted">None</span>}</dd>
                {session.started_at !== null ? (
                  <>
                    <dt>Started</dt>
                    <dd>{formatDateTime(session.started_at)}</dd>
                  </>
                ) : null}
                {session.ended_at !== null ? (
                  <>
                    <dt>Ended</dt>
                    <dd>{formatDateTime(session.ended_at)}</dd>
                  </>
                ) : null}
              </dl>
            </div>
          </section>
          <section className="card" aria-labelledby="session-link">
            <div className="card-header">
              <h2 id="session-link">Participant’s link</h2>
            </div>
            <div className="card-body stack">
              <p className="subtle">Their personal way in, no sign-in needed. It is in every invite; share it only with them.</p>
              <div className="secret-box">
                <input className="input mono" readOnly aria-label="Join link" value={session.join_url} onFocus={(e) => e.target.select()} />
                <CopyButton text={session.join_url} />
              </div>
            </div>
          </section>
          <InterviewPanel session={session} />
        </div>
        <aside className="stack" aria-label="Invite and history">
          <section className="card" aria-labelledby="session-invite">
            <div className="card-header">
              <h2 id="session-invite">Invite</h2>
              <InviteBadge invite={session.invite} />
            </div>
            <div className="card-body stack">
              {session.invite === null ? (
                <p className="subtle">No message yet.</p>
              ) : (
                <dl className="dl">
                  <dt>Latest</dt>
                  <dd>{MAIL_KIND_LABELS[session.invite.kind]}</dd>
                  <dt>Attempts</dt>
                  <dd>{session.invite.attempts}</dd>
                  <dt>Last sent</dt>
                  <dd>{formatDateTime(session.invite.last_sent_at)}</dd>
                  {session.invite.last_error !== null ? (
                    <>
                      <dt>Error</dt>
                      <dd className="mono">{session.invite.last_error}</dd>
                    </>
                  ) : null}
                </dl>
              )}
              {messages.data !== undefined && messages.data.length > 0 ? (
                <div className="stack">
                  <h3 className="field-label">In the outbox</h3>
                  <ul className="stack">
                    {messages.data.map((m) => (
                      <li key={m.id}>
                        <Link to={`${account.base}/outbox/${m.id}`}>{m.subject}</Link>
                        <div className="subtle">
                          {MAIL_KIND_LABELS[m.kind]} · {formatDateTime(m.created_at)}
                        </div>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </div>
          </section>
          <section className="card" aria-labelledby="session-history">
            <div className="card-header">
              <h2 id="session-history">History</h2>
            </div>
            <div className="card-body">
              <ol className="timeline">
                {[...session.status_history].reverse().map((entry, i) => (
                  <li key={`${entry.at}-${i}`}>
                    <strong>{entry.status === 'scheduled' ? 'Booked' : SESSION_STATUS_LABELS[entry.status]}</strong>
                    <span className="subtle"> · {formatDateTime(entry.at)}</span>
                    {entry.reason !== undefined ? <div className="subtle">{entry.reason}</div> : null}
                  </li>
                ))}
              </ol>
            </div>
          </section>
        </aside>
      </div>
      <RescheduleDialog session={session} open={rescheduling} onClose={() => setRescheduling(false)} />
      <ConfirmDialog
        open={cancelling}
        title="Cancel this session?"
        message={
          <div className="stack">
            <p>
              {session.participant.name} gets a cancellation email{session.scheduled_at !== null ? ' and the calendar entry is withdrawn' : ''}. This cannot be undone; you can book a new session later.
            </p>
            <TextAreaField id="cancel-reason" label="Reason" optional hint="Kept in the session’s history; not sent to the participant." rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
        }
        confirmLabel="Cancel session"
        busy={cancel.isPending}
        error={cancel.error !== null ? <ErrorNotice error={cancel.error} /> : undefined}
        onConfirm={() => cancel.mutate()}
        onCancel={() => {
          setCancelling(false);
          cancel.reset();
        }}
      />
    </div>
  );
}
