import { describe, expect, it } from 'vitest';
import { forEachDatabase } from './helpers/databases.js';
import { useTestApp, type TestAccount, type TestApp } from './helpers/test-app.js';

const BASE = '/api/v1/participants';

interface Seeded {
  account: TestAccount;
  ids: string[];
}

/** A fresh account with `count` participants (one bulk create), so event counts are its own. */
async function seed(t: TestApp, slug: string, count: number, extra: (i: number) => Record<string, unknown> = () => ({})): Promise<Seeded> {
  const account = await t.createAccount(slug);
  const participants = Array.from({ length: count }, (_, i) => ({ name: `Person ${i}`, email: `p${i}@${slug}.test`, ...extra(i) }));
  const res = await t.request('POST', `${BASE}/bulk`, { key: account.apiKey, body: { participants } });
  expect(res.statusCode, JSON.stringify(res.body)).toBe(200);
  expect(res.body.data.created).toBe(count);
  return { account, ids: res.body.data.results.map((r: { id: string }) => r.id) };
}

async function eventsOf(t: TestApp, accountId: string): Promise<{ event: string; data: { participant: Record<string, unknown> } }[]> {
  return (await t.services.events.list(t.db.handle.db, accountId, { limit: 10_000 })) as never;
}

async function get(t: TestApp, account: TestAccount, id: string) {
  return (await t.request('GET', `${BASE}/${id}`, { key: account.apiKey })).body.data;
}

forEachDatabase((dialect) => {
  const t = useTestApp(dialect);
  let n = 0;
  const slug = () => `bulk-${dialect}-${(n += 1)}`;

  describe('POST /participants/bulk-update', () => {
    it('archives 60 participants in one call, each with its participant.updated event; a repeat changes nothing', async () => {
      const { account, ids } = await seed(t(), slug(), 60);
      const before = (await eventsOf(t(), account.id)).length;
      const res = await t().request('POST', `${BASE}/bulk-update`, { key: account.apiKey, body: { ids, changes: { status: 'archived' } } });
      expect(res.statusCode, JSON.stringify(res.body)).toBe(200);
      expect(res.body.data).toMatchObject({ changed: 60, unchanged: 0, not_found: 0, failed: 0 });
      expect(res.body.data.results).toEqual(ids.map((id, index) => ({ index, id, status: 'updated' })));
      const events = (await eventsOf(t(), account.id)).slice(before);
      expect(events).toHaveLength(60);
      expect(events.every((e) => e.event === 'participant.updated' && e.data.participant['status'] === 'archived')).toBe(true);
      expect(new Set(events.map((e) => e.data.participant['id']))).toEqual(new Set(ids));
      const listed = await t().request('GET', BASE, { key: account.apiKey, query: { status: 'archived', pageSize: 100 } });
      expect(listed.body.meta.total).toBe(60);

      const again = await t().request('POST', `${BASE}/bulk-update`, { key: account.apiKey, body: { ids, changes: { status: 'archived' } } });
      expect(again.body.data).toMatchObject({ changed: 0, unchanged: 60 });
      expect(await eventsOf(t(), account.id)).toHaveLength(before + 60);

      const back = await t().request('POST', `${BASE}/bulk-update`, { key: account.apiKey, body: { ids: ids.slice(0, 10), changes: { status: 'active' } } });
      expect(back.body.data.changed).toBe(10);
      expect((await get(t(), account, ids[0] ?? '')).status).toBe('active');
    });

    it('adds and removes tags (case-insensitive), and the tag filter sees the change', async () => {
      const { account, ids } = await seed(t(), slug(), 5, (i) => ({ tags: i < 3 ? ['Backlog', 'remote'] : ['remote'] }));
      const res = await t().request('POST', `${BASE}/bulk-update`, {
        key: account.apiKey,
        body: { ids, changes: { add_tags: ['Q3 cohort', 'REMOTE'], remove_tags: ['backlog'] } },
      });
      expect(res.statusCode, JSON.stringify(res.body)).toBe(200);
      expect(res.body.data.changed).toBe(5);
      for (const id of ids) expect((await get(t(), account, id)).tags).toEqual(['remote', 'Q3 cohort']);
      const tagged = await t().request('GET', BASE, { key: account.apiKey, query: { tag: 'q3 cohort', pageSize: 100 } });
      expect(tagged.body.meta.total).toBe(5);
      const backlog = await t().request('GET', BASE, { key: account.apiKey, query: { tag: 'backlog' } });
      expect(backlog.body.meta.total).toBe(0);
    });

    it('refuses to push a participant past 50 tags, and changes the others', async () => {
      const many = Array.from({ length: 50 }, (_, i) => `t${i}`);
      const { account, ids } = await seed(t(), slug(), 2, (i) => ({ tags: i === 0 ? many : [] }));
      const res = await t().request('POST', `${BASE}/bulk-update`, { key: account.apiKey, body: { ids, changes: { add_tags: ['one-more'] } } });
      expect(res.body.data).toMatchObject({ changed: 1, failed: 1 });
      expect(res.body.data.results[0]).toMatchObject({ status: 'failed', issues: [{ path: 'tags', code: 'too_long' }] });
      expect((await get(t(), account, ids[0] ?? '')).tags).toHaveLength(50);
    });

    it('moves participants to a template; a move that would duplicate an email there fails with existing_id', async () => {
      const { account, ids } = await seed(t(), slug(), 3);
      const template = await t().request('POST', '/api/v1/evaluation-templates', { key: account.apiKey, body: { template_name: 'Target' } });
      const templateId = String(template.body.data.id);
      // Already in the target with the email of the first participant.
      const holder = await t().request('POST', BASE, {
        key: account.apiKey,
        body: { name: 'Holder', email: 'P0@' + account.slug + '.test', evaluation_template_id: templateId },
      });
      const res = await t().request('POST', `${BASE}/bulk-update`, {
        key: account.apiKey,
        body: { ids: [...ids, holder.body.data.id], changes: { evaluation_template_id: templateId } },
      });
      expect(res.statusCode, JSON.stringify(res.body)).toBe(200);
      expect(res.body.data).toMatchObject({ changed: 2, unchanged: 1, failed: 1 });
      expect(res.body.data.results[0]).toMatchObject({ status: 'failed', existing_id: holder.body.data.id, issues: [{ code: 'duplicate' }] });
      expect(res.body.data.results[3]).toMatchObject({ status: 'unchanged' });
      expect((await get(t(), account, ids[0] ?? '')).evaluation_template_id).toBeNull();
      expect((await get(t(), account, ids[1] ?? '')).evaluation_template_id).toBe(templateId);

      // Two participants with one email moved into the same template: the first wins.
      const a = await t().request('POST', BASE, { key: account.apiKey, body: { name: 'Twin A', email: 'twin@x.test' } });
      const other = await t().request('POST', '/api/v1/evaluation-templates', { key: account.apiKey, body: { template_name: 'Other' } });
      const b = await t().request('POST', BASE, { key: account.apiKey, body: { name: 'Twin B', email: 'twin@x.test', evaluation_template_id: other.body.data.id } });
      const twins = await t().request('POST', `${BASE}/bulk-update`, {
        key: account.apiKey,
        body: { ids: [a.body.data.id, b.body.data.id], changes: { evaluation_template_id: templateId } },
      });
      expect(twins.body.data.results.map((r: { status: string }) => r.status)).toEqual(['updated', 'failed']);
      expect(twins.body.data.results[1].existing_id).toBe(a.body.data.id);

      // Back to no template.
      const none = await t().request('POST', `${BASE}/bulk-update`, { key: account.apiKey, body: { ids: ids.slice(1), changes: { evaluation_template_id: null } } });
      expect(none.body.data.changed).toBe(2);
    });

    it("answers 404 for another account's template, and reports other accounts' and unknown ids as not_found", async () => {
      const mine = await seed(t(), slug(), 2);
      const theirs = await seed(t(), slug(), 1);
      const template = await t().request('POST', '/api/v1/evaluation-templates', { key: theirs.account.apiKey, body: { template_name: 'Theirs' } });
      const moved = await t().request('POST', `${BASE}/bulk-update`, {
        key: mine.account.apiKey,
        body: { ids: mine.ids, changes: { evaluation_template_id: template.body.data.id } },
      });
      expect(moved.statusCode).toBe(404);

      const unknown = '0190b6a0-0000-7000-8000-000000000000';
      const theirId = theirs.ids[0] ?? '';
      const res = await t().request('POST', `${BASE}/bulk-update`, {
        key: mine.account.apiKey,
        body: { ids: [mine.ids[0], theirId, unknown, mine.ids[0]?.toUpperCase()], changes: { status: 'archived' } },
      });
      expect(res.body.data).toMatchObject({ changed: 1, not_found: 2 });
      expect(res.body.data.results.map((r: { status: string }) => r.status)).toEqual(['updated', 'not_found', 'not_found', 'updated']);
      expect((await get(t(), theirs.account, theirId)).status).toBe('active');
    });

    it('refuses more than 500 ids, no ids, no change and unknown fields with 400, changing nothing', async () => {
      const { account, ids } = await seed(t(), slug(), 1);
      const tooMany = Array.from({ length: 501 }, () => ids[0]);
      for (const body of [
        { ids: tooMany, changes: { status: 'archived' } },
        { ids: [], changes: { status: 'archived' } },
        { ids, changes: {} },
        { ids, changes: { status: 'archived', name: 'x' } },
        { ids, changes: { add_tags: ['a;b'] } },
        { ids: ['not-a-uuid'], changes: { status: 'archived' } },
      ]) {
        const res = await t().request('POST', `${BASE}/bulk-update`, { key: account.apiKey, body });
        expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
        expect(res.body.code).toBe('validation_failed');
      }
      expect((await get(t(), account, ids[0] ?? '')).status).toBe('active');
    });
  });

  describe('POST /participants/bulk-delete', () => {
    it('needs candidates.delete, deletes each with its participant.deleted event, reports unknown ids', async () => {
      const { account, ids } = await seed(t(), slug(), 4);
      const writer = await t().createKey(['candidates.read', 'candidates.write'], account.id);
      const refused = await t().request('POST', `${BASE}/bulk-delete`, { key: writer, body: { ids } });
      expect(refused.statusCode).toBe(403);
      expect(refused.body.code).toBe('missing_scope');

      const before = (await eventsOf(t(), account.id)).length;
      const unknown = '0190b6a0-0000-7000-8000-000000000001';
      const res = await t().request('POST', `${BASE}/bulk-delete`, { key: account.apiKey, body: { ids: [...ids.slice(0, 3), unknown] } });
      expect(res.statusCode, JSON.stringify(res.body)).toBe(200);
      expect(res.body.data).toMatchObject({ changed: 3, not_found: 1 });
      expect(res.body.data.results.map((r: { status: string }) => r.status)).toEqual(['deleted', 'deleted', 'deleted', 'not_found']);
      const events = (await eventsOf(t(), account.id)).slice(before);
      expect(events.map((e) => e.event)).toEqual(['participant.deleted', 'participant.deleted', 'participant.deleted']);
      expect(new Set(events.map((e) => e.data.participant['id']))).toEqual(new Set(ids.slice(0, 3)));
      const left = await t().request('GET', BASE, { key: account.apiKey });
      expect(left.body.data.map((p: { id: string }) => p.id)).toEqual([ids[3]]);
    });
  });

  describe('POST /participants/bulk-export', () => {
    it('exports the chosen participants as CSV, newest first, leaving out unknown ids', async () => {
      const { account, ids } = await seed(t(), slug(), 5, (i) => ({ tags: [`t${i}`] }));
      const res = await t().request('POST', `${BASE}/bulk-export`, {
        key: account.apiKey,
        body: { ids: [ids[1], ids[3], '0190b6a0-0000-7000-8000-000000000002'] },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      const lines = String(res.body).trim().split(/\r?\n/);
      expect(lines[0]).toContain('name,email');
      expect(lines).toHaveLength(3);
      expect(lines.slice(1).map((l) => l.split(',')[1]).sort()).toEqual([`p1@${account.slug}.test`, `p3@${account.slug}.test`]);
    });
  });
});
