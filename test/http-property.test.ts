import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { forEachDatabase } from './helpers/databases.js';
import { useTestApp, type JsonResponse, type SignedIn } from './helpers/test-app.js';

/**
 * Property: whatever a client puts in a query string, a cursor, a path parameter, the
 * Content-Type header or the nesting of a body, the answer is never a 5xx, on either database,
 * and a refusal has the standard error body. (Bodies field by field: participants-property.test.ts.)
 */

const LIST_ROUTES: Record<string, string[]> = {
  '/api/v1/participants': ['tag', 'evaluation_template_id', 'status', 'email', 'external_id', 'q', 'created_after', 'created_before', 'updated_after', 'page', 'pageSize', 'limit', 'cursor', 'accountSlug'],
  '/api/v1/participants/export': ['tag', 'status', 'email', 'external_id', 'q', 'created_after', 'created_before', 'updated_after', 'accountSlug'],
  '/api/v1/evaluation-templates': ['status', 'use_case', 'q', 'page', 'pageSize', 'limit', 'cursor', 'accountSlug'],
  '/api/v1/outbox': ['to', 'session_id', 'kind', 'page', 'pageSize', 'limit', 'cursor', 'accountSlug'],
  '/api/v1/sessions': ['candidate_id', 'status', 'evaluation_template_id', 'stage', 'scheduled_after', 'scheduled_before', 'updated_after', 'page', 'pageSize', 'limit', 'cursor', 'accountSlug'],
};

const ID_ROUTES = [
  ['GET', '/api/v1/participants/'],
  ['PATCH', '/api/v1/participants/'],
  ['DELETE', '/api/v1/participants/'],
  ['GET', '/api/v1/evaluation-templates/'],
  ['POST', '/api/v1/evaluation-templates/:/stages'],
  ['PATCH', '/api/v1/evaluation-stages/'],
  ['GET', '/api/v1/outbox/'],
  ['GET', '/api/v1/outbox/:/raw'],
  ['PATCH', '/api/v1/members/'],
  ['POST', '/api/v1/api-keys/:/revoke'],
  ['GET', '/api/v1/sessions/'],
  ['POST', '/api/v1/sessions/:/cancel'],
  ['POST', '/api/v1/sessions/:/scorecard'],
  ['GET', '/api/v1/participants/:/timeline'],
  ['GET', '/api/v1/participants/:/resume'],
  ['GET', '/api/join/'],
] as const;

/** Percent-encoded bytes, any of them: NUL, control characters, broken UTF-8, "%" itself. */
const encodedBytes = fc.uint8Array({ maxLength: 12 }).map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
/** A text value as a client might send it, or something hostile. */
const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }).map(encodeURIComponent) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }).map((s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, ''))) },
  { weight: 2, arbitrary: encodedBytes },
  { weight: 4, arbitrary: fc.constantFrom(
    '%00',
    'a%00b',
    '%ED%A0%80',
    '%C0%80',
    '%',
    '%zz',
    '2016-12-31T23%3A59%3A60Z',
    '2026-02-31T00:00:00Z',
    '9999999999',
    '-1',
    '0',
    '1e309',
    'true',
    '__proto__',
    'constructor',
    '0190b6a0-0000-7000-8000-000000000000',
    'x'.repeat(3000),
  ) },
);

function cursorOf(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Cursors: random bytes, random JSON, and JSON shaped like a cursor with random parts. */
const cursor = fc.oneof(
  fc.uint8Array({ maxLength: 60 }).map((bytes) => Buffer.from(bytes).toString('base64url')),
  fc.jsonValue({ maxDepth: 4 }).map(cursorOf),
  fc
    .record({
      v: fc.oneof(fc.constant(1), fc.jsonValue({ maxDepth: 1 })),
      f: fc.oneof(
        fc.dictionary(fc.constantFrom('tag', 'q', 'email', 'external_id', 'status', 'created_after', 'evaluation_template_id', 'use_case', 'to', 'kind', 'x'), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }),
        fc.jsonValue({ maxDepth: 2 }),
      ),
      k: fc.oneof(
        fc.tuple(fc.constantFrom('2026-01-01T00:00:00.000Z', 'a\u0000', '2016-12-31T23:59:60Z', ''), fc.constantFrom('0190b6a0-0000-7000-8000-000000000000', 'b', '\ud800')),
        fc.jsonValue({ maxDepth: 2 }),
      ),
    })
    .map(cursorOf),
);

function expectNo5xx(res: JsonResponse, what: string): void {
  expect(res.statusCode, `${what} → ${res.statusCode} ${res.payload.slice(0, 300)}`).toBeLessThan(500);
  if (res.statusCode >= 400) {
    expect(res.body, what).toMatchObject({ error: expect.any(String), code: expect.any(String), issues: expect.any(Array), request_id: expect.any(String) });
  }
}

/** JSON text nested `depth` levels deep, arrays or objects. */
function nested(depth: number, leaf: string, objects: boolean): string {
  let text = leaf;
  for (let i = 0; i < depth; i += 1) text = objects ? `{"k":${text}}` : `[${text}]`;
  return text;
}

forEachDatabase((dialect) => {
  const t = useTestApp(dialect, { env: { RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '100000' } });
  let session: SignedIn;

  beforeAll(async () => {
    session = await t().signIn(t().account.owner.email, t().account.owner.password);
    const template = await t().request('POST', '/api/v1/evaluation-templates', { body: { template_name: 'Property', stages: [{ type: 'screen', stage_name: 'Screen' }] } });
    for (let i = 0; i < 3; i += 1) {
      await t().request('POST', '/api/v1/participants', {
        body: { name: `Prop ${i}`, email: `prop${i}@example.com`, tags: ['p'], evaluation_template_id: template.body.data.id },
      });
    }
  });

  it('never answers 5xx to any query string on the list and export routes', async () => {
    // Mostly the route's own parameters (a value must get past the schema to reach the database).
    const query = (route: string) => {
      const known = LIST_ROUTES[route] ?? [];
      const name = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: hostileText });
      return fc.array(fc.tuple(name, hostileText), { minLength: 1, maxLength: 3 });
    };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(LIST_ROUTES)).chain((route) => fc.tuple(fc.constant(route), query(route))),
        async ([route, pairs]) => {
          const query = pairs.map(([name, value]) => `${name}=${value}`).join('&');
          const res = await t().request('GET', `${route}?${query}`);
          expectNo5xx(res, `GET ${route}?${query}`);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never answers 5xx to a forged cursor, and refuses one it did not issue with 400 invalid_cursor', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/api/v1/participants', '/api/v1/evaluation-templates', '/api/v1/outbox', '/api/v1/sessions'), cursor, async (route, value) => {
        const res = await t().request('GET', route, { query: { cursor: value } });
        expectNo5xx(res, `GET ${route}?cursor=${value}`);
        if (res.statusCode === 400) expect(['invalid_cursor', 'validation_failed']).toContain(res.body.code);
      }),
      { numRuns: 250 },
    );
  });

  it('never answers 5xx to any path parameter', async () => {
    const segment = fc.oneof(hostileText, fc.string({ minLength: 90, maxLength: 400 }).map(encodeURIComponent), fc.constant('0190B6A0-0000-7000-8000-000000000000'));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ID_ROUTES), segment, fc.boolean(), async ([method, template], id, withSession) => {
        const url = template.includes(':') ? template.replace(':', id) : `${template}${id}`;
        const body = method === 'GET' || method === 'DELETE' ? undefined : template.includes('members') ? { role: 'viewer' } : { stage_name: 'x', type: 'x', name: 'x' };
        const res = withSession
          ? await t().asUser(session, method, url, { query: { accountSlug: t().account.slug }, body })
          : await t().request(method, url, { body });
        expectNo5xx(res, `${method} ${url}`);
      }),
      { numRuns: 200 },
    );
  });

  it('never answers 5xx to any Content-Type, and reads JSON under any casing of its media type', async () => {
    const token = fc.stringMatching(/^[A-Za-z0-9!#$&^_.+-]{1,12}$/);
    const mediaType = fc.oneof(
      fc.constantFrom('application/json', 'text/plain', 'text/csv', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', ''),
      fc.tuple(fc.constantFrom('application/json', 'text/csv'), fc.array(fc.boolean(), { minLength: 20, maxLength: 20 })).map(([type, upper]) =>
        [...type].map((c, i) => (upper[i % upper.length] === true ? c.toUpperCase() : c)).join(''),
      ),
      fc.tuple(token, token, fc.option(fc.tuple(token, fc.oneof(token, fc.constant('"quoted value"'))))).map(
        ([type, sub, param]) => `${type}/${sub}${param === null ? '' : `; ${param[0]}=${param[1]}`}`,
      ),
      fc.string({ maxLength: 40 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
    );
    const body = fc.oneof(fc.constant('{"template_name":"  Typed  "}'), fc.constant('name,email\r\nA,a@example.com\r\n'), fc.string({ maxLength: 50 }));
    const route = fc.constantFrom('/api/v1/evaluation-templates', '/api/v1/participants', '/api/v1/participants/import', '/api/v1/participants/bulk', '/api/auth/login');
    await fc.assert(
      fc.asyncProperty(route, mediaType, body, async (url, type, payload) => {
        const headers: Record<string, string> = type === '' ? {} : { 'content-type': type };
        const res = await t().request('POST', url, { body: payload, headers, key: url === '/api/auth/login' ? null : undefined });
        expectNo5xx(res, `POST ${url} (${type})`);
        const essence = type.split(';')[0]?.trim().toLowerCase();
        if (url === '/api/v1/evaluation-templates' && essence === 'application/json' && payload.startsWith('{"template_name"')) {
          expect(res.statusCode).toBe(201);
          expect(res.body.data.template_name).toBe('Typed');
        }
        if (url === '/api/v1/evaluation-templates' && essence !== 'application/json' && type !== '') expect(res.statusCode).toBe(415);
      }),
      { numRuns: 200 },
    );
  });

  it('never answers 5xx to any nesting depth, refusing more than 32 levels with 400 before reading further', async () => {
    const place = fc.constantFrom('metadata', 'profile', 'tags', 'background', 'name', 'accountSlug');
    await fc.assert(
      fc.asyncProperty(place, fc.integer({ min: 0, max: 10_000 }), fc.boolean(), fc.constantFrom('1', '"x"', 'null', '[]', '{}'), async (field, depth, objects, leaf) => {
        const value = nested(depth, leaf, objects);
        // The body object itself is one level; the bulk wrapper adds two more.
        const single = await t().request('POST', '/api/v1/participants', {
          body: `{"name":"Deep","email":"deep-${depth}@example.com","${field}":${value}}`,
          headers: { 'content-type': 'application/json' },
        });
        expectNo5xx(single, `${field} at depth ${depth}`);
        const levels = depth + 1 + (leaf === '[]' || leaf === '{}' ? 1 : 0);
        if (levels > 32) expect(single.body.code).toBe('invalid_json');
        const login = await t().request('POST', '/api/auth/login', { key: null, body: `{"email":${value},"password":"x"}`, headers: { 'content-type': 'application/json' } });
        expectNo5xx(login, `login at depth ${depth}`);
      }),
      { numRuns: 120 },
    );
  });
});
