import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../src/config/config.js';
import { createContext, type Context } from '../src/context.js';
import { openDatabase } from '../src/db/database.js';
import { buildApp } from '../src/http/app.js';
import type { App } from '../src/http/app-types.js';
import { createTestDatabase, dialects, type TestDatabase } from './helpers/databases.js';
import { closedPort } from './helpers/net.js';

describe.skipIf(!dialects().includes('postgres'))('PostgreSQL faults', () => {
  const applicationName = `docket-faults-${process.pid}`;
  let db: TestDatabase;
  let ctx: Context;
  let app: App;
  let key: string;
  let admin: pg.Client;

  beforeAll(async () => {
    // The app under test runs on connections named for this file, so that only they are cut.
    db = await createTestDatabase('postgres', { applicationName });
    ctx = createContext(loadConfig({ LOG_LEVEL: 'silent' }), { database: db.handle });
    ({ app } = await buildApp(ctx));
    await app.ready();
    const account = await ctx.services.accounts.createAccount({ slug: 'faults', name: 'Faults' });
    key = (await ctx.services.apiKeys.create(account.id, { name: 'k' })).secret;
    admin = new pg.Client({ connectionString: inject('postgresUrl') ?? '' });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await app.close();
    await ctx.close();
    await db.dispose();
  });

  const call = (url: string, init: { method?: string; body?: unknown } = {}) =>
    app.inject({
      method: (init.method ?? 'GET') as 'GET',
      url,
      headers: { 'x-api-key': key, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(init.body !== undefined ? { payload: JSON.stringify(init.body) } : {}),
    });
  const terminate = async () =>
    (
      await admin.query<{ pid: number }>(
        'select pg_terminate_backend(pid) as pid from pg_stat_activity where application_name = $1 and pid <> pg_backend_pid()',
        [applicationName],
      )
    ).rowCount ?? 0;

  it('stays up when the server ends its connections mid-traffic, and serves again by itself', async () => {
    // Fill the pool with open connections.
    await Promise.all(Array.from({ length: 10 }, () => call('/api/v1/participants')));
    const traffic = Array.from({ length: 60 }, (_, i) =>
      i % 3 === 0 ? call('/api/v1/participants', { method: 'POST', body: { name: `P ${i}`, email: `p${i}@example.test` } }) : call('/api/v1/participants'),
    );
    const cut = await terminate();
    expect(cut).toBeGreaterThan(0);
    const responses = await Promise.all(traffic);
    // A request caught by the cut is told to retry, never a 500.
    for (const response of responses) {
      expect([200, 201, 503]).toContain(response.statusCode);
      if (response.statusCode === 503) {
        expect(response.json()).toMatchObject({ code: 'service_unavailable' });
        expect(response.headers['retry-after']).toBe('5');
      }
    }
    // Idle connections cut too: the pool's 'error' event must not end the process. Once the
    // pool has noticed (each dead connection removed), every request is served again.
    const pool = db.handle.pool;
    if (pool === undefined) throw new Error('no pool');
    const emptied = new Promise<void>((resolve) => {
      const check = () => {
        if (pool.totalCount === 0) {
          pool.off('remove', check);
          resolve();
        }
      };
      pool.on('remove', check);
      check();
    });
    expect(await terminate()).toBeGreaterThan(0);
    await emptied;
    const after = await Promise.all(Array.from({ length: 20 }, () => call('/api/v1/participants')));
    expect(after.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    expect((await call('/readyz')).statusCode).toBe(200);
  });

  it('answers 503 with Retry-After while the database is unreachable, and /readyz says so', async () => {
    const port = await closedPort();
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/nowhere` });
    const database = openDatabase(config.database, { connectTimeoutMs: 1000 });
    const down = createContext(config, { database, ownsDatabase: true });
    const { app: unreachable } = await buildApp(down);
    try {
      const response = await unreachable.inject({ method: 'GET', url: '/api/v1/participants', headers: { 'x-api-key': `iv_live_${'a'.repeat(40)}` } });
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      const body = response.json() as { code: string; error: string; request_id: string };
      expect(body.code).toBe('service_unavailable');
      expect(body.error).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/); // nothing internal
      expect(body.request_id).toBe(response.headers['x-request-id']);
      const ready = await unreachable.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect((await unreachable.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      const login = await unreachable.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.test', password: 'whatever12' } });
      expect(login.statusCode).toBe(503);
    } finally {
      await unreachable.close();
      await down.close();
    }
  });
});
