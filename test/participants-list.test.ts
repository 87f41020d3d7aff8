import { beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../src/lib/clock.js';
import { forEachDatabase } from './helpers/databases.js';
import { useTestApp, type TestApp } from './helpers/test-app.js';

const BASE = '/api/v1/participants';

/** A clock the test moves: every participant gets a known created_at. */
class ManualClock implements Clock {
  private ms = Date.parse('2030-01-01T00:00:00.000Z');
  now(): Date {
    return new Date(this.ms);
  }
  advance(minutes = 1): string {
    this.ms += minutes * 60_000;
    return new Date(this.ms).toISOString();
  }
}

type Query = Record<string, string | number | string[] | undefined>;

forEachDatabase((dialect) => {
  const clock = new ManualClock();
  const t = useTestApp(dialect, { clock });
  const ids: Record<string, string> = {};
  const created: Record<string, string> = {};
  let templateA = '';
  let templateB = '';
  let updatedAt = '';

  async function add(t: TestApp, key: string, body: Record<string, unknown>): Promise<void> {
    created[key] = clock.advance();
    const res = await t.request('POST', BASE, { body });
    expect(res.statusCode, JSON.stringify(res.body)).toBe(201);
    ids[key] = String(res.body.data.id);
  }

  /** The keys of the participants a query returns, in order. */
  async function keysOf(query: Query): Promise<string[]> {
    const res = await t().request('GET', BASE, { query: { pageSize: 100, ...query } });
    expect(res.statusCode, JSON.stringify(res.body)).toBe(200);
    const byId = new Map(Object.entries(ids).map(([k, v]) => [v, k]));
    return (res.body.data as { id: string }[]).map((p) => byId.get(p.id) ?? p.id);
  }

  beforeAll(async () => {
    const tpl = async (name: string) => String((await t().request('POST', '/api/v1/evaluation-templates', { body: { template_name: name } })).body.data.id);
    templateA = await tpl('Template A');
    templateB = await tpl('Template B');
    await add(t(), 'p1', { name: 'Ada Lovelace', email: 'ada@math.org', evaluation_template_id: templateA, tags: ['senior', 'remote'], external_id: 'ext-1' });
    await add(t(), 'p2', { name: 'Émilie du Châtelet', email: 'emilie@physics.fr', evaluation_template_id: templateA, tags: ['senior'], status: 'archived' });
    await add(t(), 'p3', { name: 'Grace Hopper', email: 'GRACE@navy.mil', evaluation_template_id: templateB, tags: ['remote', 'cobol'], external_id: 'ext-3' });
    await add(t(), 'p4', { name: 'Alan Turing', email: 'alan@bletchley.uk', tags: ['Senior', 'Remote', 'crypto'] });
    await add(t(), 'p5', { name: 'Katherine Johnson', email: 'kj@nasa.gov', evaluation_template_id: templateB });
    await add(t(), 'p6', { name: 'Ada Yonath', email: 'yonath@weizmann.ac.il', evaluation_template_id: templateB, tags: ['remote'], status: 'archived' });
    updatedAt = clock.advance();
    const patched = await t().request('PATCH', `${BASE}/${ids['p2']}`, { body: { phone: '+33 1 23 45 67 89' } });
    expect(patched.statusCode).toBe(200);
    // Another account's participant matches many filters and must never appear.
    const other = await t().createAccount(`list-${dialect}`);
    await t().request('POST', BASE, { key: other.apiKey, body: { name: 'Ada Other', email: 'ada@math.org', tags: ['senior', 'remote'] } });
  });

  describe('filters', () => {
    it('lists newest first', async () => {
      expect(await keysOf({})).toEqual(['p6', 'p5', 'p4', 'p3', 'p2', 'p1']);
    });

    it('tag: one, several (all must match), any case', async () => {
      expect(await keysOf({ tag: 'senior' })).toEqual(['p4', 'p2', 'p1']);
      expect(await keysOf({ tag: 'SENIOR' })).toEqual(['p4', 'p2', 'p1']);
      expect(await keysOf({ tag: ['senior', 'remote'] })).toEqual(['p4', 'p1']);
      expect(await keysOf({ tag: ['Remote', 'cobol'] })).toEqual(['p3']);
      expect(await keysOf({ tag: ['senior', 'cobol'] })).toEqual([]);
      expect(await keysOf({ tag: 'nobody-has-this' })).toEqual([]);
    });

    it('evaluation_template_id, status, email (exact, any case), external_id (exact)', async () => {
      expect(await keysOf({ evaluation_template_id: templateA })).toEqual(['p2', 'p1']);
      expect(await keysOf({ evaluation_template_id: templateB })).toEqual(['p6', 'p5', 'p3']);
      expect(await keysOf({ status: 'archived' })).toEqual(['p6', 'p2']);
      expect(await keysOf({ status: 'active' })).toEqual(['p5', 'p4', 'p3', 'p1']);
      expect(await keysOf({ email: 'grace@NAVY.mil' })).toEqual(['p3']);
      expect(await keysOf({ email: 'grace' })).toEqual([]);
      expect(await keysOf({ external_id: 'ext-3' })).toEqual(['p3']);
      expect(await keysOf({ external_id: 'EXT-3' })).toEqual([]);
    });

    it('q: case-insensitive within name or email, including non-ASCII; wildcards are literal', async () => {
      expect(await keysOf({ q: 'ada' })).toEqual(['p6', 'p1']);
      expect(await keysOf({ q: 'NAVY' })).toEqual(['p3']);
      expect(await keysOf({ q: 'ÉMILIE DU' })).toEqual(['p2']);
      expect(await keysOf({ q: 'châtelet' })).toEqual(['p2']);
      expect(await keysOf({ q: '%' })).toEqual([]);
      expect(await keysOf({ q: '_' })).toEqual([]);
      expect(await keysOf({ q: 'lovelace ada' })).toEqual([]);
    });

    it('created_after (inclusive), created_before (exclusive), updated_after (inclusive)', async () => {
      const at = (key: string) => String(created[key]);
      expect(await keysOf({ created_after: at('p3') })).toEqual(['p6', 'p5', 'p4', 'p3']);
      expect(await keysOf({ created_before: at('p3') })).toEqual(['p2', 'p1']);
      expect(await keysOf({ created_after: at('p2'), created_before: at('p5') })).toEqual(['p4', 'p3', 'p2']);
      // Other spellings of the same instant work too.
      expect(await keysOf({ created_after: at('p3').replace('.000Z', '+00:00') })).toEqual(['p6', 'p5', 'p4', 'p3']);
      expect(await keysOf({ updated_after: updatedAt })).toEqual(['p2']);
    });

    it('combines filters', async () => {
      expect(await keysOf({ tag: 'remote', evaluation_template_id: templateB, status: 'active' })).toEqual(['p3']);
      expect(await keysOf({ tag: 'senior', q: 'ada' })).toEqual(['p1']);
      expect(await keysOf({ q: 'e', status: 'archived', created_before: String(created['p6']) })).toEqual(['p2']);
      expect(await keysOf({ tag: 'senior', updated_after: updatedAt })).toEqual(['p2']);
      expect(await keysOf({ email: 'ada@math.org', tag: 'remote' })).toEqual(['p1']);
    });
  });

  describe('pagination', () => {
    it('page mode: page, pageSize and totals, with and without a tag', async () => {
      const first = await t().request('GET', BASE, { query: { pageSize: 4 } });
      expect(first.body.meta).toEqual({ page: 1, pageSize: 4, total: 6, totalPages: 2 });
      expect(first.body.data).toHaveLength(4);
      const second = await t().request('GET', BASE, { query: { pageSize: 4, page: 2 } });
      expect(second.body.data.map((p: { id: string }) => p.id)).toEqual([ids['p2'], ids['p1']]);
      const tagged = await t().request('GET', BASE, { query: { tag: 'remote', pageSize: 2, page: 2 } });
      expect(tagged.body.meta).toEqual({ page: 2, pageSize: 2, total: 4, totalPages: 2 });
      expect(tagged.body.data.map((p: { id: string }) => p.id)).toEqual([ids['p3'], ids['p1']]);
      const beyond = await t().request('GET', BASE, { query: { page: 9 } });
      expect(beyond.body).toEqual({ data: [], meta: { page: 9, pageSize: 25, total: 6, totalPages: 1 } });
      const defaults = await t().request('GET', BASE);
      expect(defaults.body.meta).toEqual({ page: 1, pageSize: 25, total: 6, totalPages: 1 });
    });

    it('cursor mode walks everything once, in order, and keeps the filters of the first request', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 10; i += 1) {
        const res = await t().request('GET', BASE, { query: cursor === undefined ? { limit: 4 } : { limit: 4, cursor } });
        seen.push(...res.body.data.map((p: { id: string }) => p.id));
        expect(res.body.meta.has_more).toBe(res.body.meta.next_cursor !== null);
        if (res.body.meta.next_cursor === null) break;
        cursor = res.body.meta.next_cursor;
      }
      expect(seen).toEqual(['p6', 'p5', 'p4', 'p3', 'p2', 'p1'].map((k) => ids[k]));

      const first = await t().request('GET', BASE, { query: { tag: 'remote', limit: 1 } });
      expect(first.body.meta).toMatchObject({ limit: 1, has_more: true });
      const keysSeen = [first.body.data[0].id];
      let next: string | null = first.body.meta.next_cursor;
      while (next !== null) {
        // Only the cursor: the tag filter travels inside it.
        const page = await t().request('GET', BASE, { query: { cursor: next } });
        expect(page.statusCode).toBe(200);
        keysSeen.push(...page.body.data.map((p: { id: string }) => p.id));
        next = page.body.meta.next_cursor;
      }
      expect(keysSeen).toEqual(['p6', 'p4', 'p3', 'p1'].map((k) => ids[k]));

      const mismatch = await t().request('GET', BASE, { query: { tag: 'senior', cursor: first.body.meta.next_cursor } });
      expect(mismatch.statusCode).toBe(400);
      expect(mismatch.body.code).toBe('invalid_cursor');
      const same = await t().request('GET', BASE, { query: { tag: 'REMOTE', cursor: first.body.meta.next_cursor } });
      expect(same.statusCode).toBe(200);
      const garbage = await t().request('GET', BASE, { query: { cursor: 'not-a-cursor' } });
      expect(garbage.statusCode).toBe(400);
      expect(garbage.body.code).toBe('invalid_cursor');
    });

    it('ties on created_at are broken by id, newest id first', async () => {
      const stamp = clock.advance();
      const res = await t().request('POST', `${BASE}/bulk`, {
        body: { participants: [1, 2, 3].map((n) => ({ name: `Tie ${n}`, email: `tie${n}@example.com`, tags: ['tie'] })) },
      });
      expect(res.body.data.created).toBe(3);
      const list = await t().request('GET', BASE, { query: { tag: 'tie' } });
      const rows = list.body.data as { id: string; created_at: string }[];
      expect(rows.every((r) => r.created_at === stamp)).toBe(true);
      expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort().reverse());
      const cursorWalk: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await t().request('GET', BASE, { query: { tag: 'tie', limit: 1, ...(cursor ? { cursor } : {}) } });
        cursorWalk.push(...page.body.data.map((p: { id: string }) => p.id));
        cursor = page.body.meta.next_cursor ?? undefined;
      } while (cursor !== undefined);
      expect(cursorWalk).toEqual(rows.map((r) => r.id));
      for (const row of rows) await t().request('DELETE', `${BASE}/${row.id}`);
    });

    it('over inserts between pages: a cursor never repeats or skips; page mode shows the current state', async () => {
      const firstCursor = await t().request('GET', BASE, { query: { limit: 2 } });
      const firstPage = await t().request('GET', BASE, { query: { pageSize: 2 } });
      expect(firstPage.body.data.map((p: { id: string }) => p.id)).toEqual([ids['p6'], ids['p5']]);

      await add(t(), 'p7', { name: 'New Arrival', email: 'new@example.com', tags: ['remote'] });
      await add(t(), 'p8', { name: 'Newer Arrival', email: 'newer@example.com' });

      const walked = firstCursor.body.data.map((p: { id: string }) => p.id);
      let cursor: string | null = firstCursor.body.meta.next_cursor;
      while (cursor !== null) {
        const page = await t().request('GET', BASE, { query: { cursor, limit: 2 } });
        walked.push(...page.body.data.map((p: { id: string }) => p.id));
        cursor = page.body.meta.next_cursor;
        if (cursor !== null && walked.length === 4) await add(t(), 'p9', { name: 'Newest', email: 'newest@example.com' });
      }
      expect(walked).toEqual(['p6', 'p5', 'p4', 'p3', 'p2', 'p1'].map((k) => ids[k]));

      // Page mode is by position: the new rows come first and push the others down.
      const secondPage = await t().request('GET', BASE, { query: { pageSize: 2, page: 2 } });
      expect(secondPage.body.meta.total).toBe(9);
      expect(secondPage.body.data.map((p: { id: string }) => p.id)).toEqual([ids['p7'], ids['p6']]);
      expect(await keysOf({ tag: 'remote' })).toEqual(['p7', 'p6', 'p4', 'p3', 'p1']);
    });
  });
});
