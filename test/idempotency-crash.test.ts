import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LEASE_MS } from '../src/http/idempotency.js';
import { packageRoot } from '../src/lib/package-root.js';
import { TestClock } from './helpers/clock.js';
import { forEachDatabase } from './helpers/databases.js';
import { createTestApp, disposeTestApp, type TestApp } from './helpers/test-app.js';

/**
 * kill -9 of a server in the middle of a request that carries an Idempotency-Key. The server is
 * a child process (test/fixtures/idempotency-server.mjs, the compiled app) on the same database
 * as this test's app; it stops the request at a chosen step and is killed there. Whatever the
 * step, there is afterwards either the change and its replayable response, or neither and a key
 * that frees itself when its lease ends; and a stored response never holds a secret.
 */

const TEMPLATES = '/api/v1/evaluation-templates';

interface Server {
  child: ChildProcess;
  url: string;
  output: () => string;
}

function databaseUrl(t: TestApp): string {
  if (t.db.config.dialect === 'sqlite') return `sqlite:${t.db.config.filename}`;
  const url = new URL(inject('postgresUrl') ?? '');
  url.searchParams.set('options', `-c search_path=${t.db.schema ?? ''}`);
  return url.toString();
}

async function startServer(t: TestApp, stopAt: 'before-change' | 'after-change'): Promise<Server> {
  const child = spawn(process.execPath, [join(packageRoot(), 'test', 'fixtures', 'idempotency-server.mjs')], {
    env: { ...process.env, DATABASE_URL: databaseUrl(t), STOP_AT: stopAt, PUBLIC_URL: 'http://docket.test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await expect.poll(() => output, { timeout: 30_000, interval: 50 }).toMatch(/LISTENING \d+/);
  const port = /LISTENING (\d+)/.exec(output)?.[1];
  return { child, url: `http://127.0.0.1:${port}`, output: () => output };
}

/** Sends the request, waits until the server stopped it at its step, and kills the server there. */
async function killDuring(server: Server, step: string, path: string, init: { headers: Record<string, string>; body: unknown }): Promise<void> {
  const sent = fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: JSON.stringify(init.body),
  }).then(
    (response) => `answered ${response.status}`,
    () => 'connection lost',
  );
  await expect.poll(() => server.output(), { timeout: 15_000, interval: 20 }).toContain(`STOPPED ${step}`);
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGKILL');
  await exited;
  expect(await sent).toBe('connection lost');
}

forEachDatabase((dialect) => {
  describe('kill -9 during a request with an Idempotency-Key', () => {
    const clock = new TestClock(new Date());
    let t: TestApp;
    const servers: Server[] = [];

    beforeAll(async () => {
      t = await createTestApp(dialect, { clock });
    });
    afterAll(async () => {
      for (const server of servers) server.child.kill('SIGKILL');
      await disposeTestApp(t);
    });

    const count = async (name: string) =>
      (await t.db.handle.db.selectFrom('evaluation_templates').select('id').where('template_name', '=', name).execute()).length;

    it('after the change committed: the retry replays its response, the change happened once', async () => {
      const server = await startServer(t, 'after-change');
      servers.push(server);
      const headers = { 'x-api-key': t.account.apiKey, 'idempotency-key': `crash-after-${dialect}` };
      const body = { template_name: `Crash after ${dialect}` };
      await killDuring(server, 'after-change', TEMPLATES, { headers, body });
      expect(await count(body.template_name)).toBe(1);

      const retry = await t.request('POST', TEMPLATES, { headers: { 'idempotency-key': headers['idempotency-key'] }, body });
      expect(retry.statusCode, JSON.stringify(retry.body)).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body.data.template_name).toBe(body.template_name);
      const stored = await t.db.handle.db.selectFrom('evaluation_templates').select('id').where('template_name', '=', body.template_name).executeTakeFirst();
      expect(retry.body.data.id).toBe(stored?.id);
      expect(await count(body.template_name)).toBe(1);
    }, 60_000);

    it('before the change: nothing changed, the key is busy until its lease ends, then the retry runs once', async () => {
      const server = await startServer(t, 'before-change');
      servers.push(server);
      const key = `crash-before-${dialect}`;
      const body = { template_name: `Crash before ${dialect}` };
      await killDuring(server, 'before-change', TEMPLATES, { headers: { 'x-api-key': t.account.apiKey, 'idempotency-key': key }, body });
      expect(await count(body.template_name)).toBe(0);

      const busy = await t.request('POST', TEMPLATES, { headers: { 'idempotency-key': key }, body });
      expect(busy.statusCode).toBe(409);
      expect(busy.body.code).toBe('idempotency_in_progress');

      // The server claimed the key by the wall clock; this app's clock moves past its lease.
      clock.set(new Date(Date.now() + LEASE_MS + 1000));
      const retry = await t.request('POST', TEMPLATES, { headers: { 'idempotency-key': key }, body });
      expect(retry.statusCode, JSON.stringify(retry.body)).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBeUndefined();
      expect(await count(body.template_name)).toBe(1);
      const again = await t.request('POST', TEMPLATES, { headers: { 'idempotency-key': key }, body });
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(retry.body);
    }, 60_000);

    it('an API key created just before the crash: the replay has no secret, and none was ever stored', async () => {
      const session = await t.signIn(t.account.owner.email, t.account.owner.password);
      const server = await startServer(t, 'after-change');
      servers.push(server);
      const key = `crash-secret-${dialect}`;
      const body = { name: `Crash key ${dialect}` };
      await killDuring(server, 'after-change', `/api/v1/api-keys?accountSlug=${t.account.slug}`, {
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'idempotency-key': key },
        body,
      });
      const keys = (await t.services.apiKeys.list(t.account.id, { offset: 0, limit: 100 })).items.filter((k) => k.name === body.name);
      expect(keys).toHaveLength(1);

      const stored = await t.db.handle.db.selectFrom('idempotency_keys').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
      expect(stored.status_code).toBe(201);
      expect(stored.response_body).not.toMatch(/iv_live_[A-Za-z0-9]{32,}/);
      expect(stored.response_body).not.toContain('"secret"');

      const retry = await t.asUser(session, 'POST', '/api/v1/api-keys', {
        query: { accountSlug: t.account.slug },
        headers: { 'idempotency-key': key },
        body,
      });
      expect(retry.statusCode).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body.data.id).toBe(keys[0]?.id);
      expect(retry.body.data.prefix).toBe(keys[0]?.prefix);
      expect(retry.body.data).not.toHaveProperty('secret');
    }, 60_000);
  });
});
