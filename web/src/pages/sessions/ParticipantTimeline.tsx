import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { sessionKeys } from '../../api/sessions';
import { useAccount } from '../../auth/AccountContext';
import { Loading } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/Notice';
import { formatDateTime } from '../../lib/format';

/** What happened to a participant, newest first: their record, sessions, and messages sent. */
export function ParticipantTimeline({ participantId }: { participantId: string }) {
  const api = useApi();
  const account = useAccount();
  const timeline = useQuery({
    queryKey: sessionKeys.timeline(account.slug, participantId),
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/participants/{id}/timeline', { params: { path: { id: participantId }, query: { accountSlug: account.slug } } }))).data,
  });
  return (
    <section className="card" aria-labelledby="timeline-heading">
      <div className="card-header">
        <h2 id="timeline-heading">Timeline</h2>
      </div>
      <div className="card-body">
        {timeline.isPending ? (
          <Loading />
        ) : timeline.isError ? (
          <ErrorNotice error={timeline.error} title="The timeline could not be loaded" />
        ) : (
          <ol className="timeline" aria-label="Participant timeline">
            {timeline.data.map((item, i) => (
              <li key={`${item.at}-${item.type}-${i}`}>
                {item.session_id !== null && item.type.startsWith('session.') ? (
                  <Link to={`${account.base}/sessions/${item.session_id}`}>{item.title}</Link>
                ) : (
                  <strong>{item.title}</strong>
                )}
                <div className="subtle">
                  {formatDateTime(item.at)}
                  {item.detail !== null ? ` · ${item.detail}` : ''}
                </div>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
