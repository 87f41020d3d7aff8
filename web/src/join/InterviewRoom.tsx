import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import {
  ANSWER_LIMIT,
  JoinError,
  connectionIdFor,
  fetchInterview,
  sendAnswer,
  sendHeartbeat,
  startInterview,
  type InterviewView,
} from './api';

const HEARTBEAT_MS = 5_000;
const PREPARING_POLL_MS = 2_000;

type Problem = { kind: 'elsewhere' } | { kind: 'error'; message: string };

function formatLeft(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/**
 * The interview itself: consent, then the conversation. The server owns every decision; this
 * page shows its turns, sends answers, counts down the time it reports, and tells it the tab is
 * alive (with tab switches and pastes, as raw counts).
 */
export function InterviewRoom({ token, onStatus }: { token: string; onStatus?: (status: InterviewView['status']) => void }) {
  const [view, setView] = useState<InterviewView | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);
  const draftKey = `docket-join-draft:${token}`;
  const [draft, setDraft] = useState(() => window.sessionStorage.getItem(draftKey) ?? '');
  const [left, setLeft] = useState<number | null>(null);
  const connection = useRef(connectionIdFor(token));
  const signals = useRef({ tab_switches: 0, pastes: 0 });
  const answerBox = useRef<HTMLTextAreaElement>(null);
  const logEnd = useRef<HTMLDivElement>(null);

  const statusListener = useRef(onStatus);
  // The latest listener, kept after each render (a ref is not written while rendering).
  useEffect(() => {
    statusListener.current = onStatus;
  });
  const show = useCallback((next: InterviewView) => {
    setView(next);
    setLeft(next.time_left_seconds);
    statusListener.current?.(next.status);
  }, []);

  const fail = useCallback((error: unknown) => {
    if (error instanceof JoinError && error.code === 'interview_open_elsewhere') setProblem({ kind: 'elsewhere' });
    else setProblem({ kind: 'error', message: error instanceof Error ? error.message : 'Something went wrong.' });
  }, []);

  // First look: an interview in progress is resumed by this tab at once (a reload, a lost connection).
  useEffect(() => {
    let live = true;
    fetchInterview(token)
      .then(async (first) => {
        if (!live) return;
        if (first.phase === 'conversation') show(await startInterview(token, connection.current));
        else show(first);
      })
      .catch((error: unknown) => live && fail(error));
    return () => {
      live = false;
    };
  }, [token, show, fail]);

  // While the plan is being prepared, look again every few seconds.
  useEffect(() => {
    if (view?.phase !== 'preparing') return;
    const timer = window.setTimeout(() => void fetchInterview(token).then(show, fail), PREPARING_POLL_MS);
    return () => window.clearTimeout(timer);
  }, [view, token, show, fail]);

  const conversing = view?.phase === 'conversation' && problem === null;

  // The heartbeat: keeps this tab's hold, brings the signals and any reply still being written.
  const beat = useCallback(() => {
    const counts = signals.current;
    signals.current = { tab_switches: 0, pastes: 0 };
    sendHeartbeat(token, connection.current, counts).then(show, (error: unknown) => {
      signals.current = { tab_switches: signals.current.tab_switches + counts.tab_switches, pastes: signals.current.pastes + counts.pastes };
      fail(error);
    });
  }, [token, show, fail]);

  useEffect(() => {
    if (!conversing) return;
    const timer = window.setInterval(beat, HEARTBEAT_MS);
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') signals.current.tab_switches += 1;
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [conversing, beat]);

  // The clock shown counts down between answers from the server; at zero the server closes.
  useEffect(() => {
    if (!conversing || left === null) return;
    if (left <= 0) {
      beat();
      return;
    }
    const timer = window.setTimeout(() => setLeft((s) => (s === null ? s : Math.max(0, s - 1))), 1000);
    return () => window.clearTimeout(timer);
  }, [conversing, left, beat]);

  const turnCount = view?.turns.length ?? 0;
  useEffect(() => {
    logEnd.current?.scrollIntoView({ block: 'end' });
    if (view?.your_turn === true) answerBox.current?.focus();
  }, [turnCount, view?.your_turn]);

  const begin = async () => {
    setBusy(true);
    try {
      show(await startInterview(token, connection.current));
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (view === null || draft.trim() === '' || busy) return;
    setBusy(true);
    try {
      show(await sendAnswer(token, connection.current, view.turns.length + 1, draft.trim()));
      setDraft('');
      window.sessionStorage.removeItem(draftKey);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  if (problem?.kind === 'elsewhere') {
    return (
      <section className="join-card" aria-labelledby="elsewhere-title">
        <h2 id="elsewhere-title">This interview is open in another tab</h2>
        <p>Your interview is already open in another tab or window. Continue there. If you closed it, wait a minute and reload this page.</p>
        <button type="button" className="join-button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </section>
    );
  }
  if (problem !== null) {
    return (
      <section className="join-card" role="alert">
        <h2>Something went wrong</h2>
        <p>{problem.message}</p>
        <button type="button" className="join-button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </section>
    );
  }
  if (view === null) return <p role="status" className="join-muted">Loading…</p>;
  if (view.phase === 'preparing') {
    return (
      <p role="status" className="join-card join-muted">
        Preparing your interview… This takes a few seconds.
      </p>
    );
  }
  if (view.phase === 'consent') {
    return (
      <section className="join-card" aria-labelledby="consent-title">
        <h2 id="consent-title">Before you begin</h2>
        {view.interviewer.persona !== null ? <p className="join-persona">{view.interviewer.persona}</p> : null}
        <p>
          The interview has about {view.question_count ?? 'a few'} questions and takes up to {view.duration_minutes} minutes, in one sitting. Answer in writing,
          one question at a time.
        </p>
        <p className="join-muted">{view.consent_text}</p>
        <label className="join-check">
          <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} />
          <span>I understand and agree</span>
        </label>
        <button type="button" className="join-button" disabled={!agreed || busy} onClick={() => void begin()}>
          Start the interview
        </button>
      </section>
    );
  }
  if (view.phase !== 'conversation' && view.turns.length === 0) return null;
  const finished = view.phase !== 'conversation';

  return (
    <section className="join-room" aria-labelledby="room-title">
      <div className="join-room-bar">
        <h2 id="room-title">Interview with {view.interviewer.name}</h2>
        {left !== null && !finished ? (
          <p className={view.wrap_up ? 'join-timer join-timer-late' : 'join-timer'} role="timer" aria-live="off" aria-label={`Time left: ${formatLeft(left)}`}>
            <span aria-hidden="true">Time left </span>
            {formatLeft(left)}
          </p>
        ) : null}
      </div>
      <ol className="join-log" role="log" aria-live="polite" aria-label="Conversation">
        {view.turns.map((turn) => (
          <li key={turn.seq} className={`join-turn join-turn-${turn.speaker}`}>
            <span className="visually-hidden">{turn.speaker === 'interviewer' ? `${view.interviewer.name}:` : 'You:'}</span>
            <p>{turn.text}</p>
          </li>
        ))}
        {!view.your_turn && !finished ? (
          <li className="join-turn join-turn-interviewer join-typing" role="status">
            <p>{view.interviewer.name} is writing…</p>
          </li>
        ) : null}
      </ol>
      <div ref={logEnd} />
      {finished ? (
        <p className="join-card join-done" role="status">
          {view.phase === 'finished' ? 'Your interview is complete. Thank you — you can close this page now.' : 'This interview has ended.'}
        </p>
      ) : (
      <form className="join-answer" onSubmit={(e) => void submit(e)}>
        <label htmlFor="answer" className="join-label">
          Your answer
        </label>
        <textarea
          id="answer"
          ref={answerBox}
          rows={4}
          maxLength={ANSWER_LIMIT}
          value={draft}
          disabled={!view.your_turn || busy}
          onChange={(e) => {
            setDraft(e.target.value);
            window.sessionStorage.setItem(draftKey, e.target.value);
          }}
          onPaste={() => {
            signals.current.pastes += 1;
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
          }}
        />
        <div className="join-answer-actions">
          <span className="join-muted">
            {draft.length} / {ANSWER_LIMIT}
          </span>
          <button type="submit" className="join-button" disabled={!view.your_turn || busy || draft.trim() === ''}>
            Send answer
          </button>
        </div>
      </form>
      )}
    </section>
  );
}
