import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Executor } from '../src/db/database.js';
import { loadSqliteBinding } from '../src/db/sqlite-connection.js';
import { afterCommit } from '../src/db/transaction.js';
import { createTestDatabase, type TestDatabase } from './helpers/databases.js';

/** SQLite commits transactions that are ready at the same time together (src/db/group-commit.ts). */
describe('SQLite group commit', () => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase('sqlite');
  });
  afterEach(async () => {
    await test.dispose();
  });

  const now = new Date().toISOString();
  const insertAccount = (db: Executor, slug: string) =>
    db.insertInto('accounts').values({ id: crypto.randomUUID(), slug, name: slug, created_at: now, updated_at: now }).execute();
  const slugs = async () => (await test.handle.db.selectFrom('accounts').select('slug').orderBy('slug').execute()).map((row) => row.slug);
  const counts = () => ({ transactions: test.handle.stats.committedTransactions, commits: test.handle.stats.commits });
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
        test.handle
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
    const a = test.handle.transaction(async (tx) => insertAccount(tx, 'a')).then(() => settled.push('a'));
    const b = test.handle
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
    const c = test.handle.transaction(async (tx) => {
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
    const first = test.handle.transaction(async (tx) => {
      await insertAccount(tx, 'first');
      throw new Error('first failed');
    });
    const second = test.handle.transaction(async (tx) => insertAccount(tx, 'second'));
    await expect(first).rejects.toThrow('first failed');
    await second;
    expect(await slugs()).toEqual(['second']);
  });

  it('fails every member of a group whose transaction SQLite rolled back, and keeps none of it', async () => {
    await sql`create trigger refuse_boom before insert on accounts when new.slug = 'boom' begin select raise(rollback, 'boom refused'); end`.execute(
      test.handle.db,
    );
    const a = test.handle.transaction(async (tx) => insertAccount(tx, 'a'));
    const boom = test.handle.transaction(async (tx) => insertAccount(tx, 'boom'));
    const results = await Promise.allSettled([a, boom]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/boom refused/);
    expect(await slugs()).toEqual([]);
    // The next transaction starts a new group as usual.
    await test.handle.transaction(async (tx) => insertAccount(tx, 'after'));
    expect(committedSlugs()).toEqual(['after']);
  });

  it('stops taking members once the group has run for its window (5 ms): long transactions commit one by one', async () => {
    const before = counts();
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
    expect(counts().commits - before.commits).toBe(3);
    expect(counts().transactions - before.transactions).toBe(3);
  });

  it('runs each member in its own caller’s asynchronous context', async () => {
    const als = new AsyncLocalStorage<string>();
    const seen: [string, string | undefined][] = [];
    await Promise.all(
      ['one', 'two', 'three'].map((name) =>
        als.run(name, () =>
          test.handle.transaction(async (tx) => {
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
    await test.handle.transaction(async (tx) => {
      await insertAccount(tx, 'early');
      // Arrives while the group runs (like a request read from its socket meanwhile).
      late.push(test.handle.transaction(async (inner) => insertAccount(inner, 'late')));
    });
    await Promise.all(late);
    expect(await slugs()).toEqual(['early', 'late']);
    expect(counts().commits - before.commits).toBe(1);
    await test.handle.transaction(async (tx) => insertAccount(tx, 'alone'));
    expect(counts().commits - before.commits).toBe(2);
  });
});
