import type { DatabaseHandle, Tx } from '../../db/database.js';
import type { SessionRow } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { LlmError, type LlmClient } from '../../interviewer/llm.js';
import {
  SCORING_PROMPT_VERSION,
  passRule,
  recommendationFor,
  scoreDimension,
  summarise,
  weightedScore,
  type DimensionScore,
} from '../../interviewer/scoring.js';
import type { JobQueue } from '../../jobs/queue.js';
import { isoNow, type Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { Scorecard, ScorecardInput } from '../sessions/sessions.schemas.js';
import type { ScoredBy, SessionHooks, SessionsService } from '../sessions/sessions.service.js';
import type { TemplatesService } from '../templates/templates.service.js';
import * as repo from './interviews.repository.js';
import { JOB_ADVANCE, planOf, toTranscriptTurn } from './interviews.service.js';

type ScorecardHooks = NonNullable<SessionHooks['scorecard']>;

/**
 * Scorecards of Docket's interviews (SPEC §10): the scoring job (one model call per dimension,
 * verified quotes, weighted score, pass rule, recommendation, summary, versions recorded), the
 * rubric arithmetic for a person's review through POST /sessions/{id}/scorecard, who scored and
 * what they replaced, and the next stage of a passed session.
 */
export class InterviewScoringService implements ScorecardHooks {
  constructor(
    private readonly deps: {
      database: DatabaseHandle;
      clock: Clock;
      logger: Logger;
      llm: LlmClient | undefined;
      jobs: JobQueue;
      sessions: SessionsService;
      templates: Pick<TemplatesService, 'find'>;
    },
  ) {}

  private async stageRules(row: SessionRow, tx: Tx | undefined = undefined) {
    const template = await this.deps.templates.find(row.account_id, row.template_id, tx ?? this.deps.database.db);
    const stage = template?.stages.find((s) => s.type === row.stage);
    return { template, stage, passThreshold: stage?.pass_threshold ?? 7 };
  }

  /** The scoring job. Returns a message when the session waits for a person instead. */
  async score(sessionId: string, attempt: { last: boolean }): Promise<void> {
    const session = await this.deps.sessions.findRow(sessionId);
    const interview = await repo.findInterview(this.deps.database.db, sessionId);
    const plan = planOf(interview);
    if (session?.status !== 'completed' || interview === undefined || plan === undefined) return;
    // A person scored it already: their scorecard stands.
    if (interview.scoring_status === 'scored') return;
    const llm = this.deps.llm;
    if (llm === undefined) {
      await repo.updateInterview(this.deps.database.db, sessionId, { scoring_status: 'awaiting_review', updated_at: isoNow(this.deps.clock) });
      return;
    }
    const transcript = (await repo.turnsOf(this.deps.database.db, sessionId)).map(toTranscriptTurn);
    const dimensions: DimensionScore[] = [];
    let model = llm.model;
    let dropped = 0;
    let summary: string;
    try {
      for (const dimension of plan.profile.dimensions) {
        const result = await scoreDimension(llm, plan, dimension, transcript);
        model = result.model;
        dropped += result.droppedQuotes;
        dimensions.push({ name: result.name, weight: result.weight, score: result.score, reasoning: result.reasoning, evidence: result.evidence });
      }
      summary = await summarise(llm, plan, dimensions, transcript);
    } catch (error) {
      if (!(error instanceof LlmError) || !attempt.last) throw error;
      // Out of attempts: the session waits for a person, and says why.
      await repo.updateInterview(this.deps.database.db, sessionId, {
        scoring_status: 'failed',
        scoring_error: `Automatic scoring failed: ${error.message} Score it by hand.`,
        updated_at: isoNow(this.deps.clock),
      });
      throw error;
    }
    const { template, passThreshold } = await this.stageRules(session);
    const scores = new Map(dimensions.map((d) => [d.name, d.score]));
    const overall = weightedScore(plan.profile.dimensions, scores);
    const { passed } = passRule(overall, passThreshold, plan.profile.dimensions, scores);
    const input: ScorecardInput = {
      score: overall,
      passed,
      recommendation: recommendationFor(template?.success_outcome ?? 'pass_fail', passed),
      evaluation_breakdown: dimensions,
      summary,
    };
    await this.deps.database.transaction(async (tx) => {
      const locked = await this.deps.sessions.lockIn(tx, session.account_id, sessionId);
      const current = await repo.lockInterview(tx, sessionId);
      if (locked?.status !== 'completed' || current === undefined || current.scoring_status === 'scored') return;
      await this.deps.sessions.scoreIn(tx, locked, input, { type: 'interviewer', model });
      // The versions the scorecard was built on, beside who wrote it.
      await repo.updateInterview(tx, sessionId, {
        scored_by: JSON.stringify({
          type: 'interviewer',
          model,
          prompt_version: SCORING_PROMPT_VERSION,
          plan_version: plan.promptVersion,
          plan_source: plan.source,
          plan_model: plan.model,
          dropped_quotes: dropped,
          at: isoNow(this.deps.clock),
        }),
      });
    });
  }

  /** A scorecard without a score (a person's review): the rubric gives the score, the stage the pass. */
  async complete(tx: Tx, row: SessionRow, input: ScorecardInput): Promise<ScorecardInput & { score: number }> {
    const plan = planOf(await repo.lockInterview(tx, row.id));
    if (plan === undefined) return input as ScorecardInput & { score: number };
    const breakdown = input.evaluation_breakdown;
    const { template, passThreshold } = await this.stageRules(row, tx);
    let score = input.score;
    if (score === undefined) {
      const missing = plan.profile.dimensions.filter((d) => !(breakdown ?? []).some((b) => b.name === d.name));
      if (missing.length > 0) {
        throw new AppError(
          'validation_failed',
          `Score every dimension of the rubric (${missing.map((d) => d.name).join(', ')} missing), or give the overall score.`,
          missing.map((d) => ({ path: 'evaluation_breakdown', message: `has no score for ${d.name}`, code: 'required' })),
        );
      }
      score = weightedScore(plan.profile.dimensions, new Map((breakdown ?? []).map((b) => [b.name, b.score])));
    }
    const scores = new Map((breakdown ?? []).map((b) => [b.name, b.score]));
    const coversRubric = plan.profile.dimensions.every((d) => scores.has(d.name));
    const passed = input.passed ?? (coversRubric ? passRule(score, passThreshold, plan.profile.dimensions, scores).passed : score >= passThreshold);
    return {
      ...input,
      score,
      passed,
      recommendation: input.recommendation ?? recommendationFor(template?.success_outcome ?? 'pass_fail', passed),
      // Breakdown entries carry the rubric's weights, whoever scored.
      ...(breakdown === undefined
        ? {}
        : { evaluation_breakdown: breakdown.map((b) => ({ ...b, weight: b.weight ?? plan.profile.dimensions.find((d) => d.name === b.name)?.weight })) }),
    };
  }

  /** Who scored, what they replaced; the next stage's booking when the stage's rule says so. */
  async recorded(tx: Tx, row: SessionRow, previous: Scorecard | null, next: Scorecard, by: ScoredBy): Promise<void> {
    const interview = await repo.lockInterview(tx, row.id);
    const now = isoNow(this.deps.clock);
    if (interview !== undefined) {
      const overrides = JSON.parse(interview.overrides) as unknown[];
      const previousBy = interview.scored_by === null ? null : (JSON.parse(interview.scored_by) as unknown);
      if (previous !== null) overrides.push({ replaced: { ...previous, scored_by: previousBy }, replaced_by: by, at: now });
      await repo.updateInterview(tx, row.id, {
        scored_by: JSON.stringify({ ...by, at: now }),
        overrides: JSON.stringify(overrides),
        scoring_status: 'scored',
        scoring_error: null,
        updated_at: now,
      });
    }
    if (next.passed === true) {
      await this.deps.jobs.enqueue(tx, {
        kind: JOB_ADVANCE,
        payload: { sessionId: row.id, byPerson: by.type === 'user' },
        dedupeKey: `${JOB_ADVANCE}:${row.id}`,
        accountId: row.account_id,
      });
    }
  }

  /**
   * The advance job: a passed session of an `auto_advance` stage (or of a
   * `require_reviewer_approval` stage, once a person passed it) books the next stage, whenever
   * the participant is ready, and invites them. Idempotent: an open session of that stage stays.
   */
  async advance(sessionId: string, byPerson: boolean): Promise<void> {
    const session = await this.deps.sessions.findRow(sessionId);
    if (session === undefined) return;
    const { template, stage } = await this.stageRules(session);
    if (template === undefined || stage === undefined) return;
    const allowed = stage.automation_rule === 'auto_advance' || (stage.automation_rule === 'require_reviewer_approval' && byPerson);
    const next = template.stages.find((s) => s.stage_order === stage.stage_order + 1);
    if (!allowed || next === undefined || next.id === null) return;
    try {
      await this.deps.sessions.create(session.account_id, {
        candidate_id: session.participant_id,
        evaluation_template_id: session.template_id,
        interview_id: next.id,
      });
    } catch (error) {
      if (error instanceof AppError && (error.code === 'session_exists' || error.code === 'participant_archived' || error.code === 'not_found')) {
        this.deps.logger.info({ session_id: sessionId, reason: error.code }, 'next stage not booked');
        return;
      }
      throw error;
    }
  }
}
