import { useEffect, useState } from 'react';
import { JoinError, fetchJoinView, tokenFromPath, type JoinView } from './api';
import { InterviewRoom } from './InterviewRoom';

type State = { kind: 'loading' } | { kind: 'ready'; view: JoinView; interview: boolean } | { kind: 'error'; error: JoinError };

/**
 * The participant's page behind their link: no sign-in, no dashboard. It shows the interview
 * (template, stage, time in their zone, duration) and whether it is still ahead, running,
 * finished or cancelled, and below it the interview itself (InterviewRoom).
 */
export function JoinPage() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const token = tokenFromPath(window.location.pathname);

  useEffect(() => {
    let live = true;
    fetchJoinView(token).then(
      // The interview is shown when the page opens on an open session, and stays until the page closes.
      (view) => live && setState({ kind: 'ready', view, interview: view.status === 'scheduled' || view.status === 'in_progress' }),
      (error: unknown) => live && setState({ kind: 'error', error: error instanceof JoinError ? error : new JoinError(0, 'Something went wrong.') }),
    );
    return () => {
      live = false;
    };
  }, [token]);

  useEffect(() => {
    if (state.kind === 'ready') document.title = `Interview: ${state.view.template_name}`;
    if (state.kind === 'error') document.title = 'Interview link';
  }, [state]);

  return (
    <div className="join">
      <header className="join-header">
        <span className="join-brand" aria-hidden="true">
          D
        </span>
        <span>{state.kind === 'ready' ? state.view.team_name : 'Interview'}</span>
      </header>
      <main className="join-main" id="main">
        {state.kind === 'loading' ? (
          <p role="status" className="join-muted">
            Loading your interview…
          </p>
        ) : state.kind === 'error' ? (
          <LinkProblem error={state.error} />
        ) : (
          <>
            <Interview view={state.view} />
            {state.interview ? (
              <InterviewRoom
                token={token}
                onStatus={(status) => setState((current) => (current.kind === 'ready' && current.view.status !== status ? { ...current, view: { ...current.view, status } } : current))}
              />
            ) : null}
          </>
        )}
      </main>
      <footer className="join-footer">This page is personal to you. Please don’t share its link.</footer>
    </div>
  );
}

function LinkProblem({ error }: { error: JoinError }) {
  const invalid = error.status === 404 || error.status === 400;
  return (
    <section className="join-card" aria-labelledby="problem-title">
      <h1 id="problem-title">{invalid ? 'This link doesn’t work' : 'We couldn’t load your interview'}</h1>
      <p>{invalid ? 'Check that you opened the whole link from your invitation email. If it still fails, ask the person who invited you for a new one.' : error.message}</p>
      {!invalid ? (
        <button type="button" className="join-button" onClick={() => window.location.reload()}>
          Try again
        </button>
      ) : null}
    </section>
  );
}

const STATUS_TEXT: Record<JoinView['status'], { badge: string; tone: string; title: string; body: string }> = {
  scheduled: {
    badge: 'Scheduled',
    tone: 'blue',
    title: 'Your interview',
    body: 'Come back to this page at the time below. It works on a computer or a phone; no account or password is needed.',
  },
  in_progress: { badge: 'In progress', tone: 'amber', title: 'Your interview is in progress', body: 'Your interview has started.' },
  completed: { badge: 'Completed', tone: 'green', title: 'Your interview is complete', body: 'Thank you for your time. The team will be in touch about the next steps.' },
  failed: { badge: 'Ended', tone: 'gray', title: 'This interview has ended', body: 'This interview can no longer be taken. If you think this is a mistake, contact the team that invited you.' },
  cancelled: { badge: 'Cancelled', tone: 'red', title: 'This interview was cancelled', body: 'You don’t need to do anything. If it is booked again, you will get a new invitation.' },
};

function Interview({ view }: { view: JoinView }) {
  const text = STATUS_TEXT[view.status];
  const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const yours =
    view.scheduled_at !== null && here !== '' && here !== view.timezone
      ? new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short', timeZone: here }).format(new Date(view.scheduled_at))
      : null;
  return (
    <section className="join-card" aria-labelledby="interview-title">
      <p className={`join-badge join-badge-${text.tone}`}>{text.badge}</p>
      <h1 id="interview-title">{text.title}</h1>
      <p className="join-greeting">Hi {view.participant_name},</p>
      <p>{text.body}</p>
      <dl className="join-details">
        <dt>Interview</dt>
        <dd>{view.template_name}</dd>
        <dt>Stage</dt>
        <dd>{view.stage_name}</dd>
        <dt>When</dt>
        <dd>
          {view.local_time ?? 'Whenever you’re ready'}
          {yours !== null && view.status === 'scheduled' ? <span className="join-muted"> That is {yours} where you are now.</span> : null}
        </dd>
        <dt>Duration</dt>
        <dd>About {view.duration_minutes} minutes</dd>
      </dl>
      {view.status === 'scheduled' && view.scheduled_at === null ? (
        <p className="join-muted">There is no fixed time: take it whenever you are ready, in one sitting.</p>
      ) : null}
    </section>
  );
}
