import { PostgresAdapter, sql } from 'kysely';
import type { Db, Executor, Tx } from '../db/database.js';
import type { JobRow } from '../db/schema.js';

/** SQL for the jobs table only; the queue and the runner hold the rules. */

export type NewJobRow = Omit<JobRow, 'locked_by' | 'locked_until' | 'lease_token' | 'last_error'>;

const isPostgres = (db: Executor): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Inserts jobs; a job whose dedupe key is taken replaces the holder in the same statement
 * (payload, time, attempts, a dead job revived). The holder's lease token is cleared, so a run
 * of the old version that is still in flight cannot delete the replacement when it finishes.
 */
export async function insertJobs(db: Tx, rows: readonly NewJobRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('jobs')
    .values(rows.map((row) => ({ ...row, locked_by: null, locked_until: null, lease_token: null, last_error: null })))
    .onConflict((oc) =>
      oc.column('dedupe_key').doUpdateSet((eb) => ({
        kind: eb.ref('excluded.kind'),
        payload: eb.ref('excluded.payload'),
        status: 'pending',
        run_at: eb.ref('excluded.run_at'),
        attempts: 0,
        max_attempts: eb.ref('excluded.max_attempts'),
        group_key: eb.ref('excluded.group_key'),
        account_id: eb.ref('excluded.account_id'),
        lease_token: null,
        last_error: null,
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

/** Inserts a job unless its dedupe key exists (periodic housekeeping jobs). */
export async function insertIfAbsent(db: Executor, row: NewJobRow): Promise<void> {
  await db
    .insertInto('jobs')
    .values({ ...row, locked_by: null, locked_until: null, lease_token: null, last_error: null })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

/** Removes a job that has not started (e.g. a reminder of a cancelled session). */
export async function deletePendingByDedupeKey(db: Executor, dedupeKeys: readonly string[]): Promise<number> {
  if (dedupeKeys.length === 0) return 0;
  const result = await db.deleteFrom('jobs').where('dedupe_key', 'in', dedupeKeys).where('status', '=', 'pending').executeTakeFirst();
  return Number(result.numDeletedRows);
}

export interface ClaimOptions {
  kinds: readonly string[];
  limit: number;
  now: string;
  leaseUntil: string;
  runner: string;
  token: string;
  /** Most running jobs per group_key; claims skip groups at the cap. */
  groupCap: number;
}

/**
 * Claims due jobs and expired leases in run_at order: one statement that marks them running
 * under this runner's lease. On PostgreSQL the candidates are locked with SKIP LOCKED, so
 * concurrent runners never claim the same job; on SQLite the statement runs inside BEGIN
 * IMMEDIATE (the caller's transaction), which serialises claimers.
 */
export async function claim(tx: Tx, options: ClaimOptions): Promise<JobRow[]> {
  if (options.kinds.length === 0 || options.limit <= 0) return [];
  const running = sql<number>`(select count(*) from jobs as r where r.group_key = c.group_key and r.status = 'running' and r.locked_until >= ${options.now})`;
  let candidates = tx
    .selectFrom('jobs as c')
    .select('c.id')
    .where('c.kind', 'in', options.kinds)
    .where((eb) =>
      eb.or([
        eb.and([eb('c.status', '=', 'pending'), eb('c.run_at', '<=', options.now)]),
        eb.and([eb('c.status', '=', 'running'), eb('c.locked_until', '<', options.now)]),
      ]),
    )
    .where((eb) => eb.or([eb('c.group_key', 'is', null), eb(running, '<', options.groupCap)]))
    .orderBy('c.run_at')
    .orderBy('c.id')
    .limit(options.limit);
  if (isPostgres(tx)) candidates = candidates.forUpdate().skipLocked();
  return tx
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      attempts: eb('attempts', '+', 1),
      locked_by: options.runner,
      locked_until: options.leaseUntil,
      lease_token: options.token,
      updated_at: options.now,
    }))
    .where('id', 'in', candidates)
    .returningAll()
    .execute();
}

/** Hands jobs back without counting the attempt (too many of a group in one claim; shutdown). */
export async function release(db: Executor, jobs: readonly { id: string; token: string }[], now: string): Promise<void> {
  for (const job of jobs) {
    await db
      .updateTable('jobs')
      .set((eb) => ({
        status: 'pending',
        attempts: eb('attempts', '-', 1),
        locked_by: null,
        locked_until: null,
        lease_token: null,
        run_at: now,
        updated_at: now,
      }))
      .where('id', '=', job.id)
      .where('lease_token', '=', job.token)
      .execute();
  }
}

export async function extendLease(db: Executor, ids: readonly string[], token: string, until: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('jobs').set({ locked_until: until }).where('id', 'in', ids).where('lease_token', '=', token).execute();
}

/** A finished job disappears, unless it was replaced while it ran (its token changed). */
export async function deleteFinished(db: Executor, id: string, token: string): Promise<void> {
  await db.deleteFrom('jobs').where('id', '=', id).where('lease_token', '=', token).execute();
}

/** A job to run again later: a retry, or a periodic job's next run. */
export async function reschedule(
  db: Executor,
  job: { id: string; token: string },
  set: { run_at: string; last_error: string | null; attempts?: number; now: string },
): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      status: 'pending',
      run_at: set.run_at,
      last_error: set.last_error,
      locked_by: null,
      locked_until: null,
      lease_token: null,
      updated_at: set.now,
      ...(set.attempts !== undefined ? { attempts: set.attempts } : {}),
    })
    .where('id', '=', job.id)
    .where('lease_token', '=', job.token)
    .execute();
}

export async function markDead(db: Executor, job: { id: string; token: string }, error: string, now: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'dead', last_error: error, locked_by: null, locked_until: null, lease_token: null, updated_at: now })
    .where('id', '=', job.id)
    .where('lease_token', '=', job.token)
    .execute();
}

export async function listJobs(
  db: Db,
  filters: { status?: string | undefined; kind?: string | undefined; limit: number },
): Promise<JobRow[]> {
  let qb = db.selectFrom('jobs').selectAll();
  if (filters.status !== undefined) qb = qb.where('status', '=', filters.status as JobRow['status']);
  if (filters.kind !== undefined) qb = qb.where('kind', '=', filters.kind);
  return qb.orderBy('run_at').orderBy('id').limit(filters.limit).execute();
}

/** Dead jobs (all, or the given ids) run again now, with a fresh attempt budget. */
export async function retryDead(db: Executor, ids: readonly string[] | 'all', now: string): Promise<number> {
  let qb = db
    .updateTable('jobs')
    .set({ status: 'pending', attempts: 0, run_at: now, last_error: null, updated_at: now })
    .where('status', '=', 'dead');
  if (ids !== 'all') {
    if (ids.length === 0) return 0;
    qb = qb.where('id', 'in', ids);
  }
  const result = await qb.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface QueueStats {
  depth: { kind: string; status: string; count: number }[];
  /** run_at of the oldest due pending job, if any. */
  oldestDueRunAt: string | null;
}

export async function queueStats(db: Db, now: string): Promise<QueueStats> {
  const depth = await db
    .selectFrom('jobs')
    .select(['kind', 'status', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(['kind', 'status'])
    .execute();
  const oldest = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.min('run_at').as('run_at'))
    .where('status', '=', 'pending')
    .where('run_at', '<=', now)
    .executeTakeFirst();
  return { depth: depth.map((d) => ({ ...d, count: Number(d.count) })), oldestDueRunAt: oldest?.run_at ?? null };
}

/** The next time a pending job becomes due (to sleep until then rather than poll blindly). */
export async function nextRunAt(db: Db, kinds: readonly string[]): Promise<string | null> {
  if (kinds.length === 0) return null;
  const row = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.min('run_at').as('run_at'))
    .where('status', '=', 'pending')
    .where('kind', 'in', kinds)
    .executeTakeFirst();
  return row?.run_at ?? null;
}
