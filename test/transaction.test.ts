import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Executor } from '../src/db/database.js';
import { loadSqliteBinding } from '../src/db/sqlite-connection.js';
import { afterCommit } from '../src/db/transaction.js';
import { createTestDatabase, dialects, forEachDatabase } from './helpers/databases.js';
import { useTestApp } from './helpers/test-app.js';

forEachDatabase((dialect) => {
  const t = useTestApp(dialect);

  const slugs = async (prefix: string) =>
    (await t().db.handle.db.selectFrom('accounts').select('slug').where('slug', 'like', `${prefix}%`).orderBy('slug').execute()).map(
      (r) => r.slug,
    );
  const insertAccount = (db: Executor, slug: string) =>
    db
      .insertInto('accounts')
      .values({ id: crypto.randomUUID(), slug, name: slug, created_at: new Date().toISOString(), updated_at: new Date().toISOString() })
      .execute();

  it('runs after-commit hooks once the change is committed, and never after a rollback', async () => {
    const seen: string[] = [];
    await t().ctx.database.transaction(async (tx) => {
      await insertAccount(tx, `hook-${dialect}-a`);
      afterCommit(tx, async () => {
        // The hook sees the committed row from outside the transaction.
        seen.push(...(await slugs(`hook-${dialect}-a`)));
      });
      expect(seen).toEqual([]);
    });
    await expect.poll(() => seen).toEqual([`hook-${dialect}-a`]);

    const rolledBack: string[] = [];
    await expect(
      t().ctx.database.transaction(async (tx) => {
        await insertAccount(tx, `hook-${dialect}-b`);
        afterCommit(tx, () => void rolledBack.push('ran'));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(rolledBack).toEqual([]);
    expect(await slugs(`hook-${dialect}-b`)).toEqual([]);
  });

  it('joins an outer transaction: one use case commits or rolls back whole, hooks run at the outer commit', async () => {
    const events: string[] = [];
    await expect(
      t().ctx.database.transaction(async (outer) => {
        await insertAccount(outer, `outer-${dialect}-1`);
        await t().ctx.database.transaction(
          async (inner) => {
            expect(inner).toBe(outer);
            await insertAccount(inner, `outer-${dialect}-2`);
            afterCommit(inner, () => void events.push('inner hook'));
          },
          { outer },
        );
        throw new Error('the use case failed after its inner step');
      }),
    ).rejects.toThrow('the use case failed');
    expect(await slugs(`outer-${dialect}`)).toEqual([]);
    expect(events).toEqual([]);

    await t().ctx.database.transaction(async (outer) => {
      await t().ctx.database.transaction(async (inner) => {
        await insertAccount(inner, `outer-${dialect}-3`);
        afterCommit(inner, () => void events.push('inner hook'));
      }, { outer });
    });
    expect(events).toEqual(['inner hook']);
    expect(await slugs(`outer-${dialect}`)).toEqual([`outer-${dialect}-3`]);
  });

  it('refuses afterCommit outside a transaction it opened', async () => {
    await expect(t().db.handle.db.transaction().execute(async (tx) => afterCommit(tx, () => undefined))).rejects.toThrow(/runTransaction/);
  });
});

describe.skipIf(!dialects().includes('postgres'))('PostgreSQL', () => {
  const t = useTestApp('postgres');

  it('retries the whole function after a deadlock, so both transactions succeed', async () => {
    const db = t().db.handle.db;
    const now = new Date().toISOString();
    const a = { id: crypto.randomUUID(), slug: 'dl-a' };
    const b = { id: crypto.randomUUID(), slug: 'dl-b' };
    for (const { id, slug } of [a, b]) await db.insertInto('accounts').values({ id, slug, name: slug, created_at: now, updated_at: now }).execute();
    const other = t().db.openAnother();
    try {
      let attempts = 0;
      // Each holds its first row, then waits for the other to hold its own, then asks for it:
      // PostgreSQL breaks the cycle by aborting one with 40P01.
      let arrived = 0;
      let release!: () => void;
      const bothHold = new Promise<void>((resolve) => (release = resolve));
      const lockBoth = (handle: typeof other, first: string, second: string) =>
        handle.transaction(async (tx) => {
          attempts += 1;
          await tx.updateTable('accounts').set({ name: `first ${attempts}` }).where('id', '=', first).execute();
          arrived += 1;
          if (arrived === 2) release();
          await bothHold;
          await tx.updateTable('accounts').set({ name: `second ${attempts}` }).where('id', '=', second).execute();
        });
      await Promise.all([lockBoth(t().db.handle, a.id, b.id), lockBoth(other, b.id, a.id)]);
      expect(attempts).toBe(3);
    } finally {
      await other.destroy();
    }
  });
});

describe('SQLite', () => {
  it('starts transactions with BEGIN IMMEDIATE: a read-then-write never fails half-way on a stale snapshot', async () => {
    const test = await createTestDatabase('sqlite');
    const Database = loadSqliteBinding();
    const filename = test.config.dialect === 'sqlite' ? test.config.filename : '';
    const intruder = new Database(filename);
    intruder.pragma('busy_timeout = 0');
    const now = new Date().toISOString();
    let intruderError: unknown;
    try {
      await test.handle.transaction(async (tx) => {
        const before = await sql<{ n: number }>`select count(*) as n from accounts`.execute(tx);
        // Another connection tries to write between our read and our write. With a deferred
        // BEGIN it would succeed, and our write below would then fail (SQLITE_BUSY_SNAPSHOT).
        try {
          intruder.prepare('insert into accounts (id, slug, name, created_at, updated_at) values (?, ?, ?, ?, ?)').run('x', 'intruder', 'x', now, now);
        } catch (error) {
          intruderError = error;
        }
        await tx
          .insertInto('accounts')
          .values({ id: crypto.randomUUID(), slug: `count-${before.rows[0]?.n ?? 0}`, name: 'n', created_at: now, updated_at: now })
          .execute();
      });
      expect((intruderError as { code?: string } | undefined)?.code).toBe('SQLITE_BUSY');
      expect(await test.handle.db.selectFrom('accounts').select('slug').where('slug', 'like', 'count-%').execute()).toHaveLength(1);
      // Once we committed, the other connection writes as usual.
      intruder.prepare('insert into accounts (id, slug, name, created_at, updated_at) values (?, ?, ?, ?, ?)').run('y', 'intruder', 'y', now, now);
    } finally {
      intruder.close();
      await test.dispose();
    }
  });
});
