import type { InterviewConfig } from '../../config/config.js';
import type { DatabaseHandle, Executor, Tx } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import { newId } from '../../db/ids.js';
import type { InterviewRow, InterviewTurnRow, SessionRow } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import {
  apply,
  currentExchange,
  decide,
  followUpOf,
  initialState,
  scriptedText,
  timingOf,
  turnMessages,
  TurnAnswerSchema,
  FOLLOW_UP_BUDGET,
  type ConductState,
  type Move,
  type TurnAnswer,
} from '../../interviewer/conduct.js';
import type { LlmClient } from '../../interviewer/llm.js';
import { defaultInterviewer, openingMessage } from '../../interviewer/plan.js';
import type { InterviewPlan, TranscriptTurn } from '../../interviewer/types.js';
import type { JobQueue } from '../../jobs/queue.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { SessionsService } from '../sessions/sessions.service.js';
import type { InterviewPlanningService } from './interview-planning.service.js';
import * as repo from './interviews.repository.js';
import type { InterviewDetail, InterviewView, Phase } from './interviews.schemas.js';

export const JOB_PLAN = 'interview.plan';
export const JOB_WATCH = 'interview.watch';
export const JOB_SCORE = 'interview.score';
export const JOB_ADVANCE = 'interview.advance';

/** A tab not heard from for this long no longer holds the conversation (a reload or another device may). */
export const CONNECTION_STALE_MS = 20_000;
/** A reply still "being written" after this long was lost (the process stopped): it is written again, scripted. */
const REPLY_STALE_MS = 3 * 60_000;

export const CONSENT_TEXT =
  'This is a written interview conducted by an automated interviewer on behalf of the team that invited you. Your answers are saved as you send them and the team will review them, with a score that is a recommendation for people, never an automatic decision. The page counts how often it is hidden and how often text is pasted into it; these counts are shown to the team as they are. Please answer in your own words.';

export interface Signals {
  tab_switches: number;
  pastes: number;
}

export interface InterviewsDeps {
  database: DatabaseHandle;
  clock: Clock;
  logger: Logger;
  llm: LlmClient | undefined;
  jobs: JobQueue;
  sessions: SessionsService;
  planning: Pick<InterviewPlanningService, 'plan' | 'onSessionCreated'>;
  config: InterviewConfig;
}

export function planOf(row: Pick<InterviewRow, 'plan'> | undefined): InterviewPlan | undefined {
  return row?.plan === null || row?.plan === undefined ? undefined : (JSON.parse(row.plan) as InterviewPlan);
}

export function stateOf(row: Pick<InterviewRow, 'state'>, plan: InterviewPlan): ConductState {
  return row.state === null ? initialState(plan) : (JSON.parse(row.state) as ConductState);
}

export function signalsOf(row: Pick<InterviewRow, 'signals'> | undefined): Signals {
  const parsed = row === undefined ? {} : (JSON.parse(row.signals) as Partial<Signals>);
  return { tab_switches: parsed.tab_switches ?? 0, pastes: parsed.pastes ?? 0 };
}

export function toTranscriptTurn(row: InterviewTurnRow): TranscriptTurn {
  return { seq: row.seq, speaker: row.speaker as TranscriptTurn['speaker'], text: row.text, at: row.at };
}

function openElsewhere(): AppError {
  return new AppError(
    'interview_open_elsewhere',
    'This interview is open in another tab or window. Continue there, or close it and reload this page in a minute.',
  );
}

/**
 * Docket's interviewer on the join page (SPEC §10): the plan (frozen before the interview),
 * the conversation whose state the server owns, the tab that holds it, and the watch that
 * closes an interview whose time is up or fails one that was abandoned.
 */
export class InterviewsService {
  constructor(private readonly deps: InterviewsDeps) {}

  // ---------- the join page ----------

  private async sessionOfToken(token: string): Promise<SessionRow> {
    const row = await this.deps.sessions.findByToken(token);
    if (row === undefined) throw new AppError('not_found', 'This interview link is not valid. Check the link in your invitation.');
    return row;
  }

  async view(token: string): Promise<InterviewView> {
    const session = await this.sessionOfToken(token);
    return this.viewOf(session.id);
  }

  private async viewOf(sessionId: string, db: Executor = this.deps.database.db): Promise<InterviewView> {
    const session = await this.deps.sessions.findRow(sessionId, db);
    if (session === undefined) throw notFound('Session');
    const interview = await repo.findInterview(db, sessionId);
    const plan = planOf(interview);
    const turns = session.started_at === null ? [] : await repo.turnsOf(db, sessionId);
    const timing = session.started_at === null ? undefined : timingOf(new Date(session.started_at), this.deps.clock.now(), session.duration_minutes);
    const open = session.status === 'scheduled' || session.status === 'in_progress';
    let phase: Phase;
    if (session.status === 'completed') phase = 'finished';
    else if (!open) phase = 'closed';
    else if (plan === undefined) phase = 'preparing';
    else if (session.status === 'scheduled') phase = 'consent';
    // Started by an external engine (POST /sessions/{id}/start): not Docket's conversation to run.
    else if (interview?.consented_at === null || interview === undefined) phase = 'closed';
    else phase = 'conversation';
    const last = turns[turns.length - 1];
    const interviewer = plan?.profile ?? defaultInterviewer();
    return {
      status: session.status as InterviewView['status'],
      phase,
      interviewer: { name: interviewer.name, persona: interviewer.persona },
      consent_text: CONSENT_TEXT,
      question_count: plan?.questions.length ?? null,
      duration_minutes: session.duration_minutes,
      time_left_seconds: timing === undefined ? null : Math.ceil(timing.remainingMs / 1000),
      wrap_up: timing?.wrapUp ?? false,
      your_turn: phase === 'conversation' && last?.speaker === 'interviewer' && interview?.reply_pending_since === null,
      turns: turns.map(toTranscriptTurn),
    };
  }

  /** Makes sure a plan exists: built here without a model, asked of the plan job with one. */
  private async ensurePlan(session: SessionRow): Promise<boolean> {
    const interview = await repo.findInterview(this.deps.database.db, session.id);
    if (planOf(interview) !== undefined) return true;
    if (this.deps.llm === undefined) {
      await this.deps.planning.plan(session.id);
      return true;
    }
    await this.deps.database.transaction((tx) => this.deps.planning.onSessionCreated(tx, session));
    return false;
  }

  /** Holds the conversation for this tab, or refuses: another tab heard from recently holds it. */
  private claim(interview: InterviewRow, connectionId: string, now: Date): void {
    if (interview.connection_id === null || interview.connection_id === connectionId) return;
    const seen = interview.connection_seen_at === null ? 0 : new Date(interview.connection_seen_at).getTime();
    if (now.getTime() - seen < CONNECTION_STALE_MS) throw openElsewhere();
  }

  /** Consent and the start (or a resume after a reload or a lost connection, in this tab or a new one). */
  async start(token: string, input: { connection_id: string; consent: boolean }): Promise<InterviewView> {
    const found = await this.sessionOfToken(token);
    if (found.status !== 'scheduled' && found.status !== 'in_progress') return this.viewOf(found.id);
    if (!input.consent) {
      throw new AppError('validation_failed', 'Please agree to the explanation to begin.', [{ path: 'consent', message: 'must be true', code: 'consent_required' }]);
    }
    if (!(await this.ensurePlan(found))) return this.viewOf(found.id);
    await this.deps.database.transaction(async (tx) => {
      const now = this.deps.clock.now();
      const nowIso = now.toISOString();
      let session = await this.deps.sessions.lockIn(tx, found.account_id, found.id);
      const interview = await repo.lockInterview(tx, found.id);
      const plan = planOf(interview);
      if (session === undefined || interview === undefined || plan === undefined) throw notFound('Session');
      if (session.status !== 'scheduled' && session.status !== 'in_progress') return;
      if (session.status === 'in_progress' && interview.consented_at === null) return;
      this.claim(interview, input.connection_id, now);
      if (session.status === 'scheduled') {
        session = await this.deps.sessions.moveIn(tx, session, 'in_progress');
        const first = plan.questions[0];
        await repo.insertTurn(tx, this.turnRow(session, 1, 'interviewer', openingMessage(plan), 'opening', first?.id ?? null, 'plan', nowIso));
        await repo.updateInterview(tx, session.id, { state: JSON.stringify(initialState(plan)) });
        await this.watch(tx, session, now);
      }
      await repo.updateInterview(tx, session.id, {
        consented_at: interview.consented_at ?? nowIso,
        connection_id: input.connection_id,
        connection_seen_at: nowIso,
        last_activity_at: nowIso,
        updated_at: nowIso,
      });
    });
    await this.settle(found.id);
    return this.viewOf(found.id);
  }

  /** The tab is alive: activity, signals, and the time check. */
  async heartbeat(token: string, input: { connection_id: string; tab_switches?: number | undefined; pastes?: number | undefined }): Promise<InterviewView> {
    const found = await this.sessionOfToken(token);
    if (found.status === 'in_progress') {
      await this.deps.database.transaction(async (tx) => {
        const now = this.deps.clock.now();
        const interview = await repo.lockInterview(tx, found.id);
        if (interview === undefined) return;
        this.claim(interview, input.connection_id, now);
        const signals = signalsOf(interview);
        await repo.updateInterview(tx, found.id, {
          connection_id: input.connection_id,
          connection_seen_at: now.toISOString(),
          last_activity_at: now.toISOString(),
          signals: JSON.stringify({ tab_switches: signals.tab_switches + (input.tab_switches ?? 0), pastes: signals.pastes + (input.pastes ?? 0) }),
          updated_at: now.toISOString(),
        });
      });
      await this.settle(found.id);
    }
    return this.viewOf(found.id);
  }

  /**
   * An answer: stored as sent, then the interviewer's next turn (a model call happens between
   * two short transactions, never inside one), then stored as it is shown.
   */
  async answer(token: string, input: { connection_id: string; seq: number; text: string }): Promise<InterviewView> {
    const found = await this.sessionOfToken(token);
    const text = input.text.trim();
    if (text === '') throw new AppError('validation_failed', 'Write an answer before sending it.', [{ path: 'text', message: 'must not be empty', code: 'too_short' }]);
    const accepted = await this.deps.database.transaction(async (tx) => {
      const now = this.deps.clock.now();
      const session = await this.deps.sessions.lockIn(tx, found.account_id, found.id);
      const interview = await repo.lockInterview(tx, found.id);
      if (session === undefined || interview === undefined) throw notFound('Session');
      const turns = await repo.turnsOf(tx, found.id);
      const existing = turns.find((t) => t.seq === input.seq);
      // The same answer sent again (a retry after a lost response): already stored.
      if (existing !== undefined && existing.speaker === 'participant' && existing.text === text) return false;
      if (session.status !== 'in_progress') {
        throw new AppError('invalid_transition', 'This interview has ended; no more answers are taken.', [], { status: session.status });
      }
      this.claim(interview, input.connection_id, now);
      const last = turns[turns.length - 1];
      if (input.seq !== turns.length + 1 || last?.speaker !== 'interviewer' || interview.reply_pending_since !== null) {
        throw new AppError('conflict', 'The conversation moved on since this page last saw it. Reload the page to continue.');
      }
      await repo.insertTurn(tx, this.turnRow(session, input.seq, 'participant', text, 'answer', last.question_id, 'participant', now.toISOString()));
      await repo.updateInterview(tx, found.id, {
        reply_pending_since: now.toISOString(),
        connection_id: input.connection_id,
        connection_seen_at: now.toISOString(),
        last_activity_at: now.toISOString(),
        updated_at: now.toISOString(),
      });
      return true;
    });
    if (accepted) await this.reply(found.id, input.seq);
    return this.viewOf(found.id);
  }

  /** Writes the interviewer's turn after the participant's turn `answerSeq`. */
  private async reply(sessionId: string, answerSeq: number, options: { scriptedOnly?: boolean } = {}): Promise<void> {
    const session = await this.deps.sessions.findRow(sessionId);
    const interview = await repo.findInterview(this.deps.database.db, sessionId);
    const plan = planOf(interview);
    if (session === undefined || interview === undefined || plan === undefined || session.started_at === null) return;
    const state = stateOf(interview, plan);
    const timing = timingOf(new Date(session.started_at), this.deps.clock.now(), session.duration_minutes);
    const modelOn = this.deps.llm !== undefined && options.scriptedOnly !== true;
    const decision = decide(state, plan, timing, modelOn);
    let move: Move = decision.kind === 'forced' ? decision.move : decision.moveOn;
    let text = '';
    let source: 'plan' | 'model' | 'fallback' = 'plan';
    if (decision.kind === 'choice' && this.deps.llm !== undefined) {
      const question = plan.questions[state.questionIndex];
      const turns = (await repo.turnsOf(this.deps.database.db, sessionId)).map(toTranscriptTurn);
      const askedAt = (await repo.turnsOf(this.deps.database.db, sessionId)).find((t) => t.question_id === question?.id && t.speaker === 'interviewer')?.seq ?? 1;
      try {
        if (question === undefined) throw new Error('no current question');
        const left = FOLLOW_UP_BUDGET[plan.profile.interaction.probingDepth] - (state.followUps[state.questionIndex] ?? 0);
        const result = await this.deps.llm.completeJson<TurnAnswer>({
          purpose: 'turn',
          messages: turnMessages(plan, question, currentExchange(turns, askedAt), left),
          schemaName: 'interview_turn',
          schema: TurnAnswerSchema,
          temperature: 0.3,
          maxTokens: 400,
          maxRetries: 1,
        });
        const followUp = followUpOf(result.value);
        source = 'model';
        if (followUp !== null) {
          move = 'follow_up';
          text = followUp;
        }
      } catch (error) {
        // The conversation goes on with the plan's next question; the failure is logged.
        this.deps.logger.warn({ session_id: sessionId, err: error }, 'the model could not choose the next turn; the plan continues');
        source = 'fallback';
      }
    }
    if (move !== 'follow_up') text = scriptedText(move, state, plan, timing);
    await this.deps.database.transaction(async (tx) => {
      const now = this.deps.clock.now();
      let locked = await this.deps.sessions.lockIn(tx, session.account_id, sessionId);
      const current = await repo.lockInterview(tx, sessionId);
      const turns = await repo.turnsOf(tx, sessionId);
      // Another writer got here first (a resume repaired the reply): nothing to do.
      if (locked === undefined || current === undefined || turns.length !== answerSeq || locked.status !== 'in_progress') return;
      const questionId = move === 'follow_up' ? (plan.questions[state.questionIndex]?.id ?? null) : move === 'next_question' ? (plan.questions[state.questionIndex + 1]?.id ?? null) : null;
      const kind = move === 'next_question' ? 'question' : move;
      try {
        await repo.insertTurn(tx, this.turnRow(locked, answerSeq + 1, 'interviewer', text, kind, questionId, move === 'follow_up' ? 'model' : source === 'fallback' ? 'fallback' : 'plan', now.toISOString()));
      } catch (error) {
        if (isUniqueViolation(error)) return;
        throw error;
      }
      await repo.updateInterview(tx, sessionId, { state: JSON.stringify(apply(state, move)), reply_pending_since: null, updated_at: now.toISOString() });
      if (move === 'close') locked = await this.complete(tx, locked);
      else await this.watch(tx, locked, now);
    });
  }

  /** The interview is over: completed, and scored in the background. */
  private async complete(tx: Tx, session: SessionRow): Promise<SessionRow> {
    const updated = await this.deps.sessions.moveIn(tx, session, 'completed');
    await repo.updateInterview(tx, session.id, { scoring_status: 'pending', reply_pending_since: null });
    await this.deps.jobs.enqueue(tx, { kind: JOB_SCORE, payload: { sessionId: session.id }, dedupeKey: `${JOB_SCORE}:${session.id}`, accountId: session.account_id });
    return updated;
  }

  /** (Re)schedules the watch: when the time ends, or when inactivity would count as abandonment. */
  private async watch(tx: Tx, session: SessionRow, lastActivity: Date): Promise<void> {
    if (session.started_at === null) return;
    const deadline = new Date(session.started_at).getTime() + session.duration_minutes * 60_000;
    const abandonAt = lastActivity.getTime() + this.deps.config.abandonAfterMinutes * 60_000;
    await this.deps.jobs.enqueue(tx, {
      kind: JOB_WATCH,
      payload: { sessionId: session.id },
      runAt: new Date(Math.min(deadline, abandonAt)),
      dedupeKey: `${JOB_WATCH}:${session.id}`,
      accountId: session.account_id,
    });
  }

  /**
   * Time-driven changes, safe to run any number of times: a reply lost with a stopped process is
   * written (scripted), and an interview whose time is up is closed.
   */
  async settle(sessionId: string): Promise<void> {
    const session = await this.deps.sessions.findRow(sessionId);
    const interview = await repo.findInterview(this.deps.database.db, sessionId);
    if (session?.status !== 'in_progress' || interview === undefined || session.started_at === null) return;
    const now = this.deps.clock.now();
    const turns = await repo.turnsOf(this.deps.database.db, sessionId);
    const last = turns[turns.length - 1];
    const pendingSince = interview.reply_pending_since === null ? undefined : new Date(interview.reply_pending_since).getTime();
    if (last?.speaker === 'participant' && (pendingSince === undefined || now.getTime() - pendingSince > REPLY_STALE_MS)) {
      await this.reply(sessionId, last.seq, { scriptedOnly: true });
      return;
    }
    const timing = timingOf(new Date(session.started_at), now, session.duration_minutes);
    if (!timing.over || last?.speaker !== 'interviewer') return;
    const plan = planOf(interview);
    if (plan === undefined) return;
    await this.deps.database.transaction(async (tx) => {
      const locked = await this.deps.sessions.lockIn(tx, session.account_id, sessionId);
      const current = await repo.turnsOf(tx, sessionId);
      if (locked?.status !== 'in_progress' || current.length !== turns.length) return;
      const text = scriptedText('close', stateOf(interview, plan), plan, timing);
      await repo.insertTurn(tx, this.turnRow(locked, turns.length + 1, 'interviewer', text, 'close', null, 'plan', now.toISOString()));
      await this.complete(tx, locked);
    });
  }

  /** The watch job: close an interview whose time is up, fail one that was abandoned. */
  async watchJob(sessionId: string): Promise<void> {
    const session = await this.deps.sessions.findRow(sessionId);
    const interview = await repo.findInterview(this.deps.database.db, sessionId);
    if (session?.status !== 'in_progress' || interview === undefined || session.started_at === null) return;
    const now = this.deps.clock.now();
    const lastActivity = new Date(interview.last_activity_at ?? session.started_at);
    const abandonMs = this.deps.config.abandonAfterMinutes * 60_000;
    if (now.getTime() - lastActivity.getTime() >= abandonMs) {
      await this.deps.database.transaction(async (tx) => {
        const locked = await this.deps.sessions.lockIn(tx, session.account_id, sessionId);
        const current = await repo.lockInterview(tx, sessionId);
        if (locked?.status !== 'in_progress' || current?.last_activity_at !== interview.last_activity_at) return;
        await this.deps.sessions.moveIn(tx, locked, 'failed', `abandoned: no activity for ${this.deps.config.abandonAfterMinutes} minutes`);
      });
      return;
    }
    await this.settle(sessionId);
    const after = await this.deps.sessions.findRow(sessionId);
    if (after?.status === 'in_progress') await this.deps.database.transaction((tx) => this.watch(tx, after, lastActivity));
  }

  private turnRow(
    session: SessionRow,
    seq: number,
    speaker: 'interviewer' | 'participant',
    text: string,
    kind: string,
    questionId: string | null,
    source: string,
    at: string,
  ): InterviewTurnRow {
    return { id: newId(), session_id: session.id, account_id: session.account_id, seq, speaker, text, kind, question_id: questionId, source, at };
  }

  // ---------- the team's reads ----------

  async transcript(accountId: string, sessionId: string): Promise<{ session_id: string; status: InterviewView['status']; turns: TranscriptTurn[] }> {
    const session = await this.deps.sessions.findRow(sessionId);
    if (session === undefined || session.account_id !== accountId) throw notFound('Session');
    const turns = await repo.turnsOf(this.deps.database.db, sessionId);
    return { session_id: sessionId, status: session.status as InterviewView['status'], turns: turns.map(toTranscriptTurn) };
  }

  async detail(accountId: string, sessionId: string): Promise<InterviewDetail> {
    const session = await this.deps.sessions.findRow(sessionId);
    if (session === undefined || session.account_id !== accountId) throw notFound('Session');
    const interview = await repo.findInterview(this.deps.database.db, sessionId);
    const plan = planOf(interview);
    return {
      session_id: sessionId,
      plan:
        plan === undefined
          ? null
          : {
              source: plan.source,
              model: plan.model,
              version: plan.version,
              prompt_version: plan.promptVersion,
              interviewer: { id: plan.profile.id, name: plan.profile.name },
              dimensions: plan.profile.dimensions,
              questions: plan.questions,
            },
      consented_at: interview?.consented_at ?? null,
      last_activity_at: interview?.last_activity_at ?? null,
      authenticity_signals: signalsOf(interview),
      scoring: {
        status: (interview?.scoring_status ?? 'none') as InterviewDetail['scoring']['status'],
        error: interview?.scoring_error ?? null,
        scored_by: interview?.scored_by === null || interview?.scored_by === undefined ? null : (JSON.parse(interview.scored_by) as InterviewDetail['scoring']['scored_by']),
        overrides: interview === undefined ? [] : (JSON.parse(interview.overrides) as InterviewDetail['scoring']['overrides']),
      },
    };
  }
}
