import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { parseDatabaseUrl, type DatabaseConfig } from '../../src/config/config.js';
import { openDatabase, type DatabaseHandle, type Dialect } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export interface TestDatabase {
  handle: DatabaseHandle;
  config: DatabaseConfig;
  /** PostgreSQL: this database's schema (a child process reaches it with `?options=-c search_path=…`). */
  schema?: string;
  /** Another connection (pool) to the same database: a second process, as far as locking goes. */
  openAnother(): DatabaseHandle;
  /** Drops the schema / removes the file. */
  dispose(): Promise<void>;
}

/** The dialects this run covers: SQLite always, PostgreSQL when global setup found it. */
export function dialects(): Dialect[] {
  return inject('postgresUrl') === null ? ['sqlite'] : ['sqlite', 'postgres'];
}

/** Declares the same tests once per database: `forEachDatabase((dialect) => { … })`. */
export function forEachDatabase(body: (dialect: Dialect) => void): void {
  for (const dialect of dialects()) {
    describe(dialect, () => body(dialect));
  }
}

/** A fresh, migrated database: a new SQLite file, or a new PostgreSQL schema. */
export async function createTestDatabase(dialect: Dialect, options: { applicationName?: string } = {}): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'docket-test-'));
    const config = parseDatabaseUrl(`sqlite:${join(dir, 'docket.db')}`, 1);
    const handle = openDatabase(config, { checkpointIntervalMs: 0 });
    await migrateToLatest(handle.db);
    return {
      handle,
      config,
      openAnother: () => openDatabase(config, { checkpointIntervalMs: 0 }),
      dispose: async () => {
        await handle.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = inject('postgresUrl');
  if (url === null) throw new Error('PostgreSQL is not available in this run');
  // Dropped by the global teardown once every file is done (see global-setup.ts).
  const schema = `${inject('schemaPrefix')}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const named = new URL(url);
  if (options.applicationName !== undefined) named.searchParams.set('application_name', options.applicationName);
  const config = parseDatabaseUrl(named.toString(), 10);
  const handle = openDatabase(config, { searchPath: schema });
  await migrateToLatest(handle.db, { schema });
  return {
    handle,
    config,
    schema,
    openAnother: () => openDatabase(config, { searchPath: schema }),
    dispose: async () => {
      await handle.destroy();
    },
  };
}

/**
 * An empty database with no migration applied (for migration tests that stop at an older
 * version): a new SQLite file, or a new PostgreSQL schema; `schema` names it for the migrator.
 */
export async function createEmptyDatabase(dialect: Dialect): Promise<{ handle: DatabaseHandle; schema?: string; dispose: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'docket-migration-'));
    const handle = openDatabase(parseDatabaseUrl(`sqlite:${join(dir, 'old.db')}`, 1), { checkpointIntervalMs: 0 });
    return {
      handle,
      dispose: async () => {
        await handle.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = inject('postgresUrl');
  if (url === null) throw new Error('PostgreSQL is not available');
  const schema = `${inject('schemaPrefix')}_m${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = openDatabase(parseDatabaseUrl(url, 2), { searchPath: schema });
  return {
    handle,
    schema,
    dispose: async () => {
      await handle.destroy();
    },
  };
}
