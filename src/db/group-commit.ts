import { AsyncResource } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import type { Db, Tx } from './database.js';
import type { TransactionStats } from './transaction.js';

/**
 * Group commit for SQLite: transactions that are ready at the same time share one
 * BEGIN IMMEDIATE … COMMIT.
 *
 * SQLite has one writer, so Docket's transactions on a file already run one after another.
 * What each of them paid on its own was the commit: every page it changed written to the WAL,
 * and the write lock taken and released. Concurrent creates change
 * the same right-most pages (the newest-first indexes, the events, the count row), so one
 * commit for several of them writes far fewer pages than one commit each.
 *
 * - Members run one after another, in the order they arrived, each inside a SAVEPOINT of the
 *   group's transaction (the first needs none: when it fails, the group holds nothing else and
 *   rolls back whole). A member that throws rolls back to its savepoint and fails alone, at
 *   once; the others go on.
 * - A member succeeds only when the group's COMMIT succeeded: its promise resolves after the
 *   commit, never before, so a caller never answers for a change that is not committed. If the
 *   commit fails, or SQLite rolled the whole transaction back (some errors do, such as
 *   SQLITE_FULL or a trigger's RAISE(ROLLBACK)), every member of the group not yet failed fails
 *   with that error, and nothing of the group is kept.
 * - A group gathers before it begins: while a turn of the event loop (setImmediate) brings new
 *   members, up to `windowMs`, it waits, holding no lock, so that requests already read from
 *   their sockets reach their transactions and join. Then it runs its members and commits
 *   within the same turn, as a lone transaction did: the write lock is never held across a turn
 *   (which would stall another connection's BEGIN IMMEDIATE in this process, waiting
 *   synchronously on the lock). It stops taking members at `maxMembers`, or once it has run
 *   for `windowMs`; those begin the next group. A transaction alone pays one turn of the event
 *   loop. When members have lately taken half the window or more each (bulks of 500), a group
 *   does not gather: they would not share it, and waiting would only delay them.
 * - A group whose transaction cannot begin (SQLITE_BUSY: another process held the write lock
 *   past busy_timeout) fails the members waiting for it with that error, as each would have
 *   failed alone.
 * - Each member's function runs in its own caller's asynchronous context (an AsyncResource),
 *   not in the context of whichever request started the group.
 *
 * Reads outside any transaction never see a group's uncommitted changes: the direct path runs
 * only while no transaction is open (precompiled.ts), otherwise a read waits for the connection
 * like any other query.
 */

type Body = (tx: Tx) => Promise<unknown>;

interface Member {
  body: Body;
  /** The caller's asynchronous context, where `body` runs. */
  context: AsyncResource;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export interface GroupCommitOptions {
  /** Runs one statement on the connection (the savepoints). */
  exec(sql: string): void;
  /** Whether SQLite still has the transaction open (false once it rolled back by itself). */
  inTransaction(): boolean;
  /** Called with each group's transaction before its first member runs. */
  prepare(tx: Tx): void;
  /** How long a group gathers members at most, and how long it takes in more (default 5 ms). */
  windowMs?: number | undefined;
  /** At most this many members per group (default 64). */
  maxMembers?: number;
}

const SAVEPOINT = 'docket_member';

export class GroupCommitter {
  private readonly queue: Member[] = [];
  private draining = false;
  private readonly windowMs: number;
  /** How long a member has taken to run lately (moving average, ms). */
  private memberMs = 0;
  private readonly maxMembers: number;

  constructor(
    private readonly db: Db,
    private readonly counts: Pick<TransactionStats, 'committedTransactions' | 'commits'>,
    private readonly options: GroupCommitOptions,
  ) {
    this.windowMs = options.windowMs ?? 5;
    this.maxMembers = options.maxMembers ?? 64;
  }

  /** Runs `body` in a transaction (shared with others ready at the same time); settles after the commit. */
  run<T>(body: (tx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      // Not AsyncResource.bind: on Node 20 it also builds two deprecation wrappers per call.
      this.queue.push({ body, context: new AsyncResource('docket.transaction'), resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        await this.gather();
        await this.runGroup();
      }
    } finally {
      this.draining = false;
    }
  }

  /**
   * Before the group begins, turns of the event loop (setImmediate) while they bring new
   * members: requests already read from their sockets reach their transactions. No lock is
   * held meanwhile, and reads go on as usual.
   */
  private async gather(): Promise<void> {
    // Members that take most of the window alone (a bulk of 500) would not share a group
    // anyway: waiting for others would only delay them.
    if (this.memberMs * 2 >= this.windowMs) return;
    const started = performance.now();
    for (;;) {
      const waiting = this.queue.length;
      if (waiting >= this.maxMembers) return;
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.queue.length === waiting || performance.now() - started >= this.windowMs) return;
    }
  }

  private async runGroup(): Promise<void> {
    const succeeded: { member: Member; value: unknown }[] = [];
    let ran = 0;
    // Why the group could not commit, when a member's failure ended it (Kysely may then fail
    // its own ROLLBACK too: SQLite already rolled back).
    let lost: unknown;
    const started = performance.now();
    try {
      await this.db.transaction().execute(async (tx) => {
        this.options.prepare(tx);
        for (;;) {
          const open = ran < this.maxMembers && (ran === 0 || performance.now() - started < this.windowMs);
          const member = open ? this.queue.shift() : undefined;
          if (member === undefined) return;
          ran += 1;
          if (ran === 1) {
            // Alone in the group so far: its failure rolls the transaction back whole.
            try {
              succeeded.push({ member, value: await member.context.runInAsyncScope(member.body, null, tx) });
            } catch (error) {
              member.reject(error);
              lost = error;
              throw error;
            }
            continue;
          }
          this.options.exec(`savepoint ${SAVEPOINT}`);
          try {
            const value = await member.context.runInAsyncScope(member.body, null, tx);
            this.options.exec(`release ${SAVEPOINT}`);
            succeeded.push({ member, value });
          } catch (error) {
            member.reject(error);
            if (!this.options.inTransaction()) {
              lost = error;
              throw error;
            }
            this.options.exec(`rollback to ${SAVEPOINT}`);
            this.options.exec(`release ${SAVEPOINT}`);
          }
        }
      });
    } catch (error) {
      for (const { member } of succeeded) member.reject(lost ?? error);
      // The transaction could not even begin (SQLITE_BUSY: another process held the write lock
      // past busy_timeout): the members it was for fail with that, as each would have alone,
      // rather than waiting for the next attempt.
      if (ran === 0) for (const member of this.queue.splice(0, this.maxMembers)) member.reject(error);
      return;
    }
    this.memberMs += 0.2 * ((performance.now() - started) / Math.max(1, ran) - this.memberMs);
    this.counts.commits += 1;
    this.counts.committedTransactions += succeeded.length;
    for (const { member, value } of succeeded) member.resolve(value);
  }
}
