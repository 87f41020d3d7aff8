import { defineJob, jitter } from '../../jobs/registry.js';
import { RESUME_FETCH_JOB, type ResumeFetchPayload } from './resume-scheduler.js';

/** 1 min, 4 min, 16 min, ~1 h between the five attempts: a host's bad hour is ridden out. */
const resumeBackoff = (attempt: number): number => jitter(Math.min(3_600_000, 60_000 * 4 ** (attempt - 1)));

export const resumeJobs = [
  defineJob<ResumeFetchPayload>({
    kind: RESUME_FETCH_JOB,
    maxAttempts: 5,
    backoffMs: resumeBackoff,
    // The default lease: a download (30 s) and a read (20 s) outlast it, but the runner renews it while the job runs.
    handler: (ctx, payload, job) => ctx.services.resumes.process(payload, job),
  }),
];
