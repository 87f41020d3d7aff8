/**
 * Table types for Kysely. Timestamps are ISO-8601 UTC strings with millisecond precision
 * (`2026-01-31T12:00:00.000Z`) on both databases: fixed width, so they sort and compare as
 * text, and the API never sees a dialect-specific date type. JSON columns hold JSON text.
 */
import type { Insertable, Selectable, Updateable } from 'kysely';

export interface AccountsTable {
  id: string;
  slug: string;
  name: string;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
  updated_at: string;
}

export interface MembershipsTable {
  account_id: string;
  user_id: string;
  role: string;
  created_at: string;
  updated_at: string;
}

export interface ApiKeysTable {
  id: string;
  account_id: string;
  name: string;
  prefix: string;
  secret_hash: string;
  /** JSON array of scope names. */
  scopes: string;
  created_by_user_id: string | null;
  created_at: string;
  updated_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface UserSessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface EvaluationTemplatesTable {
  id: string;
  account_id: string;
  template_name: string;
  use_case: string;
  description: string | null;
  objective: string | null;
  success_outcome: string;
  status: string;
  level: string | null;
  requirements: string | null;
  /** JSON array of strings. */
  skills: string;
  /** JSON array of strings. */
  soft_skills: string;
  default_duration_minutes: number;
  default_difficulty: string;
  /** The default agent profile of the template's stages (SPEC §10). */
  agent_profile_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface EvaluationStagesTable {
  id: string;
  account_id: string;
  template_id: string;
  type: string;
  stage_name: string;
  stage_order: number;
  duration_minutes: number | null;
  agent_profile_id: string | null;
  /** Hundredths of a point: 700 = 7.00. */
  pass_threshold_centi: number;
  /** none | auto_advance | require_reviewer_approval */
  automation_rule: string;
  created_at: string;
  updated_at: string;
}

/** The interviewer's persona and rubric (SPEC §10). */
export interface AgentProfilesTable {
  id: string;
  account_id: string;
  name: string;
  persona: string | null;
  use_case: string;
  /** JSON: [{ name, description, weight, threshold? }]. */
  evaluation_dimensions: string;
  /** JSON: { tone, style, probingDepth }. */
  interaction: string;
  additional_instructions: string | null;
  /** 1 for the profiles created with the account. */
  starter: number;
  created_at: string;
  updated_at: string;
}

/** Docket's own interview of a session (SPEC §10); see src/modules/interviews/. */
export interface InterviewsTable {
  session_id: string;
  account_id: string;
  plan: string | null;
  state: string | null;
  consented_at: string | null;
  connection_id: string | null;
  connection_seen_at: string | null;
  last_activity_at: string | null;
  reply_pending_since: string | null;
  signals: string;
  scoring_status: string;
  scoring_error: string | null;
  scored_by: string | null;
  overrides: string;
  created_at: string;
  updated_at: string;
}

export interface InterviewTurnsTable {
  id: string;
  session_id: string;
  account_id: string;
  seq: number;
  speaker: string;
  text: string;
  kind: string;
  question_id: string | null;
  source: string;
  at: string;
}

export interface IdempotencyKeysTable {
  account_id: string;
  key: string;
  fingerprint: string;
  /** null while the first request is still being handled. */
  status_code: number | null;
  /** The response to replay, without secrets. */
  response_body: string | null;
  created_at: string;
  /** Who holds the key while it is being handled: changes when another request takes it over. */
  lease_token: string | null;
  /** When the lease of a request still being handled ends (then another may take the key over). */
  locked_until: string | null;
}

/** Domain events, written in the transaction of the change that caused them (outbox). */
export interface EventsTable {
  id: string;
  account_id: string;
  type: string;
  /** JSON text of the event's `data`. */
  payload: string;
  occurred_at: string;
  /** JSON array of the webhook endpoint ids the event is still to be fanned out to; null when none. */
  fanout_endpoints: string | null;
}

/**
 * A participant: `doc` is its API representation (JSON), written with every change and read as
 * it is; the other columns exist to be filtered on or kept unique.
 */
export interface ParticipantsTable {
  id: string;
  account_id: string;
  template_id: string | null;
  /** template_id, or '' for none: part of the unique key (account_id, email_normalized, template_key). */
  template_key: string;
  /** Trimmed, lower-cased email. */
  email_normalized: string;
  /** Lower-cased `name + "\n" + email`, searched by the `q` filter. */
  search_text: string;
  external_id: string | null;
  status: string;
  created_at: string;
  updated_at: string;
  /** JSON of the API object. */
  doc: string;
}

/** One row per participant and lower-cased tag: the tag filter reads this, never JSON. */
export interface ParticipantTagsTable {
  participant_id: string;
  account_id: string;
  tag_normalized: string;
  /** The participant's created_at, so tag filters page in list order. */
  created_at: string;
}

/** A durable background job (SPEC §11); see src/jobs/. */
export interface JobsTable {
  id: string;
  kind: string;
  /** JSON text. */
  payload: string;
  status: 'pending' | 'running' | 'dead';
  run_at: string;
  attempts: number;
  max_attempts: number;
  dedupe_key: string | null;
  group_key: string | null;
  account_id: string | null;
  locked_by: string | null;
  locked_until: string | null;
  lease_token: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

/** Every message Docket sends; in outbox mode (no SMTP) also what the outbox shows. */
export interface MailMessagesTable {
  id: string;
  account_id: string;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  ics: string | null;
  ics_method: string | null;
  session_id: string | null;
  message_id: string;
  status: 'queued' | 'sent' | 'outbox' | 'failed';
  attempts: number;
  last_error: string | null;
  raw: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

/** An interview of one participant (SPEC §5); see src/modules/sessions/. */
export interface SessionsTable {
  id: string;
  account_id: string;
  participant_id: string;
  template_id: string;
  /** The stage's type. */
  stage: string;
  /** The stage's id; null for a template's implicit stage. */
  stage_id: string | null;
  scheduled_at: string | null;
  /** IANA name as given. */
  timezone: string;
  duration_minutes: number;
  notes: string | null;
  status: 'scheduled' | 'in_progress' | 'completed' | 'failed' | 'cancelled';
  /** JSON `[{status, at, reason?}]`. */
  status_history: string;
  /** SHA-256 (hex) of the join token. */
  join_token_hash: string;
  ical_sequence: number;
  /** JSON list of `<offset>@<scheduled_at>` reminders already queued. */
  reminders_sent: string;
  started_at: string | null;
  ended_at: string | null;
  /** JSON of the scorecard fields, once scored. */
  scorecard: string | null;
  created_at: string;
  updated_at: string;
}

/** Keys generated at install time (e.g. the join link key). */
export interface ServerSecretsTable {
  name: string;
  value: string;
  created_at: string;
}

/** The text read from a participant's resume; the status is in the participant's document. */
export interface ParticipantResumesTable {
  participant_id: string;
  account_id: string;
  /** The resume_url the text was read from. */
  url: string;
  content_type: string;
  text: string;
  characters: number;
  fetched_at: string;
}

/** A webhook endpoint (SPEC §6); see src/modules/webhooks/. */
export interface WebhookEndpointsTable {
  id: string;
  account_id: string;
  url: string;
  description: string | null;
  /** JSON list of event types, or `["*"]`. */
  events: string;
  status: 'enabled' | 'disabled';
  disabled_reason: string | null;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: string | null;
  failing_since: string | null;
  created_at: string;
  updated_at: string;
}

/** One event to one endpoint, with its outcome so far. */
export interface WebhookDeliveriesTable {
  id: string;
  account_id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: string | null;
  locked_until: string | null;
  delivered_at: string | null;
  created_at: string;
  updated_at: string;
}

/** One HTTP request of a delivery. */
export interface WebhookAttemptsTable {
  id: string;
  delivery_id: string;
  attempted_at: string;
  status_code: number | null;
  latency_ms: number;
  error: string | null;
  response_body: string | null;
}

/** Counters bumped by changes that invalidate what processes remember (see 0011-auth-version). */
export interface AuthVersionsTable {
  name: string;
  version: number;
}

/** Participants per account, in stripes summed on read (see 0011-participant-counts). */
export interface ParticipantCountsTable {
  account_id: string;
  stripe: number;
  n: number;
}

export interface Database {
  accounts: AccountsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  api_keys: ApiKeysTable;
  user_sessions: UserSessionsTable;
  evaluation_templates: EvaluationTemplatesTable;
  evaluation_stages: EvaluationStagesTable;
  agent_profiles: AgentProfilesTable;
  interviews: InterviewsTable;
  interview_turns: InterviewTurnsTable;
  idempotency_keys: IdempotencyKeysTable;
  events: EventsTable;
  participants: ParticipantsTable;
  participant_tags: ParticipantTagsTable;
  jobs: JobsTable;
  mail_messages: MailMessagesTable;
  sessions: SessionsTable;
  server_secrets: ServerSecretsTable;
  participant_resumes: ParticipantResumesTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  auth_versions: AuthVersionsTable;
  participant_counts: ParticipantCountsTable;
}

export type AccountRow = Selectable<AccountsTable>;
export type UserRow = Selectable<UsersTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type TemplateRow = Selectable<EvaluationTemplatesTable>;
export type NewTemplateRow = Insertable<EvaluationTemplatesTable>;
export type TemplateUpdate = Updateable<EvaluationTemplatesTable>;
export type StageRow = Selectable<EvaluationStagesTable>;
export type AgentProfileRow = Selectable<AgentProfilesTable>;
export type InterviewRow = Selectable<InterviewsTable>;
export type InterviewUpdate = Updateable<InterviewsTable>;
export type InterviewTurnRow = Selectable<InterviewTurnsTable>;
export type AgentProfileUpdate = Updateable<AgentProfilesTable>;
export type ParticipantRow = Selectable<ParticipantsTable>;
export type ParticipantTagRow = Selectable<ParticipantTagsTable>;
export type EventRow = Selectable<EventsTable>;
export type JobRow = Selectable<JobsTable>;
export type MailMessageRow = Selectable<MailMessagesTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ParticipantResumeRow = Selectable<ParticipantResumesTable>;
export type WebhookEndpointRow = Selectable<WebhookEndpointsTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;
export type WebhookAttemptRow = Selectable<WebhookAttemptsTable>;
