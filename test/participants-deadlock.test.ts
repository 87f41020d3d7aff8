import { describe, expect, it } from 'vitest';
import { dialects } from './helpers/databases.js';
import { useTestApp, type JsonResponse } from './helpers/test-app.js';

/**
 * Two bulk requests that insert the same new people at the same time, one of them in reverse
 * order. Inserting rows in request order made each transaction wait for a row the other had
 * inserted while holding one the other wanted: a deadlock (40P01) in most rounds, a 500 before
 * the transaction helper retried them, a retried transaction after. Rows are now inserted in the
 * order of their identity (email, template), so the second request waits for the first instead:
 * no 5xx and no deadlock at all (the database handle counts retried deadlocks). Only PostgreSQL
 * has row locks to deadlock on; SQLite serialises writers with BEGIN IMMEDIATE.
 */

const ROUNDS = 10;
const PEOPLE = 500;

describe.runIf(dialects().includes('postgres'))('postgres: concurrent bulk imports of the same people', () => {
  const t = useTestApp('postgres', { env: { RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '100000' } });

  it(`never deadlock into a 5xx: ${ROUNDS} rounds of ${PEOPLE} shared new emails, one request reversed`, async () => {
    const failures: string[] = [];
    const deadlocksBefore = t().ctx.database.stats.deadlockRetries;
    for (let round = 0; round < ROUNDS; round += 1) {
      const people = Array.from({ length: PEOPLE }, (_, i) => ({ name: `Person ${i}`, email: `r${round}-p${i}@example.com` }));
      const send = (participants: unknown[]): Promise<JsonResponse> =>
        t().request('POST', '/api/v1/participants/bulk', { body: { participants } });
      const [forward, backward] = await Promise.all([send(people), send([...people].reverse())]);
      for (const res of [forward, backward]) {
        if (res.statusCode !== 200) failures.push(`round ${round}: ${res.statusCode} ${JSON.stringify(res.body)}`);
      }
      if (forward.statusCode !== 200 || backward.statusCode !== 200) continue;
      // Each person is created by exactly one of the two requests; the other skips them.
      expect(forward.body.data.created + backward.body.data.created).toBe(PEOPLE);
      expect(forward.body.data.failed + backward.body.data.failed).toBe(0);
      const count = await t()
        .db.handle.db.selectFrom('participants')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('account_id', '=', t().account.id)
        .where('email_normalized', 'like', `r${round}-%`)
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(PEOPLE);
    }
    expect(failures).toEqual([]);
    // Inserting in identity order leaves nothing to deadlock on: not even a retried deadlock.
    expect(t().ctx.database.stats.deadlockRetries - deadlocksBefore).toBe(0);
  }, 120_000);

  it('never deadlock either when the same people arrive as two CSV imports, one reversed', async () => {
    const deadlocksBefore = t().ctx.database.stats.deadlockRetries;
    for (let round = 0; round < 3; round += 1) {
      // Two chunks of 500 rows each: each chunk is its own transaction.
      const rows = Array.from({ length: 2 * PEOPLE }, (_, i) => `Person ${i},csv${round}-p${i}@example.com`);
      const send = (lines: string[]): Promise<JsonResponse> =>
        t().request('POST', '/api/v1/participants/import', { body: ['name,email', ...lines].join('\r\n'), headers: { 'content-type': 'text/csv' } });
      const results = await Promise.all([send(rows), send([...rows].reverse())]);
      expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
      expect(results[0]?.body.data.created + results[1]?.body.data.created).toBe(2 * PEOPLE);
    }
    expect(t().ctx.database.stats.deadlockRetries - deadlocksBefore).toBe(0);
  }, 120_000);
});
