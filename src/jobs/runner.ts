import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Context } from '../context.js';
import type { DatabaseHandle } from '../db/database.js';
import { newId } from '../db/ids.js';
import type { JobRow } from '../db/schema.js';
import type { Clock } from '../lib/clock.js';
import type { Logger } from '../lib/logger.js';
import * as repo from './jobs.repository.js';
import { JOBS_CHANNEL } from './queue.js';
import { DEFAULT_LEASE_MS, exponentialBackoff, type JobDefinition, type JobOutcome, type JobRegistry } from './registry.js';

export interface RunnerOptions {
  /** Jobs run at once by this runner. */
  concurrency: number;
  /** Longest sleep between looks at the table when no signal arrives. */
  pollIntervalMs: number;
  /** Most jobs of one group (e.g. one webhook endpoint) running at once, across runners. */
  groupConcurrency: number;
}

export interface RunnerDeps {
  database: DatabaseHandle;
  clock: Clock;
  logger: Logger;
  registry: JobRegistry;
  /** The context handed to handlers (the runner is part of it, hence a getter). */
  context: () => Context;
  onOutcome?: (kind: string, outcome: JobOutcome['status'] | 'taken_over') => void;
}

export interface DrainResult {
  ran: number;
  done: number;
  retried: number;
  dead: number;
}

interface Running {
  job: JobRow;
  token: string;
  promise: Promise<JobOutcome['status']>;
}

/**
 * Claims due jobs under a lease and runs their handlers. `start()` runs the loop of a serve or
 * worker process; `drain()` runs every due job now and returns (tests, with a controllable
 * clock). A process killed mid-job loses nothing: its lease expires and another claim takes
 * the job over.
 */
export class JobRunner {
  readonly id = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private readonly running = new Map<string, Running>();
  private loop: Promise<void> | undefined;
  private stopping = false;
  private wakeUp: (() => void) | undefined;
  private woken = false;
  private heartbeat: NodeJS.Timeout | undefined;
  private unlisten: (() => Promise<void>) | undefined;

  constructor(
    private readonly deps: RunnerDeps,
    private readonly options: RunnerOptions,
  ) {}

  get isRunning(): boolean {
    return this.loop !== undefined;
  }

  /** Starts the loop: periodic jobs ensured, signals listened to, due jobs claimed. */
  async start(): Promise<void> {
    if (this.loop !== undefined) return;
    this.stopping = false;
    await this.schedulePeriodic();
    this.unlisten = await this.deps.database.notifier.listen(JOBS_CHANNEL, () => this.wake());
    const leases = this.deps.registry.kinds().map((kind) => this.deps.registry.get(kind)?.leaseMs ?? DEFAULT_LEASE_MS);
    const beat = Math.max(250, Math.min(...leases, DEFAULT_LEASE_MS) / 3);
    this.heartbeat = setInterval(() => void this.renewLeases(), beat);
    this.heartbeat.unref();
    this.loop = this.run();
  }

  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /**
   * Stops claiming, lets running jobs finish for up to `timeoutMs`, then hands the rest back
   * (pending again, the attempt not counted) so that another runner takes them at once.
   */
  async stop(timeoutMs: number): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.loop;
    this.loop = undefined;
    await this.unlisten?.();
    this.unlisten = undefined;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.allSettled([...this.running.values()].map((r) => r.promise)), timeout]);
    clearTimeout(timer);
    if (this.heartbeat !== undefined) clearInterval(this.heartbeat);
    const left = [...this.running.values()];
    this.running.clear();
    if (left.length > 0) {
      this.deps.logger.warn({ jobs: left.map((r) => r.job.id) }, 'jobs still running at shutdown were released');
      await repo.release(this.deps.database.db, left.map((r) => ({ id: r.job.id, token: r.token })), this.deps.clock.now().toISOString()).catch(
        (error: unknown) => this.deps.logger.error({ err: error }, 'could not release jobs; their leases will expire'),
      );
    }
  }

  /** Runs every job due now (by the clock), including retries that fall due, until none is. */
  async drain(options: { maxJobs?: number } = {}): Promise<DrainResult> {
    const result: DrainResult = { ran: 0, done: 0, retried: 0, dead: 0 };
    const max = options.maxJobs ?? 10_000;
    for (;;) {
      const claimed = await this.claim(Math.max(1, this.options.concurrency));
      if (claimed.length === 0) return result;
      for (const { job, token } of claimed) {
        const status = await this.execute(job, token);
        result.ran += 1;
        if (status === 'done') result.done += 1;
        else if (status === 'retry') result.retried += 1;
        else result.dead += 1;
      }
      if (result.ran >= max) throw new Error(`drain ran ${result.ran} jobs and more keep coming`);
    }
  }

  /** One row per periodic kind (housekeeping), due now if it never ran. */
  async schedulePeriodic(): Promise<void> {
    const now = this.deps.clock.now().toISOString();
    for (const definition of this.deps.registry.periodic()) {
      await repo.insertIfAbsent(this.deps.database.db, {
        id: newId(),
        kind: definition.kind,
        payload: 'null',
        status: 'pending',
        run_at: now,
        attempts: 0,
        max_attempts: definition.maxAttempts ?? 3,
        dedupe_key: `periodic:${definition.kind}`,
        group_key: null,
        account_id: null,
        created_at: now,
        updated_at: now,
      });
    }
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      this.woken = false;
      const free = this.options.concurrency - this.running.size;
      let claimed = 0;
      if (free > 0) {
        try {
          const batch = await this.claim(free);
          failures = 0;
          claimed = batch.length;
          for (const { job, token } of batch) {
            const promise = this.execute(job, token).finally(() => {
              this.running.delete(job.id);
              this.wake();
            });
            this.running.set(job.id, { job, token, promise });
          }
        } catch (error) {
          failures += 1;
          // The database is down or busy: say so once in a while, keep trying.
          if (failures === 1 || failures % 30 === 0) this.deps.logger.error({ err: error }, 'job runner could not claim jobs');
        }
      }
      if (this.stopping) break;
      if (claimed > 0 && claimed === free) continue; // possibly more due right now
      if (this.woken) continue;
      await this.sleep(await this.idleMs(free > 0 && failures === 0));
    }
  }

  private async idleMs(canAsk: boolean): Promise<number> {
    if (!canAsk) return this.options.pollIntervalMs;
    try {
      const next = await repo.nextRunAt(this.deps.database.db, this.deps.registry.kinds());
      if (next === null) return this.options.pollIntervalMs;
      const ms = new Date(next).getTime() - this.deps.clock.now().getTime();
      return Math.max(10, Math.min(this.options.pollIntervalMs, ms));
    } catch {
      return this.options.pollIntervalMs;
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken || this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = undefined;
        done();
      };
    });
  }

  private async claim(limit: number): Promise<{ job: JobRow; token: string }[]> {
    const now = this.deps.clock.now();
    const token = randomBytes(12).toString('hex');
    const kinds = this.deps.registry.kinds();
    const maxLease = Math.max(DEFAULT_LEASE_MS, ...kinds.map((k) => this.deps.registry.get(k)?.leaseMs ?? DEFAULT_LEASE_MS));
    const claimed = await this.deps.database.transaction((tx) =>
      repo.claim(tx, {
        kinds,
        limit,
        now: now.toISOString(),
        leaseUntil: new Date(now.getTime() + maxLease).toISOString(),
        runner: this.id,
        token,
        groupCap: this.options.groupConcurrency,
      }),
    );
    const kept = await this.capGroups(claimed, token, now.toISOString());
    return kept.map((job) => ({ job, token }));
  }

  /**
   * The claim skips groups already at the cap, but one claim can take several jobs of a group
   * at once (and another runner may have claimed some meanwhile): hand back what is over.
   */
  private async capGroups(claimed: JobRow[], token: string, now: string): Promise<JobRow[]> {
    const groups = new Set(claimed.map((j) => j.group_key).filter((g): g is string => g !== null));
    if (groups.size === 0) return claimed;
    const counts = await this.deps.database.db
      .selectFrom('jobs')
      .select(['group_key', (eb) => eb.fn.countAll<number>().as('count')])
      .where('group_key', 'in', [...groups])
      .where('status', '=', 'running')
      .where('locked_until', '>=', now)
      .groupBy('group_key')
      .execute();
    const over = new Map(counts.map((c) => [c.group_key, Number(c.count) - this.options.groupConcurrency]));
    const kept: JobRow[] = [];
    const released: JobRow[] = [];
    for (const job of [...claimed].reverse()) {
      const excess = job.group_key === null ? 0 : (over.get(job.group_key) ?? 0);
      if (excess > 0 && job.group_key !== null) {
        over.set(job.group_key, excess - 1);
        released.push(job);
      } else {
        kept.unshift(job);
      }
    }
    if (released.length > 0) await repo.release(this.deps.database.db, released.map((j) => ({ id: j.id, token })), now);
    return kept;
  }

  private async execute(job: JobRow, token: string): Promise<JobOutcome['status']> {
    const definition = this.deps.registry.get(job.kind);
    let outcome: JobOutcome;
    const started = Date.now();
    if (definition === undefined) {
      outcome = { status: 'retry', error: `no handler for job kind ${job.kind} in this process` };
    } else {
      try {
        const payload: unknown = JSON.parse(job.payload);
        const result = await definition.handler(this.deps.context(), payload, {
          id: job.id,
          kind: job.kind,
          attempt: job.attempts,
          maxAttempts: job.max_attempts,
          accountId: job.account_id,
        });
        outcome = result ?? { status: 'done' };
      } catch (error) {
        outcome = { status: 'retry', error: error instanceof Error ? error.message : String(error) };
      }
    }
    const final = await this.settle(job, token, definition, outcome).catch((error: unknown) => {
      // Could not record the outcome (database unreachable): the lease will expire and the job
      // runs again — at least once, never zero times.
      this.deps.logger.error({ err: error, job: job.id, kind: job.kind }, 'could not record a job outcome');
      return 'retry' as const;
    });
    const level = final === 'done' ? 'debug' : 'warn';
    this.deps.logger[level](
      { job: job.id, kind: job.kind, attempt: job.attempts, outcome: final, ms: Date.now() - started, ...('error' in outcome ? { error: outcome.error } : {}) },
      'job finished',
    );
    this.deps.onOutcome?.(job.kind, final);
    return final;
  }

  private async settle(job: JobRow, token: string, definition: JobDefinition | undefined, outcome: JobOutcome): Promise<JobOutcome['status']> {
    const db = this.deps.database.db;
    const now = this.deps.clock.now();
    const nowIso = now.toISOString();
    const ref = { id: job.id, token };
    const every = definition?.everyMs;
    if (outcome.status === 'done') {
      if (every !== undefined) {
        await repo.reschedule(db, ref, { run_at: new Date(now.getTime() + every).toISOString(), last_error: null, attempts: 0, now: nowIso });
      } else {
        await repo.deleteFinished(db, job.id, token);
      }
      return 'done';
    }
    const error = outcome.error.slice(0, 2000);
    if (outcome.status === 'dead' || job.attempts >= job.max_attempts) {
      if (every !== undefined) {
        // A periodic job is never abandoned: it tries again at its next time.
        await repo.reschedule(db, ref, { run_at: new Date(now.getTime() + every).toISOString(), last_error: error, attempts: 0, now: nowIso });
        return 'retry';
      }
      await repo.markDead(db, ref, error, nowIso);
      return 'dead';
    }
    const backoff = definition?.backoffMs ?? exponentialBackoff;
    const at = outcome.status === 'retry' && outcome.at !== undefined ? outcome.at : new Date(now.getTime() + backoff(job.attempts));
    await repo.reschedule(db, ref, { run_at: at.toISOString(), last_error: error, now: nowIso });
    return 'retry';
  }

  private async renewLeases(): Promise<void> {
    if (this.running.size === 0) return;
    const now = this.deps.clock.now().getTime();
    const byToken = new Map<string, { ids: string[]; leaseMs: number }>();
    for (const { job, token } of this.running.values()) {
      const leaseMs = this.deps.registry.get(job.kind)?.leaseMs ?? DEFAULT_LEASE_MS;
      const entry = byToken.get(token) ?? { ids: [], leaseMs: 0 };
      entry.ids.push(job.id);
      entry.leaseMs = Math.max(entry.leaseMs, leaseMs);
      byToken.set(token, entry);
    }
    for (const [token, { ids, leaseMs }] of byToken) {
      await repo
        .extendLease(this.deps.database.db, ids, token, new Date(now + leaseMs).toISOString())
        .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'could not renew job leases'));
    }
  }
}
