import { describe, expect, it } from 'vitest';
import { AppError } from '../src/errors.js';
import { TestClock } from './helpers/clock.js';
import { dialects, forEachDatabase } from './helpers/databases.js';
import { useTestApp } from './helpers/test-app.js';

forEachDatabase((dialect) => {
  describe('housekeeping jobs', () => {
    const clock = new TestClock('2026-03-01T00:00:00.000Z');
    const t = useTestApp(dialect, { clock });

    it('purge expired idempotency records, expired sessions and events past retention, on schedule', async () => {
      const db = t().db.handle.db;
      const old = clock.now().toISOString();
      await db
        .insertInto('idempotency_keys')
        .values({ account_id: t().account.id, key: 'old-key', fingerprint: 'f', status_code: 201, response_body: '{}', created_at: old })
        .execute();
      await t().signIn(t().account.owner.email, t().account.owner.password);
      await t().request('POST', '/api/v1/participants', { body: { name: 'Old Event', email: 'old@example.test' } });
      expect(await db.selectFrom('events').select('id').execute()).toHaveLength(1);

      // 31 days later: the session (7 days), the idempotency record (24 h) and the event (30 days) are past.
      clock.advance(31 * 86_400_000);
      await db
        .insertInto('idempotency_keys')
        .values({ account_id: t().account.id, key: 'new-key', fingerprint: 'f', status_code: 201, response_body: '{}', created_at: clock.now().toISOString() })
        .execute();
      await t().request('POST', '/api/v1/participants', { body: { name: 'New Event', email: 'new@example.test' } });

      await t().ctx.jobs.runner.schedulePeriodic();
      const result = await t().drain();
      expect(result.ran).toBe(5);
      expect((await db.selectFrom('idempotency_keys').select('key').execute()).map((r) => r.key)).toEqual(['new-key']);
      expect(await db.selectFrom('user_sessions').select('id').execute()).toEqual([]);
      const events = await db.selectFrom('events').select('payload').execute();
      expect(events).toHaveLength(1);
      expect(events[0]?.payload).toContain('New Event');
      // They wait for their next time.
      expect(await t().drain()).toMatchObject({ ran: 0 });
      const periodic = await db.selectFrom('jobs').select(['kind', 'status', 'run_at']).orderBy('kind').execute();
      expect(periodic.map((j) => j.kind)).toEqual(['housekeeping.events', 'housekeeping.idempotency', 'housekeeping.sessions', 'housekeeping.webhook-stranded', 'housekeeping.webhooks']);
      expect(periodic.every((j) => j.status === 'pending' && j.run_at > clock.now().toISOString())).toBe(true);
    });
  });
});

describe.skipIf(!dialects().includes('postgres'))('the last owner on PostgreSQL', () => {
  const t = useTestApp('postgres');

  it('survives concurrent demote and remove: never zero owners', async () => {
    const accounts = t().services.accounts;
    for (let round = 0; round < 10; round += 1) {
      const account = await accounts.createAccount({ slug: `owners-${round}`, name: 'Owners' });
      const first = await accounts.createUser({ email: `first-${round}@example.test`, name: 'First', password: 'long password 1' });
      const second = await accounts.createUser({ email: `second-${round}@example.test`, name: 'Second', password: 'long password 2' });
      await accounts.addMembership(account.id, first.id, 'owner');
      await accounts.addMembership(account.id, second.id, 'owner');
      const results = await Promise.allSettled([
        accounts.changeRole(account.id, 'owner', first.id, 'admin'),
        accounts.removeMember(account.id, 'owner', second.id),
      ]);
      const owners = (await accounts.listMembers(account.id)).filter((m) => m.role === 'owner');
      expect(owners).toHaveLength(1);
      // Exactly one of the two went through; the other was refused as the last owner.
      const refused = results.filter((r) => r.status === 'rejected');
      expect(refused).toHaveLength(1);
      const reason = (refused[0] as PromiseRejectedResult).reason as AppError;
      expect(reason).toBeInstanceOf(AppError);
      expect(reason.code).toBe('last_owner');
    }
  });
});
