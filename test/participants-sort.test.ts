import { beforeAll, expect, it } from 'vitest';
import type { Clock } from '../src/lib/clock.js';
import { forEachDatabase } from './helpers/databases.js';
import { useTestApp } from './helpers/test-app.js';

const BASE = '/api/v1/participants';

/** A clock that moves only when told, so several participants can share a created_at. */
class ManualClock implements Clock {
  private ms = Date.parse('2031-05-01T00:00:00.000Z');
  now(): Date {
    return new Date(this.ms);
  }
  advance(): void {
    this.ms += 1000;
  }
}

interface Listed {
  id: string;
  name: string;
  email: string;
  status: string;
  created_at: string;
  tags: string[];
}

const SORTS = ['created_at:desc', 'created_at:asc', 'name:asc', 'name:desc', 'status:asc', 'status:desc'] as const;

/** The order each sort promises, computed here from the rows themselves. */
function expected(rows: Listed[], sort: (typeof SORTS)[number]): string[] {
  const [field, direction] = sort.split(':') as [string, 'asc' | 'desc'];
  const keyOf = (p: Listed): string =>
    field === 'name' ? `${p.name.toLowerCase()}\n${p.email.toLowerCase()}` : field === 'status' ? p.status : p.created_at;
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * (cmp(keyOf(a), keyOf(b)) || cmp(a.id, b.id))).map((p) => p.id);
}

forEachDatabase((dialect) => {
  const clock = new ManualClock();
  const t = useTestApp(dialect, { clock });
  let all: Listed[] = [];

  beforeAll(async () => {
    const names = ['bob', 'Alice', 'alice', 'Zoë', 'Émile', 'carol', 'Bob', 'dave', 'alice', 'Eve', 'mallory', 'trent'];
    for (const [i, name] of names.entries()) {
      // Pairs share a creation time, so the id has to break ties.
      if (i % 2 === 0) clock.advance();
      const res = await t().request('POST', BASE, {
        body: { name, email: `p${i}@sort.test`, status: i % 3 === 0 ? 'archived' : 'active', tags: i % 4 === 0 ? ['even'] : ['odd'] },
      });
      expect(res.statusCode, JSON.stringify(res.body)).toBe(201);
    }
    const res = await t().request('GET', BASE, { query: { pageSize: 100 } });
    all = res.body.data as Listed[];
    expect(all).toHaveLength(names.length);
  });

  it('keeps the default order exactly: newest first, ties by id (descending)', async () => {
    expect(all.map((p) => p.id)).toEqual(expected(all, 'created_at:desc'));
    const explicit = await t().request('GET', BASE, { query: { pageSize: 100, sort: 'created_at:desc' } });
    expect(explicit.body.data.map((p: Listed) => p.id)).toEqual(all.map((p) => p.id));
  });

  for (const sort of SORTS) {
    it(`sorts by ${sort} in page mode, with totals`, async () => {
      const ids: string[] = [];
      for (let page = 1; page <= 3; page += 1) {
        const res = await t().request('GET', BASE, { query: { sort, page, pageSize: 5 } });
        expect(res.statusCode, JSON.stringify(res.body)).toBe(200);
        expect(res.body.meta).toEqual({ page, pageSize: 5, total: all.length, totalPages: 3 });
        ids.push(...res.body.data.map((p: Listed) => p.id));
      }
      expect(ids).toEqual(expected(all, sort));
    });

    it(`sorts by ${sort} in cursor mode; the cursor carries the order`, async () => {
      const ids: string[] = [];
      let cursor: string | undefined;
      for (let step = 0; step < 10; step += 1) {
        // Only the first request names the order; later ones send the cursor alone.
        const query = cursor === undefined ? { sort, limit: 5 } : { cursor, limit: 5 };
        const res = await t().request('GET', BASE, { query });
        expect(res.statusCode, JSON.stringify(res.body)).toBe(200);
        ids.push(...res.body.data.map((p: Listed) => p.id));
        if (!res.body.meta.has_more) break;
        cursor = res.body.meta.next_cursor;
      }
      expect(ids).toEqual(expected(all, sort));
    });

    it(`sorts by ${sort} with a tag filter`, async () => {
      const res = await t().request('GET', BASE, { query: { sort, tag: 'odd', pageSize: 100 } });
      expect(res.body.data.map((p: Listed) => p.id)).toEqual(expected(all.filter((p) => p.tags.includes('odd')), sort));
      const walked: string[] = [];
      let cursor: string | undefined;
      for (let step = 0; step < 10; step += 1) {
        const page = await t().request('GET', BASE, { query: cursor === undefined ? { sort, tag: 'odd', limit: 3 } : { cursor, limit: 3 } });
        walked.push(...page.body.data.map((p: Listed) => p.id));
        if (!page.body.meta.has_more) break;
        cursor = page.body.meta.next_cursor;
      }
      expect(walked).toEqual(res.body.data.map((p: Listed) => p.id));
    });
  }

  it('refuses a cursor with a different order, and an unknown order', async () => {
    const first = await t().request('GET', BASE, { query: { sort: 'name:asc', limit: 2 } });
    const cursor = first.body.meta.next_cursor as string;
    const same = await t().request('GET', BASE, { query: { cursor, sort: 'name:asc', limit: 2 } });
    expect(same.statusCode).toBe(200);
    const other = await t().request('GET', BASE, { query: { cursor, sort: 'status:asc', limit: 2 } });
    expect(other.statusCode).toBe(400);
    expect(other.body.code).toBe('invalid_cursor');
    const unknown = await t().request('GET', BASE, { query: { sort: 'email:asc' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body.code).toBe('validation_failed');
  });

  it("checks a cursor's sort value against its order", async () => {
    const forge = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString('base64url');
    const id = all[0]?.id ?? '';
    const cases = [
      { v: 1, f: {}, k: ['ada lovelace', id] },
      { v: 1, f: { sort: 'status:asc' }, k: ['pending', id] },
      { v: 1, f: { sort: 'name:asc' }, k: ['x'.repeat(1001), id] },
      { v: 1, f: { sort: 'name:asc' }, k: ['', id] },
    ];
    for (const payload of cases) {
      const res = await t().request('GET', BASE, { query: { cursor: forge(payload), limit: 2 } });
      expect(res.statusCode, JSON.stringify(payload).slice(0, 60)).toBe(400);
      expect(res.body.code).toBe('invalid_cursor');
    }
    const fine = await t().request('GET', BASE, { query: { cursor: forge({ v: 1, f: { sort: 'status:asc' }, k: ['archived', id] }), limit: 2 } });
    expect(fine.statusCode).toBe(200);
  });

  it('exports in the requested order', async () => {
    const res = await t().request('GET', `${BASE}/export`, { query: { sort: 'name:asc' } });
    expect(res.statusCode).toBe(200);
    const emails = String(res.body)
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split(',')[1]);
    const byId = new Map(all.map((p) => [p.id, p.email]));
    expect(emails).toEqual(expected(all, 'name:asc').map((id) => byId.get(id)));
  });
});
