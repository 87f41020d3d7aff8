import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../src/config/config.js';
import { openDatabase } from '../src/db/database.js';
import { verifyPassword } from '../src/lib/secrets.js';
import { closedPort } from './helpers/net.js';
import { DOCKET_CLI } from './helpers/cli.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'docket-cli-'));
const env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'cli.db')}`, LOG_LEVEL: 'silent' };

async function docket(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  return docketWith(env, ...args);
}

async function docketWith(environment: NodeJS.ProcessEnv, ...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [DOCKET_CLI, ...args], { env: environment, timeout: 90_000 });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

// Each command is a new Node process (the compiled CLI): up to seconds apiece on a busy machine,
// so the tests get room (they assert outcomes, never durations).
describe('docket CLI', { timeout: 180_000 }, () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints help, migrates, and creates an account, a user and a key', async () => {
    const help = await docket('--help');
    expect(help.stdout).toContain('create-api-key');
    const migrate = await docket('migrate');
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toContain('0001-foundation');
    expect((await docket('migrate')).stdout).toContain('up to date');

    const account = await docket('create-account', '--slug', 'cli-team', '--name', 'CLI Team');
    expect(account.stdout).toContain('cli-team');
    const user = await docket('create-user', '--email', 'cli@example.test', '--name', 'CLI', '--password', 'long enough', '--account', 'cli-team', '--role', 'admin');
    expect(user.code).toBe(0);
    expect(user.stdout).toContain('as admin');
    const key = await docket('create-api-key', '--account', 'cli-team', '--name', 'ci', '--scopes', 'candidates.read');
    expect(key.code).toBe(0);
    expect(key.stdout.trim()).toMatch(/^iv_live_[A-Za-z0-9]{32,}$/);
  });

  it('explains bad input with a non-zero exit', async () => {
    const dup = await docket('create-account', '--slug', 'cli-team', '--name', 'Again');
    expect(dup.code).toBe(2);
    expect(dup.stderr).toContain('already exists');
    const scope = await docket('create-api-key', '--account', 'cli-team', '--scopes', 'everything');
    expect(scope.code).toBe(2);
    expect(scope.stderr).toContain('unknown scope');
    const unknown = await docket('fly');
    expect(unknown.code).toBe(2);
    const badEnv = await run(process.execPath, [DOCKET_CLI, 'migrate'], { env: { ...env, PORT: 'x' } }).catch((e: { stderr: string }) => e);
    expect((badEnv as { stderr: string }).stderr).toContain('PORT');
    const badOption = await docket('create-account', '--colour', 'blue');
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain('--colour');
  });

  it('prints each command\'s own options with --help', async () => {
    const help = await docket('create-user', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: docket create-user --email <email>');
    expect(help.stdout).toContain('--role <role>');
    expect(help.stdout).not.toContain('create-api-key');
    const jobs = await docket('jobs', '--help');
    expect(jobs.stdout).toContain('retry --all-dead');
    for (const command of ['worker', 'reset-password']) {
      const out = await docket(command, '--help');
      expect(out.code).toBe(0);
      expect(out.stdout).toContain(`Usage: docket ${command}`);
    }
  });

  it('resets a password: a new random one is printed, the old one stops working', async () => {
    await docket('create-user', '--email', 'forgot@example.test', '--name', 'Forgetful', '--password', 'the old password');
    const reset = await docket('reset-password', '--email', 'forgot@example.test');
    expect(reset.code).toBe(0);
    const password = reset.stdout.trim();
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(reset.stderr).toContain('Password of forgot@example.test changed');
    const given = await docket('reset-password', '--email', 'forgot@example.test', '--password', 'chosen by me');
    expect(given.code).toBe(0);
    expect(given.stdout).toBe('');
    const database = openDatabase(parseDatabaseUrl(env.DATABASE_URL, 1), { checkpointIntervalMs: 0 });
    try {
      const user = await database.db.selectFrom('users').selectAll().where('email', '=', 'forgot@example.test').executeTakeFirstOrThrow();
      expect(await verifyPassword('chosen by me', user.password_hash)).toBe(true);
      expect(await verifyPassword('the old password', user.password_hash)).toBe(false);
    } finally {
      await database.destroy();
    }
    const missing = await docket('reset-password', '--email', 'nobody@example.test');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no user');
  });

  it('lists jobs and runs dead ones again', async () => {
    const database = openDatabase(parseDatabaseUrl(env.DATABASE_URL, 1), { checkpointIntervalMs: 0 });
    const now = new Date().toISOString();
    try {
      await database.db
        .insertInto('jobs')
        .values(
          ['dead-1', 'dead-2', 'pending-1'].map((id) => ({
            id,
            kind: 'mail.send',
            payload: '{}',
            status: id.startsWith('dead') ? ('dead' as const) : ('pending' as const),
            run_at: now,
            attempts: id.startsWith('dead') ? 8 : 0,
            max_attempts: 8,
            dedupe_key: null,
            group_key: null,
            account_id: null,
            locked_by: null,
            locked_until: null,
            lease_token: null,
            last_error: id.startsWith('dead') ? '550 mailbox unavailable' : null,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
      const dead = await docket('jobs', 'list', '--status', 'dead');
      expect(dead.code).toBe(0);
      expect(dead.stdout.trim().split('\n')).toHaveLength(2);
      expect(dead.stdout).toContain('dead-1\tmail.send\tdead\t8/8');
      expect(dead.stdout).toContain('550 mailbox unavailable');
      expect((await docket('jobs', 'list')).stdout.trim().split('\n')).toHaveLength(3);
      const one = await docket('jobs', 'retry', 'dead-1', 'pending-1');
      expect(one.stdout).toContain('1 dead job(s) will run again');
      expect(one.stderr).toContain('1 id(s) are not dead jobs');
      expect((await docket('jobs', 'retry', '--all-dead')).stdout).toContain('1 dead job(s) will run again');
      const rows = await database.db.selectFrom('jobs').select(['id', 'status', 'attempts']).orderBy('id').execute();
      expect(rows).toEqual([
        { id: 'dead-1', status: 'pending', attempts: 0 },
        { id: 'dead-2', status: 'pending', attempts: 0 },
        { id: 'pending-1', status: 'pending', attempts: 0 },
      ]);
      expect((await docket('jobs', 'list', '--status', 'sleeping')).code).toBe(2);
      expect((await docket('jobs', 'retry')).code).toBe(2);
    } finally {
      await database.destroy();
    }
  });

  it('refuses `docket worker` on SQLite with a clear message', async () => {
    const worker = await docket('worker');
    expect(worker.code).toBe(1);
    expect(worker.stderr.trim().split('\n')).toEqual([
      'docket: docket worker needs PostgreSQL (DATABASE_URL=postgres://…). On SQLite, background work runs inside `docket serve`; start that instead.',
    ]);
  });

  it('gives up on an unreachable database after DATABASE_WAIT_SECONDS, one log line per attempt', async () => {
    const port = await closedPort();
    const started = Date.now();
    const out = await docketWith(
      { ...process.env, DATABASE_URL: `postgres://postgres:secret@127.0.0.1:${port}/docket`, DATABASE_WAIT_SECONDS: '2', LOG_LEVEL: 'info', PORT: '0' },
      'serve',
    );
    expect(out.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
    const attempts = out.stdout.split('\n').filter((line) => line.includes('is not reachable yet'));
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    for (const line of attempts) {
      const entry = JSON.parse(line) as { reason: string; attempt: number; stack?: string };
      expect(entry.reason).toContain('ECONNREFUSED');
      expect(line).not.toContain('    at '); // no stack trace
    }
    expect(out.stdout + out.stderr).not.toContain('secret');
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(/^docket: PostgreSQL at 127\.0\.0\.1:\d+\/docket is not reachable \(.*ECONNREFUSED.*\); gave up after 2 s/);
  });

  it('names the port when it is already in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const out = await docketWith({ ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent' }, 'serve');
      expect(out.code).toBe(1);
      expect(out.stderr.trim()).toBe(`docket: Port ${port} on 127.0.0.1 is already in use. Stop the other program or set PORT.`);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });
});
