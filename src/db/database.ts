import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config/config.js';
import type { Database } from './schema.js';
import { openSqlite } from './sqlite-connection.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Repositories accept either the database or an open transaction. */
export type Executor = Db | Tx;

export interface DatabaseHandle {
  readonly db: Db;
  readonly dialect: Dialect;
  /** Cheap round trip used by /readyz. */
  ping(): Promise<void>;
  destroy(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** SQLite only: how often the background WAL checkpoint runs; 0 turns it off. */
  checkpointIntervalMs?: number;
  /** PostgreSQL only: schema to use as search_path (each test file gets its own). */
  searchPath?: string;
}

export function openDatabase(config: DatabaseConfig, options: OpenDatabaseOptions = {}): DatabaseHandle {
  if (config.dialect === 'sqlite') {
    // Often enough that sustained writes (bulk, import) never grow the WAL to the autocheckpoint
    // threshold, which would run a checkpoint inside a request's commit.
    const sqlite = openSqlite(config.filename, { checkpointIntervalMs: options.checkpointIntervalMs ?? 200 });
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite.database }) });
    return {
      db,
      dialect: 'sqlite',
      ping: async () => {
        sqlite.database.prepare('select 1').all([]);
      },
      destroy: async () => {
        await db.destroy();
        await sqlite.close();
      },
    };
  }

  // Counts come back as bigint (int8); Docket's counts fit in a JS number.
  pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
  const pool = new pg.Pool({
    connectionString: config.connectionString,
    max: config.poolSize,
    ...(options.searchPath !== undefined ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    ping: async () => {
      await pool.query('select 1');
    },
    destroy: async () => {
      await db.destroy();
    },
  };
}
