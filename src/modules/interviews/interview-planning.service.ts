import type { DatabaseHandle, Executor, Tx } from '../../db/database.js';
import type { InterviewRow, SessionRow } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import type { LlmClient } from '../../interviewer/llm.js';
import { buildModelPlan, buildRulePlan, defaultInterviewer } from '../../interviewer/plan.js';
import type { InterviewPlan, InterviewerProfile, PlanInputs } from '../../interviewer/types.js';
import type { JobQueue } from '../../jobs/queue.js';
import { isoNow, type Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { AgentProfilesService } from '../agent-profiles/agent-profiles.service.js';
import type { ParticipantsService } from '../participants/participants.service.js';
import type { ResumesService } from '../resumes/resumes.service.js';
import type { SessionsService } from '../sessions/sessions.service.js';
import type { TemplatesService } from '../templates/templates.service.js';
import * as repo from './interviews.repository.js';
import { JOB_PLAN, planOf } from './interviews.service.js';

/**
 * The plan of each session (SPEC §10): made in the background when the session is booked (or at
 * the participant's first visit) from the template, the stage, the agent profile and the
 * participant, then frozen. The model writes it when there is one; otherwise, or when the model
 * cannot after the job's attempts, the rule-based plan is made from the same inputs.
 */
export class InterviewPlanningService {
  constructor(
    private readonly deps: {
      database: DatabaseHandle;
      clock: Clock;
      logger: Logger;
      llm: LlmClient | undefined;
      jobs: JobQueue;
      sessions: Pick<SessionsService, 'findRow'>;
      templates: Pick<TemplatesService, 'find'>;
      agentProfiles: Pick<AgentProfilesService, 'find'>;
      participants: Pick<ParticipantsService, 'findMany'>;
      resumes: Pick<ResumesService, 'textOf'>;
    },
  ) {}

  /** A new session: its interview row, and the plan job (sessions call this in their transaction). */
  async onSessionCreated(tx: Tx, row: SessionRow): Promise<void> {
    await repo.insertInterviewIfAbsent(tx, this.newRow(row));
    await this.deps.jobs.enqueue(tx, { kind: JOB_PLAN, payload: { sessionId: row.id }, dedupeKey: `${JOB_PLAN}:${row.id}`, accountId: row.account_id });
  }

  newRow(row: SessionRow): InterviewRow {
    const now = isoNow(this.deps.clock);
    return {
      session_id: row.id,
      account_id: row.account_id,
      plan: null,
      state: null,
      consented_at: null,
      connection_id: null,
      connection_seen_at: null,
      last_activity_at: null,
      reply_pending_since: null,
      signals: JSON.stringify({ tab_switches: 0, pastes: 0 }),
      scoring_status: 'none',
      scoring_error: null,
      scored_by: null,
      overrides: '[]',
      created_at: now,
      updated_at: now,
    };
  }

  /** Everything the plan is built from, read fresh. */
  async planInputs(row: SessionRow, db: Executor = this.deps.database.db): Promise<PlanInputs> {
    const template = await this.deps.templates.find(row.account_id, row.template_id, db);
    if (template === undefined) throw notFound('Evaluation template');
    const stage = template.stages.find((s) => s.type === row.stage) ?? template.stages[0];
    const profileId = stage?.agent_profile_id ?? template.agent_profile_id;
    const profile = profileId === null ? undefined : await this.deps.agentProfiles.find(row.account_id, profileId, db);
    const interviewer: InterviewerProfile =
      profile === undefined
        ? defaultInterviewer()
        : {
            id: profile.id,
            name: profile.name,
            persona: profile.persona,
            dimensions: profile.evaluationDimensions,
            interaction: profile.interaction,
            additionalInstructions: profile.additionalInstructions,
          };
    const participant = (await this.deps.participants.findMany(row.account_id, [row.participant_id], db)).get(row.participant_id);
    const profileFields: Record<string, string> = {};
    for (const [key, value] of Object.entries(participant?.profile ?? {})) if (typeof value === 'string') profileFields[key] = value;
    const background = participant?.background ?? null;
    return {
      template: {
        name: template.template_name,
        useCase: template.use_case,
        successOutcome: template.success_outcome,
        objective: template.objective,
        description: template.description,
        requirements: template.requirements,
        level: template.level,
        difficulty: template.default_difficulty,
        skills: template.skills,
        softSkills: template.soft_skills,
      },
      stage: { type: row.stage, name: stage?.stage_name ?? row.stage, durationMinutes: row.duration_minutes },
      profile: interviewer,
      participant: {
        profile: Object.keys(profileFields).length === 0 ? null : profileFields,
        background:
          background === null
            ? null
            : {
                ...(background.skills !== undefined ? { skills: background.skills } : {}),
                ...(typeof background.education === 'string' ? { education: background.education } : {}),
                ...(background.languages !== undefined ? { languages: background.languages } : {}),
              },
        resumeText: participant === undefined ? null : await this.deps.resumes.textOf(row.account_id, participant.id).catch(() => null),
      },
    };
  }

  /**
   * The plan job (also run inline for the rule-based plan): builds and freezes the plan once.
   * A model that cannot plan after the job's attempts leaves the rule-based plan in its place.
   */
  async plan(sessionId: string, attempt = { last: true }): Promise<void> {
    const row = await this.deps.sessions.findRow(sessionId);
    if (row === undefined || (row.status !== 'scheduled' && row.status !== 'in_progress')) return;
    await repo.insertInterviewIfAbsent(this.deps.database.db, this.newRow(row));
    if (planOf(await repo.findInterview(this.deps.database.db, sessionId)) !== undefined) return;
    const inputs = await this.planInputs(row);
    let plan: InterviewPlan;
    if (this.deps.llm === undefined) {
      plan = buildRulePlan(inputs);
    } else {
      try {
        plan = await buildModelPlan(this.deps.llm, inputs);
      } catch (error) {
        if (!attempt.last) throw error;
        this.deps.logger.warn({ session_id: sessionId, err: error }, 'the model could not plan the interview; using the rule-based plan');
        plan = buildRulePlan(inputs);
      }
    }
    await repo.setPlanOnce(this.deps.database.db, sessionId, JSON.stringify(plan), isoNow(this.deps.clock));
  }
}
