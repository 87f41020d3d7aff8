import { describe, expect, it } from 'vitest';
import { EventsService } from '../src/modules/events/events.service.js';
import { systemClock } from '../src/lib/clock.js';
import { forEachDatabase } from './helpers/databases.js';
import { useTestApp } from './helpers/test-app.js';

forEachDatabase((dialect) => {
  const t = useTestApp(dialect);

  describe('domain events', () => {
    it('are written with the change and vanish with its rollback', async () => {
      const events = new EventsService({ clock: systemClock });
      const db = t().db.handle.db;
      const accountId = t().account.id;
      await db.transaction().execute(async (tx) => {
        await events.record(tx, accountId, { type: 'participant.created', data: { participant: { id: 'kept' } } });
      });
      await expect(
        db.transaction().execute(async (tx) => {
          await events.record(tx, accountId, { type: 'participant.created', data: { participant: { id: 'rolled-back' } } });
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      const all = await events.list(db, accountId, { limit: 100 });
      expect(all.map((e) => e.data)).toEqual([{ participant: { id: 'kept' } }]);
      expect(all[0]).toMatchObject({ id: expect.stringMatching(/^evt_[0-9a-f]{32}$/), event: 'participant.created' });
    });

    it('record many at once (over several statements), listed in the order they happened', async () => {
      const events = new EventsService({ clock: systemClock });
      const db = t().db.handle.db;
      const other = await t().createAccount(`evt-${dialect}`);
      const ids = await t().db.handle.transaction((tx) =>
        events.recordMany(
          tx,
          other.id,
          Array.from({ length: 1_201 }, (_, n) => ({ type: 'participant.updated' as const, data: { n } })),
        ),
      );
      expect(new Set(ids).size).toBe(1_201);
      const first = await events.list(db, other.id, { limit: 1_000 });
      const rest = await events.list(db, other.id, { afterId: first.at(-1)?.id, limit: 1_000 });
      expect([...first, ...rest].map((e) => e.data['n'])).toEqual(Array.from({ length: 1_201 }, (_, n) => n));
      expect((await events.list(db, t().account.id, { limit: 5_000 })).some((e) => 'n' in e.data)).toBe(false);
    });
  });
});
