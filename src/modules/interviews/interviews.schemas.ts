import { Type, type Static } from 'typebox';
import { Nullable, StringEnum, Timestamp, Uuid } from '../../http/schemas.js';
import { ANSWER_CAP } from '../../interviewer/untrusted.js';
import { SESSION_STATUSES } from '../sessions/sessions.schemas.js';

export const SPEAKERS = ['interviewer', 'participant'] as const;
export const SCORING_STATUSES = ['none', 'pending', 'awaiting_review', 'scored', 'failed'] as const;
export type ScoringStatus = (typeof SCORING_STATUSES)[number];

/** Where the join page is: waiting for the plan, asking consent, in the conversation, done. */
export const PHASES = ['preparing', 'consent', 'conversation', 'finished', 'closed'] as const;
export type Phase = (typeof PHASES)[number];

export const TurnSchema = Type.Object(
  {
    seq: Type.Integer({ description: 'Turn number, from 1.' }),
    speaker: StringEnum(SPEAKERS),
    text: Type.String(),
    at: Timestamp,
  },
  { $id: 'TranscriptTurn' },
);

export const TranscriptSchema = Type.Object(
  {
    session_id: Uuid,
    status: StringEnum(SESSION_STATUSES),
    turns: Type.Array(TurnSchema),
  },
  { $id: 'Transcript' },
);

const ConnectionId = Type.String({
  minLength: 16,
  maxLength: 64,
  pattern: '^[A-Za-z0-9_-]+$',
  description: 'Random id of the browser tab holding the conversation (kept across reloads of that tab).',
});

export const StartBody = Type.Object(
  {
    connection_id: ConnectionId,
    consent: Type.Boolean({ description: 'The participant agreed to the explanation shown (required to begin; a resume needs it too).' }),
  },
  { additionalProperties: false },
);

export const AnswerBody = Type.Object(
  {
    connection_id: ConnectionId,
    seq: Type.Integer({ minimum: 1, description: 'The turn number this answer takes (the next one): a resent answer is recognised, a stale one refused.' }),
    text: Type.String({ minLength: 1, maxLength: ANSWER_CAP, description: `The answer, up to ${ANSWER_CAP} characters.` }),
  },
  { additionalProperties: false },
);

export const HeartbeatBody = Type.Object(
  {
    connection_id: ConnectionId,
    tab_switches: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, description: 'Times the page was hidden since the last heartbeat.' })),
    pastes: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, description: 'Pastes into the answer box since the last heartbeat.' })),
  },
  { additionalProperties: false },
);

export const SignalsSchema = Type.Object(
  {
    tab_switches: Type.Integer(),
    pastes: Type.Integer(),
  },
  { description: 'Raw counts, never judged automatically.' },
);

export const InterviewViewSchema = Type.Object(
  {
    status: StringEnum(SESSION_STATUSES),
    phase: StringEnum(PHASES),
    interviewer: Type.Object({ name: Type.String(), persona: Nullable(Type.String()) }),
    consent_text: Type.String(),
    question_count: Nullable(Type.Integer()),
    duration_minutes: Type.Integer(),
    time_left_seconds: Nullable(Type.Integer({ description: 'Null before the interview starts.' })),
    wrap_up: Type.Boolean({ description: 'In the last stretch of the time.' }),
    /** The participant may answer now (the interviewer's reply is not being written). */
    your_turn: Type.Boolean(),
    turns: Type.Array(TurnSchema),
  },
  { $id: 'InterviewView' },
);
export type InterviewView = Static<typeof InterviewViewSchema>;

const ScoredBySchema = Type.Object(
  {
    type: StringEnum(['interviewer', 'user', 'api_key'] as const),
    model: Type.Optional(Type.String()),
    user_id: Type.Optional(Type.String()),
    name: Type.Optional(Type.String()),
    key_id: Type.Optional(Type.String()),
    prompt_version: Type.Optional(Type.String()),
    plan_version: Type.Optional(Type.String()),
    at: Type.Optional(Timestamp),
  },
  { additionalProperties: true },
);

export const InterviewDetailSchema = Type.Object(
  {
    session_id: Uuid,
    plan: Nullable(
      Type.Object({
        source: StringEnum(['model', 'rules'] as const),
        model: Nullable(Type.String()),
        version: Type.Integer(),
        prompt_version: Type.String(),
        interviewer: Type.Object({ id: Nullable(Type.String()), name: Type.String() }),
        dimensions: Type.Array(Type.Object({ name: Type.String(), description: Type.String(), weight: Type.Integer(), threshold: Nullable(Type.Number()) })),
        questions: Type.Array(Type.Object({ id: Type.String(), text: Type.String(), dimensions: Type.Array(Type.String()), skill: Nullable(Type.String()) })),
      }),
    ),
    consented_at: Nullable(Timestamp),
    last_activity_at: Nullable(Timestamp),
    authenticity_signals: SignalsSchema,
    scoring: Type.Object({
      status: StringEnum(SCORING_STATUSES),
      error: Nullable(Type.String()),
      scored_by: Nullable(ScoredBySchema),
      overrides: Type.Array(
        Type.Object({ replaced: Type.Unknown(), replaced_by: ScoredBySchema, at: Timestamp }, { description: 'A scorecard replaced by a later one, and who replaced it.' }),
      ),
    }),
  },
  { $id: 'InterviewDetail' },
);
export type InterviewDetail = Static<typeof InterviewDetailSchema>;
