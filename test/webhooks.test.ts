import { createServer, type AddressInfo, type Server as TcpServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { TestClock } from './helpers/clock.js';
import { forEachDatabase } from './helpers/databases.js';
import { booked, seedParticipant } from './helpers/sessions.js';
import { useTestApp, type TestApp } from './helpers/test-app.js';
import { startReceiver, verifyWithLibrary, type Receiver, type ReceivedRequest } from './helpers/webhook-receiver.js';
import { WEBHOOK_EVENT_TYPES } from '../src/modules/webhooks/webhooks.service.js';

const ENDPOINTS = '/api/v1/webhook-endpoints';

/** A TCP listener that only counts connections: proof that nothing reached it. */
async function trap(host: string): Promise<{ server: TcpServer; port: number; connections: () => number }> {
  let count = 0;
  const server = createServer((socket) => {
    count += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { server, port: (server.address() as AddressInfo).port, connections: () => count };
}

forEachDatabase((dialect) => {
  describe('webhooks', () => {
    let receiver: Receiver;
    let other: Awaited<ReturnType<typeof trap>>;
    let otherAddress: Awaited<ReturnType<typeof trap>>;
    const clock = new TestClock(new Date());
    beforeAll(async () => {
      receiver = await startReceiver();
      other = await trap('127.0.0.1');
      otherAddress = await trap('127.0.0.2');
    });
    afterAll(async () => {
      await receiver.close();
      for (const t of [other, otherAddress]) await new Promise<void>((resolve) => t.server.close(() => resolve()));
    });
    // No batching delay: the tests drain what is due by their clock.
    const t = useTestApp(dialect, { clock, env: () => ({ OUTBOUND_ALLOW: `127.0.0.1:${receiver.port}`, WEBHOOK_BATCH_DELAY_MS: '0' }) });

    let counter = 0;
    async function endpoint(path: string, extra: Record<string, unknown> = {}, app: TestApp = t()): Promise<{ id: string; secret: string }> {
      const res = await app.request('POST', ENDPOINTS, { body: { url: receiver.url(path), ...extra } });
      expect(res.statusCode, JSON.stringify(res.body)).toBe(201);
      return { id: String(res.body.data.id), secret: String(res.body.data.secret) };
    }

    /** Runs due jobs, moving the clock past retries, `rounds` times. */
    async function drainFor(ms: number, step = 1000): Promise<void> {
      await t().drain();
      for (let waited = 0; waited < ms; waited += step) {
        clock.advance(step);
        await t().drain();
      }
    }

    async function deliveries(endpointId: string, query: Record<string, string> = {}) {
      const res = await t().request('GET', `${ENDPOINTS}/${endpointId}/deliveries`, { query: { pageSize: 100, ...query } });
      expect(res.statusCode, JSON.stringify(res.body)).toBe(200);
      return res.body.data as { id: string; event: string; event_id: string; status: string; attempts: number }[];
    }

    const unique = () => `/r${++counter}-${Math.random().toString(36).slice(2, 8)}`;

    describe('endpoints API', () => {
      it('creates an endpoint with a whsec_ secret shown once; lists, gets, patches and deletes it', async () => {
        const res = await t().request('POST', ENDPOINTS, { body: { url: receiver.url('/crud'), description: 'CRM sync', events: ['participant.created'] } });
        expect(res.statusCode, JSON.stringify(res.body)).toBe(201);
        const created = res.body.data;
        expect(created).toMatchObject({ url: receiver.url('/crud'), description: 'CRM sync', events: ['participant.created'], enabled: true, status: 'enabled', disabled_reason: null });
        expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
        expect(Buffer.from(String(created.secret).slice(6), 'base64')).toHaveLength(32);

        const got = await t().request('GET', `${ENDPOINTS}/${created.id}`);
        expect(got.statusCode).toBe(200);
        expect(got.body.data.secret).toBeUndefined();
        expect(JSON.stringify(got.body)).not.toContain(String(created.secret).slice(6, 20));
        const list = await t().request('GET', ENDPOINTS);
        expect(list.body.data.some((e: { id: string }) => e.id === created.id)).toBe(true);
        expect(list.body.meta).toMatchObject({ page: 1, pageSize: 25 });
        expect(JSON.stringify(list.body)).not.toContain('whsec_');

        const patched = await t().request('PATCH', `${ENDPOINTS}/${created.id}`, { body: { events: ['*'], description: null, enabled: false } });
        expect(patched.statusCode, JSON.stringify(patched.body)).toBe(200);
        expect(patched.body.data).toMatchObject({ events: ['*'], description: null, enabled: false, status: 'disabled', disabled_reason: 'disabled by a user' });
        const enabled = await t().request('PATCH', `${ENDPOINTS}/${created.id}`, { body: { enabled: true } });
        expect(enabled.body.data).toMatchObject({ enabled: true, status: 'enabled', disabled_reason: null });

        expect((await t().request('DELETE', `${ENDPOINTS}/${created.id}`)).statusCode).toBe(204);
        expect((await t().request('GET', `${ENDPOINTS}/${created.id}`)).statusCode).toBe(404);
        expect((await t().request('DELETE', `${ENDPOINTS}/${created.id}`)).statusCode).toBe(404);
      });

      it('refuses bad input with 400 and the field named', async () => {
        const cases: [unknown, string][] = [
          [{ url: 'ftp://example.com/hook' }, 'url'],
          [{ url: 'not a url' }, 'url'],
          [{ url: `http://127.0.0.1:${other.port}/` }, 'url'],
          [{ url: 'https://user:pw@example.com/' }, 'url'],
          [{ url: receiver.url('/x'), events: ['participant.exploded'] }, 'events.0'],
          [{ url: receiver.url('/x'), events: ['*', 'participant.created'] }, 'events'],
          [{ url: receiver.url('/x'), colour: 'red' }, 'colour'],
          [{ url: receiver.url('/x'), description: 'a\u0007b' }, 'description'],
          [{}, 'url'],
        ];
        for (const [body, path] of cases) {
          const res = await t().request('POST', ENDPOINTS, { body });
          expect(res.statusCode, JSON.stringify({ body, res: res.body })).toBe(400);
          expect(res.body.issues.map((i: { path: string }) => i.path).join(' '), JSON.stringify(res.body)).toContain(path);
        }
        const ep = await endpoint('/x');
        expect((await t().request('PATCH', `${ENDPOINTS}/${ep.id}`, { body: {} })).statusCode).toBe(400);
        expect((await t().request('POST', `${ENDPOINTS}/${ep.id}/recover`, { body: { since: 'yesterday' } })).statusCode).toBe(400);
        expect((await t().request('GET', `${ENDPOINTS}/${ep.id}/deliveries`, { query: { status: 'lost' } })).statusCode).toBe(400);
        expect((await t().request('GET', `${ENDPOINTS}/not-a-uuid`)).statusCode).toBe(400);
      });

      it('needs webhooks.read / webhooks.write, and never shows another account’s endpoint', async () => {
        const ep = await endpoint('/scoped');
        const readOnly = await t().createKey(['webhooks.read']);
        const noWebhooks = await t().createKey(['candidates.read', 'candidates.write']);
        expect((await t().request('GET', ENDPOINTS, { key: readOnly })).statusCode).toBe(200);
        const refused = await t().request('POST', ENDPOINTS, { key: readOnly, body: { url: receiver.url('/no') } });
        expect(refused.statusCode).toBe(403);
        expect(refused.body.error).toContain('webhooks.write');
        expect((await t().request('POST', `${ENDPOINTS}/${ep.id}/rotate-secret`, { key: readOnly })).statusCode).toBe(403);
        expect((await t().request('GET', ENDPOINTS, { key: noWebhooks })).statusCode).toBe(403);

        const member = await t().createUser('member');
        const session = await t().signIn(member.email, member.password);
        expect((await t().asUser(session, 'GET', ENDPOINTS, { query: { accountSlug: t().account.slug } })).statusCode).toBe(403);
        const admin = await t().createUser('admin');
        const adminSession = await t().signIn(admin.email, admin.password);
        expect((await t().asUser(adminSession, 'GET', ENDPOINTS, { query: { accountSlug: t().account.slug } })).statusCode).toBe(200);

        const stranger = await t().createAccount(`hooks-${dialect}-${counter++}`);
        for (const [method, url] of [
          ['GET', `${ENDPOINTS}/${ep.id}`],
          ['PATCH', `${ENDPOINTS}/${ep.id}`],
          ['DELETE', `${ENDPOINTS}/${ep.id}`],
          ['POST', `${ENDPOINTS}/${ep.id}/test`],
          ['GET', `${ENDPOINTS}/${ep.id}/deliveries`],
        ] as const) {
          const res = await t().request(method, url, { key: stranger.apiKey, ...(method === 'PATCH' ? { body: { enabled: false } } : {}) });
          expect(res.statusCode, `${method} ${url}`).toBe(404);
        }
      });
    });

    describe('delivery', () => {
      it('every event type arrives, signed per Standard Webhooks, the body being the stored snapshot byte for byte', async () => {
        const path = unique();
        const { id, secret } = await endpoint(path);
        // Files the resume fetcher reads (through the same guard).
        receiver.always('/resume.txt', { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Jane Smith\nEngineer with ten years of experience in distributed systems.\n' });
        receiver.always('/missing.txt', { status: 404, body: 'no' });

        const seed = await seedParticipant(t(), { externalId: 'crm-42' });
        expect((await t().request('PATCH', `/api/v1/participants/${seed.participantId}`, { body: { name: 'Jane Q. Smith' } })).statusCode).toBe(200);
        const when = (days: number) => new Date(clock.now().getTime() + days * 86_400_000).toISOString();
        const first = await booked(t(), { candidate_id: seed.participantId, scheduled_at: when(2) });
        expect((await t().request('PATCH', `/api/v1/sessions/${first.id}`, { body: { scheduled_at: when(3) } })).statusCode).toBe(200);
        expect((await t().request('POST', `/api/v1/sessions/${first.id}/start`)).statusCode).toBe(200);
        expect((await t().request('POST', `/api/v1/sessions/${first.id}/complete`)).statusCode).toBe(200);
        const scored = await t().request('POST', `/api/v1/sessions/${first.id}/scorecard`, { body: { score: 7, passed: true } });
        expect(scored.statusCode, JSON.stringify(scored.body)).toBe(200);
        const second = await booked(t(), { candidate_id: seed.participantId, stage: 'technical' });
        await t().request('POST', `/api/v1/sessions/${second.id}/start`);
        expect((await t().request('POST', `/api/v1/sessions/${second.id}/fail`, { body: { reason: 'connection lost' } })).statusCode).toBe(200);
        const third = await booked(t(), { candidate_id: seed.participantId, stage: 'technical' });
        expect((await t().request('POST', `/api/v1/sessions/${third.id}/cancel`, { body: {} })).statusCode).toBeLessThan(300);
        for (const [name, file] of [['Ready Resume', '/resume.txt'], ['Failed Resume', '/missing.txt']] as const) {
          const res = await t().request('POST', '/api/v1/participants', {
            body: { name, email: `${file.slice(1, 8)}-${counter++}@example.com`, evaluation_template_id: seed.templateId, external_id: `crm-${name}`, resume_url: receiver.url(file) },
          });
          expect(res.statusCode, JSON.stringify(res.body)).toBe(201);
        }
        expect((await t().request('DELETE', `/api/v1/participants/${seed.participantId}`)).statusCode).toBe(204);
        expect((await t().request('POST', `${ENDPOINTS}/${id}/test`)).statusCode).toBe(202);
        await drainFor(60_000, 5_000);

        const requests = receiver.on(path);
        const types = new Set<string>();
        const stored = await t().db.handle.db.selectFrom('events').selectAll().where('account_id', '=', t().account.id).execute();
        for (const request of requests) {
          const payload = verifyWithLibrary(secret, request, clock.now()) as { id: string; event: string; occurred_at: string; data: Record<string, unknown> };
          types.add(payload.event);
          expect(request.headers['webhook-id']).toBe(payload.id);
          expect(request.headers['content-type']).toBe('application/json');
          expect(String(request.headers['user-agent'])).toMatch(/^Docket\//);
          const event = stored.find((e) => e.id === payload.id);
          expect(event, payload.id).toBeDefined();
          expect(request.body).toBe(`{"id":"${event?.id}","event":"${event?.type}","occurred_at":"${event?.occurred_at}","data":${event?.payload}}`);
          if (payload.event.startsWith('participant.')) {
            expect((payload.data['participant'] as Record<string, unknown>)['external_id']).toBeDefined();
          }
          if (payload.event.startsWith('session.')) {
            expect(payload.data['session']).toMatchObject({ candidate_id: seed.participantId, external_id: 'crm-42' });
          }
        }
        expect([...types].sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
        const all = await deliveries(id);
        expect(all.length).toBe(requests.length);
        expect(all.every((d) => d.status === 'succeeded' && d.attempts === 1)).toBe(true);
        const filtered = await deliveries(id, { event: 'session.started' });
        expect(filtered.map((d) => d.event)).toEqual(['session.started', 'session.started']);
      });

      it('sends only what an endpoint subscribed to, nothing to a disabled endpoint, and costs an account without endpoints no job', async () => {
        const chosen = unique();
        const off = unique();
        await endpoint(chosen, { events: ['participant.deleted'] });
        await endpoint(off, { enabled: false });
        const lonely = await t().createAccount(`lonely-${dialect}-${counter++}`);
        const seed = await seedParticipant(t(), {});
        await seedParticipant(t(), { key: lonely.apiKey });
        await t().request('DELETE', `/api/v1/participants/${seed.participantId}`);
        await t().drain();
        const got = receiver.on(chosen).map((r) => (JSON.parse(r.body) as { event: string }).event);
        expect(got).toEqual(['participant.deleted']);
        expect(receiver.on(off)).toEqual([]);
        const lonelyRows = await t().db.handle.db.selectFrom('webhook_deliveries').select('id').where('account_id', '=', lonely.id).execute();
        expect(lonelyRows).toEqual([]);
        // Its events carry no fan-out mark and queued no fan-out job.
        const lonelyEvents = await t().db.handle.db.selectFrom('events').select(['type', 'fanout_endpoints']).where('account_id', '=', lonely.id).execute();
        expect(lonelyEvents).toEqual([{ type: 'participant.created', fanout_endpoints: null }]);
        const lonelyJobs = await t().db.handle.db.selectFrom('jobs').select('kind').where('account_id', '=', lonely.id).execute();
        expect(lonelyJobs).toEqual([]);
      });

      it('fans events out to the endpoints of their own moment, in batches: one deleted meanwhile is left out, one created later gets none', async () => {
        const account = await t().createAccount(`fan-${dialect}-${counter++}`);
        const as = { key: account.apiKey };
        const add = async (path: string): Promise<string> => {
          const res = await t().request('POST', ENDPOINTS, { ...as, body: { url: receiver.url(path), events: ['participant.created'] } });
          expect(res.statusCode, JSON.stringify(res.body)).toBe(201);
          return String(res.body.data.id);
        };
        const [kept, gone, late] = [unique(), unique(), unique()];
        const keptId = await add(kept);
        const goneId = await add(gone);
        // 600 events before any fan-out runs: more than one fan-out batch (500).
        for (let b = 0; b < 2; b += 1) {
          const people = Array.from({ length: 300 }, (_, i) => ({ name: `Fan ${b}-${i}`, email: `fan-${account.id.slice(0, 8)}-${b}-${i}@example.com` }));
          const res = await t().request('POST', '/api/v1/participants/bulk', { ...as, body: { participants: people } });
          expect(res.statusCode, JSON.stringify(res.body)).toBe(200);
          expect(res.body.data.created).toBe(300);
        }
        const marked = await t()
          .db.handle.db.selectFrom('events')
          .select(['id', 'fanout_endpoints'])
          .where('account_id', '=', account.id)
          .where('fanout_endpoints', 'is not', null)
          .execute();
        expect(marked).toHaveLength(600);
        for (const event of marked) expect((JSON.parse(String(event.fanout_endpoints)) as string[]).sort()).toEqual([keptId, goneId].sort());
        expect(await t().db.handle.db.selectFrom('webhook_deliveries').select('id').where('account_id', '=', account.id).execute()).toEqual([]);

        expect((await t().request('DELETE', `${ENDPOINTS}/${goneId}`, as)).statusCode).toBe(204);
        await add(late);
        await t().drain();
        const arrived = receiver.on(kept).map((r) => String(r.headers['webhook-id']));
        expect(new Set(arrived)).toEqual(new Set(marked.map((event) => event.id)));
        expect(arrived).toHaveLength(600);
        expect(receiver.on(gone)).toEqual([]);
        expect(receiver.on(late)).toEqual([]);
        const left = await t().db.handle.db.selectFrom('events').select('id').where('account_id', '=', account.id).where('fanout_endpoints', 'is not', null).execute();
        expect(left).toEqual([]);
      });

      it('two fan-out runs of one account at once make each delivery once', async () => {
        const account = await t().createAccount(`fan2-${dialect}-${counter++}`);
        const path = unique();
        const res = await t().request('POST', ENDPOINTS, { key: account.apiKey, body: { url: receiver.url(path), events: ['participant.created'] } });
        expect(res.statusCode).toBe(201);
        for (let n = 0; n < 40; n += 1) {
          const made = await t().request('POST', '/api/v1/participants', { key: account.apiKey, body: { name: `Twice ${n}`, email: `twice-${n}-${account.id.slice(0, 8)}@example.com` } });
          expect(made.statusCode).toBe(201);
        }
        await Promise.all([t().services.webhookFanOut.dispatch(account.id), t().services.webhookFanOut.dispatch(account.id)]);
        const rows = await t().db.handle.db.selectFrom('webhook_deliveries').select('event_id').where('account_id', '=', account.id).execute();
        expect(rows).toHaveLength(40);
        expect(new Set(rows.map((row) => row.event_id)).size).toBe(40);
        await t().drain();
        expect(receiver.on(path)).toHaveLength(40);
      });

      it('queues again a fan-out or a sender whose job died, so that nothing waits for the next event', async () => {
        const account = await t().createAccount(`strand-${dialect}-${counter++}`);
        const path = unique();
        const made = await t().request('POST', ENDPOINTS, { key: account.apiKey, body: { url: receiver.url(path), events: ['participant.created'] } });
        expect(made.statusCode).toBe(201);
        const endpointId = String(made.body.data.id);
        const db = t().db.handle.db;
        const kill = async (key: string) => {
          const killed = await db.updateTable('jobs').set({ status: 'dead', last_error: 'database unreachable' }).where('dedupe_key', '=', key).executeTakeFirst();
          expect(Number(killed.numUpdatedRows)).toBe(1);
        };
        const person = await t().request('POST', '/api/v1/participants', { key: account.apiKey, body: { name: 'Stranded', email: `stranded-${account.id.slice(0, 8)}@example.com` } });
        expect(person.statusCode).toBe(201);
        // The fan-out job dies: the event stays marked, nothing is sent.
        await kill(`webhook.fan-out:${account.id}`);
        await t().drain();
        expect(receiver.on(path)).toEqual([]);
        expect(await t().services.webhookFanOut.sweep()).toMatchObject({ fanOuts: 1 });
        // The fan-out runs; now its sender dies before sending.
        const dead = await t().db.handle.db.selectFrom('jobs').select('id').where('dedupe_key', '=', `webhook.send:${endpointId}`).execute();
        expect(dead).toEqual([]);
        await t().services.webhookFanOut.dispatch(account.id);
        await kill(`webhook.send:${endpointId}`);
        await t().drain();
        expect(receiver.on(path)).toEqual([]);
        expect(await t().services.webhookFanOut.sweep()).toEqual({ fanOuts: 0, senders: 1 });
        await t().drain();
        expect(receiver.on(path)).toHaveLength(1);
        // Nothing stranded is left, and a sweep then queues nothing.
        expect(await t().services.webhookFanOut.sweep()).toEqual({ fanOuts: 0, senders: 0 });
      });

      it('retries a failing receiver with the same webhook-id and a fresh valid signature each time, logging every attempt', async () => {
        const path = unique();
        const { id, secret } = await endpoint(path, { events: ['webhook.test'] });
        receiver.reply(path, { status: 500, body: 'x'.repeat(5000) }, { status: 502, body: 'bad gateway' });
        await t().request('POST', `${ENDPOINTS}/${id}/test`);
        await t().drain();
        expect(receiver.on(path)).toHaveLength(1);
        let [delivery] = await deliveries(id);
        expect(delivery).toMatchObject({ status: 'pending', attempts: 1 });
        clock.advance(7_000);
        await t().drain();
        expect(receiver.on(path)).toHaveLength(2);
        clock.advance(7 * 60_000);
        await t().drain();
        const requests = receiver.on(path);
        expect(requests).toHaveLength(3);
        expect(new Set(requests.map((r) => r.headers['webhook-id'])).size).toBe(1);
        expect(new Set(requests.map((r) => r.headers['webhook-timestamp'])).size).toBe(3);
        expect(new Set(requests.map((r) => r.headers['webhook-signature'])).size).toBe(3);
        expect(new Set(requests.map((r) => r.body)).size).toBe(1);
        const timestamps = requests.map((r) => Number(r.headers['webhook-timestamp']) * 1000);
        requests.forEach((request, n) => verifyWithLibrary(secret, request, new Date(timestamps[n] ?? 0)));
        [delivery] = await deliveries(id);
        expect(delivery).toMatchObject({ status: 'succeeded', attempts: 3 });
        const detail = await t().request('GET', `/api/v1/webhook-deliveries/${delivery?.id}`);
        expect(detail.statusCode).toBe(200);
        const log = detail.body.data.attempts_log as { status_code: number; latency_ms: number; error: string | null; response_body: string; attempted_at: string }[];
        expect(log.map((a) => a.status_code)).toEqual([500, 502, 200]);
        expect(log[0]?.response_body).toBe('x'.repeat(1024));
        expect(log[0]?.error).toBe('HTTP 500');
        expect(log[1]?.response_body).toBe('bad gateway');
        expect(log[2]).toMatchObject({ error: null, response_body: 'ok' });
        expect(log.every((a) => a.latency_ms >= 0 && a.attempted_at !== '')).toBe(true);
        expect(detail.body.data.body).toBe(requests[0]?.body);
      });

      it('honours Retry-After on 503 and 429', async () => {
        const path = unique();
        const { id } = await endpoint(path, { events: ['webhook.test'] });
        receiver.reply(path, { status: 503, headers: { 'retry-after': '120' } }, { status: 429, headers: { 'retry-after': new Date(clock.now().getTime() + 600_000).toUTCString() } });
        await t().request('POST', `${ENDPOINTS}/${id}/test`);
        await t().drain();
        expect(receiver.on(path)).toHaveLength(1);
        clock.advance(100_000);
        await t().drain();
        expect(receiver.on(path)).toHaveLength(1);
        clock.advance(21_000);
        await t().drain();
        expect(receiver.on(path)).toHaveLength(2);
        // The 429 asked for ten minutes from the first request: about 8 minutes more.
        clock.advance(400_000);
        await t().drain();
        expect(receiver.on(path)).toHaveLength(2);
        clock.advance(120_000);
        await t().drain();
        expect(receiver.on(path)).toHaveLength(3);
        expect((await deliveries(id))[0]).toMatchObject({ status: 'succeeded', attempts: 3 });
      });

      it('a 410 disables the endpoint and mails its owners and admins; PATCH re-enables; recover sends the failed ones again', async () => {
        const path = unique();
        const { id, secret } = await endpoint(path, { events: ['webhook.test'] });
        const admin = await t().createUser('admin');
        const member = await t().createUser('member');
        receiver.reply(path, { status: 410, body: 'gone' });
        const since = clock.now().toISOString();
        await t().request('POST', `${ENDPOINTS}/${id}/test`);
        await t().drain();
        const ep = await t().request('GET', `${ENDPOINTS}/${id}`);
        expect(ep.body.data).toMatchObject({ enabled: false, status: 'disabled', disabled_reason: 'The endpoint answered 410 Gone.' });
        const [failed] = await deliveries(id);
        expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
        // Nothing more is sent to it, and a test or replay is refused while it is disabled.
        clock.advance(3_600_000);
        await t().drain();
        expect(receiver.on(path)).toHaveLength(1);
        expect((await t().request('POST', `${ENDPOINTS}/${id}/test`)).statusCode).toBe(409);
        expect((await t().request('POST', `/api/v1/webhook-deliveries/${failed?.id}/replay`)).statusCode).toBe(409);

        const outbox = await t().request('GET', '/api/v1/outbox', { query: { pageSize: 100 } });
        const notices = (outbox.body.data as { to: string; subject: string; text: string }[]).filter((m) => m.subject.includes(receiver.url(path)));
        const managers = await t().db.handle.db
          .selectFrom('memberships')
          .innerJoin('users', 'users.id', 'memberships.user_id')
          .select('users.email')
          .where('memberships.account_id', '=', t().account.id)
          .where('memberships.role', 'in', ['owner', 'admin'])
          .execute();
        expect(notices.map((m) => m.to).sort()).toEqual(managers.map((m) => m.email).sort());
        expect(notices.map((m) => m.to)).toEqual(expect.arrayContaining([admin.email, t().account.owner.email]));
        expect(notices.some((m) => m.to === member.email)).toBe(false);
        expect(notices[0]?.subject).toBe(`Webhook endpoint disabled: ${receiver.url(path)}`);
        expect(notices[0]?.text).toContain('410');

        expect((await t().request('PATCH', `${ENDPOINTS}/${id}`, { body: { enabled: true } })).body.data.status).toBe('enabled');
        const recovered = await t().request('POST', `${ENDPOINTS}/${id}/recover`, { body: { since } });
        expect(recovered.statusCode, JSON.stringify(recovered.body)).toBe(202);
        expect(recovered.body.data).toEqual({ replayed: 1 });
        await t().drain();
        const requests = receiver.on(path);
        expect(requests).toHaveLength(2);
        expect(requests[1]?.headers['webhook-id']).toBe(requests[0]?.headers['webhook-id']);
        verifyWithLibrary(secret, requests[1] as ReceivedRequest, clock.now());
        expect((await deliveries(id))[0]).toMatchObject({ status: 'succeeded', attempts: 2 });
        // A recover since later than every failure replays nothing.
        const none = await t().request('POST', `${ENDPOINTS}/${id}/recover`, { body: { since: clock.now().toISOString() } });
        expect(none.body.data).toEqual({ replayed: 0 });
      });

      it('five days of only failures disables the endpoint', async () => {
        const path = unique();
        const { id } = await endpoint(path, { events: ['webhook.test'] });
        receiver.always(path, { status: 500 });
        for (let day = 0; day <= 5; day += 1) {
          await t().request('POST', `${ENDPOINTS}/${id}/test`);
          await t().drain();
          clock.advance(86_400_000 + 1000);
        }
        const ep = await t().request('GET', `${ENDPOINTS}/${id}`);
        expect(ep.body.data).toMatchObject({ status: 'disabled', disabled_reason: 'Every delivery failed for 5 days.' });
        expect((await deliveries(id, { status: 'pending' })).length).toBe(0);
      });

      it('a redirect is a failure: the Location is never requested', async () => {
        const path = unique();
        const target = unique();
        const { id } = await endpoint(path, { events: ['webhook.test'] });
        receiver.reply(path, { status: 302, headers: { location: receiver.url(target) } });
        await t().request('POST', `${ENDPOINTS}/${id}/test`);
        await t().drain();
        expect(receiver.on(path)).toHaveLength(1);
        expect(receiver.on(target)).toHaveLength(0);
        const [delivery] = await deliveries(id);
        expect(delivery).toMatchObject({ status: 'pending', attempts: 1 });
        const detail = await t().request('GET', `/api/v1/webhook-deliveries/${delivery?.id}`);
        expect(detail.body.data.attempts_log[0]).toMatchObject({ status_code: 302, error: 'Redirect (HTTP 302) not followed.' });
      });

      it('after a rotation both secrets sign for 24 hours (two v1 signatures), then only the new one', async () => {
        const path = unique();
        const { id, secret: old } = await endpoint(path, { events: ['webhook.test'] });
        const rotated = await t().request('POST', `${ENDPOINTS}/${id}/rotate-secret`);
        expect(rotated.statusCode).toBe(200);
        const secret = String(rotated.body.data.secret);
        expect(secret).toMatch(/^whsec_/);
        expect(secret).not.toBe(old);
        expect(rotated.body.data.previous_secret_expires_at).toBe(new Date(clock.now().getTime() + 86_400_000).toISOString());
        await t().request('POST', `${ENDPOINTS}/${id}/test`);
        await t().drain();
        const [during] = receiver.on(path);
        expect(String(during?.headers['webhook-signature']).split(' ')).toHaveLength(2);
        expect(String(during?.headers['webhook-signature'])).toMatch(/^v1,[A-Za-z0-9+/=]+ v1,[A-Za-z0-9+/=]+$/);
        verifyWithLibrary(secret, during as ReceivedRequest, clock.now());
        verifyWithLibrary(old, during as ReceivedRequest, clock.now());

        clock.advance(86_400_000 + 1000);
        await t().request('POST', `${ENDPOINTS}/${id}/test`);
        await t().drain();
        const after = receiver.on(path)[1] as ReceivedRequest;
        expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
        verifyWithLibrary(secret, after, clock.now());
        expect(() => verifyWithLibrary(old, after, clock.now())).toThrow(/signature/i);
        expect((await t().request('GET', `${ENDPOINTS}/${id}`)).body.data.previous_secret_expires_at).toBeNull();
      });

      it('replays a delivery with the same webhook-id and a fresh signature', async () => {
        const path = unique();
        const { id, secret } = await endpoint(path, { events: ['webhook.test'] });
        await t().request('POST', `${ENDPOINTS}/${id}/test`);
        await t().drain();
        const [delivery] = await deliveries(id);
        clock.advance(10_000);
        const replay = await t().request('POST', `/api/v1/webhook-deliveries/${delivery?.id}/replay`);
        expect(replay.statusCode, JSON.stringify(replay.body)).toBe(202);
        expect(replay.body.data).toMatchObject({ id: delivery?.id, status: 'pending' });
        await t().drain();
        const [a, b] = receiver.on(path);
        expect(b?.headers['webhook-id']).toBe(a?.headers['webhook-id']);
        expect(b?.headers['webhook-timestamp']).not.toBe(a?.headers['webhook-timestamp']);
        expect(b?.body).toBe(a?.body);
        verifyWithLibrary(secret, b as ReceivedRequest, clock.now());
        expect((await t().request('GET', `/api/v1/webhook-deliveries/${delivery?.id}`)).body.data.attempts_log).toHaveLength(2);
        const stranger = await t().createAccount(`replay-${dialect}-${counter++}`);
        expect((await t().request('POST', `/api/v1/webhook-deliveries/${delivery?.id}/replay`, { key: stranger.apiKey })).statusCode).toBe(404);
        expect((await t().request('GET', `/api/v1/webhook-deliveries/${delivery?.id}`, { key: stranger.apiKey })).statusCode).toBe(404);
      });

      it('a change that rolls back sends nothing', async () => {
        const path = unique();
        await endpoint(path);
        await expect(
          t().db.handle.transaction(async (tx) => {
            await t().services.events.record(tx, t().account.id, { type: 'participant.updated', data: { participant: { id: 'never', external_id: null } } });
            throw new Error('the change failed');
          }),
        ).rejects.toThrow('the change failed');
        // And through the API: a participant that is refused (duplicate) leaves no delivery.
        const seed = await seedParticipant(t(), {});
        await t().drain();
        const before = receiver.received.length;
        const dup = await t().request('POST', '/api/v1/participants', { body: { name: 'Again', email: seed.email, evaluation_template_id: seed.templateId } });
        expect(dup.statusCode).toBe(409);
        await t().drain();
        const bodies = receiver.on(path).map((r) => r.body);
        expect(bodies.some((b) => b.includes('"never"'))).toBe(false);
        expect(receiver.received.slice(before).filter((r) => r.path === path)).toHaveLength(0);
        expect(bodies.filter((b) => b.includes('participant.created'))).toHaveLength(1);
      });

      it('keeps deliveries and their attempts for 30 days (housekeeping)', async () => {
        const path = unique();
        const { id } = await endpoint(path, { events: ['webhook.test'] });
        await t().request('POST', `${ENDPOINTS}/${id}/test`);
        await t().drain();
        const [delivery] = await deliveries(id);
        clock.advance(29 * 86_400_000);
        await t().services.webhooks.purgeOlderThan(t().config.webhookRetentionDays);
        expect(await deliveries(id)).toHaveLength(1);
        clock.advance(2 * 86_400_000);
        await t().services.webhooks.purgeOlderThan(t().config.webhookRetentionDays);
        expect(await deliveries(id)).toHaveLength(0);
        expect((await t().request('GET', `/api/v1/webhook-deliveries/${delivery?.id}`)).statusCode).toBe(404);
        const attempts = await t().db.handle.db.selectFrom('webhook_attempts').select('id').where('delivery_id', '=', String(delivery?.id)).execute();
        expect(attempts).toEqual([]);
      });

      it('one queued sender per endpoint, with at most JOBS_GROUP_CONCURRENCY deliveries in flight', async () => {
        const path = unique();
        const { id } = await endpoint(path, { events: ['webhook.test'] });
        let inFlight = 0;
        let most = 0;
        receiver.always(path, { status: 200, delayMs: 30 });
        for (let n = 0; n < 10; n += 1) await t().request('POST', `${ENDPOINTS}/${id}/test`);
        const jobs = await t().db.handle.db.selectFrom('jobs').select(['kind', 'dedupe_key']).where('dedupe_key', '=', `webhook.send:${id}`).execute();
        expect(jobs).toEqual([{ kind: 'webhook.send', dedupe_key: `webhook.send:${id}` }]);
        const sampler = setInterval(() => {
          void t()
            .db.handle.db.selectFrom('webhook_deliveries')
            .select('id')
            .where('endpoint_id', '=', id)
            .where('locked_until', 'is not', null)
            .execute()
            .then((rows) => {
              inFlight = rows.length;
              most = Math.max(most, inFlight);
            });
        }, 5);
        try {
          await t().drain();
        } finally {
          clearInterval(sampler);
        }
        expect(receiver.on(path)).toHaveLength(10);
        expect(most).toBeGreaterThan(0);
        expect(most).toBeLessThanOrEqual(t().config.jobsGroupConcurrency);
        expect((await deliveries(id)).every((d) => d.status === 'succeeded')).toBe(true);
      });

      it('three senders of one endpoint at once stay within JOBS_GROUP_CONCURRENCY requests together', async () => {
        const path = unique();
        const { id } = await endpoint(path, { events: ['webhook.test'] });
        receiver.always(path, { status: 200, delayMs: 60 });
        for (let n = 0; n < 16; n += 1) expect((await t().request('POST', `${ENDPOINTS}/${id}/test`)).statusCode).toBe(202);
        await Promise.all([t().services.webhookSender.run(id), t().services.webhookSender.run(id), t().services.webhookSender.run(id)]);
        await t().drain();
        expect(receiver.on(path)).toHaveLength(16);
        expect(receiver.mostAtOnce(path)).toBeGreaterThan(1);
        expect(receiver.mostAtOnce(path)).toBeLessThanOrEqual(t().config.jobsGroupConcurrency);
      });

      // Last in this group: it moves the shared clock a month on.
      it('keeps an event and its delivery while a retry is pending, past both retention periods; both go after it is done', async () => {
        const account = await t().createAccount(`kept-${dialect}-${counter++}`);
        const path = unique();
        const made = await t().request('POST', ENDPOINTS, { key: account.apiKey, body: { url: receiver.url(path), events: ['participant.created'] } });
        expect(made.statusCode).toBe(201);
        receiver.always(path, { status: 500 });
        const person = await t().request('POST', '/api/v1/participants', { key: account.apiKey, body: { name: 'Kept', email: `kept-${account.id.slice(0, 8)}@example.com` } });
        expect(person.statusCode).toBe(201);
        await t().drain();
        expect(receiver.on(path)).toHaveLength(1);
        const db = t().db.handle.db;
        const eventsOf = async () => (await db.selectFrom('events').select('type').where('account_id', '=', account.id).execute()).map((e) => e.type);
        const purge = async () => {
          await t().services.webhooks.purgeOlderThan(t().config.webhookRetentionDays);
          await t().services.events.purgeOlderThan(db, t().config.eventRetentionDays);
        };
        clock.advance((Math.max(t().config.eventRetentionDays, t().config.webhookRetentionDays) + 1) * 86_400_000);
        await purge();
        expect(await eventsOf()).toEqual(['participant.created']);
        const pending = await db.selectFrom('webhook_deliveries').select('status').where('account_id', '=', account.id).execute();
        expect(pending).toEqual([{ status: 'pending' }]);
        // The retry succeeds; the next purge takes the delivery, its attempts and the event.
        receiver.always(path, { status: 200 });
        await t().drain();
        expect(receiver.on(path)).toHaveLength(2);
        await purge();
        expect(await db.selectFrom('webhook_deliveries').select('id').where('account_id', '=', account.id).execute()).toEqual([]);
        expect(await eventsOf()).toEqual([]);
      });
    });

    describe('the outgoing guard', () => {
      it('refuses loopback targets not on OUTBOUND_ALLOW, in every spelling, and nothing connects', async () => {
        for (const url of [
          `https://127.0.0.2:${otherAddress.port}/hook`,
          `http://127.0.0.2:${otherAddress.port}/hook`,
          `https://127.0.0.1:${other.port}/hook`,
          `http://127.0.0.1:${other.port}/hook`,
          `https://2130706433:${other.port}/hook`,
          `https://0x7f.1:${other.port}/hook`,
          `https://[::ffff:127.0.0.1]:${other.port}/hook`,
          `https://[::1]:${other.port}/hook`,
        ]) {
          const res = await t().request('POST', ENDPOINTS, { body: { url } });
          expect(res.statusCode, url).toBe(400);
          expect(res.body.issues[0].path).toBe('url');
        }
        // A name is checked when connecting: localhost resolves to 127.0.0.1, another port than the allowed one.
        const res = await t().request('POST', ENDPOINTS, { body: { url: `https://localhost:${other.port}/hook`, events: ['webhook.test'] } });
        expect(res.statusCode).toBe(201);
        await t().request('POST', `${ENDPOINTS}/${res.body.data.id}/test`);
        await t().drain();
        const [delivery] = await deliveries(String(res.body.data.id));
        const detail = await t().request('GET', `/api/v1/webhook-deliveries/${delivery?.id}`);
        expect(detail.body.data.attempts_log[0]).toMatchObject({ status_code: null });
        expect(detail.body.data.attempts_log[0].error).toMatch(/^blocked_address/);
        // And a URL changed to a refused target by PATCH is refused the same way.
        expect((await t().request('PATCH', `${ENDPOINTS}/${res.body.data.id}`, { body: { url: `https://0x7f.1:${other.port}/` } })).statusCode).toBe(400);
        expect(other.connections()).toBe(0);
        expect(otherAddress.connections()).toBe(0);
      });
    });
  });
});

describe('signing', () => {
  it('matches the official library for a known secret', async () => {
    const { sign } = await import('../src/modules/webhooks/webhooks.delivery.js');
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = '{"test": 2432232314}';
    const lib = new Webhook(secret).sign('msg_p5jXN8AQM9LWM0D4loKWxJek', new Date(1614265330 * 1000), body);
    expect(sign(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, body)).toBe(lib);
    expect(lib).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });
});
