import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle, type Executor } from '../src/db/database.js';
import { loadSqliteBinding } from '../src/db/sqlite-connection.js';
import { afterCommit } from '../src/db/transaction.js';
import { createTestDatabase, type TestDatabase } from './helpers/databases.js';

/** SQLite commits transactions that are ready at the same time together (src/db/group-commit.ts). */
describe('SQLite group commit', () => {
  let test: TestDatabase;
  /**
   * A second handle on the same file whose groups take members for a minute: the window is a
   * bound on latency, and on a busy machine 5 ms can pass after a few members, which would make
   * these tests depend on the machine's speed. The default window has its own test below.
   */
  let handle: DatabaseHandle;
  beforeEach(async () => {
    test = await createTestDatabase('sqlite');
    handle = openDatabase(test.config, { checkpointIntervalMs: 0, groupCommitWindowMs: 60_000 });
  });
  afterEach(async () => {
    await handle.destroy();
    await test.dispose();
  });

  const now = new Date().toISOString();
  const insertAccount = (db: Executor, slug: string) =>
    db.insertInto('accounts').values({ id: crypto.randomUUID(), slug, name: slug, created_at: now, updated_at: now }).execute();
  const slugs = async () => (await handle.db.selectFrom('accounts').select('slug').orderBy('slug').execute()).map((row) => row.slug);
  const counts = (h: DatabaseHandle = handle) => ({ transactions: h.stats.committedTransactions, commits: h.stats.commits });
  /** A connection of its own on the same file: it sees only what is committed. */
  const committedSlugs = (): string[] => {
    const Database = loadSqliteBinding();
    const other = new Database(test.config.dialect === 'sqlite' ? test.config.filename : '', { readonly: true });
    try {
      return (other.prepare('select slug from accounts order by slug').all() as { slug: string }[]).map((row) => row.slug);
    } finally {
      other.close();
    }
  };

  it('commits concurrent transactions together, each settling only once its change is committed', async () => {
    const before = counts();
    const seenAtResolve: string[][] = [];
    const names = Array.from({ length: 20 }, (_, i) => `group-${String(i).padStart(2, '0')}`);
    await Promise.all(
      names.map((slug) =>
        handle
          .transaction(async (tx) => {
            await insertAccount(tx, slug);
            return slug;
          })
          .then((value) => {
            // Resolved after the commit: another connection already sees every row of the group.
            seenAtResolve.push(committedSlugs());
            return value;
          }),
      ),
    );
    expect(await slugs()).toEqual(names);
    for (const seen of seenAtResolve) expect(seen).toEqual(names);
    const after = counts();
    expect(after.transactions - before.transactions).toBe(20);
    expect(after.commits - before.commits).toBe(1);
  });

  it('rolls back a failing member alone, at once, and commits the others', async () => {
    const before = counts();
    const settled: string[] = [];
    const a = handle.transaction(async (tx) => insertAccount(tx, 'a')).then(() => settled.push('a'));
    const b = handle
      .transaction(async (tx) => {
        await insertAccount(tx, 'b');
        afterCommit(tx, () => void settled.push('hook of b'));
        throw new Error('b failed');
      })
      .catch((error: unknown) => {
        settled.push(`b: ${(error as Error).message}`);
        // Failed before the group committed: a's change is not visible anywhere yet.
        expect(committedSlugs()).toEqual([]);
      });
    const c = handle.transaction(async (tx) => {
      await insertAccount(tx, 'c');
      afterCommit(tx, () => void settled.push('hook of c'));
    }).then(() => settled.push('c'));
    await Promise.all([a, b, c]);
    expect(settled[0]).toBe('b: b failed');
    expect(settled.slice(1).sort()).toEqual(['a', 'c', 'hook of c']);
    expect(settled.indexOf('hook of c')).toBeLessThan(settled.indexOf('c'));
    expect(await slugs()).toEqual(['a', 'c']);
    expect(counts().commits - before.commits).toBe(1);
    expect(counts().transactions - before.transactions).toBe(2);
  });

  it('rolls back a failing first member whole and still runs the members behind it', async () => {
    const before = counts();
    const first = handle.transaction(async (tx) => {
      await insertAccount(tx, 'first');
      throw new Error('first failed');
    });
    const second = handle.transaction(async (tx) => insertAccount(tx, 'second'));
    await expect(first).rejects.toThrow('first failed');
    await second;
    expect(await slugs()).toEqual(['second']);
    // The first group rolled back; the second member committed in a group of its own.
    expect(counts().commits - before.commits).toBe(1);
    expect(counts().transactions - before.transactions).toBe(1);
  });

  it('fails every member of a group whose transaction SQLite rolled back, and keeps none of it', async () => {
    await sql`create trigger refuse_boom before insert on accounts when new.slug = 'boom' begin select raise(rollback, 'boom refused'); end`.execute(handle.db);
    const a = handle.transaction(async (tx) => insertAccount(tx, 'a'));
    const boom = handle.transaction(async (tx) => insertAccount(tx, 'boom'));
    const results = await Promise.allSettled([a, boom]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    // Both with the error that ended the group, not Kysely's failed ROLLBACK after it.
    for (const result of results) expect(String((result as PromiseRejectedResult).reason)).toMatch(/boom refused/);
    expect(await slugs()).toEqual([]);
    // The next transaction starts a new group as usual.
    await handle.transaction(async (tx) => insertAccount(tx, 'after'));
    expect(committedSlugs()).toEqual(['after']);
  });

  it('stops taking members once the group has run for its window (5 ms): long transactions commit one by one', async () => {
    const before = counts(test.handle);
    const busy = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until) {
        // A long transaction, such as a bulk of 500.
      }
    };
    await Promise.all(
      ['long-1', 'long-2', 'long-3'].map((slug) =>
        test.handle.transaction(async (tx) => {
          await insertAccount(tx, slug);
          busy(6);
        }),
      ),
    );
    expect(await slugs()).toEqual(['long-1', 'long-2', 'long-3']);
    expect(counts(test.handle).commits - before.commits).toBe(3);
    expect(counts(test.handle).transactions - before.transactions).toBe(3);
  });

  it('fails the waiting transactions with SQLITE_BUSY when another process holds the write lock too long, then goes on', async () => {
    await sql`pragma busy_timeout = 50`.execute(handle.db);
    const Database = loadSqliteBinding();
    const intruder = new Database(test.config.dialect === 'sqlite' ? test.config.filename : '');
    try {
      intruder.exec('begin immediate');
      const results = await Promise.allSettled(['busy-1', 'busy-2'].map((slug) => handle.transaction(async (tx) => insertAccount(tx, slug))));
      expect(results.map((result) => (result.status === 'rejected' ? (result.reason as { code?: string }).code : 'fulfilled'))).toEqual([
        'SQLITE_BUSY',
        'SQLITE_BUSY',
      ]);
      intruder.exec('commit');
      await handle.transaction(async (tx) => insertAccount(tx, 'after-busy'));
      expect(await slugs()).toEqual(['after-busy']);
    } finally {
      intruder.close();
    }
  });

  it('runs each member in its own caller’s asynchronous context', async () => {
    const als = new AsyncLocalStorage<string>();
    const seen: [string, string | undefined][] = [];
    await Promise.all(
      ['one', 'two', 'three'].map((name) =>
        als.run(name, () =>
          handle.transaction(async (tx) => {
            await insertAccount(tx, name);
            seen.push([name, als.getStore()]);
          }),
        ),
      ),
    );
    expect(seen).toEqual([
      ['one', 'one'],
      ['two', 'two'],
      ['three', 'three'],
    ]);
  });

  it('takes in a transaction that arrives while the group runs, and commits a lone one by itself', async () => {
    const before = counts();
    const late: Promise<unknown>[] = [];
    await handle.transaction(async (tx) => {
      await insertAccount(tx, 'early');
      // Arrives while the group runs (like a request read from its socket meanwhile).
      late.push(handle.transaction(async (inner) => insertAccount(inner, 'late')));
    });
    await Promise.all(late);
    expect(await slugs()).toEqual(['early', 'late']);
    expect(counts().commits - before.commits).toBe(1);
    await handle.transaction(async (tx) => insertAccount(tx, 'alone'));
    expect(counts().commits - before.commits).toBe(2);
  });
});
