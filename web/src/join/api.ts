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
  const body = (await response.json().catch(() => ({}))) as { data?: T; error?: string };
  if (!response.ok || body.data === undefined) throw new JoinError(response.status, body.error ?? `The server answered ${response.status}.`);
  return body.data;
}

export function fetchJoinView(token: string): Promise<JoinView> {
  return call<JoinView>(`/api/join/${encodeURIComponent(token)}`);
}
