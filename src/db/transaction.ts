import { AsyncLocalStorage } from 'node:async_hooks';
import type { Dialect, Tx } from './database.js';
import { isRetryableTransactionError } from './errors.js';

/**
 * The one way Docket runs a transaction (CONVENTIONS §3):
 * - `fn` runs inside a transaction; with `outer` it joins that transaction instead, so one use
 *   case (book a session: its row, the participant, events, jobs) commits or rolls back whole.
 * - Code inside registers after-commit hooks (`afterCommit(tx, …)`), e.g. "wake the job
 *   runners"; they run once the outermost transaction committed, never after a rollback.
 * - SQLite opens every transaction with BEGIN IMMEDIATE (see database.ts), so a
 *   read-then-write transaction never fails with SQLITE_BUSY half-way when another process
 *   (a CLI command, a checkpoint) holds the write lock: it waits for the lock up front.
 *   Transactions ready at the same time share one commit there (group-commit.ts); each still
 *   commits or rolls back whole, and settles only once it is committed.
 * - On PostgreSQL a deadlock (40P01) or serialization failure (40001) rolls the whole function
 *   back and runs it again, a bounded number of times, after a short jittered pause. `fn` must
 *   therefore be free of side effects outside the transaction (they belong in hooks). Retries
 *   are counted (TransactionStats) so that a workload that deadlocks shows in the metrics.
 * - A use case declares the outcome it will answer with, inside the transaction that makes its
 *   change: `recordOutcome(tx, value)`. When the caller runs under a transaction observer (an
 *   HTTP request carrying an Idempotency-Key, see http/idempotency.ts), the observer is handed
 *   that outcome inside the same transaction, just before COMMIT, and stores the response to
 *   replay there: the change and its response commit together, or neither does.
 */

export type CommitHook = () => void | Promise<void>;

export interface TransactionOptions {
  /** Join this open transaction instead of starting one. */
  outer?: Tx | undefined;
}

/** Retries by cause, and commits, since the database was opened. */
export interface TransactionStats {
  deadlockRetries: number;
  serializationRetries: number;
  /** Outermost transactions committed. */
  committedTransactions: number;
  /** The commits that carried them: fewer on SQLite, which commits concurrent transactions together (group-commit.ts). */
  commits: number;
}

/** Runs `body` in a new transaction: commits when it resolves, rolls back when it throws. */
export type TransactionExecutor = <T>(body: (tx: Tx) => Promise<T>) => Promise<T>;

/**
 * Takes part in the transactions run within one asynchronous context (a request): see
 * withTransactionObserver. Both calls are made for outermost transactions only.
 */
export interface TransactionObserver {
  /** Inside the transaction, before COMMIT, when the use case recorded an outcome; a throw rolls it back. */
  beforeCommit(tx: Tx, outcome: unknown): Promise<void>;
  /** After each COMMIT of an outermost transaction, whether or not it recorded an outcome. */
  committed(): void;
}

const MAX_ATTEMPTS = 5;
const hooksOf = new WeakMap<Tx, CommitHook[]>();
const outcomeOf = new WeakMap<Tx, { value: unknown }>();
const observers = new AsyncLocalStorage<TransactionObserver>();

export function afterCommit(tx: Tx, hook: CommitHook): void {
  const hooks = hooksOf.get(tx);
  if (hooks === undefined) throw new Error('afterCommit needs a transaction opened by runTransaction');
  hooks.push(hook);
}

/**
 * Declares `value` the outcome of the current use case (what its caller answers with, e.g. the
 * created object). Call it in the transaction that makes the change, after the change, and only
 * when that transaction is the use case's last write: a request observer stores its response in
 * this transaction (see the module comment). Without an observer it does nothing.
 */
export function recordOutcome(tx: Tx, value: unknown): void {
  if (!hooksOf.has(tx)) throw new Error('recordOutcome needs a transaction opened by runTransaction');
  outcomeOf.set(tx, { value });
}

/** Runs `fn` with `observer` taking part in every transaction started within it (see above). */
export function withTransactionObserver<T>(observer: TransactionObserver, fn: () => T): T {
  return observers.run(observer, fn);
}

export async function runTransaction<T>(
  dialect: Dialect,
  fn: (tx: Tx) => Promise<T>,
  options: TransactionOptions & {
    onHookError?: (error: unknown) => void;
    stats?: TransactionStats;
    /** How the transaction is opened and committed (SQLite: group commit, see database.ts). */
    execute: TransactionExecutor;
  },
): Promise<T> {
  if (options.outer !== undefined) return fn(options.outer);
  const observer = observers.getStore();
  for (let attempt = 1; ; attempt += 1) {
    const hooks: CommitHook[] = [];
    let result: T;
    try {
      result = await options.execute(async (tx) => {
        // A group commit hands its members the same transaction, one after another.
        hooksOf.set(tx, hooks);
        outcomeOf.delete(tx);
        const value = await fn(tx);
        const outcome = outcomeOf.get(tx);
        if (observer !== undefined && outcome !== undefined) await observer.beforeCommit(tx, outcome.value);
        return value;
      });
    } catch (error) {
      if (dialect === 'postgres' && attempt < MAX_ATTEMPTS && isRetryableTransactionError(error)) {
        if (options.stats !== undefined) {
          if ((error as { code?: unknown }).code === '40P01') options.stats.deadlockRetries += 1;
          else options.stats.serializationRetries += 1;
        }
        await pause(attempt);
        continue;
      }
      throw error;
    }
    observer?.committed();
    // Hooks start work of their own (waking job runners …): not part of this request's context.
    observers.exit(() => runHooks(hooks, options.onHookError));
    return result;
  }
}

function runHooks(hooks: readonly CommitHook[], onHookError: ((error: unknown) => void) | undefined): void {
  for (const hook of hooks) {
    // The change is committed: a failing hook must not turn it into an error for the caller.
    try {
      const pending = hook();
      if (pending instanceof Promise) pending.catch((error: unknown) => onHookError?.(error));
    } catch (error) {
      onHookError?.(error);
    }
  }
}

function pause(attempt: number): Promise<void> {
  const ms = Math.random() * 10 * 2 ** attempt;
  return new Promise((resolve) => setTimeout(resolve, ms));
}
