import { describe, expect, it } from 'vitest';
import type { App } from '../src/http/app-types.js';
import { LEASE_MS } from '../src/http/idempotency.js';
import { TestClock } from './helpers/clock.js';
import { forEachDatabase } from './helpers/databases.js';
import { seedParticipant } from './helpers/sessions.js';
import { useTestApp, type TestApp } from './helpers/test-app.js';

/**
 * Idempotency-Key (SPEC §2) in one process: the stored response is written with the change,
 * a 5xx after the change keeps the key, a lease frees a key whose request stalled, a request
 * that ran past its lease cannot apply its change a second time, and secrets are neither stored
 * nor replayed. The crash cases (kill -9 of the server) are in idempotency-crash.test.ts.
 */

const TEMPLATES = '/api/v1/evaluation-templates';

/** Requests whose x-test-fault header asks for one are made to fail or stall at a chosen step. */
const stalls = new Map<string, () => void>();

function withFaults(app: App): void {
  app.addHook('preHandler', async (request) => {
    const fault = request.headers['x-test-fault'];
    if (fault === 'fail-before-change') throw new Error('injected failure before the change');
    if (typeof fault === 'string' && fault.startsWith('stall:')) {
      // Stalls after the key is claimed and before the change, until the test releases it.
      await new Promise<void>((resolve) => stalls.set(fault.slice('stall:'.length), resolve));
    }
  });
  app.addHook('preSerialization', async (request) => {
    if (request.headers['x-test-fault'] === 'fail-after-change') throw new Error('injected failure after the change committed');
  });
}

async function countTemplates(t: TestApp, name: string): Promise<number> {
  const rows = await t.db.handle.db
    .selectFrom('evaluation_templates')
    .select('id')
    .where('account_id', '=', t.account.id)
    .where('template_name', '=', name)
    .execute();
  return rows.length;
}

async function record(t: TestApp, key: string) {
  return t.db.handle.db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('account_id', '=', t.account.id)
    .where('key', '=', key)
    .executeTakeFirst();
}

forEachDatabase((dialect) => {
  const clock = new TestClock(new Date());
  const t = useTestApp(dialect, { clock, configure: withFaults });

  describe('stored with the change', () => {
    it('stores the exact response, written in the transaction of the change, and replays it', async () => {
      const headers = { 'idempotency-key': `stored-${dialect}` };
      const first = await t().request('POST', TEMPLATES, { headers, body: { template_name: 'Stored once', stages: [{ type: 'screen', stage_name: 'Screen' }] } });
      expect(first.statusCode).toBe(201);
      const stored = await record(t(), headers['idempotency-key']);
      expect(stored).toMatchObject({ status_code: 201, response_body: first.payload });
      const again = await t().request('POST', TEMPLATES, { headers, body: { template_name: 'Stored once', stages: [{ type: 'screen', stage_name: 'Screen' }] } });
      expect(again.statusCode).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.payload).toBe(first.payload);
      expect(await countTemplates(t(), 'Stored once')).toBe(1);
    });

    it('replays bulk reports, participant and stage creations the same way', async () => {
      const bulkHeaders = { 'idempotency-key': `bulk-${dialect}` };
      const body = { participants: [{ name: 'Bulk One', email: `bulk1-${dialect}@example.com` }, { name: 'No email' }] };
      const bulk = await t().request('POST', '/api/v1/participants/bulk', { headers: bulkHeaders, body });
      expect(bulk.body.data).toMatchObject({ created: 1, failed: 1 });
      const bulkAgain = await t().request('POST', '/api/v1/participants/bulk', { headers: bulkHeaders, body });
      expect(bulkAgain.headers['idempotent-replayed']).toBe('true');
      expect(bulkAgain.body).toEqual(bulk.body);

      const person = { name: 'Once', email: `once-${dialect}@example.com` };
      const created = await t().request('POST', '/api/v1/participants', { headers: { 'idempotency-key': `person-${dialect}` }, body: person });
      const replayed = await t().request('POST', '/api/v1/participants', { headers: { 'idempotency-key': `person-${dialect}` }, body: person });
      expect([created.statusCode, replayed.statusCode]).toEqual([201, 201]);
      expect(replayed.body).toEqual(created.body);

      const template = await t().request('POST', TEMPLATES, { body: { template_name: 'Staged replay' } });
      const url = `${TEMPLATES}/${String(template.body.data.id)}/stages`;
      const stage = await t().request('POST', url, { headers: { 'idempotency-key': `stage-${dialect}` }, body: { type: 'final', stage_name: 'Final' } });
      const stageAgain = await t().request('POST', url, { headers: { 'idempotency-key': `stage-${dialect}` }, body: { type: 'final', stage_name: 'Final' } });
      expect([stage.statusCode, stageAgain.statusCode]).toEqual([201, 201]);
      expect(stageAgain.body).toEqual(stage.body);
    });

    it('keeps the key after a 5xx that follows the commit: the retry replays the change, it does not apply it twice', async () => {
      const key = `after-commit-${dialect}`;
      const failed = await t().request('POST', TEMPLATES, {
        headers: { 'idempotency-key': key, 'x-test-fault': 'fail-after-change' },
        body: { template_name: 'Committed then failed' },
      });
      expect(failed.statusCode).toBe(500);
      expect(await countTemplates(t(), 'Committed then failed')).toBe(1);
      const retry = await t().request('POST', TEMPLATES, { headers: { 'idempotency-key': key }, body: { template_name: 'Committed then failed' } });
      expect(retry.statusCode).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body.data.template_name).toBe('Committed then failed');
      expect(await countTemplates(t(), 'Committed then failed')).toBe(1);
    });

    it('stores a booked session with its change: a 5xx after the commit replays it, with one invite sent', async () => {
      const seed = await seedParticipant(t());
      const key = `session-${dialect}`;
      const body = { candidate_id: seed.participantId, stage: 'screen', idempotency_key: key };
      const failed = await t().request('POST', '/api/v1/sessions', { headers: { 'x-test-fault': 'fail-after-change' }, body });
      expect(failed.statusCode).toBe(500);
      const retry = await t().request('POST', '/api/v1/sessions', { body });
      expect(retry.statusCode).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      const stored = await record(t(), key);
      expect(stored?.response_body).toBe(retry.payload);
      const sessions = await t().request('GET', '/api/v1/sessions', { query: { candidate_id: seed.participantId } });
      expect(sessions.body.data.map((s: { id: string }) => s.id)).toEqual([retry.body.data.id]);
      const invites = await t().db.handle.db.selectFrom('mail_messages').select('id').where('to_address', '=', seed.email).execute();
      expect(invites).toHaveLength(1);
    });

    it('frees the key at once after a 5xx before any change: the retry runs', async () => {
      const key = `before-change-${dialect}`;
      const failed = await t().request('POST', TEMPLATES, {
        headers: { 'idempotency-key': key, 'x-test-fault': 'fail-before-change' },
        body: { template_name: 'Failed before' },
      });
      expect(failed.statusCode).toBe(500);
      expect(await record(t(), key)).toBeUndefined();
      const retry = await t().request('POST', TEMPLATES, { headers: { 'idempotency-key': key }, body: { template_name: 'Failed before' } });
      expect(retry.statusCode).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBeUndefined();
      expect(await countTemplates(t(), 'Failed before')).toBe(1);
    });
  });

  describe('leases', () => {
    it('answers 409 with Retry-After while the first request holds the key, lets a retry take over once the lease ends, and rolls back the stalled request', async () => {
      const key = `stalled-${dialect}`;
      const body = { template_name: 'Stalled' };
      const stalled = t().request('POST', TEMPLATES, { headers: { 'idempotency-key': key, 'x-test-fault': `stall:${key}` }, body });
      await expect.poll(() => stalls.has(key)).toBe(true);

      const busy = await t().request('POST', TEMPLATES, { headers: { 'idempotency-key': key }, body });
      expect(busy.statusCode).toBe(409);
      expect(busy.body.code).toBe('idempotency_in_progress');
      expect(Number(busy.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(busy.headers['retry-after'])).toBeLessThanOrEqual(LEASE_MS / 1000);

      clock.advance(LEASE_MS + 1000);
      const takeover = await t().request('POST', TEMPLATES, { headers: { 'idempotency-key': key }, body });
      expect(takeover.statusCode).toBe(201);
      expect(takeover.headers['idempotent-replayed']).toBeUndefined();

      // The first request wakes up and reaches its change: it no longer holds the key, so its
      // transaction rolls back instead of creating the template a second time.
      stalls.get(key)?.();
      const late = await stalled;
      expect(late.statusCode).toBe(409);
      expect(late.body.code).toBe('idempotency_in_progress');
      expect(await countTemplates(t(), 'Stalled')).toBe(1);
      const replay = await t().request('POST', TEMPLATES, { headers: { 'idempotency-key': key }, body });
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toEqual(takeover.body);
    });
  });

  describe('secrets', () => {
    it('never stores an API key secret, and a replay answers without it', async () => {
      const session = await t().signIn(t().account.owner.email, t().account.owner.password);
      const request = () =>
        t().asUser(session, 'POST', '/api/v1/api-keys', {
          query: { accountSlug: t().account.slug },
          headers: { 'idempotency-key': `api-key-${dialect}` },
          body: { name: 'Replayed key', scopes: ['candidates.read'] },
        });
      const created = await request();
      expect(created.statusCode).toBe(201);
      const secret = String(created.body.data.secret);
      expect(secret).toMatch(/^iv_live_/);

      const stored = await record(t(), `api-key-${dialect}`);
      expect(stored?.status_code).toBe(201);
      expect(JSON.stringify(stored)).not.toContain(secret);
      expect(JSON.stringify(stored)).not.toContain(secret.slice(12));

      const replay = await request();
      expect(replay.statusCode).toBe(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.payload).not.toContain(secret.slice(12));
      const { secret: _secret, ...withoutSecret } = created.body.data as Record<string, unknown>;
      expect(replay.body.data).toEqual(withoutSecret);
      const keys = await t().services.apiKeys.list(t().account.id, { offset: 0, limit: 100 });
      expect(keys.items.filter((k) => k.name === 'Replayed key')).toHaveLength(1);
    });

    it('documents the replay without the secret in the OpenAPI document', async () => {
      const doc = await t().request('GET', '/api/v1/openapi.json', { key: null });
      const schema = doc.body.paths['/api/v1/api-keys'].post.responses['201'].content['application/json'].schema;
      expect(schema.properties.data.required).not.toContain('secret');
      expect(schema.properties.data.properties.secret.description).toMatch(/absent when the response is an idempotent replay/);
      expect(doc.body.info.description).toMatch(/Idempotency-Key/);
    });
  });
});
