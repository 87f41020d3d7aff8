import { Type, type Static } from 'typebox';
import { AccountSlugQuery, Nullable, PaginationQuery, StringEnum, Timestamp, Uuid } from '../../http/schemas.js';
import { MAIL_KINDS } from '../../mail/mail.service.js';
import { StageType, type SuccessOutcome } from '../templates/templates.schemas.js';

export const SESSION_STATUSES = ['scheduled', 'in_progress', 'completed', 'failed', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
/** A participant has at most one open session per stage. */
export const OPEN_STATUSES: readonly SessionStatus[] = ['scheduled', 'in_progress'];
export const INVITE_STATUSES = ['queued', 'sent', 'outbox', 'failed'] as const;

export const MAX_NOTES_LENGTH = 1000;

const Url = Type.String({
  format: 'uri',
  maxLength: 2048,
  pattern: '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+',
  description: 'An http(s) URL.',
});

/** A participant's zone, checked by the service (a DateTimeFormat must accept it). */
const TimeZone = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z0-9_+\\-/:]+$',
  description: 'IANA time zone name, e.g. `Europe/Kyiv` or `America/New_York`. Default `UTC`.',
});

const ScheduledAt = Nullable(
  Type.String({
    format: 'date-time',
    description: 'When the interview starts (ISO-8601 with an offset or `Z`; stored in UTC). In the future, at most two years ahead. `null` or absent: the participant joins whenever they are ready.',
  }),
);

/*
 * The scorecard (SPEC §10), in one place: the engine endpoint takes these fields, the session
 * shows them, and Docket's own interviewer fills the same ones.
 */

/** What a recommendation may say, by the template's success outcome (`custom`: anything). */
export const RECOMMENDATIONS: Record<SuccessOutcome, readonly string[] | null> = {
  hire_no_hire: ['hire', 'no_hire'],
  admit_reject: ['admit', 'reject'],
  pass_fail: ['pass', 'fail'],
  ready_needs_training: ['ready', 'needs_training'],
  certified_not_certified: ['certified', 'not_certified'],
  custom: null,
};

const Score = Type.Number({ minimum: 0, maximum: 10, description: '0–10.' });

export const DimensionScore = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, description: 'The rubric dimension.' }),
    score: Score,
    weight: Type.Optional(Type.Number({ minimum: 0, maximum: 100, description: 'Its weight in the total (weights sum to 100).' })),
    reasoning: Type.Optional(Type.String({ maxLength: 5000 })),
    evidence: Type.Optional(
      Type.Array(
        Type.Object(
          {
            turn_seq: Type.Optional(Type.Integer({ minimum: 0, description: 'The transcript turn the quote comes from.' })),
            quote: Type.String({ minLength: 1, maxLength: 2000 }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 20 },
      ),
    ),
  },
  { additionalProperties: false },
);

export const scorecardFields = {
  score: Type.Optional({
    ...Score,
    description: "0–10. May be left out for a session Docket interviewed when `evaluation_breakdown` scores every dimension of its rubric: the weighted score is computed (and `passed` from the stage's threshold).",
  }),
  passed: Type.Optional(Type.Boolean()),
  recommendation: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 64,
      pattern: '^[a-z0-9_]+$',
      description:
        "In the template's success outcome vocabulary: hire / no_hire, admit / reject, pass / fail, ready / needs_training, certified / not_certified; any word for `custom`.",
    }),
  ),
  evaluation_breakdown: Type.Optional(Type.Array(DimensionScore, { maxItems: 50, description: 'One entry per rubric dimension.' })),
  summary: Type.Optional(Type.String({ maxLength: 5000 })),
  transcript_url: Type.Optional(Url),
  recording_url: Type.Optional(Url),
};

export const ScorecardBody = Type.Object(scorecardFields, { additionalProperties: false });
export type ScorecardInput = Static<typeof ScorecardBody>;

/** The scorecard as stored and shown: every field, null until scored. */
export interface Scorecard {
  score: number | null;
  passed: boolean | null;
  recommendation: string | null;
  evaluation_breakdown: Static<typeof DimensionScore>[] | null;
  summary: string | null;
  transcript_url: string | null;
  recording_url: string | null;
  scored_at: string | null;
}

const HistoryEntry = Type.Object({
  status: StringEnum(SESSION_STATUSES),
  at: Timestamp,
  reason: Type.Optional(Type.String()),
});

export const InviteSchema = Type.Object(
  {
    status: StringEnum(INVITE_STATUSES, {
      description: 'Of the latest invitation, update or cancellation: queued (not sent yet), sent (SMTP accepted it), outbox (no SMTP: kept in the outbox), failed.',
    }),
    kind: StringEnum(MAIL_KINDS),
    last_sent_at: Nullable(Timestamp),
    attempts: Type.Integer({ description: 'Delivery attempts of the latest message.' }),
    last_error: Nullable(Type.String()),
  },
  { $id: 'SessionInvite' },
);

export const SessionSchema = Type.Object(
  {
    id: Uuid,
    candidate_id: Uuid,
    evaluation_template_id: Uuid,
    stage: Type.String({ description: "The stage's type." }),
    interview_id: Nullable(Uuid),
    scheduled_at: Nullable(Timestamp),
    timezone: Type.String(),
    duration_minutes: Type.Integer(),
    notes: Nullable(Type.String({ description: 'Internal: never shown to the participant.' })),
    status: StringEnum(SESSION_STATUSES),
    status_history: Type.Array(HistoryEntry),
    join_url: Type.String({ description: 'The participant’s link (no sign-in).' }),
    invite: Nullable(InviteSchema),
    participant: Type.Object(
      { name: Type.String(), email: Type.String(), external_id: Nullable(Type.String()) },
      { description: 'Who the session is for (read-only summary).' },
    ),
    started_at: Nullable(Timestamp),
    ended_at: Nullable(Timestamp),
    score: Nullable(Type.Number()),
    passed: Nullable(Type.Boolean()),
    recommendation: Nullable(Type.String()),
    evaluation_breakdown: Nullable(Type.Array(DimensionScore)),
    summary: Nullable(Type.String()),
    transcript_url: Nullable(Type.String()),
    recording_url: Nullable(Type.String()),
    scored_at: Nullable(Timestamp),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { $id: 'Session' },
);

export type Session = Static<typeof SessionSchema>;
export type SessionInvite = Static<typeof InviteSchema>;
export type StatusHistoryEntry = Static<typeof HistoryEntry>;

export const SessionCreateBody = Type.Object(
  {
    candidate_id: Type.String({ format: 'uuid', description: 'The participant (same account; 404 otherwise).' }),
    evaluation_template_id: Type.Optional(
      Type.String({ format: 'uuid', description: "The template; default the participant's own." }),
    ),
    stage: Type.Optional({ ...StageType, description: "The stage's type, e.g. `screen`. Default: the template's first stage." }),
    interview_id: Type.Optional(Type.String({ format: 'uuid', description: "The stage's id (alternative to `stage`)." })),
    idempotency_key: Type.Optional(
      Type.String({ minLength: 1, maxLength: 255, description: 'Same as the Idempotency-Key header: a retry replays the first response.' }),
    ),
    scheduled_at: Type.Optional(ScheduledAt),
    timezone: Type.Optional(TimeZone),
    notes: Type.Optional(Nullable(Type.String({ maxLength: MAX_NOTES_LENGTH, description: 'Internal notes, never shown to the participant.' }))),
    force: Type.Optional(
      Type.Boolean({ description: 'Replace an open scheduled session of the same participant and stage (it is cancelled) instead of 409.' }),
    ),
    accountSlug: Type.Optional(Type.String({ maxLength: 48 })),
  },
  { additionalProperties: false },
);
export type SessionCreate = Static<typeof SessionCreateBody>;

export const ReschedulePatchBody = Type.Object(
  { scheduled_at: ScheduledAt, timezone: Type.Optional(TimeZone) },
  { additionalProperties: false },
);
export type Reschedule = Static<typeof ReschedulePatchBody>;

export const CancelBody = Type.Object(
  { reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'Kept in the status history; not sent to the participant.' })) },
  { additionalProperties: false },
);

export const FailBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });

export const SessionListQuery = Type.Object(
  {
    ...AccountSlugQuery,
    ...PaginationQuery,
    candidate_id: Type.Optional(Uuid),
    status: Type.Optional(StringEnum(SESSION_STATUSES)),
    evaluation_template_id: Type.Optional(Uuid),
    stage: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    scheduled_after: Type.Optional({ ...Timestamp, description: 'scheduled_at at or after this time.' }),
    scheduled_before: Type.Optional({ ...Timestamp, description: 'scheduled_at before this time.' }),
    updated_after: Type.Optional({ ...Timestamp, description: 'Changed at or after this time (incremental sync).' }),
  },
  { additionalProperties: false },
);
export type SessionFilters = {
  candidate_id?: string | undefined;
  status?: SessionStatus | undefined;
  evaluation_template_id?: string | undefined;
  stage?: string | undefined;
  scheduled_after?: string | undefined;
  scheduled_before?: string | undefined;
  updated_after?: string | undefined;
};

/** What the join page may show the participant: never notes, never the team's data. */
export const JoinViewSchema = Type.Object(
  {
    status: StringEnum(SESSION_STATUSES),
    participant_name: Type.String(),
    team_name: Type.String(),
    template_name: Type.String(),
    stage_name: Type.String(),
    scheduled_at: Nullable(Timestamp),
    timezone: Type.String(),
    local_time: Nullable(Type.String({ description: 'scheduled_at in the participant’s zone, as the invite said it.' })),
    duration_minutes: Type.Integer(),
  },
  { $id: 'JoinView' },
);
export type JoinView = Static<typeof JoinViewSchema>;

export const JoinParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$' }) });
