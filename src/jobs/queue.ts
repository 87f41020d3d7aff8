import type { Tx } from '../db/database.js';
import { newId } from '../db/ids.js';
import type { Notifier } from '../db/notify.js';
import type { Clock } from '../lib/clock.js';
import * as repo from './jobs.repository.js';
import { DEFAULT_MAX_ATTEMPTS, type JobRegistry } from './registry.js';

export const JOBS_CHANNEL = 'docket_jobs';

export interface NewJob<P = unknown> {
  kind: string;
  payload: P;
  /** Default: now. */
  runAt?: Date | undefined;
  /** At most one job per key: enqueueing the same key replaces the job (payload, time, attempts). */
  dedupeKey?: string | undefined;
  /** Jobs of one group run with capped concurrency (e.g. one webhook endpoint). */
  groupKey?: string | undefined;
  accountId?: string | undefined;
  maxAttempts?: number | undefined;
}

/**
 * Enqueueing is an insert on the caller's transaction (so a job exists exactly when the change
 * that needs it committed), plus a commit-time signal that wakes the runners.
 */
export class JobQueue {
  constructor(private readonly deps: { clock: Clock; registry: JobRegistry; notifier: Notifier }) {}

  async enqueue<P>(tx: Tx, job: NewJob<P>): Promise<void> {
    await this.enqueueMany(tx, [job]);
  }

  async enqueueMany(tx: Tx, jobs: readonly NewJob[]): Promise<void> {
    if (jobs.length === 0) return;
    const now = this.deps.clock.now();
    const nowIso = now.toISOString();
    const rows: repo.NewJobRow[] = jobs.map((job) => {
      const definition = this.deps.registry.get(job.kind);
      if (definition === undefined) throw new Error(`no handler is registered for job kind ${job.kind}`);
      return {
        id: newId(),
        kind: job.kind,
        payload: JSON.stringify(job.payload ?? null),
        status: 'pending',
        run_at: (job.runAt ?? now).toISOString(),
        attempts: 0,
        max_attempts: job.maxAttempts ?? definition.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        dedupe_key: job.dedupeKey ?? null,
        group_key: job.groupKey ?? null,
        account_id: job.accountId ?? null,
        created_at: nowIso,
        updated_at: nowIso,
      };
    });
    // One statement per dedupe key: two rows with the same key in one INSERT … ON CONFLICT
    // would make PostgreSQL refuse the statement (it cannot update a row twice).
    const keyed = rows.filter((row) => row.dedupe_key !== null);
    const plain = rows.filter((row) => row.dedupe_key === null);
    for (let i = 0; i < plain.length; i += 500) await repo.insertJobs(tx, plain.slice(i, i + 500));
    for (const row of keyed) await repo.insertJobs(tx, [row]);
    await this.deps.notifier.notify(tx, JOBS_CHANNEL);
  }

  /** Drops pending jobs by dedupe key (a running one finishes; handlers check current state). */
  async cancel(tx: Tx, dedupeKeys: readonly string[]): Promise<number> {
    return repo.deletePendingByDedupeKey(tx, dedupeKeys);
  }
}
