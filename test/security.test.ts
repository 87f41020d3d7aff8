import { beforeAll, describe, expect, it } from 'vitest';
import { refusesApiKeys } from '../src/http/auth.js';
import { SCOPES, type Scope } from '../src/lib/access.js';
import { forEachDatabase } from './helpers/databases.js';
import { useTestApp, type JsonResponse, type SignedIn, type TestAccount, type TestApp } from './helpers/test-app.js';

/**
 * The shared security table (CONVENTIONS §10): every route that declares `config.auth` is
 * walked with each kind of bad credential. New routes are covered as soon as they exist; a
 * route with an id parameter needs a fixture below (another account's object of that kind),
 * and the test fails until it has one.
 */

type Fixture = (t: TestApp, other: TestAccount) => Promise<string>;

/** Creates an object of the route's kind in the other account and returns its id. */
const OTHER_ACCOUNT_OBJECTS: Record<string, Fixture> = {
  '/api/v1/evaluation-templates/:id': async (t, other) => {
    const res = await t.request('POST', '/api/v1/evaluation-templates', {
      key: other.apiKey,
      body: { template_name: 'Their template', stages: [{ type: 'screen', stage_name: 'Screen' }] },
    });
    return String(res.body.data.id);
  },
  '/api/v1/evaluation-stages/:id': async (t, other) => {
    const res = await t.request('POST', '/api/v1/evaluation-templates', {
      key: other.apiKey,
      body: { template_name: 'Staged', stages: [{ type: 'final', stage_name: 'Final' }] },
    });
    return String(res.body.data.stages[0].id);
  },
  '/api/v1/agent-profiles/:id': async (t, other) => {
    const res = await t.request('GET', '/api/v1/agent-profiles', { key: other.apiKey, query: { limit: 1 } });
    return String(res.body.data[0].id);
  },
  '/api/v1/api-keys/:id': async (t, other) => {
    const { key } = await t.services.apiKeys.create(other.id, { name: 'theirs' });
    return key.id;
  },
  '/api/v1/members/:user_id': async (_t, other) => other.owner.id,
  // Before the participant prefix: a participant of theirs that has a resume, so only the account can be why it is 404.
  '/api/v1/participants/:id/resume': async (t, other) => {
    const res = await t.request('POST', '/api/v1/participants', {
      key: other.apiKey,
      body: { name: 'Their Candidate', email: `their-cv-${Date.now()}@example.test`, resume_url: 'https://127.0.0.1:9/cv.pdf' },
    });
    return String(res.body.data.id);
  },
  '/api/v1/participants/:id': async (t, other) => {
    const res = await t.request('POST', '/api/v1/participants', {
      key: other.apiKey,
      body: { name: 'Their Person', email: `their-${Date.now()}@example.test` },
    });
    return String(res.body.data.id);
  },
  '/api/v1/sessions/:id': async (t, other) => {
    const template = await t.request('POST', '/api/v1/evaluation-templates', { key: other.apiKey, body: { template_name: 'Their interviews' } });
    const participant = await t.request('POST', '/api/v1/participants', {
      key: other.apiKey,
      body: { name: 'Their Candidate', email: `their-session-${Date.now()}@example.test`, evaluation_template_id: template.body.data.id },
    });
    const session = await t.request('POST', '/api/v1/sessions', { key: other.apiKey, body: { candidate_id: participant.body.data.id } });
    return String(session.body.data.id);
  },
  // localhost:9 is not on OUTBOUND_ALLOW: even if something were sent, nothing would connect.
  '/api/v1/webhook-endpoints/:id': async (t, other) => {
    const { endpoint } = await t.services.webhooks.create(other.id, { url: 'https://localhost:9/hook', enabled: false });
    return endpoint.id;
  },
  '/api/v1/webhook-deliveries/:id': async (t, other) => {
    const { endpoint } = await t.services.webhooks.create(other.id, { url: 'https://localhost:9/hook', events: ['webhook.test'] });
    const delivery = await t.services.webhooks.sendTest(other.id, endpoint.id);
    await t.services.webhooks.update(other.id, endpoint.id, { enabled: false });
    return delivery.id;
  },
  '/api/v1/outbox/:id': async (t, other) => {
    const message = await t.ctx.database.transaction((tx) =>
      t.services.mail.queue(tx, { accountId: other.id, kind: 'notice', to: 'their@example.test', subject: 'Theirs', text: 'Theirs', html: '<p>Theirs</p>' }),
    );
    await t.drain();
    return message.id;
  },
};

function fixtureFor(url: string): Fixture | undefined {
  const entry = Object.entries(OTHER_ACCOUNT_OBJECTS).find(([prefix]) => url.startsWith(prefix));
  return entry?.[1];
}

function concrete(url: string, id: string): string {
  return url.replace(/:[a-z_]+/g, id);
}

const RANDOM_UUID = '0190b6a0-0000-7000-8000-000000000000';
const WRONG_KEY = `iv_live_${'x'.repeat(40)}`;

function bodyFor(method: string): unknown {
  return method === 'GET' || method === 'DELETE' ? undefined : {};
}

function expectError(res: JsonResponse, status: number, code: string): void {
  expect({ status: res.statusCode, code: res.body?.code }).toEqual({ status, code });
  expect(typeof res.body.error).toBe('string');
  expect(res.body.request_id).toBe(res.headers['x-request-id']);
}

forEachDatabase((dialect) => {
  const t = useTestApp(dialect);
  let other: TestAccount;
  let revokedKey: string;
  let owner: SignedIn;

  beforeAll(async () => {
    other = await t().createAccount(`other-${dialect}`);
    revokedKey = await t().createKey([...SCOPES]);
    const keys = await t().services.apiKeys.list(t().account.id, { offset: 0, limit: 100 });
    const toRevoke = keys.items.find((k) => revokedKey.startsWith(k.prefix));
    if (toRevoke === undefined) throw new Error('key not found');
    await t().services.apiKeys.revoke(t().account.id, toRevoke.id);
    owner = await t().signIn(t().account.owner.email, t().account.owner.password);
  });

  it('covers a meaningful set of routes', () => {
    const urls = t().protectedRoutes.map((r) => `${r.method} ${r.url}`);
    expect(urls).toEqual(expect.arrayContaining(['GET /api/v1/evaluation-templates', 'POST /api/v1/api-keys', 'GET /api/v1/members']));
  });

  describe('every protected route', () => {
    it('rejects missing, malformed, unknown and revoked keys with 401', async () => {
      for (const route of t().protectedRoutes) {
        const url = concrete(route.url, RANDOM_UUID);
        const body = bodyFor(route.method);
        for (const key of [null, 'not-a-key', WRONG_KEY, revokedKey]) {
          const res = await t().request(route.method, url, { key, body });
          expect.soft(res.statusCode, `${route.method} ${route.url} with key ${String(key).slice(0, 12)}`).toBe(401);
          expect(res.body.code).toBe('unauthenticated');
        }
      }
    });

    it('refuses a key without the scope (403 naming it), and keys on dashboard-only routes', async () => {
      for (const route of t().protectedRoutes) {
        const url = concrete(route.url, RANDOM_UUID);
        if (refusesApiKeys(route.auth)) {
          const res = await t().request(route.method, url, { body: bodyFor(route.method) });
          expectError(res, 403, 'forbidden');
          continue;
        }
        const scope = route.auth.scope;
        if (scope === undefined) continue;
        const key = await t().createKey(SCOPES.filter((s: Scope) => s !== scope));
        const res = await t().request(route.method, url, { key, body: bodyFor(route.method) });
        expectError(res, 403, 'missing_scope');
        expect(res.body.error).toContain(scope);
      }
    });

    it("refuses another account's accountSlug with 403", async () => {
      for (const route of t().protectedRoutes.filter((r) => !refusesApiKeys(r.auth))) {
        const url = concrete(route.url, RANDOM_UUID);
        const res = await t().request(route.method, url, { query: { accountSlug: other.slug }, body: bodyFor(route.method) });
        expectError(res, 403, 'account_mismatch');
      }
    });

    it('requires accountSlug with a dashboard session (400)', async () => {
      for (const route of t().protectedRoutes) {
        const res = await t().asUser(owner, route.method, concrete(route.url, RANDOM_UUID), { body: bodyFor(route.method) });
        expectError(res, 400, 'account_slug_required');
      }
    });

    it('requires the CSRF token on state-changing dashboard requests (403)', async () => {
      for (const route of t().protectedRoutes.filter((r) => r.method !== 'GET')) {
        const res = await t().request(route.method, concrete(route.url, RANDOM_UUID), {
          key: null,
          headers: { cookie: owner.cookie },
          query: { accountSlug: t().account.slug },
          body: bodyFor(route.method),
        });
        expectError(res, 403, 'csrf_failed');
      }
    });

    it('refuses a signed-in user on an account they are not a member of (403)', async () => {
      for (const route of t().protectedRoutes) {
        const res = await t().asUser(owner, route.method, concrete(route.url, RANDOM_UUID), {
          query: { accountSlug: other.slug },
          body: bodyFor(route.method),
        });
        expectError(res, 403, 'forbidden');
      }
    });

    it("answers 404 for another account's ids, with a key and with a session, and leaks nothing", async () => {
      const withId = t().protectedRoutes.filter((r) => r.url.includes('/:'));
      expect(withId.length).toBeGreaterThan(0);
      for (const route of withId) {
        const fixture = fixtureFor(route.url);
        expect(fixture, `no other-account fixture for ${route.url}: add one to OTHER_ACCOUNT_OBJECTS`).toBeDefined();
        if (fixture === undefined) continue;
        const id = await fixture(t(), other);
        const url = concrete(route.url, id);
        // A valid body where the route needs one, so that only the id can be the problem.
        const body = validBodies[`${route.method} ${route.url}`] ?? bodyFor(route.method);
        if (!refusesApiKeys(route.auth)) {
          const res = await t().request(route.method, url, { body });
          expect.soft(res.statusCode, `${route.method} ${route.url} (key)`).toBe(404);
          expect(JSON.stringify(res.body)).not.toContain(id);
        }
        const res = await t().asUser(owner, route.method, url, { query: { accountSlug: t().account.slug }, body });
        expect.soft(res.statusCode, `${route.method} ${route.url} (session)`).toBe(404);
        expect(JSON.stringify(res.body)).not.toContain(id);
      }
    });
  });

  describe('dashboard-only routes of the signed-in user (no account, no key)', () => {
    // Routes under /api/auth act for the person signed in; they take no accountSlug or key.
    const SESSION_ROUTES: { method: string; url: string; body: unknown }[] = [
      { method: 'POST', url: '/api/auth/logout', body: undefined },
      { method: 'POST', url: '/api/auth/password', body: { current_password: 'x', new_password: 'long enough password' } },
    ];

    it('answer 401 without a session (an API key is no session), before reading the body', async () => {
      for (const route of SESSION_ROUTES) {
        for (const key of [null, t().account.apiKey]) {
          const res = await t().request(route.method, route.url, { key, body: route.body });
          expectError(res, 401, 'unauthenticated');
        }
        const unreadable = await t().request(route.method, route.url, { key: null, body: '{"not json', headers: { 'content-type': 'application/json' } });
        expect.soft(unreadable.statusCode, `${route.url} with a broken body`).toBe(401);
      }
    });

    it('require the CSRF token (403)', async () => {
      const session = await t().signIn(t().account.owner.email, t().account.owner.password);
      for (const route of SESSION_ROUTES) {
        const res = await t().request(route.method, route.url, { key: null, headers: { cookie: session.cookie }, body: route.body });
        expectError(res, 403, 'csrf_failed');
      }
    });
  });

  describe('members', () => {
    it('are listed to every member of the account in the dashboard, never to an API key, whatever its scopes', async () => {
      for (const scopes of [['candidates.read'], [...SCOPES]] as Scope[][]) {
        const res = await t().request('GET', '/api/v1/members', { key: await t().createKey(scopes) });
        expectError(res, 403, 'forbidden');
        expect(JSON.stringify(res.body)).not.toContain(t().account.owner.email);
      }
      for (const role of ['viewer', 'member', 'admin'] as const) {
        const user = await t().createUser(role);
        const session = await t().signIn(user.email, user.password);
        const res = await t().asUser(session, 'GET', '/api/v1/members', { query: { accountSlug: t().account.slug } });
        expect(res.statusCode).toBe(200);
        expect(res.body.data.map((m: { email: string }) => m.email)).toContain(t().account.owner.email);
      }
      const doc = await t().request('GET', '/api/v1/openapi.json', { key: null });
      expect(doc.body.paths['/api/v1/members'].get.security).toEqual([{ dashboardSession: [] }]);
    });
  });

  describe('roles', () => {
    it('a viewer reads but cannot write; a member cannot manage keys or members', async () => {
      const viewer = await t().createUser('viewer');
      const viewerSession = await t().signIn(viewer.email, viewer.password);
      const slug = { accountSlug: t().account.slug };
      const list = await t().asUser(viewerSession, 'GET', '/api/v1/evaluation-templates', { query: slug });
      expect(list.statusCode).toBe(200);
      const create = await t().asUser(viewerSession, 'POST', '/api/v1/evaluation-templates', {
        query: slug,
        body: { template_name: 'Nope' },
      });
      expectError(create, 403, 'missing_scope');

      const member = await t().createUser('member');
      const memberSession = await t().signIn(member.email, member.password);
      const created = await t().asUser(memberSession, 'POST', '/api/v1/evaluation-templates', {
        query: slug,
        body: { template_name: 'Member made' },
      });
      expect(created.statusCode).toBe(201);
      const keys = await t().asUser(memberSession, 'POST', '/api/v1/api-keys', { query: slug, body: { name: 'x' } });
      expectError(keys, 403, 'forbidden');
      const members = await t().asUser(memberSession, 'POST', '/api/v1/members', {
        query: slug,
        body: { email: 'someone@example.test', name: 'Someone', password: 'password123', role: 'admin' },
      });
      expectError(members, 403, 'forbidden');
    });
  });
});

const validBodies: Record<string, unknown> = {
  'PATCH /api/v1/evaluation-templates/:id': { description: 'x' },
  'POST /api/v1/evaluation-templates/:id/stages': { type: 'extra', stage_name: 'Extra' },
  'PATCH /api/v1/evaluation-stages/:id': { stage_name: 'Renamed' },
  'PATCH /api/v1/members/:user_id': { role: 'member' },
  'PATCH /api/v1/participants/:id': { name: 'Renamed' },
  'PATCH /api/v1/webhook-endpoints/:id': { description: 'x' },
  'POST /api/v1/webhook-endpoints/:id/recover': { since: '2026-01-01T00:00:00Z' },
  'PATCH /api/v1/agent-profiles/:id': { name: 'Renamed' },
  'PATCH /api/v1/sessions/:id': { scheduled_at: null },
  'POST /api/v1/sessions/:id/fail': { reason: 'Left early' },
  'POST /api/v1/sessions/:id/scorecard': { score: 5 },
};
