import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig, parseDatabaseUrl } from '../src/config/config.js';
import { createContext } from '../src/context.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedPostgres, seedSqlite, type SeedResult } from './seed.js';

export interface BenchData extends SeedResult {
  /** DATABASE_URL for the server under test. */
  databaseUrl: string;
  dialect: 'sqlite' | 'postgres';
  accountSlug: string;
  accountId: string;
  apiKey: string;
  templateIds: string[];
  tags: string[];
  rows: number;
  /** Removes what prepare() created. */
  cleanup(): Promise<void>;
}

export const TAGS = Array.from({ length: 20 }, (_, i) => `tag-${String(i + 1).padStart(2, '0')}`);

async function createFixtures(databaseUrl: string): Promise<{ accountId: string; apiKey: string; templateIds: string[] }> {
  const database = openDatabase(parseDatabaseUrl(databaseUrl, 2), { checkpointIntervalMs: 0 });
  const ctx = createContext(loadConfig({ LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl }), { database });
  try {
    await migrateToLatest(database.db);
    const { accounts, apiKeys, templates } = ctx.services;
    const account = await accounts.createAccount({ slug: 'bench', name: 'Benchmark team' });
    const { secret } = await apiKeys.create(account.id, { name: 'bench' });
    const templateIds: string[] = [];
    for (let i = 1; i <= 10; i += 1) {
      templateIds.push((await templates.create(account.id, { template_name: `Role ${i}` })).id);
    }
    return { accountId: account.id, apiKey: secret, templateIds };
  } finally {
    await ctx.close();
    await database.destroy();
  }
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

/**
 * SQLite: a fresh file under `dir`. With `reuse`, a pristine copy of an earlier seed of the same
 * size is copied instead of seeding again (for iterating on the server; every run still starts
 * from the same million rows).
 */
export async function prepareSqlite(dir: string, rows: number, reuse: boolean): Promise<BenchData> {
  mkdirSync(dir, { recursive: true });
  const working = join(dir, 'bench.sqlite');
  const pristine = join(dir, `pristine-${rows}.sqlite`);
  const metaFile = join(dir, `pristine-${rows}.json`);
  const removeWorking = () => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${working}${suffix}`, { force: true });
  };
  removeWorking();
  const databaseUrl = `sqlite:${working}`;
  const base = { databaseUrl, dialect: 'sqlite' as const, accountSlug: 'bench', tags: [...TAGS], rows, cleanup: async () => removeWorking() };

  if (reuse && existsSync(pristine) && existsSync(metaFile)) {
    copyFileSync(pristine, working);
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Omit<BenchData, 'cleanup'>;
    log(`  reusing the seeded database of an earlier run (${rows.toLocaleString('en')} participants)`);
    return { ...meta, ...base };
  }
  const fixtures = await createFixtures(databaseUrl);
  log(`  seeding ${rows.toLocaleString('en')} participants into SQLite …`);
  const seeded = seedSqlite(working, {
    accountId: fixtures.accountId,
    rows,
    tags: TAGS,
    templateIds: fixtures.templateIds,
    startMs: Date.now() - rows * 10 - 60_000,
  });
  const data: BenchData = { ...base, ...seeded, accountId: fixtures.accountId, apiKey: fixtures.apiKey, templateIds: fixtures.templateIds };
  copyFileSync(working, pristine);
  const { cleanup: _cleanup, ...meta } = data;
  writeFileSync(metaFile, JSON.stringify(meta));
  return data;
}

/** PostgreSQL: a dedicated database on the server of `serverUrl`, dropped by cleanup(). */
export async function preparePostgres(serverUrl: string, rows: number): Promise<BenchData> {
  const name = `docket_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const cleanup = async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  };
  try {
    const fixtures = await createFixtures(databaseUrl);
    log(`  seeding ${rows.toLocaleString('en')} participants into PostgreSQL database ${name} …`);
    const seeded = await seedPostgres(databaseUrl, {
      accountId: fixtures.accountId,
      rows,
      tags: TAGS,
      templateIds: fixtures.templateIds,
      startMs: Date.now() - rows * 10 - 60_000,
    });
    return {
      ...seeded,
      databaseUrl,
      dialect: 'postgres',
      accountSlug: 'bench',
      accountId: fixtures.accountId,
      apiKey: fixtures.apiKey,
      templateIds: fixtures.templateIds,
      tags: [...TAGS],
      rows,
      cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
