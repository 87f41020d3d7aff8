import type { Tx } from '../../db/database.js';
import type { JobQueue } from '../../jobs/queue.js';
import * as repo from './resumes.repository.js';

export const RESUME_FETCH_JOB = 'resume.fetch';

export interface ResumeFetchPayload {
  accountId: string;
  participantId: string;
  /** The resume_url this job reads; a job whose URL is no longer the participant's does nothing. */
  url: string;
}

/** One fetch job per participant: enqueueing again replaces a pending one, so the latest URL wins. */
export function resumeJobKey(participantId: string): string {
  return `resume:${participantId}`;
}

/**
 * What the participants module tells the resumes module, inside its own transaction: a resume
 * link was set, changed, cleared, or its participant deleted. The job exists exactly when the
 * change committed.
 */
export class ResumeScheduler {
  constructor(private readonly deps: { jobs: JobQueue }) {}

  /** Queues a fetch of each participant's resume. */
  async schedule(tx: Tx, requests: readonly ResumeFetchPayload[]): Promise<void> {
    await this.deps.jobs.enqueueMany(
      tx,
      requests.map((request) => ({
        kind: RESUME_FETCH_JOB,
        payload: request,
        dedupeKey: resumeJobKey(request.participantId),
        accountId: request.accountId,
      })),
    );
  }

  /** The link changed or was cleared: the text read from the old one goes, the new one is queued. */
  async urlChanged(tx: Tx, accountId: string, participantId: string, url: string | null): Promise<void> {
    await repo.deleteText(tx, participantId);
    if (url === null) await this.deps.jobs.cancel(tx, [resumeJobKey(participantId)]);
    else await this.schedule(tx, [{ accountId, participantId, url }]);
  }

  /** The participant is being deleted (its text goes with it by foreign key). */
  async participantDeleted(tx: Tx, participantId: string): Promise<void> {
    await this.deps.jobs.cancel(tx, [resumeJobKey(participantId)]);
  }
}
