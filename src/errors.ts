/**
 * The closed catalogue of error codes. One class carries a code; one table maps codes to HTTP
 * statuses; the error handler (http/error-handler.ts) turns either into the public body
 * `{ error, code, issues, request_id }`.
 */

export const ERROR_STATUS = {
  validation_failed: 400,
  bad_request: 400,
  invalid_json: 400,
  invalid_cursor: 400,
  account_slug_required: 400,
  batch_too_large: 400,
  invalid_csv: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  missing_scope: 403,
  account_mismatch: 403,
  csrf_failed: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  participant_exists: 409,
  stage_exists: 409,
  template_in_use: 409,
  agent_profile_in_use: 409,
  interview_open_elsewhere: 409,
  account_exists: 409,
  user_exists: 409,
  member_exists: 409,
  last_owner: 409,
  session_exists: 409,
  invalid_transition: 409,
  participant_archived: 409,
  idempotency_key_reused: 409,
  idempotency_in_progress: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  range_not_satisfiable: 416,
  rate_limited: 429,
  too_many_login_attempts: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorIssue {
  path: string;
  message: string;
  code: string;
}

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: ErrorIssue[] = [],
    /** Extra public fields, e.g. `existing_id` on a duplicate. */
    readonly details: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} not found.`);
}
