import { describe, expect, it } from 'vitest';
import { Migrator, sql } from 'kysely';
import { migrations } from '../src/db/migrations/index.js';
import { STARTER_PROFILES } from '../src/modules/agent-profiles/starters.js';
import { createEmptyDatabase, forEachDatabase } from './helpers/databases.js';
import { useTestApp, type TestApp } from './helpers/test-app.js';

const BASE = '/api/v1/agent-profiles';

const VALID = {
  name: 'Backend interviewer',
  persona: "Hi, I'm Kim. I build APIs.",
  useCase: 'hiring',
  evaluationDimensions: [
    { name: 'APIs', description: 'Designs clean HTTP APIs.', weight: 60, threshold: 5 },
    { name: 'Databases', weight: 40 },
  ],
  interaction: { tone: 'strict', style: 'conversational', probingDepth: 'high' },
  additionalInstructions: 'Ask about PostgreSQL.',
};

async function createProfile(t: TestApp, body: Record<string, unknown> = VALID): Promise<Record<string, unknown> & { id: string }> {
  const res = await t.request('POST', BASE, { body });
  expect(res.statusCode, JSON.stringify(res.body)).toBe(201);
  return res.body.data;
}

forEachDatabase((dialect) => {
  const t = useTestApp(dialect);

  describe('starter profiles', () => {
    it('every new account starts with the four starters, whose weights sum to 100', async () => {
      const other = await t().createAccount(`starters-${dialect}`);
      const res = await t().request('GET', BASE, { key: other.apiKey, query: { pageSize: 100 } });
      expect(res.statusCode).toBe(200);
      expect(res.body.meta.total).toBe(4);
      const names = res.body.data.map((p: { name: string }) => p.name).sort();
      expect(names).toEqual(STARTER_PROFILES.map((s) => s.name).sort());
      expect(names).toEqual(['Customer Support Interviewer', 'Sales Representative Interviewer', 'Software Engineer Interviewer', 'Student Practice Coach']);
      for (const profile of res.body.data) {
        expect(profile.starter).toBe(true);
        expect(profile.evaluationDimensions.reduce((sum: number, d: { weight: number }) => sum + d.weight, 0)).toBe(100);
        // A starter passes the same rules as any profile: posting it back creates a copy.
        const { id: _id, starter: _s, created_at: _c, updated_at: _u, ...body } = profile;
        const copy = await t().request('POST', BASE, { key: other.apiKey, body: { ...body, name: `${String(profile.name)} (copy)` } });
        expect(copy.statusCode, JSON.stringify(copy.body)).toBe(201);
        expect(copy.body.data.starter).toBe(false);
      }
    });

    it('an account created by a failing transaction leaves no starters behind', async () => {
      const before = await t().db.handle.db.selectFrom('agent_profiles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      await expect(t().services.accounts.createAccount({ slug: 'acme', name: 'Duplicate slug' })).rejects.toMatchObject({ code: 'account_exists' });
      const after = await t().db.handle.db.selectFrom('agent_profiles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });
  });

  describe('create, read, update, delete', () => {
    it('stores the published camelCase fields and applies defaults', async () => {
      const profile = await createProfile(t());
      expect(profile).toMatchObject({
        name: 'Backend interviewer',
        persona: "Hi, I'm Kim. I build APIs.",
        useCase: 'hiring',
        evaluationDimensions: [
          { name: 'APIs', description: 'Designs clean HTTP APIs.', weight: 60, threshold: 5 },
          { name: 'Databases', description: '', weight: 40, threshold: null },
        ],
        interaction: { tone: 'strict', style: 'conversational', probingDepth: 'high' },
        additionalInstructions: 'Ask about PostgreSQL.',
        starter: false,
      });
      const read = await t().request('GET', `${BASE}/${profile.id}`);
      expect(read.body).toEqual({ data: profile });

      const minimal = await createProfile(t(), { name: 'Minimal', evaluationDimensions: [{ name: 'Overall', weight: 100 }] });
      expect(minimal).toMatchObject({
        persona: null,
        useCase: 'hiring',
        interaction: { tone: 'professional', style: 'structured', probingDepth: 'medium' },
        additionalInstructions: null,
      });
    });

    it('refuses weights that do not sum to 100, duplicate names and bad enums, listing each issue', async () => {
      const cases: [string, Record<string, unknown>, string, string][] = [
        ['weights summing to 90', { ...VALID, evaluationDimensions: [{ name: 'A', weight: 50 }, { name: 'B', weight: 40 }] }, 'evaluationDimensions', 'weights_sum'],
        ['a duplicate name', { ...VALID, evaluationDimensions: [{ name: 'A', weight: 50 }, { name: ' a', weight: 50 }] }, 'evaluationDimensions.1.name', 'duplicate'],
        ['a fractional weight', { ...VALID, evaluationDimensions: [{ name: 'A', weight: 50.5 }, { name: 'B', weight: 49.5 }] }, 'evaluationDimensions.0.weight', 'invalid_type'],
        ['a zero weight', { ...VALID, evaluationDimensions: [{ name: 'A', weight: 0 }, { name: 'B', weight: 100 }] }, 'evaluationDimensions.0.weight', 'invalid_minimum'],
        ['no dimension', { ...VALID, evaluationDimensions: [] }, 'evaluationDimensions', 'invalid_minItems'],
        ['an unknown tone', { ...VALID, interaction: { tone: 'rude' } }, 'interaction.tone', 'invalid_enum'],
        ['an unknown probing depth', { ...VALID, interaction: { probingDepth: 'extreme' } }, 'interaction.probingDepth', 'invalid_enum'],
        ['an unknown use case', { ...VALID, useCase: 'dating' }, 'useCase', 'invalid_enum'],
        ['a threshold above 10', { ...VALID, evaluationDimensions: [{ name: 'A', weight: 100, threshold: 11 }] }, 'evaluationDimensions.0.threshold', 'invalid_maximum'],
        ['a snake_case field', { ...VALID, use_case: 'hiring' }, 'use_case', 'unknown_field'],
        ['no name', { evaluationDimensions: [{ name: 'A', weight: 100 }] }, 'name', 'required'],
        ['13 dimensions', { ...VALID, evaluationDimensions: Array.from({ length: 13 }, (_, i) => ({ name: `D${i}`, weight: i === 0 ? 88 : 1 })) }, 'evaluationDimensions', 'too_long'],
      ];
      for (const [label, body, path, code] of cases) {
        const res = await t().request('POST', BASE, { body });
        expect(res.statusCode, label).toBe(400);
        expect(res.body.code, label).toBe('validation_failed');
        expect(res.body.issues, label).toContainEqual(expect.objectContaining({ path, code }));
      }
      const count = await t().request('GET', BASE, { query: { q: 'Backend interviewer' } });
      const before = count.body.meta.total;
      const both = await t().request('POST', BASE, {
        body: { ...VALID, evaluationDimensions: [{ name: 'A', weight: 10 }, { name: 'a', weight: 10 }] },
      });
      expect(both.body.issues.map((i: { code: string }) => i.code).sort()).toEqual(['duplicate', 'weights_sum']);
      expect((await t().request('GET', BASE, { query: { q: 'Backend interviewer' } })).body.meta.total).toBe(before);
    });

    it('patches fields: dimensions replace the list, interaction is replaced whole, null clears', async () => {
      const profile = await createProfile(t());
      const patched = await t().request('PATCH', `${BASE}/${profile.id}`, {
        body: {
          name: 'Renamed',
          persona: null,
          evaluationDimensions: [{ name: 'Only', weight: 100 }],
          interaction: { tone: 'friendly' },
          additionalInstructions: null,
        },
      });
      expect(patched.statusCode).toBe(200);
      expect(patched.body.data).toMatchObject({
        name: 'Renamed',
        persona: null,
        evaluationDimensions: [{ name: 'Only', description: '', weight: 100, threshold: null }],
        interaction: { tone: 'friendly', style: 'structured', probingDepth: 'medium' },
        additionalInstructions: null,
        useCase: 'hiring',
      });
      expect(patched.body.data.updated_at >= String(profile['updated_at'])).toBe(true);
      const bad = await t().request('PATCH', `${BASE}/${profile.id}`, { body: { evaluationDimensions: [{ name: 'A', weight: 99 }] } });
      expect(bad.statusCode).toBe(400);
      expect((await t().request('GET', `${BASE}/${profile.id}`)).body.data.evaluationDimensions).toHaveLength(1);
      const empty = await t().request('PATCH', `${BASE}/${profile.id}`, { body: {} });
      expect(empty.statusCode).toBe(400);
    });

    it('deletes a profile, and refuses one that a template or stage names (409)', async () => {
      const free = await createProfile(t(), { ...VALID, name: 'Disposable' });
      expect((await t().request('DELETE', `${BASE}/${free.id}`)).statusCode).toBe(204);
      expect((await t().request('GET', `${BASE}/${free.id}`)).statusCode).toBe(404);
      expect((await t().request('DELETE', `${BASE}/${free.id}`)).statusCode).toBe(404);

      const used = await createProfile(t(), { ...VALID, name: 'Used by a stage' });
      const template = await t().request('POST', '/api/v1/evaluation-templates', {
        body: { template_name: 'Uses a profile', stages: [{ type: 'screen', stage_name: 'Screen', agent_profile_id: used.id }] },
      });
      expect(template.statusCode).toBe(201);
      const refused = await t().request('DELETE', `${BASE}/${used.id}`);
      expect(refused.statusCode).toBe(409);
      expect(refused.body.code).toBe('agent_profile_in_use');
      expect((await t().request('GET', `${BASE}/${used.id}`)).statusCode).toBe(200);

      const byDefault = await createProfile(t(), { ...VALID, name: 'Template default' });
      const other = await t().request('POST', '/api/v1/evaluation-templates', { body: { template_name: 'Default profile', agent_profile_id: byDefault.id } });
      expect(other.statusCode).toBe(201);
      expect((await t().request('DELETE', `${BASE}/${byDefault.id}`)).body.code).toBe('agent_profile_in_use');
      // Once the template names another, the profile can go.
      await t().request('PATCH', `/api/v1/evaluation-templates/${other.body.data.id}`, { body: { agent_profile_id: null } });
      expect((await t().request('DELETE', `${BASE}/${byDefault.id}`)).statusCode).toBe(204);
    });
  });

  describe('list', () => {
    it('pages with totals, filters by use case and name, and walks cursors', async () => {
      const account = await t().createAccount(`list-${dialect}`);
      for (let i = 1; i <= 5; i += 1) {
        const res = await t().request('POST', BASE, { key: account.apiKey, body: { ...VALID, name: `Listed ${i}`, useCase: i % 2 === 0 ? 'training' : 'admissions' } });
        expect(res.statusCode).toBe(201);
      }
      const page = await t().request('GET', BASE, { key: account.apiKey, query: { page: 1, pageSize: 3 } });
      expect(page.body.meta).toEqual({ page: 1, pageSize: 3, total: 9, totalPages: 3 });
      expect(page.body.data[0].name).toBe('Listed 5');
      const training = await t().request('GET', BASE, { key: account.apiKey, query: { useCase: 'training' } });
      expect(training.body.data.map((p: { name: string }) => p.name)).toEqual(['Listed 4', 'Listed 2', 'Student Practice Coach']);
      expect(training.body.meta.total).toBe(3);
      const q = await t().request('GET', BASE, { key: account.apiKey, query: { q: 'listed' } });
      expect(q.body.meta.total).toBe(5);
      const seen: string[] = [];
      let cursor: string | undefined;
      for (;;) {
        const res = await t().request('GET', BASE, { key: account.apiKey, query: { limit: 4, ...(cursor !== undefined ? { cursor } : {}) } });
        seen.push(...res.body.data.map((p: { id: string }) => p.id));
        if (!res.body.meta.has_more) break;
        cursor = res.body.meta.next_cursor;
      }
      expect(new Set(seen).size).toBe(9);
    });
  });

  describe('stages and templates name agent profiles', () => {
    it('stores agent_profile_id, pass_threshold and automation_rule on stages and the template default', async () => {
      const profile = await createProfile(t(), { ...VALID, name: 'For stages' });
      const created = await t().request('POST', '/api/v1/evaluation-templates', {
        body: {
          template_name: 'Interviewed',
          agent_profile_id: profile.id,
          stages: [
            { type: 'screen', stage_name: 'Screen', pass_threshold: 6.5, automation_rule: 'auto_advance' },
            { type: 'technical', stage_name: 'Technical', agent_profile_id: profile.id, automation_rule: 'require_reviewer_approval' },
          ],
        },
      });
      expect(created.statusCode, JSON.stringify(created.body)).toBe(201);
      const template = created.body.data;
      expect(template.agent_profile_id).toBe(profile.id);
      expect(template.stages.map((s: Record<string, unknown>) => [s['type'], s['agent_profile_id'], s['pass_threshold'], s['automation_rule']])).toEqual([
        ['screen', null, 6.5, 'auto_advance'],
        ['technical', profile.id, 7, 'require_reviewer_approval'],
      ]);

      const added = await t().request('POST', `/api/v1/evaluation-templates/${template.id}/stages`, {
        body: { type: 'final', stage_name: 'Final', agent_profile_id: profile.id, pass_threshold: 8.25 },
      });
      expect(added.statusCode).toBe(201);
      expect(added.body.data).toMatchObject({ agent_profile_id: profile.id, pass_threshold: 8.25, automation_rule: 'none' });

      const patched = await t().request('PATCH', `/api/v1/evaluation-stages/${added.body.data.id}`, {
        body: { agent_profile_id: null, pass_threshold: 0, automation_rule: 'auto_advance' },
      });
      expect(patched.statusCode).toBe(200);
      expect(patched.body.data).toMatchObject({ agent_profile_id: null, pass_threshold: 0, automation_rule: 'auto_advance' });

      const implicit = await t().request('POST', '/api/v1/evaluation-templates', { body: { template_name: 'Implicit' } });
      expect(implicit.body.data.agent_profile_id).toBeNull();
      expect(implicit.body.data.stages[0]).toMatchObject({ implicit: true, agent_profile_id: null, pass_threshold: 7, automation_rule: 'none' });
    });

    it("refuses another account's or an unknown profile (404), bad thresholds and rules (400), and writes nothing", async () => {
      const other = await t().createAccount(`theirs-${dialect}`);
      const theirs = await t().request('POST', BASE, { key: other.apiKey, body: VALID });
      const theirId = String(theirs.body.data.id);
      const before = (await t().request('GET', '/api/v1/evaluation-templates')).body.meta.total;

      const withTheirs = await t().request('POST', '/api/v1/evaluation-templates', {
        body: { template_name: 'Nope', stages: [{ type: 'screen', stage_name: 'Screen', agent_profile_id: theirId }] },
      });
      expect(withTheirs.statusCode).toBe(404);
      expect(JSON.stringify(withTheirs.body)).not.toContain(theirId);
      const defaultTheirs = await t().request('POST', '/api/v1/evaluation-templates', { body: { template_name: 'Nope', agent_profile_id: theirId } });
      expect(defaultTheirs.statusCode).toBe(404);
      expect((await t().request('GET', '/api/v1/evaluation-templates')).body.meta.total).toBe(before);

      const template = await t().request('POST', '/api/v1/evaluation-templates', { body: { template_name: 'Mine', stages: [{ type: 'screen', stage_name: 'S' }] } });
      const stageId = template.body.data.stages[0].id;
      expect((await t().request('PATCH', `/api/v1/evaluation-stages/${stageId}`, { body: { agent_profile_id: theirId } })).statusCode).toBe(404);
      expect((await t().request('PATCH', `/api/v1/evaluation-templates/${template.body.data.id}`, { body: { agent_profile_id: theirId } })).statusCode).toBe(404);
      expect((await t().request('POST', `/api/v1/evaluation-templates/${template.body.data.id}/stages`, { body: { type: 'x', stage_name: 'X', agent_profile_id: theirId } })).statusCode).toBe(404);
      const stages = await t().request('GET', `/api/v1/evaluation-templates/${template.body.data.id}/stages`);
      expect(stages.body.data.map((s: { type: string; agent_profile_id: string | null }) => [s.type, s.agent_profile_id])).toEqual([['screen', null]]);

      for (const [body, path] of [
        [{ pass_threshold: 10.5 }, 'pass_threshold'],
        [{ pass_threshold: -1 }, 'pass_threshold'],
        [{ pass_threshold: '7' }, 'pass_threshold'],
        [{ automation_rule: 'always' }, 'automation_rule'],
        [{ agent_profile_id: 'not-a-uuid' }, 'agent_profile_id'],
      ] as const) {
        const res = await t().request('PATCH', `/api/v1/evaluation-stages/${stageId}`, { body });
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.body.issues[0].path).toBe(path);
      }
    });
  });

  describe('migration', () => {
    it('gives accounts that existed before it the starter profiles', async () => {
      const { handle, schema, dispose } = await createEmptyDatabase(dialect);
      try {
        const db = handle.db;
        const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(schema === undefined ? {} : { migrationTableSchema: schema }) });
        expect((await migrator.migrateTo('0003-platform')).error).toBeUndefined();
        const now = '2030-01-01T00:00:00.000Z';
        await sql`insert into accounts (id, slug, name, created_at, updated_at) values ('acc', 'legacy', 'Legacy', ${now}, ${now})`.execute(db);
        await sql`insert into evaluation_templates (id, account_id, template_name, use_case, success_outcome, status, skills, soft_skills,
            default_duration_minutes, default_difficulty, created_at, updated_at)
          values ('tpl', 'acc', 'Old', 'hiring', 'hire_no_hire', 'active', '[]', '[]', 30, 'intermediate', ${now}, ${now})`.execute(db);
        await sql`insert into evaluation_stages (id, account_id, template_id, type, stage_name, stage_order, created_at, updated_at)
          values ('stg', 'acc', 'tpl', 'screen', 'Screen', 1, ${now}, ${now})`.execute(db);
        expect((await migrator.migrateToLatest()).error).toBeUndefined();
        const rows = await db.selectFrom('agent_profiles').select(['name', 'starter', 'evaluation_dimensions', 'created_at']).where('account_id', '=', 'acc').execute();
        expect(rows.map((r) => r.name).sort()).toEqual(STARTER_PROFILES.map((s) => s.name).sort());
        expect(rows.every((r) => r.starter === 1)).toBe(true);
        expect(new Set(rows.map((r) => r.created_at)).size).toBe(rows.length);
        // The copy frozen in the migration matches the module's starters as they are today.
        for (const starter of STARTER_PROFILES) {
          const row = rows.find((r) => r.name === starter.name);
          expect(JSON.parse(row?.evaluation_dimensions ?? '[]')).toEqual(starter.evaluationDimensions);
        }
        // Existing stages get the defaults.
        const columns = await db.selectFrom('evaluation_stages').select(['pass_threshold_centi', 'automation_rule', 'agent_profile_id']).execute();
        expect(columns).toEqual([{ pass_threshold_centi: 700, automation_rule: 'none', agent_profile_id: null }]);
        const template = await db.selectFrom('evaluation_templates').select('agent_profile_id').executeTakeFirstOrThrow();
        expect(template.agent_profile_id).toBeNull();
      } finally {
        await dispose();
      }
    });
  });
});
