import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TestClock } from './helpers/clock.js';
import { forEachDatabase } from './helpers/databases.js';
import { booked, seedParticipant } from './helpers/sessions.js';
import { useTestApp, type TestApp } from './helpers/test-app.js';

/** The test clock stands still, so the rate limiter's bucket never refills: make it deep enough. */
const UNLIMITED = { RATE_LIMIT_BURST: '1000000' };

const tokenOf = (joinUrl: string): string => joinUrl.split('/join/')[1] ?? '';
const join = (t: TestApp, token: string) => t.request('GET', `/api/join/${token}`, { key: null });

forEachDatabase((dialect) => {
  describe('the join link', () => {
    const clock = new TestClock('2026-06-01T12:00:00.000Z');
    const t = useTestApp(dialect, { clock, env: UNLIMITED });

    it('shows the participant their interview without sign-in: template, stage, time in their zone, duration; never notes', async () => {
      const seed = await seedParticipant(t(), { name: 'Priya Patel' });
      const session = await booked(t(), {
        candidate_id: seed.participantId,
        stage: 'technical',
        scheduled_at: '2026-06-03T15:00:00Z',
        timezone: 'Asia/Kolkata',
        notes: 'INTERNAL: weak on SQL',
      });
      const res = await join(t(), tokenOf(session.join_url));
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.body.data).toEqual({
        status: 'scheduled',
        participant_name: 'Priya Patel',
        team_name: 'Team acme',
        template_name: 'Backend Engineer',
        stage_name: 'Technical interview',
        scheduled_at: '2026-06-03T15:00:00.000Z',
        timezone: 'Asia/Kolkata',
        local_time: 'Wednesday, June 3, 2026 at 8:30 PM (Asia/Kolkata, GMT+5:30)',
        duration_minutes: 60,
      });
      expect(JSON.stringify(res.body)).not.toContain('INTERNAL');
      expect(JSON.stringify(res.body)).not.toContain(seed.email);
    });

    it('says when the session is running, finished or cancelled', async () => {
      const seed = await seedParticipant(t());
      const a = await booked(t(), { candidate_id: seed.participantId, stage: 'screen' });
      const b = await booked(t(), { candidate_id: seed.participantId, stage: 'technical' });
      await t().request('POST', `/api/v1/sessions/${a.id}/cancel`);
      expect((await join(t(), tokenOf(a.join_url))).body.data.status).toBe('cancelled');
      await t().request('POST', `/api/v1/sessions/${b.id}/start`);
      expect((await join(t(), tokenOf(b.join_url))).body.data.status).toBe('in_progress');
      await t().request('POST', `/api/v1/sessions/${b.id}/complete`);
      const done = await join(t(), tokenOf(b.join_url));
      expect(done.body.data).toMatchObject({ status: 'completed', scheduled_at: null, local_time: null });
    });

    it('an unknown or altered token is 404, a malformed one 400, both with the error body', async () => {
      const seed = await seedParticipant(t());
      const session = await booked(t(), { candidate_id: seed.participantId });
      const token = tokenOf(session.join_url);
      const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
      const unknown = await join(t(), altered);
      expect(unknown.statusCode).toBe(404);
      expect(unknown.body).toMatchObject({ code: 'not_found', error: expect.stringContaining('not valid'), request_id: expect.any(String) });
      expect((await join(t(), 'not*a*token')).statusCode).toBe(400);
    });

    it('stores only the token’s hash; the link is derived again from the key for the team', async () => {
      const seed = await seedParticipant(t());
      const session = await booked(t(), { candidate_id: seed.participantId });
      const token = tokenOf(session.join_url);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      const row = await t().db.handle.db.selectFrom('sessions').selectAll().where('id', '=', session.id).executeTakeFirstOrThrow();
      expect(row.join_token_hash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(JSON.stringify(row)).not.toContain(token);
      const key = await t().db.handle.db.selectFrom('server_secrets').select('value').where('name', '=', 'join_link').executeTakeFirstOrThrow();
      expect(Buffer.from(key.value, 'base64url')).toHaveLength(32);
      expect(token).toBe(createHmac('sha256', key.value).update(`docket-join-v1:${session.id}`).digest('base64url'));
      // The same link every time the team looks.
      expect((await t().request('GET', `/api/v1/sessions/${session.id}`)).body.data.join_url).toBe(session.join_url);
    });
  });

  describe('with JOIN_LINK_SECRET', () => {
    const secret = 'a-long-operator-secret-kept-out-of-the-database';
    const t = useTestApp(dialect, { env: { JOIN_LINK_SECRET: secret } });

    it('derives links from the configured key instead of the database’s', async () => {
      const seed = await seedParticipant(t());
      const session = await booked(t(), { candidate_id: seed.participantId });
      expect(tokenOf(session.join_url)).toBe(createHmac('sha256', secret).update(`docket-join-v1:${session.id}`).digest('base64url'));
      expect((await join(t(), tokenOf(session.join_url))).statusCode).toBe(200);
    });
  });
});
