import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'docket-cli-'));
const env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'cli.db')}`, LOG_LEVEL: 'silent' };

async function docket(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { env });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe('docket CLI', () => {
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
  }, 60_000);

  it('explains bad input with a non-zero exit', async () => {
    const dup = await docket('create-account', '--slug', 'cli-team', '--name', 'Again');
    expect(dup.code).toBe(2);
    expect(dup.stderr).toContain('already exists');
    const scope = await docket('create-api-key', '--account', 'cli-team', '--scopes', 'everything');
    expect(scope.code).toBe(2);
    expect(scope.stderr).toContain('unknown scope');
    const unknown = await docket('fly');
    expect(unknown.code).toBe(2);
    const badEnv = await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'migrate'], { env: { ...env, PORT: 'x' } }).catch((e: { stderr: string }) => e);
    expect((badEnv as { stderr: string }).stderr).toContain('PORT');
  }, 60_000);
});
