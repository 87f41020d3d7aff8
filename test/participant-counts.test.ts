import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { newId } from '../src/db/ids.js';
import { newParticipant, toRow } from '../src/modules/participants/participants.model.js';
import * as repo from '../src/modules/participants/participants.repository.js';
import { forEachDatabase } from './helpers/databases.js';
import { useTestApp, type TestAccount, type TestApp } from './helpers/test-app.js';

/**
 * The unfiltered page-mode `total` is the account's maintained count (migration
 * 0011-participant-counts), kept in the transaction of every insert and delete. After every
 * kind of change — and after changes that rolled back — it must equal counting the rows.
 */
forEachDatabase((dialect) => {
  const t = useTestApp(dialect);

  const counted = async (app: TestApp, accountId: string) => {
    const row = await sql<{ n: number | string }>`select count(*) as n from participants where account_id = ${accountId}`.execute(app.db.handle.db);
    return Number(row.rows[0]?.n ?? -1);
  };
  const total = async (account: TestAccount) => {
    const page = await t().request('GET', '/api/v1/participants', { key: account.apiKey, query: { page: 1, pageSize: 5 } });
    expect(page.statusCode).toBe(200);
    return page.body.meta.total as number;
  };
  const expectAgreement = async (account: TestAccount, expected: number) => {
    expect(await counted(t(), account.id)).toBe(expected);
    expect(await total(account)).toBe(expected);
    expect(await repo.countParticipants(t().db.handle.db, account.id, {})).toBe(expected);
  };
  const person = (n: number, extra: Record<string, unknown> = {}) => ({ name: `Person ${n}`, email: `count-${dialect}-${n}@example.com`, ...extra });

  describe('maintained participant count', () => {
    it('follows creates, duplicates, deletes, bulk creates and bulk deletes', async () => {
      const account = await t().createAccount(`counts-${dialect}`);
      await expectAgreement(account, 0);

      const ids: string[] = [];
      for (let n = 1; n <= 3; n += 1) {
        const created = await t().request('POST', '/api/v1/participants', { key: account.apiKey, body: person(n, { tags: ['a'] }) });
        expect(created.statusCode).toBe(201);
        ids.push(created.body.data.id);
      }
      await expectAgreement(account, 3);

      // A duplicate is refused: nothing counted.
      const duplicate = await t().request('POST', '/api/v1/participants', { key: account.apiKey, body: person(1) });
      expect(duplicate.statusCode).toBe(409);
      await expectAgreement(account, 3);

      const deleted = await t().request('DELETE', `/api/v1/participants/${ids[0]}`, { key: account.apiKey });
      expect(deleted.statusCode).toBe(204);
      const again = await t().request('DELETE', `/api/v1/participants/${ids[0]}`, { key: account.apiKey });
      expect(again.statusCode).toBe(404);
      await expectAgreement(account, 2);

      // Bulk: 4 new, one stored duplicate, one duplicate within the batch, one invalid.
      const bulk = await t().request('POST', '/api/v1/participants/bulk', {
        key: account.apiKey,
        body: { participants: [person(10), person(11), person(2), person(12), person(12), { name: 'No email' }, person(13)] },
      });
      expect(bulk.statusCode).toBe(200);
      expect(bulk.body.data.created).toBe(4);
      await expectAgreement(account, 6);

      const bulkDelete = await t().request('POST', '/api/v1/participants/bulk-delete', { key: account.apiKey, body: { ids: [ids[1], ids[2], newId()] } });
      expect(bulkDelete.statusCode).toBe(200);
      await expectAgreement(account, 4);

      const csv = ['name,email', ...[20, 21, 22].map((n) => `Person ${n},count-${dialect}-${n}@example.com`), `Person 10,count-${dialect}-10@example.com`].join('\r\n');
      const imported = await t().request('POST', '/api/v1/participants/import', { key: account.apiKey, body: csv, headers: { 'content-type': 'text/csv' } });
      expect(imported.statusCode).toBe(200);
      expect(imported.body.data.created).toBe(3);
      await expectAgreement(account, 7);
    });

    it('counts nothing of a transaction that rolled back', async () => {
      const account = await t().createAccount(`rollback-${dialect}`);
      const created = await t().request('POST', '/api/v1/participants', { key: account.apiKey, body: person(100) });
      expect(created.statusCode).toBe(201);
      await expectAgreement(account, 1);

      const now = new Date().toISOString();
      const rows = [101, 102].map((n) => toRow(account.id, newParticipant(person(n), newId(), now)));
      await expect(
        t().db.handle.transaction(async (tx) => {
          expect((await repo.insertNew(tx, rows)).size).toBe(2);
          expect(await repo.deleteParticipant(tx, account.id, created.body.data.id)).toBe(1);
          expect(await repo.countParticipants(tx, account.id, {})).toBe(2);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      await expectAgreement(account, 1);
    });

    it('keeps accounts apart and stays exact under concurrent creates and deletes', async () => {
      const account = await t().createAccount(`concurrent-${dialect}`);
      const other = await t().createAccount(`other-${dialect}`);
      const results = await Promise.all(
        Array.from({ length: 24 }, (_, n) =>
          t().request('POST', '/api/v1/participants', { key: n % 3 === 0 ? other.apiKey : account.apiKey, body: person(200 + n) }),
        ),
      );
      expect(results.every((r) => r.statusCode === 201)).toBe(true);
      await expectAgreement(account, 16);
      await expectAgreement(other, 8);
      const mine = results.filter((_, n) => n % 3 !== 0).slice(0, 6);
      const deletes = await Promise.all(mine.map((r) => t().request('DELETE', `/api/v1/participants/${r.body.data.id}`, { key: account.apiKey })));
      expect(deletes.every((r) => r.statusCode === 204)).toBe(true);
      await expectAgreement(account, 10);
      await expectAgreement(other, 8);
    });

    it('still counts filtered lists exactly, and cursor mode has no total', async () => {
      const account = await t().createAccount(`filtered-${dialect}`);
      for (let n = 0; n < 5; n += 1) {
        const created = await t().request('POST', '/api/v1/participants', { key: account.apiKey, body: person(300 + n, { tags: n < 2 ? ['x'] : ['y'] }) });
        expect(created.statusCode).toBe(201);
      }
      const tagged = await t().request('GET', '/api/v1/participants', { key: account.apiKey, query: { page: 1, pageSize: 1, tag: 'x' } });
      expect(tagged.body.meta).toMatchObject({ total: 2, totalPages: 2 });
      const sorted = await t().request('GET', '/api/v1/participants', { key: account.apiKey, query: { page: 2, pageSize: 2, sort: 'name:asc' } });
      expect(sorted.body.meta).toMatchObject({ page: 2, total: 5, totalPages: 3 });
      const cursor = await t().request('GET', '/api/v1/participants', { key: account.apiKey, query: { limit: 2 } });
      expect(cursor.body.meta.total).toBeUndefined();
    });
  });
});
