import { describe, expect, it } from 'vitest';
import { purgeExpiredIdempotencyKeys } from '../src/http/idempotency.js';
import { forEachDatabase } from './helpers/databases.js';
import { useTestApp, type TestApp } from './helpers/test-app.js';

const BASE = '/api/v1/evaluation-templates';

async function createTemplate(t: TestApp, body: Record<string, unknown>): Promise<Record<string, unknown> & { id: string }> {
  const res = await t.request('POST', BASE, { body });
  expect(res.statusCode, JSON.stringify(res.body)).toBe(201);
  return res.body.data;
}

forEachDatabase((dialect) => {
  const t = useTestApp(dialect);

  describe('create and read', () => {
    it('applies defaults, trims strings and returns the implicit screen stage', async () => {
      const created = await t().request('POST', BASE, { body: { template_name: '  Backend Engineer  ' } });
      expect(created.statusCode).toBe(201);
      const template = created.body.data;
      expect(template).toMatchObject({
        template_name: 'Backend Engineer',
        use_case: 'hiring',
        success_outcome: 'hire_no_hire',
        status: 'active',
        description: null,
        default_duration_minutes: 30,
        default_difficulty: 'intermediate',
        skills: [],
        soft_skills: [],
      });
      expect(template.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(template.created_at).toBe(template.updated_at);
      expect(template.stages).toEqual([
        expect.objectContaining({ id: null, type: 'screen', implicit: true, stage_order: 1, duration_minutes: 30 }),
      ]);
      const read = await t().request('GET', `${BASE}/${template.id}`);
      expect(read.statusCode).toBe(200);
      expect(read.body).toEqual({ data: template });
    });

    it('derives the success outcome from the use case', async () => {
      const expected = { hiring: 'hire_no_hire', admissions: 'admit_reject', training: 'ready_needs_training', custom_api: 'custom' };
      for (const [use_case, outcome] of Object.entries(expected)) {
        const template = await createTemplate(t(), { template_name: `T ${use_case}`, use_case });
        expect(template['success_outcome']).toBe(outcome);
      }
      const explicit = await createTemplate(t(), { template_name: 'Cert', use_case: 'training', success_outcome: 'certified_not_certified' });
      expect(explicit['success_outcome']).toBe('certified_not_certified');
    });

    it('stores every field and drops case-insensitive duplicate skills', async () => {
      const template = await createTemplate(t(), {
        template_name: 'Sales Certification',
        use_case: 'training',
        description: 'Quarterly certification',
        objective: 'Check discovery skills',
        status: 'draft',
        level: 'senior',
        requirements: '2 years in sales',
        skills: ['Discovery', 'discovery', 'Negotiation'],
        soft_skills: ['Empathy'],
        default_duration_minutes: 45,
        default_difficulty: 'advanced',
        stages: [
          { type: 'screen', stage_name: 'Screen', duration_minutes: 15 },
          { type: 'roleplay', stage_name: 'Role play' },
        ],
      });
      expect(template).toMatchObject({
        skills: ['Discovery', 'Negotiation'],
        soft_skills: ['Empathy'],
        status: 'draft',
        level: 'senior',
        default_duration_minutes: 45,
        default_difficulty: 'advanced',
      });
      expect(template['stages']).toEqual([
        expect.objectContaining({ type: 'screen', stage_order: 1, duration_minutes: 15, implicit: false }),
        expect.objectContaining({ type: 'roleplay', stage_order: 2, duration_minutes: 45, implicit: false }),
      ]);
    });
  });

  describe('validation', () => {
    const cases: Array<[string, Record<string, unknown>, string, string]> = [
      ['missing name', {}, 'template_name', 'required'],
      ['empty name after trimming', { template_name: '   ' }, 'template_name', 'too_short'],
      ['name too long', { template_name: 'x'.repeat(201) }, 'template_name', 'too_long'],
      ['control characters in name', { template_name: 'a\u0007b' }, 'template_name', 'invalid_characters'],
      ['name of the wrong type', { template_name: 42 }, 'template_name', 'invalid_type'],
      ['unknown use case', { template_name: 'x', use_case: 'dating' }, 'use_case', 'invalid_enum'],
      ['unknown outcome', { template_name: 'x', success_outcome: 'maybe' }, 'success_outcome', 'invalid_enum'],
      ['unknown status', { template_name: 'x', status: 'deleted' }, 'status', 'invalid_enum'],
      ['duration too short', { template_name: 'x', default_duration_minutes: 4 }, 'default_duration_minutes', 'invalid_minimum'],
      ['duration too long', { template_name: 'x', default_duration_minutes: 241 }, 'default_duration_minutes', 'invalid_maximum'],
      ['duration as text', { template_name: 'x', default_duration_minutes: '30' }, 'default_duration_minutes', 'invalid_type'],
      ['fractional duration', { template_name: 'x', default_duration_minutes: 30.5 }, 'default_duration_minutes', 'invalid_type'],
      ['unknown difficulty', { template_name: 'x', default_difficulty: 'easy' }, 'default_difficulty', 'invalid_enum'],
      ['skills not a list', { template_name: 'x', skills: 'go' }, 'skills', 'invalid_type'],
      ['empty skill', { template_name: 'x', skills: [''] }, 'skills.0', 'too_short'],
      ['unknown field', { template_name: 'x', templateName: 'typo' }, 'templateName', 'unknown_field'],
      ['bad stage type', { template_name: 'x', stages: [{ type: 'Has Space', stage_name: 'S' }] }, 'stages.0.type', 'invalid_characters'],
      [
        'duplicate stage types',
        { template_name: 'x', stages: [{ type: 'a', stage_name: 'A' }, { type: 'a', stage_name: 'B' }] },
        'stages.1.type',
        'duplicate',
      ],
    ];
    for (const [label, body, path, code] of cases) {
      it(`rejects ${label} with 400 and the field`, async () => {
        const res = await t().request('POST', BASE, { body });
        expect(res.statusCode).toBe(400);
        expect(res.body.code).toBe('validation_failed');
        expect(res.body.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path, code })]));
      });
    }

    it('lists every bad field at once', async () => {
      const res = await t().request('POST', BASE, { body: { use_case: 'x', default_difficulty: 'y', extra: 1 } });
      expect(res.statusCode).toBe(400);
      expect(res.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(
        ['default_difficulty', 'extra', 'template_name', 'use_case'].sort(),
      );
    });

    it('rejects malformed JSON, a non-object body and the wrong content type', async () => {
      const malformed = await t().request('POST', BASE, { body: '{"template_name": ', headers: { 'content-type': 'application/json' } });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.body.code).toBe('invalid_json');
      const array = await t().request('POST', BASE, { body: [] });
      expect(array.statusCode).toBe(400);
      const text = await t().request('POST', BASE, { body: 'template_name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(text.statusCode).toBe(415);
      expect(text.body.code).toBe('unsupported_media_type');
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      const unknown = await t().request('GET', `${BASE}/0190b6a0-0000-7000-8000-000000000000`);
      expect(unknown.statusCode).toBe(404);
      expect(unknown.body.code).toBe('not_found');
      const malformed = await t().request('GET', `${BASE}/not-a-uuid`);
      expect(malformed.statusCode).toBe(400);
      expect(malformed.body.issues[0].path).toBe('id');
    });
  });

  describe('update and delete', () => {
    it('patches fields, clears with null, replaces skills and moves the derived outcome', async () => {
      const template = await createTemplate(t(), { template_name: 'Patch me', description: 'old', skills: ['a', 'b'] });
      const res = await t().request('PATCH', `${BASE}/${template.id}`, {
        body: { description: null, skills: ['c'], use_case: 'admissions', default_duration_minutes: 60 },
      });
      expect(res.statusCode).toBe(200);
      expect(res.body.data).toMatchObject({
        description: null,
        skills: ['c'],
        use_case: 'admissions',
        success_outcome: 'admit_reject',
        default_duration_minutes: 60,
      });
      expect(res.body.data.updated_at >= String(template['updated_at'])).toBe(true);
      // A patch touches only what it names: nothing falls back to a default.
      const draft = await createTemplate(t(), { template_name: 'Draft', status: 'draft', use_case: 'training', default_difficulty: 'expert' });
      const touched = await t().request('PATCH', `${BASE}/${draft.id}`, { body: { description: 'only this' } });
      expect(touched.body.data).toMatchObject({ status: 'draft', use_case: 'training', default_difficulty: 'expert', description: 'only this' });
      const empty = await t().request('PATCH', `${BASE}/${template.id}`, { body: {} });
      expect(empty.statusCode).toBe(400);
      const required = await t().request('PATCH', `${BASE}/${template.id}`, { body: { template_name: null } });
      expect(required.statusCode).toBe(400);
    });

    it('archives, deletes, then 404s', async () => {
      const template = await createTemplate(t(), { template_name: 'Short lived', stages: [{ type: 'screen', stage_name: 'S' }] });
      const archived = await t().request('PATCH', `${BASE}/${template.id}`, { body: { status: 'archived' } });
      expect(archived.body.data.status).toBe('archived');
      const deleted = await t().request('DELETE', `${BASE}/${template.id}`);
      expect(deleted.statusCode).toBe(204);
      expect(deleted.body).toBe('');
      expect((await t().request('GET', `${BASE}/${template.id}`)).statusCode).toBe(404);
      expect((await t().request('DELETE', `${BASE}/${template.id}`)).statusCode).toBe(404);
      const stages = await t().db.handle.db.selectFrom('evaluation_stages').selectAll().where('template_id', '=', template.id).execute();
      expect(stages).toEqual([]);
    });
  });

  describe('stages', () => {
    it('appends, inserts at a position, moves, renames and removes, keeping 1..n order', async () => {
      const template = await createTemplate(t(), { template_name: 'Staged' });
      const url = `${BASE}/${template.id}/stages`;
      const add = async (body: Record<string, unknown>) => {
        const res = await t().request('POST', url, { body });
        expect(res.statusCode, JSON.stringify(res.body)).toBe(201);
        return res.body.data;
      };
      const screen = await add({ type: 'screen', stage_name: 'Screen' });
      const final = await add({ type: 'final', stage_name: 'Final', duration_minutes: 60 });
      const technical = await add({ type: 'technical', stage_name: 'Technical', stage_order: 2 });
      expect(technical.stage_order).toBe(2);
      const order = async () => (await t().request('GET', url)).body.data.map((s: { type: string; stage_order: number }) => `${s.stage_order}:${s.type}`);
      expect(await order()).toEqual(['1:screen', '2:technical', '3:final']);

      const moved = await t().request('PATCH', `/api/v1/evaluation-stages/${final.id}`, { body: { stage_order: 1, stage_name: 'Final round' } });
      expect(moved.statusCode).toBe(200);
      expect(moved.body.data).toMatchObject({ stage_order: 1, stage_name: 'Final round', duration_minutes: 60 });
      expect(await order()).toEqual(['1:final', '2:screen', '3:technical']);

      const far = await t().request('PATCH', `/api/v1/evaluation-stages/${screen.id}`, { body: { stage_order: 99 } });
      expect(far.body.data.stage_order).toBe(3);
      expect(await order()).toEqual(['1:final', '2:technical', '3:screen']);

      expect((await t().request('DELETE', `/api/v1/evaluation-stages/${technical.id}`)).statusCode).toBe(204);
      expect(await order()).toEqual(['1:final', '2:screen']);
      expect((await t().request('GET', url)).body.meta).toEqual({ total: 2 });
    });

    it('refuses a duplicate stage type with 409, on create and on rename', async () => {
      const template = await createTemplate(t(), { template_name: 'Unique stages', stages: [{ type: 'screen', stage_name: 'S' }] });
      const url = `${BASE}/${template.id}/stages`;
      const dup = await t().request('POST', url, { body: { type: 'screen', stage_name: 'Again' } });
      expect(dup.statusCode).toBe(409);
      expect(dup.body.code).toBe('stage_exists');
      const other = await t().request('POST', url, { body: { type: 'final', stage_name: 'Final' } });
      const rename = await t().request('PATCH', `/api/v1/evaluation-stages/${other.body.data.id}`, { body: { type: 'screen' } });
      expect(rename.statusCode).toBe(409);
      const list = await t().request('GET', url);
      expect(list.body.data.map((s: { type: string }) => s.type)).toEqual(['screen', 'final']);
    });

    it('adds stages concurrently without duplicate positions', async () => {
      const template = await createTemplate(t(), { template_name: 'Concurrent stages' });
      const url = `${BASE}/${template.id}/stages`;
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => t().request('POST', url, { body: { type: `s${i}`, stage_name: `Stage ${i}` } })),
      );
      expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
      const orders = (await t().request('GET', url)).body.data.map((s: { stage_order: number }) => s.stage_order);
      expect(orders).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });
  });

  describe('lists and pagination', () => {
    it('pages with totals, filters, and walks cursors stably while rows are inserted', async () => {
      const fresh = await t().createAccount(`pages-${dialect}`);
      const make = (name: string, extra: Record<string, unknown> = {}) =>
        t().request('POST', BASE, { key: fresh.apiKey, body: { template_name: name, ...extra } });
      for (let i = 0; i < 7; i += 1) await make(`Role ${i}`, i % 2 === 0 ? { use_case: 'training' } : {});

      const page1 = await t().request('GET', BASE, { key: fresh.apiKey, query: { pageSize: 3 } });
      expect(page1.body.meta).toEqual({ page: 1, pageSize: 3, total: 7, totalPages: 3 });
      expect(page1.body.data.map((d: { template_name: string }) => d.template_name)).toEqual(['Role 6', 'Role 5', 'Role 4']);
      const page3 = await t().request('GET', BASE, { key: fresh.apiKey, query: { pageSize: 3, page: 3 } });
      expect(page3.body.data.map((d: { template_name: string }) => d.template_name)).toEqual(['Role 0']);

      const training = await t().request('GET', BASE, { key: fresh.apiKey, query: { use_case: 'training' } });
      expect(training.body.meta.total).toBe(4);
      const search = await t().request('GET', BASE, { key: fresh.apiKey, query: { q: 'role 3' } });
      expect(search.body.data.map((d: { template_name: string }) => d.template_name)).toEqual(['Role 3']);
      const likeChars = await t().request('GET', BASE, { key: fresh.apiKey, query: { q: '%' } });
      expect(likeChars.body.data).toEqual([]);

      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const res = await t().request('GET', BASE, { key: fresh.apiKey, query: { limit: 2, cursor } });
        expect(res.statusCode).toBe(200);
        seen.push(...res.body.data.map((d: { template_name: string }) => d.template_name));
        cursor = res.body.meta.next_cursor ?? undefined;
        expect(res.body.meta.has_more).toBe(cursor !== undefined);
        // New rows arriving between pages must not shift or repeat what follows.
        await make(`Inserted during paging ${pages}`);
        pages += 1;
      } while (cursor !== undefined);
      expect(seen).toEqual(['Role 6', 'Role 5', 'Role 4', 'Role 3', 'Role 2', 'Role 1', 'Role 0']);
    });

    it('keeps the filters of the first request in the cursor and refuses garbage cursors', async () => {
      const fresh = await t().createAccount(`cursor-${dialect}`);
      for (let i = 0; i < 4; i += 1) {
        await t().request('POST', BASE, { key: fresh.apiKey, body: { template_name: `C${i}`, status: i < 3 ? 'draft' : 'active' } });
      }
      const first = await t().request('GET', BASE, { key: fresh.apiKey, query: { limit: 2, status: 'draft' } });
      expect(first.body.data.map((d: { template_name: string }) => d.template_name)).toEqual(['C2', 'C1']);
      const second = await t().request('GET', BASE, { key: fresh.apiKey, query: { cursor: first.body.meta.next_cursor } });
      expect(second.body.data.map((d: { template_name: string }) => d.template_name)).toEqual(['C0']);
      expect(second.body.meta).toMatchObject({ has_more: false, next_cursor: null });
      const mismatch = await t().request('GET', BASE, { key: fresh.apiKey, query: { cursor: first.body.meta.next_cursor, status: 'active' } });
      expect(mismatch.statusCode).toBe(400);
      expect(mismatch.body.code).toBe('invalid_cursor');
      const garbage = await t().request('GET', BASE, { key: fresh.apiKey, query: { cursor: 'bm90IGEgY3Vyc29y' } });
      expect(garbage.statusCode).toBe(400);
      const both = await t().request('GET', BASE, { key: fresh.apiKey, query: { page: 1, limit: 5 } });
      expect(both.statusCode).toBe(400);
      const tooBig = await t().request('GET', BASE, { key: fresh.apiKey, query: { pageSize: 101 } });
      expect(tooBig.statusCode).toBe(400);
      expect(tooBig.body.issues[0].path).toBe('pageSize');
    });
  });

  describe('idempotency', () => {
    it('replays the first response for the same key and body, 409 for a different body', async () => {
      const headers = { 'idempotency-key': `tmpl-${dialect}-1` };
      const first = await t().request('POST', BASE, { headers, body: { template_name: 'Once only' } });
      expect(first.statusCode).toBe(201);
      const again = await t().request('POST', BASE, { headers, body: { template_name: 'Once only' } });
      expect(again.statusCode).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      const different = await t().request('POST', BASE, { headers, body: { template_name: 'Something else' } });
      expect(different.statusCode).toBe(409);
      expect(different.body.code).toBe('idempotency_key_reused');
      const rows = await t().request('GET', BASE, { query: { q: 'Once only' } });
      expect(rows.body.meta.total).toBe(1);
      const tooLong = await t().request('POST', BASE, { headers: { 'idempotency-key': 'k'.repeat(256) }, body: { template_name: 'x' } });
      expect(tooLong.statusCode).toBe(400);

      // After 24 h the record is gone and the key starts afresh.
      const tomorrow = { now: () => new Date(Date.now() + 24 * 3_600_000 + 1000) };
      expect(await purgeExpiredIdempotencyKeys(t().db.handle.db, tomorrow)).toBeGreaterThanOrEqual(1);
      const fresh = await t().request('POST', BASE, { headers, body: { template_name: 'Something else' } });
      expect(fresh.statusCode).toBe(201);
    });

    it('scopes keys per account and gives concurrent retries one creation', async () => {
      const other = await t().createAccount(`idem-${dialect}`);
      const headers = { 'idempotency-key': `shared-${dialect}` };
      const mine = await t().request('POST', BASE, { headers, body: { template_name: 'Mine' } });
      const theirs = await t().request('POST', BASE, { key: other.apiKey, headers, body: { template_name: 'Theirs' } });
      expect([mine.statusCode, theirs.statusCode]).toEqual([201, 201]);

      const burst = await Promise.all(
        Array.from({ length: 5 }, () =>
          t().request('POST', BASE, { headers: { 'idempotency-key': `burst-${dialect}` }, body: { template_name: 'Burst' } }),
        ),
      );
      const created = burst.filter((r) => r.statusCode === 201);
      expect(created.length).toBeGreaterThanOrEqual(1);
      for (const r of burst) expect([201, 409]).toContain(r.statusCode);
      const ids = new Set(created.map((r) => r.body.data.id));
      expect(ids.size).toBe(1);
      expect((await t().request('GET', BASE, { query: { q: 'Burst' } })).body.meta.total).toBe(1);
    });
  });
});
