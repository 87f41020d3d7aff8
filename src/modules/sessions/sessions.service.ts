import type { ReminderOffset } from '../../config/config.js';
import type { DatabaseHandle, Executor, Tx } from '../../db/database.js';
import { isForeignKeyViolation } from '../../db/errors.js';
import { newId } from '../../db/ids.js';
import { recordOutcome } from '../../db/transaction.js';
import type { SessionRow } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import type { JobQueue } from '../../jobs/queue.js';
import { isoNow, type Clock } from '../../lib/clock.js';
import { pageResult, resolvePage, type PageMetaOut, type PageQuery } from '../../lib/pagination.js';
import type { MailService } from '../../mail/mail.service.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { EventsService, EventType } from '../events/events.service.js';
import type { Participant } from '../participants/participants.schemas.js';
import type { ParticipantsService } from '../participants/participants.service.js';
import type { TemplatesService } from '../templates/templates.service.js';
import { SessionInvites, type InviteFacts, type ReminderPayload } from './sessions.invites.js';
import { JoinLinks } from './sessions.join-links.js';
import {
  assertTransition,
  canonicalFilters,
  checkSchedule,
  invalidTransition,
  inviteOf,
  resolveStage,
  scorecardOf,
  sessionExists,
  stageNameOf,
  toSession,
  withHistory,
} from './sessions.model.js';
import * as repo from './sessions.repository.js';
import {
  RECOMMENDATIONS,
  SessionListQuery,
  type Reschedule,
  type Scorecard,
  type ScorecardInput,
  type Session,
  type SessionCreate,
  type SessionFilters,
  type SessionStatus,
} from './sessions.schemas.js';

/** Who wrote a scorecard: Docket's interviewer (a model), a signed-in person, or an API key. */
export type ScoredBy =
  | { type: 'interviewer'; model: string }
  | { type: 'user'; user_id: string; name: string }
  | { type: 'api_key'; key_id: string };

/**
 * What the interviewer adds to sessions (SPEC §10), without sessions knowing it: work on a new
 * session (planning), and a say in scorecards (filling the score and pass from a rubric,
 * recording who scored and what they replaced). Set once by the composition root.
 */
export interface SessionHooks {
  created: ((tx: Tx, row: SessionRow) => Promise<void>)[];
  scorecard?: {
    /** Fills `score` and `passed` that the input leaves out (from its breakdown and the stage's rules). */
    complete(tx: Tx, row: SessionRow, input: ScorecardInput): Promise<ScorecardInput & { score: number }>;
    /** After the scorecard was written in `tx`: provenance, overrides, follow-up work. */
    recorded(tx: Tx, row: SessionRow, previous: Scorecard | null, next: Scorecard, by: ScoredBy): Promise<void>;
  };
}

export interface SessionsDeps {
  database: DatabaseHandle;
  clock: Clock;
  events: EventsService;
  mail: MailService;
  jobs: JobQueue;
  participants: Pick<ParticipantsService, 'findMany'>;
  templates: Pick<TemplatesService, 'find'>;
  accounts: Pick<AccountsService, 'findAccount'>;
  publicUrl: string;
  reminderOffsets: readonly ReminderOffset[];
  joinLinkSecret: string | undefined;
  hooks?: SessionHooks;
}


/** Why Docket itself closed a session. */
export const REASONS = { replaced: 'replaced by a new booking (force)', participantDeleted: 'participant deleted' } as const;



/**
 * Sessions (SPEC §5): booking with the open-session rule decided by the database, reads, the
 * lifecycle with its events, and what the participant is told (through SessionInvites). Every
 * change is one transaction: the row, its status history, its event, its mails and reminder jobs.
 */
export class SessionsService {
  readonly invites: SessionInvites;
  readonly links: JoinLinks;

  constructor(private readonly deps: SessionsDeps) {
    this.invites = new SessionInvites({
      mail: deps.mail,
      jobs: deps.jobs,
      clock: deps.clock,
      publicUrl: deps.publicUrl,
      reminderOffsets: deps.reminderOffsets,
    });
    this.links = new JoinLinks({ db: deps.database.db, publicUrl: deps.publicUrl, secret: deps.joinLinkSecret });
  }

  async create(accountId: string, input: SessionCreate): Promise<Session> {
    const now = this.deps.clock.now();
    const timezone = input.timezone ?? 'UTC';
    const scheduledAt = checkSchedule(input.scheduled_at, timezone, now);
    const participant = (await this.deps.participants.findMany(accountId, [input.candidate_id.toLowerCase()])).get(
      input.candidate_id.toLowerCase(),
    );
    if (participant === undefined) {
      throw new AppError('not_found', 'Participant not found.', [{ path: 'candidate_id', message: 'is not a participant of this account', code: 'not_found' }]);
    }
    if (participant.status === 'archived') {
      throw new AppError('participant_archived', 'This participant is archived and cannot be booked. Unarchive them first.', [
        { path: 'candidate_id', message: 'is archived', code: 'archived' },
      ]);
    }
    const templateId = (input.evaluation_template_id ?? participant.evaluation_template_id)?.toLowerCase();
    if (templateId === undefined || templateId === null) {
      throw new AppError('validation_failed', 'evaluation_template_id is required: the participant has no template of their own.', [
        { path: 'evaluation_template_id', message: 'is required when the participant has no template', code: 'required' },
      ]);
    }
    const template = await this.deps.templates.find(accountId, templateId);
    if (template === undefined) {
      throw new AppError('not_found', 'Evaluation template not found.', [
        { path: 'evaluation_template_id', message: 'is not a template of this account', code: 'not_found' },
      ]);
    }
    const stage = resolveStage(template, input);
    const id = newId();
    const nowIso = now.toISOString();
    const row: SessionRow = {
      id,
      account_id: accountId,
      participant_id: participant.id,
      template_id: template.id,
      stage: stage.type,
      stage_id: stage.id,
      scheduled_at: scheduledAt,
      timezone,
      duration_minutes: stage.duration_minutes,
      notes: input.notes ?? null,
      status: 'scheduled',
      status_history: JSON.stringify([{ status: 'scheduled', at: nowIso }]),
      join_token_hash: this.links.hash(await this.links.token(id)),
      ical_sequence: 0,
      reminders_sent: '[]',
      started_at: null,
      ended_at: null,
      scorecard: null,
      created_at: nowIso,
      updated_at: nowIso,
    };
    try {
      await this.deps.database.transaction(async (tx) => {
        // The open-session index decides. With force, a scheduled holder is cancelled and the
        // insert tried again (a concurrent forced booking may have taken the place meanwhile).
        for (let attempt = 1; ; attempt += 1) {
          if (input.force === true) await this.replaceOpen(tx, participant, stage.type);
          if (await repo.insertIfNoOpenSession(tx, row)) break;
          const existing = await repo.findOpenSession(tx, participant.id, stage.type);
          if (existing !== undefined && input.force !== true) throw sessionExists(existing.id);
          if (attempt >= 10) throw new AppError('conflict', 'The session could not be booked because of concurrent changes. Retry.');
        }
        await this.invites.send(tx, 'invite', row, await this.facts(tx, row, participant));
        await this.invites.planReminders(tx, row);
        await this.record(tx, 'session.created', row, participant);
        for (const hook of this.deps.hooks?.created ?? []) await hook(tx, row);
        await this.recordSession(tx, accountId, id);
      });
    } catch (error) {
      // The participant or template was deleted since it was read.
      if (isForeignKeyViolation(error)) throw notFound('Participant or evaluation template');
      throw error;
    }
    return this.get(accountId, id);
  }

  async get(accountId: string, id: string, db: Executor = this.deps.database.db): Promise<Session> {
    const row = await repo.findSession(db, accountId, id);
    if (row === undefined) throw notFound('Session');
    const [session] = await this.present(accountId, [row], db);
    if (session === undefined) throw notFound('Session');
    return session;
  }

  async list(accountId: string, query: PageQuery & SessionFilters): Promise<{ data: Session[]; meta: PageMetaOut }> {
    const page = resolvePage(query, canonicalFilters(query), SessionListQuery);
    const db = this.deps.database.db;
    if (page.mode === 'page') {
      const [rows, total] = await Promise.all([
        repo.listSessions(db, accountId, page.filters, { offset: page.offset, limit: page.pageSize }),
        repo.countSessions(db, accountId, page.filters),
      ]);
      const sessions = sessionsById(await this.present(accountId, rows));
      return pageResult(page, rows, total, (row) => sessions.get(row.id) as Session);
    }
    const rows = await repo.listSessions(db, accountId, page.filters, { after: page.after, limit: page.limit + 1 });
    const sessions = sessionsById(await this.present(accountId, rows));
    return pageResult(page, rows, undefined, (row) => sessions.get(row.id) as Session);
  }

  /** Moves a scheduled session (or removes its time); the participant gets an update. */
  async reschedule(accountId: string, id: string, input: Reschedule): Promise<Session> {
    const now = this.deps.clock.now();
    await this.deps.database.transaction(async (tx) => {
      const row = await repo.lockSession(tx, accountId, id);
      if (row === undefined) throw notFound('Session');
      if (row.status !== 'scheduled') throw invalidTransition(row.status, `Only a scheduled session can be rescheduled; this one is ${row.status.replace('_', ' ')}.`);
      const timezone = input.timezone ?? row.timezone;
      const scheduledAt = checkSchedule(input.scheduled_at, timezone, now);
      if (scheduledAt === row.scheduled_at && timezone === row.timezone) return;
      const updated: SessionRow = { ...row, scheduled_at: scheduledAt, timezone, ical_sequence: row.ical_sequence + 1, updated_at: now.toISOString() };
      await repo.updateSession(tx, id, { scheduled_at: scheduledAt, timezone, ical_sequence: updated.ical_sequence, updated_at: updated.updated_at });
      await this.invites.send(tx, 'update', updated, await this.facts(tx, updated), { previousScheduledAt: row.scheduled_at });
      await this.invites.planReminders(tx, updated);
      await this.record(tx, 'session.rescheduled', updated, undefined, { previous: { scheduled_at: row.scheduled_at, timezone: row.timezone } });
    });
    return this.get(accountId, id);
  }

  async cancel(accountId: string, id: string, reason?: string): Promise<Session> {
    await this.deps.database.transaction(async (tx) => {
      const row = await repo.lockSession(tx, accountId, id);
      if (row === undefined) throw notFound('Session');
      await this.applyCancel(tx, row, reason);
      await this.recordSession(tx, accountId, id);
    });
    return this.get(accountId, id);
  }

  /**
   * A lifecycle step in the caller's transaction (Docket's own interviewer: the step and the
   * conversation's turn commit together). Returns the updated row.
   */
  async moveIn(tx: Tx, row: SessionRow, to: 'in_progress' | 'completed' | 'failed', reason?: string): Promise<SessionRow> {
    const now = isoNow(this.deps.clock);
    return this.applyTransition(tx, row, to, to === 'in_progress' ? { started_at: now } : { ended_at: now }, reason);
  }

  /** A session row by id, any account (jobs carry the id). */
  findRow(id: string, db: Executor = this.deps.database.db): Promise<SessionRow | undefined> {
    return repo.findSessionById(db, id);
  }

  /** The session row locked in the caller's transaction (any account: the caller found it by token or job). */
  lockIn(tx: Tx, accountId: string, id: string): Promise<SessionRow | undefined> {
    return repo.lockSession(tx, accountId, id);
  }

  /** Engine endpoint: the interview began. */
  start(accountId: string, id: string): Promise<Session> {
    return this.transition(accountId, id, 'in_progress', (now) => ({ started_at: now }));
  }

  complete(accountId: string, id: string): Promise<Session> {
    return this.transition(accountId, id, 'completed', (now) => ({ ended_at: now }));
  }

  fail(accountId: string, id: string, reason: string): Promise<Session> {
    return this.transition(accountId, id, 'failed', (now) => ({ ended_at: now }), reason);
  }

  /** Records (or overrides) the scorecard of a completed session. */
  async score(accountId: string, id: string, input: ScorecardInput, by: ScoredBy = { type: 'interviewer', model: 'external' }): Promise<Session> {
    await this.deps.database.transaction(async (tx) => {
      const row = await repo.lockSession(tx, accountId, id);
      if (row === undefined) throw notFound('Session');
      await this.scoreIn(tx, row, input, by);
      await this.recordSession(tx, accountId, id);
    });
    return this.get(accountId, id);
  }

  /** The scorecard written in the caller's transaction, on a row it has locked. */
  async scoreIn(tx: Tx, row: SessionRow, input: ScorecardInput, by: ScoredBy): Promise<void> {
    const now = isoNow(this.deps.clock);
    if (row.status !== 'completed') throw invalidTransition(row.status, `Only a completed session can be scored; this one is ${row.status.replace('_', ' ')}.`);
    const template = await this.deps.templates.find(row.account_id, row.template_id, tx);
    const allowed = template === undefined ? null : RECOMMENDATIONS[template.success_outcome];
    if (input.recommendation !== undefined && allowed !== null && !allowed.includes(input.recommendation)) {
      throw new AppError('validation_failed', `The recommendation must be one of: ${allowed.join(', ')} (the template's success outcome).`, [
        { path: 'recommendation', message: `must be one of: ${allowed.join(', ')}`, code: 'invalid_enum' },
      ]);
    }
    const hooks = this.deps.hooks?.scorecard;
    const full = hooks === undefined ? input : await hooks.complete(tx, row, input);
    if (full.score === undefined) {
      throw new AppError('validation_failed', 'score is required (or an evaluation_breakdown covering the rubric of a session Docket interviewed).', [
        { path: 'score', message: 'is required', code: 'required' },
      ]);
    }
    const scorecard: Scorecard = {
      score: full.score,
      passed: full.passed ?? null,
      recommendation: full.recommendation ?? null,
      evaluation_breakdown: full.evaluation_breakdown ?? null,
      summary: full.summary ?? null,
      transcript_url: full.transcript_url ?? null,
      recording_url: full.recording_url ?? null,
      scored_at: now,
    };
    const previous = row.scorecard === null ? null : scorecardOf(row);
    const updated: SessionRow = { ...row, scorecard: JSON.stringify(scorecard), updated_at: now };
    await repo.updateSession(tx, row.id, { scorecard: updated.scorecard, updated_at: now });
    await hooks?.recorded(tx, updated, previous, scorecard, by);
    await this.record(tx, 'session.scored', updated, undefined, { scored_by: by });
  }

  /** Sends the invitation again as it stands (same calendar version: nothing changed). */
  async resendInvite(accountId: string, id: string): Promise<Session> {
    await this.deps.database.transaction(async (tx) => {
      const row = await repo.lockSession(tx, accountId, id);
      if (row === undefined) throw notFound('Session');
      if (row.status !== 'scheduled') throw invalidTransition(row.status, `Only a scheduled session's invite can be sent again; this one is ${row.status.replace('_', ' ')}.`);
      await this.invites.send(tx, 'invite', row, await this.facts(tx, row));
      await this.recordSession(tx, accountId, id);
    });
    return this.get(accountId, id);
  }

  /**
   * Part of deleting a participant, in its transaction: scheduled sessions are cancelled (the
   * participant is told), running ones fail. The rows then go with the participant.
   */
  async cancelOpenOfParticipant(accountId: string, participant: Participant, options: { outer: Tx }): Promise<void> {
    await this.deps.database.transaction(async (tx) => {
      for (const row of await repo.lockOpenSessionsOfParticipant(tx, accountId, participant.id)) {
        if (row.status === 'scheduled') await this.applyCancel(tx, row, REASONS.participantDeleted, participant);
        else await this.applyTransition(tx, row, 'failed', { ended_at: isoNow(this.deps.clock) }, REASONS.participantDeleted, participant);
      }
    }, options);
  }

  /** The reminder job: sends once, and only while the session is still scheduled at that time. */
  async sendReminder(payload: ReminderPayload): Promise<void> {
    const row = await repo.findSessionById(this.deps.database.db, payload.sessionId);
    if (row === undefined) return;
    // Read before the transaction: on SQLite the key cannot be read beside an open one.
    await this.links.token(row.id);
    await this.deps.database.transaction(async (tx) => {
      const current = await repo.lockSession(tx, row.account_id, row.id);
      if (current === undefined || current.status !== 'scheduled' || current.scheduled_at !== payload.scheduledAt) return;
      const remainingMs = new Date(payload.scheduledAt).getTime() - this.deps.clock.now().getTime();
      const offset = this.invites.reminderOffsets.find((o) => o.label === payload.offset);
      if (remainingMs <= 0 || offset === undefined) return;
      // Late (the runner was down): when a closer reminder is due too, that one speaks.
      if (this.invites.reminderOffsets.some((o) => o.ms < offset.ms && o.ms >= remainingMs)) return;
      const sent = JSON.parse(current.reminders_sent) as string[];
      const key = `${payload.offset}@${payload.scheduledAt}`;
      if (sent.includes(key)) return;
      await this.invites.send(tx, 'reminder', current, await this.facts(tx, current), { remainingMs });
      await repo.updateSession(tx, current.id, { reminders_sent: JSON.stringify([...sent, key]) });
    });
  }

  /** For the join page and the timeline: the session's facts as the participant sees them. */
  async facts(db: Executor, row: SessionRow, participant?: Participant): Promise<InviteFacts> {
    const who = participant ?? (await this.deps.participants.findMany(row.account_id, [row.participant_id], db)).get(row.participant_id);
    if (who === undefined) throw notFound('Participant');
    const template = await this.deps.templates.find(row.account_id, row.template_id, db);
    const team = await this.deps.accounts.findAccount(row.account_id, db);
    return {
      participant: { name: who.name, email: who.email },
      templateName: template?.template_name ?? 'Interview',
      stageName: stageNameOf(template, row.stage),
      teamName: team?.name ?? 'Your interviewer',
      joinUrl: await this.links.url(row.id, db),
    };
  }

  /** API objects of rows of one account, in order. */
  async present(accountId: string, rows: readonly SessionRow[], db: Executor = this.deps.database.db): Promise<Session[]> {
    if (rows.length === 0) return [];
    const participants = await this.deps.participants.findMany(accountId, rows.map((r) => r.participant_id), db);
    const messages = await this.deps.mail.messagesOfSessions(db, rows.map((r) => r.id));
    const sessions: Session[] = [];
    for (const row of rows) {
      const participant = participants.get(row.participant_id) ?? { name: '', email: '', external_id: null };
      sessions.push(
        toSession(row, {
          joinUrl: await this.links.url(row.id, db),
          invite: inviteOf(messages.filter((m) => m.session_id === row.id)),
          participant,
          transcriptUrl: `${this.deps.publicUrl}/api/v1/sessions/${row.id}/transcript`,
        }),
      );
    }
    return sessions;
  }

  /** Reads of a participant's sessions, for the timeline. */
  async ofParticipant(accountId: string, participantId: string): Promise<SessionRow[]> {
    return repo.listSessions(this.deps.database.db, accountId, { candidate_id: participantId }, { offset: 0, limit: 500 });
  }

  /** The session behind a join token, any account (the token is the credential). */
  findByToken(token: string): Promise<SessionRow | undefined> {
    return repo.findByJoinTokenHash(this.deps.database.db, this.links.hash(token));
  }

  private async transition(
    accountId: string,
    id: string,
    to: SessionStatus,
    set: (now: string) => Partial<SessionRow>,
    reason?: string,
  ): Promise<Session> {
    await this.deps.database.transaction(async (tx) => {
      const row = await repo.lockSession(tx, accountId, id);
      if (row === undefined) throw notFound('Session');
      await this.applyTransition(tx, row, to, set(isoNow(this.deps.clock)), reason);
      await this.recordSession(tx, accountId, id);
    });
    return this.get(accountId, id);
  }

  /** One step of the lifecycle: status, history, event; reminders go once it is not scheduled. */
  private async applyTransition(
    tx: Tx,
    row: SessionRow,
    to: SessionStatus,
    set: Partial<SessionRow>,
    reason?: string,
    participant?: Participant,
  ): Promise<SessionRow> {
    assertTransition(row.status, to);
    const now = isoNow(this.deps.clock);
    const updated: SessionRow = {
      ...row,
      ...set,
      status: to,
      status_history: withHistory(row, { status: to, at: now, ...(reason !== undefined ? { reason } : {}) }),
      updated_at: now,
    };
    await repo.updateSession(tx, row.id, {
      ...set,
      status: updated.status,
      status_history: updated.status_history,
      ical_sequence: updated.ical_sequence,
      updated_at: now,
    });
    await this.invites.dropReminders(tx, row.id);
    const type = `session.${to === 'in_progress' ? 'started' : to}` as EventType;
    await this.record(tx, type, updated, participant, reason !== undefined ? { reason } : {});
    return updated;
  }

  /** Cancels a session and tells the participant (calendar entry withdrawn). */
  private async applyCancel(tx: Tx, row: SessionRow, reason: string | undefined, participant?: Participant): Promise<void> {
    const updated = await this.applyTransition(tx, row, 'cancelled', { ical_sequence: row.ical_sequence + 1 }, reason, participant);
    await this.invites.send(tx, 'cancellation', updated, await this.facts(tx, updated, participant));
  }

  /** force: the scheduled session holding the place is cancelled; a running one is never replaced. */
  private async replaceOpen(tx: Tx, participant: Participant, stage: string): Promise<void> {
    const open = await repo.lockOpenSession(tx, participant.id, stage);
    if (open === undefined) return;
    if (open.status !== 'scheduled') {
      throw new AppError(
        'session_exists',
        'This participant has an interview in progress for this stage; it cannot be replaced until it ends.',
        [{ path: 'stage', message: 'has a session in progress', code: 'in_progress' }],
        { existing_id: open.id },
      );
    }
    await this.applyCancel(tx, open, REASONS.replaced, participant);
  }

  /** The session as the request answers with it, recorded as the use case's outcome (idempotent replays, see recordOutcome). */
  private async recordSession(tx: Tx, accountId: string, id: string): Promise<void> {
    recordOutcome(tx, await this.get(accountId, id, tx));
  }

  /** Writes a `session.*` event: the session as it now is, with the participant's external_id. */
  private async record(tx: Tx, type: EventType, row: SessionRow, participant?: Participant, extra: Record<string, unknown> = {}): Promise<void> {
    const [session] = await this.present(row.account_id, [row], tx);
    if (session === undefined) return;
    const externalId = participant?.external_id ?? session.participant.external_id;
    await this.deps.events.record(tx, row.account_id, { type, data: { session: { ...session, external_id: externalId }, ...extra } });
  }

}

function sessionsById(sessions: readonly Session[]): Map<string, Session> {
  return new Map(sessions.map((s) => [s.id, s]));
}
