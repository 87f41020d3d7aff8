import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { forEachDatabase } from './helpers/databases.js';
import { useTestApp } from './helpers/test-app.js';

/**
 * Property: whatever body is sent, creating a participant never answers 5xx, and an accepted
 * body reads back as sent after the documented normalisation (strings trimmed, tags without
 * case-insensitive duplicates, null members of profile/background dropped, absent optional
 * fields null — tags [] and metadata {} — status active, template ids lower-cased).
 */

const BASE = '/api/v1/participants';
const hasControl = (s: string) => [...s].some((c) => (c.codePointAt(0) ?? 0) < 0x20 || c === '\u007f');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Body = Record<string, Json>;

/** Text of 1..max code points, any script, no control characters, not blank. */
function text(max: number, extra: (s: string) => boolean = () => true): fc.Arbitrary<string> {
  return fc
    .oneof(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: max }), fc.string({ unit: 'binary', minLength: 1, maxLength: max }))
    .filter((s) => !hasControl(s) && s.trim() !== '' && extra(s));
}

const padded = (arb: fc.Arbitrary<string>) =>
  fc.tuple(fc.constantFrom('', ' ', '  '), arb, fc.constantFrom('', ' ', '\u00a0')).map(([a, s, b]) => `${a}${s}${b}`);

const label = fc.stringMatching(/^[a-z0-9]{1,10}$/);
const email = fc
  .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.array(label, { minLength: 1, maxLength: 2 }), fc.stringMatching(/^[a-z]{2,6}$/), fc.boolean())
  .map(([local, domain, tld, upper]) => {
    const address = `${local.join('.')}@${domain.join('.')}.${tld}`;
    return upper ? address.toUpperCase() : address;
  });

const tag = fc.oneof(fc.constantFrom('senior', 'Senior', 'SENIOR', 'remote', ' Remote ', 'q3-cohort'), text(64, (s) => !/[;|]/.test(s)));
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const metadataKey = fc.stringMatching(/^[A-Za-z0-9_.-]{1,40}$/).filter((k) => k !== '__proto__' && k !== 'constructor');

function validBody(templateIds: string[]): fc.Arbitrary<Body> {
  return fc.record(
    {
      name: padded(text(200)),
      email: padded(email),
      evaluation_template_id: nullable(fc.constantFrom(...templateIds, ...templateIds.map((id) => id.toUpperCase()))),
      external_id: nullable(text(255)),
      phone: nullable(fc.stringMatching(/^\+?[0-9 ()-]{1,30}$/).filter((s) => s.trim() !== '')),
      tags: nullable(fc.array(tag, { maxLength: 8 })),
      profile: nullable(
        fc.record(
          { title: nullable(text(200)), organization: nullable(text(200)), experienceLevel: nullable(text(30)), location: nullable(text(200)) },
          { requiredKeys: [] },
        ),
      ),
      background: nullable(
        fc.record(
          { skills: fc.array(text(100), { maxLength: 5 }), education: nullable(text(1000)), languages: fc.array(text(100), { maxLength: 3 }) },
          { requiredKeys: [] },
        ),
      ),
      resume_url: nullable(fc.webUrl({ validSchemes: ['http', 'https'] }).filter((u) => u.length <= 2048 && !/[\s]/.test(u))),
      metadata: nullable(fc.dictionary(metadataKey, fc.string({ maxLength: 500 }), { maxKeys: 8 })),
      status: fc.constantFrom('active', 'archived'),
    },
    { requiredKeys: ['name', 'email'] },
  ) as fc.Arbitrary<Body>;
}

/** A valid body with one thing wrong, or something that is not a participant at all. */
function anyBody(templateIds: string[]): fc.Arbitrary<Json> {
  const wrongValue = fc.oneof(
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(''),
    fc.string({ minLength: 201, maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 45 }), fc.oneof(fc.string({ maxLength: 600 }), fc.integer()), { maxKeys: 60 }),
    fc.constantFrom('not-an-email', 'ftp://x.example/a', 'javascript:alert(1)', 'ce1cd564-...', '0190b6a0-0000-7000-8000-000000000000', 'a\u0000b', 'a;b'),
  );
  const field = fc.constantFrom(
    'name',
    'email',
    'evaluation_template_id',
    'external_id',
    'phone',
    'tags',
    'profile',
    'background',
    'resume_url',
    'metadata',
    'status',
    'emial',
    'accountSlug',
  );
  const mutated = fc.tuple(validBody(templateIds), field, wrongValue).map(([body, key, value]) => ({ ...body, [key]: value }) as Json);
  return fc.oneof(mutated, validBody(templateIds), fc.jsonValue() as fc.Arbitrary<Json>);
}

function trimDeep(value: Json): Json {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map(trimDeep);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trimDeep(v)]));
  return value;
}

function withoutNulls(value: Json | undefined): Json {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) return value ?? null;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
}

/** The documented normalisation, written independently of the service. */
function expected(sent: Body): Record<string, Json> {
  const body = trimDeep(sent) as Body;
  const seen = new Set<string>();
  const tags = ((body['tags'] ?? []) as string[]).filter((t) => {
    const key = t.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const templateId = body['evaluation_template_id'];
  return {
    name: body['name'] ?? null,
    email: body['email'] ?? null,
    evaluation_template_id: typeof templateId === 'string' ? templateId.toLowerCase() : null,
    external_id: body['external_id'] ?? null,
    phone: body['phone'] ?? null,
    tags,
    profile: withoutNulls(body['profile']),
    background: withoutNulls(body['background']),
    resume_url: body['resume_url'] ?? null,
    resume: typeof body['resume_url'] === 'string' ? { status: 'pending' } : null,
    metadata: body['metadata'] ?? {},
    status: body['status'] ?? 'active',
  };
}

forEachDatabase((dialect) => {
  // Hundreds of requests in a few seconds: lift the per-key rate limit for this file.
  const t = useTestApp(dialect, { env: { RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '100000' } });
  const templateIds: string[] = [];

  beforeAll(async () => {
    for (const name of ['Property A', 'Property B']) {
      const res = await t().request('POST', '/api/v1/evaluation-templates', { body: { template_name: name } });
      templateIds.push(String(res.body.data.id));
    }
  });

  async function checkAccepted(body: Body, data: Record<string, Json>): Promise<void> {
    const read = await t().request('GET', `${BASE}/${String(data['id'])}`);
    expect(read.statusCode).toBe(200);
    const { id: _id, created_at: _c, updated_at: _u, ...rest } = read.body.data as Record<string, Json>;
    expect(rest).toEqual(expected(body));
    expect(read.body.data).toEqual(data);
  }

  it('accepts every valid body and reads it back as sent, normalised', async () => {
    await fc.assert(
      fc.asyncProperty(validBody(templateIds), async (body) => {
        const res = await t().request('POST', BASE, { body });
        // A generated email may repeat within a template: that is the documented 409.
        expect([201, 409], JSON.stringify(res.body)).toContain(res.statusCode);
        if (res.statusCode === 201) await checkAccepted(body, res.body.data);
      }),
      { numRuns: 120 },
    );
  });

  it('never answers 5xx, whatever the body; refusals list their issues', async () => {
    await fc.assert(
      fc.asyncProperty(anyBody(templateIds), async (body) => {
        const res = await t().request('POST', BASE, { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
        expect(res.statusCode, JSON.stringify(res.body)).toBeLessThan(500);
        if (res.statusCode === 201) {
          await checkAccepted(body as Body, res.body.data);
        } else if (res.statusCode === 400) {
          expect(['validation_failed', 'invalid_json']).toContain(res.body.code);
          if (res.body.code === 'validation_failed') expect(res.body.issues.length).toBeGreaterThan(0);
        } else {
          // 403: an accountSlug in the body that is not the key's account; 404: unknown template.
          expect([403, 404, 409]).toContain(res.statusCode);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never answers 5xx to random bulk items, and reports one result per item', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyBody(templateIds), { maxLength: 20 }), async (items) => {
        const res = await t().request('POST', `${BASE}/bulk`, { body: { participants: items } });
        expect(res.statusCode, JSON.stringify(res.body)).toBeLessThan(500);
        if (res.statusCode === 200) {
          expect(res.body.data.results.map((r: { index: number }) => r.index)).toEqual(items.map((_, i) => i));
        } else {
          // Refused whole, before any item: a `__proto__` key anywhere (the JSON parser), or
          // text that is not text anywhere (NUL, an unpaired surrogate).
          expect(res.statusCode).toBe(400);
          if (res.body.code === 'validation_failed') expect(res.body.issues[0].code).toBe('invalid_characters');
          else expect(res.body.code).toBe('invalid_json');
        }
      }),
      { numRuns: 40 },
    );
  });
});
