import { spawn } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../src/config/config.js';
import { createContext } from '../src/context.js';
import { createTestDatabase, dialects } from './helpers/databases.js';
import { DOCKET_CLI } from './helpers/cli.js';

describe.skipIf(!dialects().includes('postgres'))('docket worker on PostgreSQL', () => {
  it('runs jobs enqueued by another process, woken by NOTIFY, and stops cleanly on SIGTERM', async () => {
    const db = await createTestDatabase('postgres');
    const url = new URL(inject('postgresUrl') ?? '');
    url.searchParams.set('options', `-c search_path=${db.schema ?? ''}`);
    // Polling once a minute: only the NOTIFY sent at commit can make the job run in time.
    const child = spawn(process.execPath, [DOCKET_CLI, 'worker'], {
      env: { ...process.env, DATABASE_URL: url.toString(), JOBS_POLL_INTERVAL_MS: '60000', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const ctx = createContext(loadConfig({ LOG_LEVEL: 'silent' }), { database: db.handle });
    try {
      await expect.poll(() => output, { timeout: 30_000, interval: 100 }).toContain('Docket worker is running jobs');
      const account = await ctx.services.accounts.createAccount({ slug: 'worker', name: 'Worker' });
      const message = await ctx.database.transaction((tx) =>
        ctx.services.mail.queue(tx, { accountId: account.id, kind: 'notice', to: 'ops@example.test', subject: 'Hello', text: 'Hello', html: '<p>Hello</p>' }),
      );
      const status = () => ctx.database.db.selectFrom('mail_messages').select('status').where('id', '=', message.id).executeTakeFirst();
      await expect.poll(async () => (await status())?.status, { timeout: 15_000, interval: 100 }).toBe('outbox');
      // The job row goes once the worker has recorded the outcome, just after the message.
      await expect
        .poll(async () => ctx.database.db.selectFrom('jobs').select('id').where('kind', '=', 'mail.send').execute(), { timeout: 15_000, interval: 100 })
        .toEqual([]);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toContain('shutting down');
    } finally {
      child.kill('SIGKILL');
      await ctx.close();
      await db.dispose();
    }
  }, 60_000);
});
