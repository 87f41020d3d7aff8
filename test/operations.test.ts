import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { App } from '../src/http/app-types.js';
import { createTestApp, disposeTestApp } from './helpers/test-app.js';
import { DOCKET_CLI } from './helpers/cli.js';

/**
 * What a misconfiguration logs: Fastify's own request logs carry no header or body, so a test
 * that only watched them would pass with redaction removed. These hooks log what a debugging
 * line, a changed serializer or an HTTP client's error would: the request headers, a body with a
 * password, the response headers with the session cookie, an error holding the request headers.
 */
function logLikeAMisconfiguration(app: App): void {
  app.addHook('onRequest', async (request) => {
    request.log.info({ headers: request.headers }, 'misconfigured: request headers');
    request.log.info({ incoming: { url: request.url, rawHeaders: request.raw.rawHeaders } }, 'misconfigured: raw request');
  });
  app.addHook('preHandler', async (request) => {
    request.log.info({ request: { headers: request.headers, body: request.body } }, 'misconfigured: request and body');
    const error = Object.assign(new Error('upstream failed'), { config: { headers: request.headers } });
    request.log.error({ err: error }, 'misconfigured: client error');
  });
  app.addHook('onSend', async (request, reply, payload) => {
    request.log.info({ response: { headers: reply.getHeaders() }, body: typeof payload === 'string' ? JSON.parse(payload || 'null') : null }, 'misconfigured: response');
    return payload;
  });
}

/** A stream that keeps every JSON line written to it. */
function captureLog(): { lines: string[]; logStream: Writable } {
  const lines: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString('utf8').split('\n').filter((l) => l !== ''));
      callback();
    },
  });
  return { lines, logStream };
}

describe('logs', () => {
  it('are JSON lines and never contain API keys, cookies, CSRF tokens or passwords, even when something logs headers and bodies', async () => {
    const { lines, logStream } = captureLog();
    const t = await createTestApp('sqlite', { env: { LOG_LEVEL: 'trace' }, logStream, configure: logLikeAMisconfiguration });
    try {
      const session = await t.signIn(t.account.owner.email, t.account.owner.password);
      await t.request('GET', '/api/v1/evaluation-templates');
      await t.request('GET', '/api/v1/evaluation-templates', { key: `iv_live_${'Z'.repeat(40)}` });
      await t.asUser(session, 'POST', '/api/v1/evaluation-templates', { query: { accountSlug: t.account.slug }, body: { template_name: 'x' } });
      const created = await t.asUser(session, 'POST', '/api/v1/api-keys', { query: { accountSlug: t.account.slug }, body: { name: 'logged' } });
      const newSecret = String(created.body.data.secret);
      await t.request('GET', '/api/v1/evaluation-templates', { headers: { authorization: 'Bearer some-long-bearer-token' } });

      expect(lines.length).toBeGreaterThan(4);
      for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
      const all = lines.join('\n');
      expect(all).toContain('/api/v1/evaluation-templates');
      // The misconfigured lines were written, with the secrets' places redacted.
      for (const message of ['request headers', 'raw request', 'request and body', 'client error', 'response']) {
        const logged = lines.filter((line) => line.includes(`"misconfigured: ${message}"`));
        expect(logged.length, message).toBeGreaterThan(0);
        expect(logged.some((line) => line.includes('[Redacted]')), message).toBe(true);
      }
      expect(all).toContain('"x-api-key":"[Redacted]"');
      expect(all).toContain('"cookie":"[Redacted]"');
      expect(all).toContain('"set-cookie":"[Redacted]"');
      expect(all).toContain('"password":"[Redacted]"');
      const sessionToken = session.cookie.split('=')[1] ?? '';
      for (const secret of [t.account.apiKey, 'Z'.repeat(40), sessionToken, session.csrf, t.account.owner.password, newSecret, 'some-long-bearer-token']) {
        expect(secret.length).toBeGreaterThan(8);
        expect(all).not.toContain(secret);
      }
    } finally {
      await disposeTestApp(t);
    }
  });

  it("carry the request id on every line of a request: the caller's x-request-id, or the one the response names", async () => {
    const { lines, logStream } = captureLog();
    const t = await createTestApp('sqlite', { env: { LOG_LEVEL: 'trace' }, logStream, configure: logLikeAMisconfiguration });
    try {
      const given = await t.request('GET', '/api/v1/evaluation-templates', { headers: { 'x-request-id': 'trace-7.a:b_c' } });
      expect(given.headers['x-request-id']).toBe('trace-7.a:b_c');
      const generated = await t.request('GET', '/api/v1/evaluation-templates');
      const generatedId = String(generated.headers['x-request-id']);
      expect(generatedId).toMatch(/^[0-9a-f-]{36}$/);
      const refused = await t.request('GET', '/api/v1/evaluation-templates', { key: `iv_live_${'Z'.repeat(40)}` });
      expect(refused.statusCode).toBe(401);

      for (const id of ['trace-7.a:b_c', generatedId, String(refused.headers['x-request-id'])]) {
        const own = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry['reqId'] === id);
        // Fastify's incoming and completed lines and a hook's line (the 401 stops before the others), each once with the id.
        expect(own.map((entry) => entry['msg'])).toEqual(expect.arrayContaining(['incoming request', 'request completed', 'misconfigured: response']));
        for (const entry of own) expect(Object.keys(entry).filter((key) => key === 'reqId')).toHaveLength(1);
      }
      expect(lines.filter((line) => line.includes('"reqId":"trace-7.a:b_c"')).length).toBeGreaterThan(3);
    } finally {
      await disposeTestApp(t);
    }
  });
});

/** `docket serve` as a child process on `file`; `address` resolves once it listens. */
function startServe(file: string) {
  const child = spawn(process.execPath, [DOCKET_CLI, 'serve'], {
    env: { ...process.env, DATABASE_URL: `sqlite:${file}`, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const address = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line in time:\n${output}`)), 30_000);
    const check = () => {
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      } else if (child.exitCode !== null) {
        clearTimeout(timer);
        reject(new Error(`exited with ${child.exitCode} before listening:\n${output}`));
      } else setTimeout(check, 50);
    };
    check();
  });
  // A server expected to refuse never listens: its caller awaits `exited`, not this.
  address.catch(() => undefined);
  return { child, exited, address, output: () => output };
}

describe('docket serve', () => {
  it('starts on a fresh SQLite file, answers, and exits cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docket-serve-'));
    const server = startServe(join(dir, 'data', 'docket.db'));
    try {
      const address = await server.address;
      expect(server.output()).toContain('Docket first run');
      const key = /(iv_live_[A-Za-z0-9]+)/.exec(server.output())?.[1] ?? '';
      const ready = await fetch(`${address}/readyz`);
      expect(ready.status).toBe(200);
      const list = await fetch(`${address}/api/v1/evaluation-templates?accountSlug=demo`, { headers: { 'x-api-key': key } });
      expect(list.status).toBe(200);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(server.output()).toContain('shutting down');
    } finally {
      server.child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses a second server on the same SQLite file while the first runs, and starts once the first was killed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docket-serve-'));
    const file = join(dir, 'docket.db');
    const first = startServe(file);
    let third: ReturnType<typeof startServe> | undefined;
    try {
      const address = await first.address;
      const second = startServe(file);
      expect(await second.exited).toBe(1);
      expect(second.output()).toContain(
        `docket: Another docket serve is already running on SQLite file ${file}. One process serves a SQLite file; several processes need PostgreSQL (DATABASE_URL=postgres://…).`,
      );
      // The first server never noticed.
      expect((await fetch(`${address}/readyz`)).status).toBe(200);

      // Killed without a chance to clean up: the operating system releases the lock.
      first.child.kill('SIGKILL');
      await first.exited;
      third = startServe(file);
      expect((await fetch(`${await third.address}/readyz`)).status).toBe(200);
      third.child.kill('SIGTERM');
      expect(await third.exited).toBe(0);
    } finally {
      first.child.kill('SIGKILL');
      third?.child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
