import { afterAll, beforeAll, expect, it } from 'vitest';
import { createContext, type Context } from '../src/context.js';
import type { DatabaseHandle } from '../src/db/database.js';
import { buildApp } from '../src/http/app.js';
import type { App } from '../src/http/app-types.js';
import { forEachDatabase } from './helpers/databases.js';
import { seedParticipant } from './helpers/sessions.js';
import { useTestApp } from './helpers/test-app.js';

/**
 * The open-session rule under concurrency: the partial unique index decides, not a prior read.
 * Racers go through two apps on two connection pools (two processes, as far as the database
 * can tell). On SQLite writers are serialised anyway; the PostgreSQL run is the one that counts.
 */

const RACERS = 20;

forEachDatabase((dialect) => {
  const t = useTestApp(dialect);
  let second: { app: App; ctx: Context; handle: DatabaseHandle };

  beforeAll(async () => {
    const handle = t().db.openAnother();
    const ctx = createContext(t().config, { database: handle, ownsDatabase: true });
    const { app } = await buildApp(ctx);
    await app.ready();
    second = { app, ctx, handle };
  });
  afterAll(async () => {
    await second.app.close();
    await second.ctx.close();
  });

  const race = async (body: Record<string, unknown>) =>
    Promise.all(
      Array.from({ length: RACERS }, (_, i) =>
        (i % 2 === 0 ? t().app : second.app).inject({
          method: 'POST',
          url: '/api/v1/sessions',
          headers: { 'x-api-key': t().account.apiKey, 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        }),
      ),
    );

  it(`${RACERS} racers booking the same participant and stage: one session, ${RACERS - 1} × 409 naming it`, async () => {
    const seed = await seedParticipant(t());
    const responses = await race({ candidate_id: seed.participantId, stage: 'screen', scheduled_at: new Date(Date.now() + 86_400_000).toISOString() });
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, ...Array<number>(RACERS - 1).fill(409)]);
    const winner = responses.find((r) => r.statusCode === 201)?.json<{ data: { id: string } }>().data.id;
    for (const loser of responses.filter((r) => r.statusCode === 409)) {
      expect(loser.json()).toMatchObject({ code: 'session_exists', existing_id: winner });
    }
    const db = t().db.handle.db;
    const rows = await db.selectFrom('sessions').select(['id', 'status']).where('participant_id', '=', seed.participantId).execute();
    expect(rows).toEqual([{ id: winner, status: 'scheduled' }]);
    // Nothing of the losers was written: one invite, one event.
    expect(await db.selectFrom('mail_messages').select('id').where('to_address', '=', seed.email).execute()).toHaveLength(1);
    const events = await db.selectFrom('events').select('payload').where('type', '=', 'session.created').execute();
    expect(events.filter((e) => e.payload.includes(seed.participantId))).toHaveLength(1);
  });

  it(`${RACERS} racers with force: at every moment at most one open session; each success replaced the one before`, async () => {
    const seed = await seedParticipant(t());
    const responses = await race({ candidate_id: seed.participantId, stage: 'technical', force: true });
    const created = responses.filter((r) => r.statusCode === 201);
    // Under heavy contention a racer may give up after repeated losses (409 conflict, retry).
    for (const other of responses.filter((r) => r.statusCode !== 201)) expect(other.json()).toMatchObject({ code: 'conflict' });
    expect(created.length).toBeGreaterThan(0);
    const rows = await t()
      .db.handle.db.selectFrom('sessions')
      .select(['id', 'status', 'status_history'])
      .where('participant_id', '=', seed.participantId)
      .execute();
    expect(rows).toHaveLength(created.length);
    expect(rows.filter((r) => r.status === 'scheduled')).toHaveLength(1);
    const cancelled = rows.filter((r) => r.status === 'cancelled');
    expect(cancelled).toHaveLength(created.length - 1);
    for (const row of cancelled) expect(row.status_history).toContain('replaced');
  });

  it('booking and deleting the participant at once: either the booking is refused, or it is cancelled with the participant', async () => {
    for (let round = 0; round < 5; round += 1) {
      const seed = await seedParticipant(t());
      const [booking, deletion] = await Promise.all([
        t().app.inject({
          method: 'POST',
          url: '/api/v1/sessions',
          headers: { 'x-api-key': t().account.apiKey, 'content-type': 'application/json' },
          payload: JSON.stringify({ candidate_id: seed.participantId }),
        }),
        second.app.inject({ method: 'DELETE', url: `/api/v1/participants/${seed.participantId}`, headers: { 'x-api-key': t().account.apiKey } }),
      ]);
      expect(deletion.statusCode).toBe(204);
      expect([201, 404]).toContain(booking.statusCode);
      expect(await t().db.handle.db.selectFrom('sessions').select('id').where('participant_id', '=', seed.participantId).execute()).toEqual([]);
      if (booking.statusCode === 201) {
        const id = booking.json<{ data: { id: string } }>().data.id;
        const kinds = await t().db.handle.db.selectFrom('mail_messages').select('kind').where('session_id', '=', id).orderBy('created_at').execute();
        expect(kinds.map((k) => k.kind)).toEqual(['invite', 'cancellation']);
      }
    }
  });
});
