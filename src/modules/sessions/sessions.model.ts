import type { MailMessageRow, SessionRow } from '../../db/schema.js';
import { AppError, type ErrorIssue } from '../../errors.js';
import { isValidTimeZone } from '../../lib/time-zones.js';
import { parseTimestamp, toStoredTimestamp } from '../../lib/validation.js';
import type { MailKind } from '../../mail/mail.service.js';
import type { Participant } from '../participants/participants.schemas.js';
import type { Stage, Template } from '../templates/templates.schemas.js';
import type { Scorecard, Session, SessionCreate, SessionFilters, SessionInvite, SessionStatus, StatusHistoryEntry } from './sessions.schemas.js';

/**
 * The lifecycle (SPEC §5) and the one mapping between session rows and API objects.
 * scheduled → in_progress → completed | failed; scheduled → cancelled. Terminal states never change.
 */
const TRANSITIONS: Record<SessionStatus, readonly SessionStatus[]> = {
  scheduled: ['in_progress', 'cancelled'],
  in_progress: ['completed', 'failed'],
  completed: [],
  failed: [],
  cancelled: [],
};

const VERBS: Record<SessionStatus, string> = {
  scheduled: 'scheduled',
  in_progress: 'started',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
};

export function invalidTransition(from: SessionStatus, message: string): AppError {
  return new AppError('invalid_transition', message, [], { status: from });
}

/** 409 `invalid_transition` unless the lifecycle allows `from` → `to`. */
export function assertTransition(from: SessionStatus, to: SessionStatus): void {
  if (TRANSITIONS[from].includes(to)) return;
  const allowed = TRANSITIONS[from];
  throw invalidTransition(
    from,
    allowed.length === 0
      ? `The session is ${VERBS[from]}; a finished session never changes.`
      : `A ${from.replace('_', ' ')} session cannot be ${VERBS[to]} (it can be ${allowed.map((s) => VERBS[s]).join(' or ')}).`,
  );
}

export function historyOf(row: Pick<SessionRow, 'status_history'>): StatusHistoryEntry[] {
  return JSON.parse(row.status_history) as StatusHistoryEntry[];
}

export function withHistory(row: Pick<SessionRow, 'status_history'>, entry: StatusHistoryEntry): string {
  return JSON.stringify([...historyOf(row), entry]);
}

const NO_SCORECARD: Scorecard = {
  score: null,
  passed: null,
  recommendation: null,
  evaluation_breakdown: null,
  summary: null,
  transcript_url: null,
  recording_url: null,
  scored_at: null,
};

export function scorecardOf(row: Pick<SessionRow, 'scorecard'>): Scorecard {
  return row.scorecard === null ? NO_SCORECARD : { ...NO_SCORECARD, ...(JSON.parse(row.scorecard) as Partial<Scorecard>) };
}

/** Messages that tell the participant about the session itself (reminders aside). */
const INVITE_KINDS: readonly MailKind[] = ['invite', 'update', 'cancellation'];

/** The invite as the team sees it: the latest invitation, update or cancellation and its delivery. */
export function inviteOf(messages: readonly MailMessageRow[]): SessionInvite | null {
  const relevant = messages.filter((m) => INVITE_KINDS.includes(m.kind as MailKind));
  const latest = relevant[relevant.length - 1];
  if (latest === undefined) return null;
  const sent = relevant.map((m) => m.sent_at).filter((at): at is string => at !== null);
  return {
    status: latest.status,
    kind: latest.kind as MailKind,
    last_sent_at: sent.length === 0 ? null : sent.reduce((a, b) => (a > b ? a : b)),
    attempts: latest.attempts,
    last_error: latest.last_error,
  };
}

export function toSession(
  row: SessionRow,
  extras: {
    joinUrl: string;
    invite: SessionInvite | null;
    participant: Pick<Participant, 'name' | 'email' | 'external_id'>;
    /** Docket's own transcript of the session; shown once the interview started, unless a scorecard names another. */
    transcriptUrl?: string;
  },
): Session {
  const scorecard = scorecardOf(row);
  return {
    id: row.id,
    candidate_id: row.participant_id,
    evaluation_template_id: row.template_id,
    stage: row.stage,
    interview_id: row.stage_id,
    scheduled_at: row.scheduled_at,
    timezone: row.timezone,
    duration_minutes: row.duration_minutes,
    notes: row.notes,
    status: row.status,
    status_history: historyOf(row),
    join_url: extras.joinUrl,
    invite: extras.invite,
    participant: { name: extras.participant.name, email: extras.participant.email, external_id: extras.participant.external_id },
    started_at: row.started_at,
    ended_at: row.ended_at,
    score: scorecard.score,
    passed: scorecard.passed,
    recommendation: scorecard.recommendation,
    evaluation_breakdown: scorecard.evaluation_breakdown,
    summary: scorecard.summary,
    transcript_url: scorecard.transcript_url ?? (row.started_at !== null ? (extras.transcriptUrl ?? null) : null),
    recording_url: scorecard.recording_url,
    scored_at: scorecard.scored_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** The furthest ahead an interview may be booked. */
const MAX_AHEAD_MS = 2 * 366 * 86_400_000;

/** A valid zone and, when given, a start in the future and at most two years ahead (UTC text). */
export function checkSchedule(scheduledAt: string | null | undefined, timezone: string, now: Date): string | null {
  const issues: ErrorIssue[] = [];
  if (!isValidTimeZone(timezone)) {
    issues.push({ path: 'timezone', message: 'is not a time zone this server knows (use an IANA name such as Europe/Kyiv)', code: 'invalid_time_zone' });
  }
  let out: string | null = null;
  if (scheduledAt !== undefined && scheduledAt !== null) {
    const at = parseTimestamp(scheduledAt);
    if (at === undefined) issues.push({ path: 'scheduled_at', message: 'must be a valid date-time', code: 'invalid_format' });
    else if (at.getTime() <= now.getTime()) issues.push({ path: 'scheduled_at', message: 'must be in the future', code: 'in_past' });
    else if (at.getTime() - now.getTime() > MAX_AHEAD_MS) issues.push({ path: 'scheduled_at', message: 'must be at most two years ahead', code: 'too_far' });
    else out = at.toISOString();
  }
  if (issues.length > 0) throw new AppError('validation_failed', `The request body is invalid: ${issues.map((i) => i.path).join(', ')}.`, issues);
  return out;
}

export function sessionExists(existingId: string): AppError {
  return new AppError(
    'session_exists',
    'This participant already has an open session for this stage. Cancel it first, or send force: true to replace a scheduled one.',
    [{ path: 'stage', message: 'has an open session for this participant', code: 'duplicate' }],
    { existing_id: existingId },
  );
}

export function stageNameOf(template: Template | undefined, type: string): string {
  return template?.stages.find((s) => s.type === type)?.stage_name ?? type;
}

/** The stage asked for by id or type; the template's first stage when neither is given. */
export function resolveStage(template: Template, input: Pick<SessionCreate, 'stage' | 'interview_id'>): Stage {
  if (input.interview_id !== undefined) {
    const byId = template.stages.find((s) => s.id === input.interview_id?.toLowerCase());
    if (byId === undefined) {
      throw new AppError('not_found', 'Evaluation stage not found.', [
        { path: 'interview_id', message: 'is not a stage of this template', code: 'not_found' },
      ]);
    }
    if (input.stage !== undefined && input.stage !== byId.type) {
      throw new AppError('validation_failed', 'stage and interview_id name different stages.', [
        { path: 'stage', message: `does not match interview_id (its stage is "${byId.type}")`, code: 'mismatch' },
      ]);
    }
    return byId;
  }
  if (input.stage !== undefined) {
    const byType = template.stages.find((s) => s.type === input.stage);
    if (byType === undefined) {
      throw new AppError('not_found', `The template has no stage "${input.stage}".`, [
        { path: 'stage', message: `is not a stage of this template (stages: ${template.stages.map((s) => s.type).join(', ')})`, code: 'not_found' },
      ]);
    }
    return byType;
  }
  const first = template.stages[0];
  if (first === undefined) throw new Error('a template always has a stage');
  return first;
}

export function canonicalFilters(query: SessionFilters): SessionFilters {
  const out: SessionFilters = {};
  if (query.candidate_id !== undefined) out.candidate_id = query.candidate_id.toLowerCase();
  if (query.status !== undefined) out.status = query.status;
  if (query.evaluation_template_id !== undefined) out.evaluation_template_id = query.evaluation_template_id.toLowerCase();
  if (query.stage !== undefined && query.stage.trim() !== '') out.stage = query.stage.trim();
  if (query.scheduled_after !== undefined) out.scheduled_after = toStoredTimestamp(query.scheduled_after);
  if (query.scheduled_before !== undefined) out.scheduled_before = toStoredTimestamp(query.scheduled_before);
  if (query.updated_after !== undefined) out.updated_after = toStoredTimestamp(query.updated_after);
  return out;
}
