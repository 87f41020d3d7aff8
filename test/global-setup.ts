import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
    /** Prefix of every PostgreSQL schema this run creates (see teardown). */
    schemaPrefix: string;
  }
}

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';
const ROOT = join(import.meta.dirname, '..');

/**
 * Tests that start Docket as a separate process (the CLI, `docket serve`, the kill -9 tests)
 * run the compiled server in dist/, as installed: compiling the sources once here is much
 * cheaper than having every child compile them again. `tsc -b` rebuilds only when a source is
 * newer than its output (a no-op after `npm run build`), and fails the run on a type error.
 */
async function buildServer(): Promise<void> {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    await promisify(execFile)(process.execPath, [tsc, '-b', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`Building the server (tsc -b tsconfig.build.json) failed:\n${e.stdout ?? ''}${e.stderr ?? ''}${e.stdout || e.stderr ? '' : e.message}`);
  }
}

/**
 * Decides once whether the PostgreSQL half of the suite runs. TEST_DATABASE_URL names the
 * server; without it the local default is tried. When neither answers, the SQLite half runs
 * alone and says so — except in CI (CI=true) or with an explicit URL, where it is an error.
 */
/**
 * Test files never drop their PostgreSQL schemas while others run: a DROP SCHEMA in the middle
 * of another file's migration (Kysely scans the whole catalog) made that scan fail now and
 * then with "schema … does not exist". Each run names its schemas with its own prefix and
 * drops them all here, once every file is done; other runs on the same server are untouched.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await buildServer();
  const schemaPrefix = `t${randomBytes(3).toString('hex')}`;
  project.provide('schemaPrefix', schemaPrefix);
  const explicit = process.env['TEST_DATABASE_URL'];
  const url = explicit ?? DEFAULT_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    project.provide('postgresUrl', url);
    process.stdout.write(`\n[docket tests] SQLite and PostgreSQL (${new URL(url).host}${new URL(url).pathname})\n`);
  } catch (error) {
    if (explicit !== undefined || process.env['CI'] === 'true') {
      throw new Error(`PostgreSQL for tests is not reachable at ${url}: ${(error as Error).message}`);
    }
    project.provide('postgresUrl', null);
    process.stdout.write(
      `\n[docket tests] PostgreSQL not reachable at ${url}: the PostgreSQL half is SKIPPED; only SQLite runs.\n` +
        '[docket tests] Set TEST_DATABASE_URL=postgres://… to run both.\n',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  return async () => {
    const postgresUrl = url;
    const cleanup = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
    try {
      await cleanup.connect();
      const { rows } = await cleanup.query<{ nspname: string }>('select nspname from pg_namespace where starts_with(nspname, $1)', [`${schemaPrefix}_`]);
      for (const { nspname } of rows) await cleanup.query(`drop schema if exists ${nspname} cascade`);
    } catch {
      // PostgreSQL was not part of this run.
    } finally {
      await cleanup.end().catch(() => undefined);
    }
  };
}
