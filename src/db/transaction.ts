import type { Db, Dialect, Tx } from './database.js';
import { isRetryableTransactionError } from './errors.js';

/**
 * The one way Docket runs a transaction (CONVENTIONS §3):
 * - `fn` runs inside a transaction; with `outer` it joins that transaction instead, so one use
 *   case (book a session: its row, the participant, events, jobs) commits or rolls back whole.
 * - Code inside registers after-commit hooks (`afterCommit(tx, …)`), e.g. "wake the job
 *   runners"; they run once the outermost transaction committed, never after a rollback.
 * - SQLite opens every transaction with BEGIN IMMEDIATE (see sqlite-connection.ts), so a
 *   read-then-write transaction never fails with SQLITE_BUSY half-way when another process
 *   (a CLI command, a checkpoint) holds the write lock: it waits for the lock up front.
 * - On PostgreSQL a deadlock (40P01) or serialization failure (40001) rolls the whole function
 *   back and runs it again, a bounded number of times, after a short jittered pause. `fn` must
 *   therefore be free of side effects outside the transaction (they belong in hooks).
 */

export type CommitHook = () => void | Promise<void>;

export interface TransactionOptions {
  /** Join this open transaction instead of starting one. */
  outer?: Tx | undefined;
}

const MAX_ATTEMPTS = 5;
const hooksOf = new WeakMap<Tx, CommitHook[]>();

export function afterCommit(tx: Tx, hook: CommitHook): void {
  const hooks = hooksOf.get(tx);
  if (hooks === undefined) throw new Error('afterCommit needs a transaction opened by runTransaction');
  hooks.push(hook);
}

export async function runTransaction<T>(
  db: Db,
  dialect: Dialect,
  fn: (tx: Tx) => Promise<T>,
  options: TransactionOptions & { onHookError?: (error: unknown) => void } = {},
): Promise<T> {
  if (options.outer !== undefined) return fn(options.outer);
  for (let attempt = 1; ; attempt += 1) {
    const hooks: CommitHook[] = [];
    let result: T;
    try {
      result = await db.transaction().execute((tx) => {
        hooksOf.set(tx, hooks);
        return fn(tx);
      });
    } catch (error) {
      if (dialect === 'postgres' && attempt < MAX_ATTEMPTS && isRetryableTransactionError(error)) {
        await pause(attempt);
        continue;
      }
      throw error;
    }
    for (const hook of hooks) {
      // The change is committed: a failing hook must not turn it into an error for the caller.
      try {
        const pending = hook();
        if (pending instanceof Promise) pending.catch((error: unknown) => options.onHookError?.(error));
      } catch (error) {
        options.onHookError?.(error);
      }
    }
    return result;
  }
}

function pause(attempt: number): Promise<void> {
  const ms = Math.random() * 10 * 2 ** attempt;
  return new Promise((resolve) => setTimeout(resolve, ms));
}
