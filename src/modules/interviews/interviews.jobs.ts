import { defineJob, exponentialBackoff } from '../../jobs/registry.js';
import { JOB_ADVANCE, JOB_PLAN, JOB_SCORE, JOB_WATCH } from './interviews.service.js';

interface SessionPayload {
  sessionId: string;
}

/**
 * The interviewer's background work (SPEC §10, §11). Every handler may run twice safely. Model
 * calls can be slow; the runner renews a job's lease while it runs, so the default lease stands.
 */
export const interviewJobs = [
  // The plan: a model gets three tries, then the rule-based plan takes its place.
  defineJob<SessionPayload>({
    kind: JOB_PLAN,
    maxAttempts: 3,
    backoffMs: (attempt) => exponentialBackoff(attempt, 5_000, 60_000),
    handler: async (ctx, payload, job) => {
      await ctx.services.interviewPlanning.plan(payload.sessionId, { last: job.attempt >= job.maxAttempts });
    },
  }),
  defineJob<SessionPayload>({
    kind: JOB_WATCH,
    maxAttempts: 20,
    handler: async (ctx, payload) => {
      await ctx.services.interviews.watchJob(payload.sessionId);
    },
  }),
  // Scoring: a failing model is retried with backoff; out of attempts, the session waits for a person.
  defineJob<SessionPayload>({
    kind: JOB_SCORE,
    maxAttempts: 5,
    backoffMs: (attempt) => exponentialBackoff(attempt, 30_000, 30 * 60_000),
    handler: async (ctx, payload, job) => {
      await ctx.services.interviewScoring.score(payload.sessionId, { last: job.attempt >= job.maxAttempts });
    },
  }),
  defineJob<SessionPayload & { byPerson: boolean }>({
    kind: JOB_ADVANCE,
    maxAttempts: 10,
    handler: async (ctx, payload) => {
      await ctx.services.interviewScoring.advance(payload.sessionId, payload.byPerson);
    },
  }),
];
