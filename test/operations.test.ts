import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createTestApp, disposeTestApp } from './helpers/test-app.js';

describe('logs', () => {
  it('are JSON lines and never contain API keys, cookies, CSRF tokens or passwords', async () => {
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(...chunk.toString('utf8').split('\n').filter((l) => l !== ''));
        callback();
      },
    });
    const t = await createTestApp('sqlite', { env: { LOG_LEVEL: 'trace' }, logStream });
    try {
      const session = await t.signIn(t.account.owner.email, t.account.owner.password);
      await t.request('GET', '/api/v1/evaluation-templates');
      await t.request('GET', '/api/v1/evaluation-templates', { key: `iv_live_${'Z'.repeat(40)}` });
      await t.asUser(session, 'POST', '/api/v1/evaluation-templates', { query: { accountSlug: t.account.slug }, body: { template_name: 'x' } });
      expect(lines.length).toBeGreaterThan(4);
      for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
      const all = lines.join('\n');
      expect(all).toContain('/api/v1/evaluation-templates');
      for (const secret of [t.account.apiKey, 'Z'.repeat(40), session.cookie.split('=')[1] ?? '', session.csrf, t.account.owner.password]) {
        expect(secret.length).toBeGreaterThan(8);
        expect(all).not.toContain(secret);
      }
    } finally {
      await disposeTestApp(t);
    }
  });
});

describe('docket serve', () => {
  it('starts on a fresh SQLite file, answers, and exits cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docket-serve-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
      env: { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'data', 'docket.db')}`, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const address = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no listening line in time:\n${output}`)), 30_000);
        const check = () => {
          const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match?.[1] !== undefined) {
            clearTimeout(timer);
            resolve(match[1]);
          } else setTimeout(check, 50);
        };
        check();
      });
      expect(output).toContain('Docket first run');
      const key = /(iv_live_[A-Za-z0-9]+)/.exec(output)?.[1] ?? '';
      const ready = await fetch(`${address}/readyz`);
      expect(ready.status).toBe(200);
      const list = await fetch(`${address}/api/v1/evaluation-templates?accountSlug=demo`, { headers: { 'x-api-key': key } });
      expect(list.status).toBe(200);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toContain('shutting down');
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
