import { describe, expect, it } from 'vitest';
import { forEachDatabase } from './helpers/databases.js';
import { useTestApp, type JsonResponse, type TestApp } from './helpers/test-app.js';

const BASE = '/api/v1/participants';
const NO_SUCH_ID = '0190b6a0-0000-7000-8000-000000000000';

async function createTemplate(t: TestApp, name: string, key?: string): Promise<string> {
  const res = await t.request('POST', '/api/v1/evaluation-templates', { body: { template_name: name }, ...(key ? { key } : {}) });
  expect(res.statusCode, JSON.stringify(res.body)).toBe(201);
  return String(res.body.data.id);
}

async function create(t: TestApp, body: Record<string, unknown>): Promise<Record<string, unknown> & { id: string }> {
  const res = await t.request('POST', BASE, { body });
  expect(res.statusCode, JSON.stringify(res.body)).toBe(201);
  return res.body.data;
}

function issuePaths(res: JsonResponse): string[] {
  return (res.body.issues as { path: string }[]).map((i) => i.path);
}

let counter = 0;
function uniqueEmail(prefix = 'person'): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

async function eventsOf(t: TestApp, participantId: string): Promise<{ type: string; data: Record<string, unknown> }[]> {
  const rows = await t.db.handle.db.selectFrom('events').select(['type', 'payload']).where('account_id', '=', t.account.id).orderBy('id').execute();
  return rows
    .map((row) => ({ type: row.type, data: JSON.parse(row.payload) as { participant: { id: string } } }))
    .filter((event) => event.data.participant.id === participantId);
}

forEachDatabase((dialect) => {
  const t = useTestApp(dialect);

  describe('the published examples', () => {
    it('the curl of the published page creates a participant (201 with data.id)', async () => {
      const templateId = await createTemplate(t(), 'Software Engineer — published curl');
      // The body exactly as in the curl, the template id put in.
      const raw = `{
"name": "Jane Smith",
"email": "jane@example.com",
"external_id": "greenhouse-8821",
"evaluation_template_id": "${templateId}",
"profile": { "title": "Software Engineer", "experienceLevel": "senior" }
}`;
      const res = await t().request('POST', `${BASE}?accountSlug=${t().account.slug}`, {
        body: raw,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.statusCode, JSON.stringify(res.body)).toBe(201);
      expect(res.body.data).toMatchObject({
        id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
        name: 'Jane Smith',
        email: 'jane@example.com',
        external_id: 'greenhouse-8821',
        evaluation_template_id: templateId,
        profile: { title: 'Software Engineer', experienceLevel: 'senior' },
        status: 'active',
        tags: [],
        resume: null,
      });
    });

    it('the three use-case bodies (hiring, training, mock interview) are accepted as written', async () => {
      const templateId = await createTemplate(t(), 'Use cases');
      const hiring = {
        name: 'Jane Smith',
        email: 'jane@example.com',
        external_id: 'greenhouse-8821',
        evaluation_template_id: templateId,
        profile: { title: 'Software Engineer', experienceLevel: 'senior' },
        resume_url: 'https://.../jane-resume.pdf',
        tags: ['senior', 'backend'],
      };
      const training = {
        name: 'Carlos Reyes',
        email: 'carlos@yourco.com',
        external_id: 'workday-44120',
        evaluation_template_id: templateId,
        profile: { title: 'Account Executive', organization: 'West Region' },
        tags: ['q3-cohort'],
      };
      const mock = {
        name: 'Priya Patel',
        email: 'priya@student.edu',
        external_id: 'user_98213',
        evaluation_template_id: templateId,
        profile: { title: 'New Grad', experienceLevel: 'entry' },
      };
      for (const body of [hiring, training, mock]) {
        const created = await create(t(), body);
        expect(created).toMatchObject(body);
        const read = await t().request('GET', `${BASE}/${created.id}`);
        expect(read.body).toEqual({ data: created });
      }
      const hired = await t().request('GET', BASE, { query: { external_id: 'greenhouse-8821', evaluation_template_id: templateId } });
      expect(hired.body.data[0]).toMatchObject({ resume_url: 'https://.../jane-resume.pdf', resume: { status: 'pending' } });
    });
  });

  describe('create', () => {
    it('normalises: trims, drops duplicate tags case-insensitively, drops null profile members, lower-cases template ids', async () => {
      const templateId = await createTemplate(t(), 'Normalise');
      const created = await create(t(), {
        name: '  Ada Lovelace ',
        email: ' Ada@Example.COM ',
        evaluation_template_id: templateId.toUpperCase(),
        tags: [' Senior ', 'senior', 'SENIOR', 'remote', ' Remote'],
        profile: { title: ' Engineer ', location: null },
        background: { skills: ['math'], education: null },
        metadata: { source: ' referral ' },
        phone: '+44 20 7946 0000',
      });
      expect(created).toMatchObject({
        name: 'Ada Lovelace',
        email: 'Ada@Example.COM',
        evaluation_template_id: templateId,
        tags: ['Senior', 'remote'],
        profile: { title: 'Engineer' },
        background: { skills: ['math'] },
        metadata: { source: 'referral' },
        phone: '+44 20 7946 0000',
        external_id: null,
        resume_url: null,
        resume: null,
        status: 'active',
      });
      expect(created['created_at']).toBe(created['updated_at']);
    });

    it('refuses a duplicate (account, template, email) with 409 and the existing id; other templates and none are separate', async () => {
      const a = await createTemplate(t(), 'Dup A');
      const b = await createTemplate(t(), 'Dup B');
      const email = uniqueEmail('dup');
      const first = await create(t(), { name: 'First', email, evaluation_template_id: a });
      const again = await t().request('POST', BASE, { body: { name: 'Again', email: ` ${email.toUpperCase()} `, evaluation_template_id: a } });
      expect(again.statusCode).toBe(409);
      expect(again.body).toMatchObject({ code: 'participant_exists', existing_id: first.id });
      expect(typeof again.body.error).toBe('string');
      await create(t(), { name: 'Other template', email, evaluation_template_id: b });
      const none = await create(t(), { name: 'No template', email });
      const noneAgain = await t().request('POST', BASE, { body: { name: 'No template again', email } });
      expect(noneAgain.statusCode).toBe(409);
      expect(noneAgain.body.existing_id).toBe(none.id);
      expect((await eventsOf(t(), first.id)).map((e) => e.type)).toEqual(['participant.created']);
    });

    it('gives exactly one 201 and nineteen 409s to twenty concurrent creates of the same person', async () => {
      const templateId = await createTemplate(t(), 'Concurrent');
      const body = { name: 'Racer', email: uniqueEmail('race'), evaluation_template_id: templateId };
      const results = await Promise.all(Array.from({ length: 20 }, () => t().request('POST', BASE, { body })));
      const created = results.filter((r) => r.statusCode === 201);
      const conflicts = results.filter((r) => r.statusCode === 409);
      expect(created).toHaveLength(1);
      expect(conflicts).toHaveLength(19);
      const id = created[0]?.body.data.id;
      for (const conflict of conflicts) expect(conflict.body).toMatchObject({ code: 'participant_exists', existing_id: id });
      const stored = await t().db.handle.db
        .selectFrom('participants')
        .select('id')
        .where('email_normalized', '=', body.email.toLowerCase())
        .execute();
      expect(stored).toHaveLength(1);
      expect(await eventsOf(t(), String(id))).toHaveLength(1);
    });

    it("refuses a template of another account or none at all with 404", async () => {
      const other = await t().createAccount(`tpl-${dialect}`);
      const theirs = await createTemplate(t(), 'Theirs', other.apiKey);
      for (const templateId of [theirs, NO_SUCH_ID]) {
        const res = await t().request('POST', BASE, { body: { name: 'X', email: uniqueEmail(), evaluation_template_id: templateId } });
        expect(res.statusCode).toBe(404);
        expect(res.body.code).toBe('not_found');
        expect(JSON.stringify(res.body)).not.toContain(theirs);
      }
    });

    it('404s for a template deleted after it was used (the remembered template is not trusted blindly)', async () => {
      const templateId = await createTemplate(t(), 'Short-lived');
      const p = await create(t(), { name: 'Early', email: uniqueEmail('early'), evaluation_template_id: templateId });
      expect((await t().request('DELETE', `${BASE}/${p.id}`)).statusCode).toBe(204);
      expect((await t().request('DELETE', `/api/v1/evaluation-templates/${templateId}`)).statusCode).toBe(204);
      const late = await t().request('POST', BASE, { body: { name: 'Late', email: uniqueEmail('late'), evaluation_template_id: templateId } });
      expect(late.statusCode).toBe(404);
      expect(late.body.code).toBe('not_found');
      const other = await create(t(), { name: 'Other', email: uniqueEmail('other') });
      const moved = await t().request('PATCH', `${BASE}/${other.id}`, { body: { evaluation_template_id: templateId } });
      expect(moved.statusCode).toBe(404);
    });

    it('replays a create with the same Idempotency-Key', async () => {
      const body = { name: 'Idem', email: uniqueEmail('idem') };
      const headers = { 'idempotency-key': `create-${dialect}-${counter}` };
      const first = await t().request('POST', BASE, { body, headers });
      const second = await t().request('POST', BASE, { body, headers });
      expect(first.statusCode).toBe(201);
      expect(second.statusCode).toBe(201);
      expect(second.body.data.id).toBe(first.body.data.id);
      expect(second.headers['idempotent-replayed']).toBe('true');
    });
  });

  describe('validation', () => {
    const valid = () => ({ name: 'Valid Person', email: uniqueEmail('valid') });
    const long = (n: number) => 'x'.repeat(n);
    const cases: [string, Record<string, unknown>, string][] = [
      ['name missing', { name: undefined }, 'name'],
      ['name empty after trimming', { name: '   ' }, 'name'],
      ['name too long', { name: long(201) }, 'name'],
      ['name not a string', { name: 42 }, 'name'],
      ['name with a control character', { name: 'Ada\u0007Lovelace' }, 'name'],
      ['name with a newline', { name: 'Ada\nLovelace' }, 'name'],
      ['email missing', { email: undefined }, 'email'],
      ['email invalid', { email: 'not-an-email' }, 'email'],
      ['email without domain', { email: 'jane@' }, 'email'],
      ['email too long', { email: `${long(250)}@example.com` }, 'email'],
      ['email not a string', { email: ['a@b.co'] }, 'email'],
      ['template id not a uuid', { evaluation_template_id: 'ce1cd564-...' }, 'evaluation_template_id'],
      ['external_id too long', { external_id: long(256) }, 'external_id'],
      ['external_id with control characters', { external_id: 'a\u0000b' }, 'external_id'],
      ['external_id a number', { external_id: 8821 }, 'external_id'],
      ['phone too long', { phone: '1'.repeat(41) }, 'phone'],
      ['too many tags', { tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }, 'tags'],
      ['an empty tag', { tags: ['ok', '  '] }, 'tags.1'],
      ['a tag too long', { tags: [long(65)] }, 'tags.0'],
      ['a tag with a CSV separator', { tags: ['a;b'] }, 'tags.0'],
      ['a tag not a string', { tags: [1] }, 'tags.0'],
      ['tags not a list', { tags: 'senior' }, 'tags'],
      ['an unknown profile field', { profile: { title: 'x', salary: '1' } }, 'profile.salary'],
      ['a profile field too long', { profile: { title: long(201) } }, 'profile.title'],
      ['a profile field not a string', { profile: { experienceLevel: 3 } }, 'profile.experienceLevel'],
      ['background skills not a list', { background: { skills: 'go' } }, 'background.skills'],
      ['an unknown background field', { background: { hobbies: [] } }, 'background.hobbies'],
      ['resume_url not http(s)', { resume_url: 'ftp://files.example.com/cv.pdf' }, 'resume_url'],
      ['resume_url javascript:', { resume_url: 'javascript:alert(1)' }, 'resume_url'],
      ['resume_url not a URL', { resume_url: 'my resume' }, 'resume_url'],
      ['resume_url too long', { resume_url: `https://example.com/${long(2040)}` }, 'resume_url'],
      ['metadata with 51 keys', { metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) }, 'metadata'],
      ['a metadata key too long', { metadata: { [long(41)]: 'v' } }, 'metadata'],
      ['a metadata value too long', { metadata: { k: long(501) } }, 'metadata.k'],
      ['a metadata value not a string', { metadata: { k: 1 } }, 'metadata.k'],
      ['a nested metadata object', { metadata: { k: { nested: 'x' } } }, 'metadata.k'],
      ['metadata a list', { metadata: ['a'] }, 'metadata'],
      ['status unknown', { status: 'deleted' }, 'status'],
      ['an unknown field (typo)', { emial: 'a@b.co' }, 'emial'],
      ['accountSlug in the body', { accountSlug: 'acme' }, 'accountSlug'],
    ];
    for (const [what, change, path] of cases) {
      it(`400 for ${what}`, async () => {
        const body: Record<string, unknown> = { ...valid(), ...change };
        for (const [k, v] of Object.entries(change)) if (v === undefined) delete body[k];
        const res = await t().request('POST', BASE, { body });
        expect(res.statusCode, JSON.stringify(res.body)).toBe(400);
        expect(res.body.code).toBe('validation_failed');
        expect(issuePaths(res)).toContain(path);
      });
    }

    it('lists every bad field at once', async () => {
      const res = await t().request('POST', BASE, { body: { name: '', email: 'nope', phone: 5, status: 'x', extra: true } });
      expect(res.statusCode).toBe(400);
      expect(issuePaths(res)).toEqual(expect.arrayContaining(['name', 'email', 'phone', 'status', 'extra']));
    });

    it('rejects __proto__ keys in metadata (and anywhere) with 400, polluting nothing', async () => {
      for (const raw of [
        `{"name":"P","email":"${uniqueEmail()}","metadata":{"__proto__":"x"}}`,
        `{"name":"P","email":"${uniqueEmail()}","metadata":{"__proto__":{"polluted":"yes"}}}`,
        `{"name":"P","email":"${uniqueEmail()}","__proto__":{"polluted":"yes"}}`,
        `{"name":"P","email":"${uniqueEmail()}","metadata":{"constructor":{"prototype":{"polluted":"yes"}}}}`,
      ]) {
        const res = await t().request('POST', BASE, { body: raw, headers: { 'content-type': 'application/json' } });
        expect(res.statusCode, raw).toBe(400);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }
    });

    it('accepts ordinary keys that name Object members as plain metadata', async () => {
      const created = await create(t(), { ...valid(), metadata: { constructor: 'x', toString: 'y', hasOwnProperty: 'z' } });
      expect(created['metadata']).toEqual({ constructor: 'x', toString: 'y', hasOwnProperty: 'z' });
    });

    it('refuses a body that is not JSON with 400, or not JSON at all with 415', async () => {
      const bad = await t().request('POST', BASE, { body: '{"name":', headers: { 'content-type': 'application/json' } });
      expect(bad.statusCode).toBe(400);
      const text = await t().request('POST', BASE, { body: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(text.statusCode).toBe(415);
    });

    it('validates ids in paths and filters in query strings', async () => {
      expect((await t().request('GET', `${BASE}/not-a-uuid`)).statusCode).toBe(400);
      expect((await t().request('GET', BASE, { query: { status: 'gone' } })).statusCode).toBe(400);
      expect((await t().request('GET', BASE, { query: { created_after: 'yesterday' } })).statusCode).toBe(400);
      expect((await t().request('GET', BASE, { query: { evaluation_template_id: 'x' } })).statusCode).toBe(400);
      expect((await t().request('GET', BASE, { query: { pageSize: 101 } })).statusCode).toBe(400);
      expect((await t().request('GET', BASE, { query: { page: 2, limit: 10 } })).statusCode).toBe(400);
      expect((await t().request('GET', BASE, { query: { unknown: 'x' } })).statusCode).toBe(400);
    });
  });

  describe('read, update and delete', () => {
    it('PATCH replaces tags, profile and metadata, and null clears optional fields', async () => {
      const templateId = await createTemplate(t(), 'Patch');
      const p = await create(t(), {
        name: 'Patchy',
        email: uniqueEmail('patch'),
        evaluation_template_id: templateId,
        external_id: 'ext-1',
        phone: '123',
        tags: ['old-a', 'old-b'],
        profile: { title: 'Engineer', location: 'Lisbon' },
        background: { skills: ['go'] },
        metadata: { a: '1', b: '2' },
        resume_url: 'https://files.example.com/a.pdf',
      });
      const replaced = await t().request('PATCH', `${BASE}/${p.id}`, {
        body: { tags: ['New', 'new', 'old-a'], profile: { organization: 'Acme' }, metadata: { c: '3' } },
      });
      expect(replaced.statusCode, JSON.stringify(replaced.body)).toBe(200);
      expect(replaced.body.data).toMatchObject({
        tags: ['New', 'old-a'],
        profile: { organization: 'Acme' },
        metadata: { c: '3' },
        background: { skills: ['go'] },
        external_id: 'ext-1',
        resume: { status: 'pending' },
      });
      expect(replaced.body.data.updated_at >= String(p['updated_at'])).toBe(true);
      const byOldTag = await t().request('GET', BASE, { query: { tag: 'old-b' } });
      expect(byOldTag.body.data.map((x: { id: string }) => x.id)).not.toContain(p.id);
      const byNewTag = await t().request('GET', BASE, { query: { tag: 'NEW' } });
      expect(byNewTag.body.data.map((x: { id: string }) => x.id)).toContain(p.id);

      const cleared = await t().request('PATCH', `${BASE}/${p.id}`, {
        body: {
          evaluation_template_id: null,
          external_id: null,
          phone: null,
          tags: null,
          profile: null,
          background: null,
          metadata: null,
          resume_url: null,
          status: 'archived',
        },
      });
      expect(cleared.statusCode).toBe(200);
      expect(cleared.body.data).toMatchObject({
        evaluation_template_id: null,
        external_id: null,
        phone: null,
        tags: [],
        profile: null,
        background: null,
        metadata: {},
        resume_url: null,
        resume: null,
        status: 'archived',
        name: 'Patchy',
      });
      expect((await t().request('GET', `${BASE}/${p.id}`)).body.data).toEqual(cleared.body.data);
      const events = await eventsOf(t(), p.id);
      expect(events.map((e) => e.type)).toEqual(['participant.created', 'participant.updated', 'participant.updated']);
      expect(events[2]?.data['participant']).toEqual(cleared.body.data);
    });

    it('PATCH to a new resume_url sets the resume back to pending; an unchanged one keeps it', async () => {
      const p = await create(t(), { name: 'Resume', email: uniqueEmail('cv'), resume_url: 'https://files.example.com/1.pdf' });
      // What the resume job will do once it has read the file.
      const stored = await t().db.handle.db.selectFrom('participants').select('doc').where('id', '=', p.id).executeTakeFirstOrThrow();
      const doc = { ...JSON.parse(stored.doc), resume: { status: 'ready' } };
      await t().db.handle.db.updateTable('participants').set({ doc: JSON.stringify(doc) }).where('id', '=', p.id).execute();
      const same = await t().request('PATCH', `${BASE}/${p.id}`, { body: { resume_url: 'https://files.example.com/1.pdf' } });
      expect(same.body.data.resume).toEqual({ status: 'ready' });
      const changed = await t().request('PATCH', `${BASE}/${p.id}`, { body: { resume_url: 'https://files.example.com/2.pdf' } });
      expect(changed.body.data.resume).toEqual({ status: 'pending' });
    });

    it('PATCH that would duplicate another participant is 409 with its id, and changes nothing', async () => {
      const templateId = await createTemplate(t(), 'Collide');
      const email = uniqueEmail('taken');
      const holder = await create(t(), { name: 'Holder', email, evaluation_template_id: templateId });
      const mover = await create(t(), { name: 'Mover', email: uniqueEmail('mover'), evaluation_template_id: templateId });
      const res = await t().request('PATCH', `${BASE}/${mover.id}`, { body: { email: email.toUpperCase(), name: 'Renamed' } });
      expect(res.statusCode).toBe(409);
      expect(res.body).toMatchObject({ code: 'participant_exists', existing_id: holder.id });
      expect((await t().request('GET', `${BASE}/${mover.id}`)).body.data.name).toBe('Mover');
      expect((await eventsOf(t(), mover.id)).map((e) => e.type)).toEqual(['participant.created']);
      // Moving to no template where the email is free works; the same email in two templates is fine.
      const moved = await t().request('PATCH', `${BASE}/${holder.id}`, { body: { evaluation_template_id: null } });
      expect(moved.statusCode).toBe(200);
    });

    it('PATCH validates: empty body, null name, unknown template, unknown participant', async () => {
      const p = await create(t(), { name: 'Valid', email: uniqueEmail() });
      expect((await t().request('PATCH', `${BASE}/${p.id}`, { body: {} })).statusCode).toBe(400);
      expect((await t().request('PATCH', `${BASE}/${p.id}`, { body: { name: null } })).statusCode).toBe(400);
      expect((await t().request('PATCH', `${BASE}/${p.id}`, { body: { email: null } })).statusCode).toBe(400);
      expect((await t().request('PATCH', `${BASE}/${p.id}`, { body: { evaluation_template_id: NO_SUCH_ID } })).statusCode).toBe(404);
      expect((await t().request('PATCH', `${BASE}/${NO_SUCH_ID}`, { body: { name: 'x' } })).statusCode).toBe(404);
    });

    it('DELETE removes the participant and its tags, writes the event, then 404s', async () => {
      const p = await create(t(), { name: 'Gone', email: uniqueEmail('gone'), external_id: 'ext-gone', tags: ['bye'] });
      const del = await t().request('DELETE', `${BASE}/${p.id}`);
      expect(del.statusCode).toBe(204);
      expect(del.body).toBe('');
      expect((await t().request('GET', `${BASE}/${p.id}`)).statusCode).toBe(404);
      expect((await t().request('PATCH', `${BASE}/${p.id}`, { body: { name: 'x' } })).statusCode).toBe(404);
      expect((await t().request('DELETE', `${BASE}/${p.id}`)).statusCode).toBe(404);
      const tags = await t().db.handle.db.selectFrom('participant_tags').selectAll().where('participant_id', '=', p.id).execute();
      expect(tags).toEqual([]);
      const events = await eventsOf(t(), p.id);
      expect(events.map((e) => e.type)).toEqual(['participant.created', 'participant.deleted']);
      expect(events[1]?.data['participant']).toMatchObject({ id: p.id, external_id: 'ext-gone' });
    });

    it('writes events with the evt_ id, the snapshot and external_id', async () => {
      const p = await create(t(), { name: 'Evented', email: uniqueEmail('evt'), external_id: 'ats-77' });
      const rows = await t().db.handle.db.selectFrom('events').selectAll().where('account_id', '=', t().account.id).execute();
      const row = rows.find((r) => r.payload.includes(p.id));
      expect(row).toMatchObject({ type: 'participant.created', id: expect.stringMatching(/^evt_[0-9a-f]{32}$/) });
      expect(JSON.parse(String(row?.payload))).toEqual({ participant: p });
    });

    it("answers 404 for another account's participant on every route, and never lists it", async () => {
      const other = await t().createAccount(`x-${dialect}`);
      const res = await t().request('POST', BASE, { key: other.apiKey, body: { name: 'Theirs', email: 'theirs@example.com', tags: ['shared'] } });
      const id = String(res.body.data.id);
      expect((await t().request('GET', `${BASE}/${id}`)).statusCode).toBe(404);
      expect((await t().request('PATCH', `${BASE}/${id}`, { body: { name: 'Mine now' } })).statusCode).toBe(404);
      expect((await t().request('DELETE', `${BASE}/${id}`)).statusCode).toBe(404);
      for (const query of [{}, { tag: 'shared' }, { email: 'theirs@example.com' }, { q: 'theirs' }]) {
        const list = await t().request('GET', BASE, { query: { ...query, pageSize: 100 } });
        expect(JSON.stringify(list.body)).not.toContain(id);
      }
      const exported = await t().request('GET', `${BASE}/export`);
      expect(exported.body).not.toContain(id);
      expect((await t().request('GET', `${BASE}/${id}`, { key: other.apiKey })).body.data.name).toBe('Theirs');
    });

    it('a template with participants cannot be deleted (409 template_in_use); without them it can', async () => {
      const templateId = await createTemplate(t(), 'In use');
      const p = await create(t(), { name: 'User', email: uniqueEmail('use'), evaluation_template_id: templateId });
      const refused = await t().request('DELETE', `/api/v1/evaluation-templates/${templateId}`);
      expect(refused.statusCode).toBe(409);
      expect(refused.body.code).toBe('template_in_use');
      expect((await t().request('DELETE', `${BASE}/${p.id}`)).statusCode).toBe(204);
      expect((await t().request('DELETE', `/api/v1/evaluation-templates/${templateId}`)).statusCode).toBe(204);
    });
  });
});
