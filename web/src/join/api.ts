/**
 * The join page's one API client: the public endpoints a participant's link opens, with the
 * token from the link as the only credential. No cookies, no dashboard client.
 */

export type SessionStatus = 'scheduled' | 'in_progress' | 'completed' | 'failed' | 'cancelled';

export interface JoinView {
  status: SessionStatus;
  participant_name: string;
  team_name: string;
  template_name: string;
  stage_name: string;
  scheduled_at: string | null;
  timezone: string;
  local_time: string | null;
  duration_minutes: number;
}

export class JoinError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The API's error code, e.g. `interview_open_elsewhere`. */
    readonly code = 'unknown',
  ) {
    super(message);
    this.name = 'JoinError';
  }
}

/** The token of the current page's link (`/join/<token>`). */
export function tokenFromPath(pathname: string): string {
  return decodeURIComponent(pathname.replace(/^\/join\//, '').split('/')[0] ?? '');
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'omit', referrerPolicy: 'no-referrer', headers: { accept: 'application/json' }, ...init });
  } catch {
    throw new JoinError(0, 'We could not reach the server. Check your connection and try again.');
  }
  const body = (await response.json().catch(() => ({}))) as { data?: T; error?: string; code?: string };
  if (!response.ok || body.data === undefined) throw new JoinError(response.status, body.error ?? `The server answered ${response.status}.`, body.code);
  return body.data;
}

export function fetchJoinView(token: string): Promise<JoinView> {
  return call<JoinView>(`/api/join/${encodeURIComponent(token)}`);
}

export interface Turn {
  seq: number;
  speaker: 'interviewer' | 'participant';
  text: string;
  at: string;
}

export interface InterviewView {
  status: SessionStatus;
  phase: 'preparing' | 'consent' | 'conversation' | 'finished' | 'closed';
  interviewer: { name: string; persona: string | null };
  consent_text: string;
  question_count: number | null;
  duration_minutes: number;
  time_left_seconds: number | null;
  wrap_up: boolean;
  your_turn: boolean;
  turns: Turn[];
}

/** The answer limit the server keeps (4,000 characters). */
export const ANSWER_LIMIT = 4000;

function post<T>(path: string, body: unknown): Promise<T> {
  return call<T>(path, { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

const base = (token: string) => `/api/join/${encodeURIComponent(token)}`;

export function fetchInterview(token: string): Promise<InterviewView> {
  return call<InterviewView>(`${base(token)}/interview`);
}

export function startInterview(token: string, connectionId: string): Promise<InterviewView> {
  return post<InterviewView>(`${base(token)}/start`, { connection_id: connectionId, consent: true });
}

export function sendAnswer(token: string, connectionId: string, seq: number, text: string): Promise<InterviewView> {
  return post<InterviewView>(`${base(token)}/answers`, { connection_id: connectionId, seq, text });
}

export function sendHeartbeat(token: string, connectionId: string, signals: { tab_switches: number; pastes: number }): Promise<InterviewView> {
  return post<InterviewView>(`${base(token)}/heartbeat`, { connection_id: connectionId, ...signals });
}

/**
 * This tab's id for the conversation: kept in sessionStorage, so a reload of the tab keeps
 * holding the interview while another tab (its own storage) is refused.
 */
export function connectionIdFor(token: string): string {
  const key = `docket-join-connection:${token}`;
  const existing = window.sessionStorage.getItem(key);
  if (existing !== null && /^[A-Za-z0-9_-]{16,64}$/.test(existing)) return existing;
  const bytes = new Uint8Array(18);
  window.crypto.getRandomValues(bytes);
  const id = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  window.sessionStorage.setItem(key, id);
  return id;
}
