import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './schema';

export type ApiClient = Client<paths>;

export interface ApiIssue {
  path: string;
  message: string;
  code: string;
}

/** An error answer of the API, `{ error, code, issues, request_id }`, with its status. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: ApiIssue[];
  readonly requestId: string | undefined;
  readonly existingId: string | undefined;

  constructor(status: number, body: unknown) {
    const record = isRecord(body) ? body : {};
    const message = typeof record['error'] === 'string' ? record['error'] : `The server answered ${status}.`;
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = typeof record['code'] === 'string' ? record['code'] : 'unknown';
    this.issues = Array.isArray(record['issues']) ? record['issues'].filter(isIssue) : [];
    this.requestId = typeof record['request_id'] === 'string' ? record['request_id'] : undefined;
    this.existingId = typeof record['existing_id'] === 'string' ? record['existing_id'] : undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIssue(value: unknown): value is ApiIssue {
  return isRecord(value) && typeof value['path'] === 'string' && typeof value['message'] === 'string';
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The typed client of the dashboard. It authenticates with the session cookie (same origin)
 * and adds the CSRF token the server handed out at sign-in to every state-changing request.
 */
export function createApiClient(csrfToken: () => string | undefined): ApiClient {
  const client = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
  client.use({
    onRequest({ request }) {
      const token = csrfToken();
      if (!SAFE_METHODS.has(request.method) && token !== undefined) request.headers.set('x-csrf-token', token);
      return request;
    },
  });
  return client;
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The body of a successful answer, or an ApiError. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  const result = await call;
  if (!result.response.ok) throw new ApiError(result.response.status, result.error);
  if (result.data === undefined) throw new ApiError(result.response.status, { error: 'The server sent an empty answer.' });
  return result.data;
}

/** For answers without a body (204). */
export async function expectOk(call: Promise<FetchResult<unknown>>): Promise<void> {
  const result = await call;
  if (!result.response.ok) throw new ApiError(result.response.status, result.error);
}

/** A message fit for a person, whatever went wrong. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return 'The server could not be reached. Check your connection and try again.';
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

/** Issues keyed by their path (`email`, `profile.title` …), the first one per field. */
export function issuesByPath(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const issue of error.issues) {
    const path = issue.path.replace(/^\/?body\/?/, '').replace(/\//g, '.');
    if (out[path] === undefined) out[path] = issue.message;
  }
  return out;
}
