import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import { realpathSync } from 'node:fs';
import type { DatabaseConfig } from '../config/config.js';
import { localVersionFor, registerLocalVersion } from './auth-version.js';
import type { Database } from './schema.js';
import { localNotifier, postgresNotifier, type Notifier } from './notify.js';
import { openSqlite } from './sqlite-connection.js';
import { registerDirectSqlite } from './precompiled.js';
import { GroupCommitter } from './group-commit.js';
import { runTransaction, type TransactionExecutor, type TransactionOptions, type TransactionStats } from './transaction.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Repositories accept either the database or an open transaction. */
export type Executor = Db | Tx;

export interface DatabaseHandle {
  readonly db: Db;
  readonly dialect: Dialect;
  /** Runs `fn` in a transaction (see transaction.ts): after-commit hooks, retries, BEGIN IMMEDIATE. */
  transaction<T>(fn: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Commit-time signals between transactions and listeners (job runners), see notify.ts. */
  readonly notifier: Notifier;
  /** Transactions retried after a deadlock or serialization failure (PostgreSQL), and commits, since opening. */
  readonly stats: Readonly<TransactionStats>;
  /** Cheap round trip used by /readyz. */
  ping(): Promise<void>;
  destroy(): Promise<void>;
  /** PostgreSQL only: the pool, for LISTEN connections and fault tests. */
  readonly pool?: pg.Pool;
}

export interface OpenDatabaseOptions {
  /** SQLite only: how often the background WAL checkpoint runs; 0 turns it off. */
  checkpointIntervalMs?: number;
  /** SQLite only: the group commit's window (group-commit.ts); tests widen it to make grouping certain. */
  groupCommitWindowMs?: number;
  /** PostgreSQL only: schema to use as search_path (each test file gets its own). */
  searchPath?: string;
  /** PostgreSQL only: how long a query waits for a connection before failing (503). */
  connectTimeoutMs?: number;
  /** Errors that have no caller to throw to: an idle connection dropped, an after-commit hook. */
  onBackgroundError?: (error: unknown, what: string) => void;
}

/** SQLite's plain BEGIN takes the write lock only at the first write, and can then fail with
 * SQLITE_BUSY half-way through; BEGIN IMMEDIATE waits for the lock (busy_timeout) up front. */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly sqliteConfig: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(sqliteConfig);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.sqliteConfig);
  }
}

export function openDatabase(config: DatabaseConfig, options: OpenDatabaseOptions = {}): DatabaseHandle {
  const report = options.onBackgroundError ?? (() => undefined);
  if (config.dialect === 'sqlite') {
    // Often enough that sustained writes (bulk, import) never grow the WAL to the autocheckpoint
    // threshold, which would run a checkpoint inside a request's commit.
    const sqlite = openSqlite(config.filename, { checkpointIntervalMs: options.checkpointIntervalMs ?? 200 });
    const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite.database }) });
    registerDirectSqlite(db, sqlite.direct, false);
    // One process serves a SQLite file: the API-key version is counted in memory (auth-version.ts).
    const apiKeyVersion = config.filename === ':memory:' ? { value: 0 } : localVersionFor(realpathSync(config.filename));
    registerLocalVersion(db, apiKeyVersion);
    const stats: TransactionStats = { deadlockRetries: 0, serializationRetries: 0, committedTransactions: 0, commits: 0 };
    const committer = new GroupCommitter(db, stats, {
      windowMs: options.groupCommitWindowMs,
      exec: (statement) => sqlite.direct.exec(statement),
      inTransaction: () => sqlite.direct.inTransaction(),
      prepare: (tx) => {
        registerDirectSqlite(tx, sqlite.direct, true);
        registerLocalVersion(tx, apiKeyVersion);
      },
    });
    const execute: TransactionExecutor = (body) => committer.run(body);
    return {
      db,
      dialect: 'sqlite',
      notifier: localNotifier(),
      stats,
      transaction: (fn, txOptions) =>
        runTransaction('sqlite', fn, { ...txOptions, stats, execute, onHookError: (e) => report(e, 'after-commit hook') }),
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
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    // Detect a vanished server on idle connections rather than on the next query.
    keepAlive: true,
    ...(options.searchPath !== undefined ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  // An idle client whose connection the server ended (restart, pg_terminate_backend, network
  // cut) emits 'error' on the pool; unhandled, that would end the process. The pool discards
  // the client by itself; the next query opens a new connection.
  pool.on('error', (error) => report(error, 'idle database connection lost'));
  // A connection that dies while checked out emits 'error' on its client, which pg-pool only
  // listens to while the client is idle: without a listener of our own that would end the
  // process. The query in flight fails (503 to its caller) and the pool drops the client on release.
  pool.on('connect', (client) => {
    client.on('error', (error) => report(error, 'database connection lost'));
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const stats: TransactionStats = { deadlockRetries: 0, serializationRetries: 0, committedTransactions: 0, commits: 0 };
  const execute: TransactionExecutor = async (body) => {
    const result = await db.transaction().execute(body);
    stats.committedTransactions += 1;
    stats.commits += 1;
    return result;
  };
  return {
    db,
    dialect: 'postgres',
    pool,
    stats,
    notifier: postgresNotifier({ connectionString: config.connectionString, searchPath: options.searchPath }, report),
    transaction: (fn, txOptions) =>
      runTransaction('postgres', fn, { ...txOptions, stats, execute, onHookError: (e) => report(e, 'after-commit hook') }),
    ping: async () => {
      await pool.query('select 1');
    },
    destroy: async () => {
      await db.destroy();
    },
  };
}
