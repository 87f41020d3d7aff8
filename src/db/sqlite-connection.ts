import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import type { DirectSqlite } from './precompiled.js';

/**
 * better-sqlite3 12 (legacy node::ObjectWrap) aborts the process on Node 24.19+ when a
 * statement is garbage-collected; 13 (Node-API) fixes that but does not run on Node 20. Both
 * are installed (13 under the alias `better-sqlite3-napi`, with prebuilt Node-API binaries)
 * and the binding is chosen by the running Node's major version. The API is the same.
 */
const BINDING_MODULE = Number(process.versions.node.split('.')[0]) >= 22 ? 'better-sqlite3-napi' : 'better-sqlite3';
const requireFromHere = createRequire(import.meta.url);

export function loadSqliteBinding(): typeof BetterSqlite3 {
  return requireFromHere(BINDING_MODULE) as typeof BetterSqlite3;
}

const STATEMENT_CACHE_SIZE = 500;

export interface SqliteHandle {
  database: SqliteDatabase;
  /** The same connection for queries run without Kysely's driver (see precompiled.ts). */
  direct: DirectSqlite;
  /** Stops the background checkpointer and closes the connection. */
  close(): Promise<void>;
}

/**
 * Opens the SQLite file with the pragmas Docket relies on and wraps it so that Kysely reuses
 * prepared statements (keyed by SQL text): preparing anew on every query made reads about
 * twice as slow. WAL checkpoints run in a worker thread on their own connection, so that a
 * checkpoint never stalls the event loop inside a commit.
 */
export function openSqlite(filename: string, options: { checkpointIntervalMs: number }): SqliteHandle {
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  const Database = loadSqliteBinding();
  const raw = new Database(filename);
  raw.pragma('journal_mode = WAL');
  // NORMAL in WAL mode keeps every commit atomic and the file consistent after a crash; only
  // the last commits before a power loss can be lost. FULL would fsync on every commit.
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  // A safety net only: the checkpointer below normally keeps the WAL far smaller.
  raw.pragma('wal_autocheckpoint = 20000');
  // 16 MiB of page cache (default 2 MiB): a bulk insert of 500 participants touches more pages
  // than 2 MiB holds and then spent a quarter of its time spilling and re-reading them.
  raw.pragma('cache_size = -16384');

  const cache = new Map<string, SqliteStatement>();
  /** Single-column reads, answered as plain values (no object per row). */
  const plucked = new Map<string, BetterSqlite3.Statement>();
  const database: SqliteDatabase = {
    close: () => raw.close(),
    prepare: (sql: string): SqliteStatement => cached(cache, sql, () => raw.prepare(sql) as unknown as SqliteStatement),
  };

  let checkpointer: Worker | undefined;
  if (filename !== ':memory:' && options.checkpointIntervalMs > 0) {
    checkpointer = startCheckpointer(filename, options.checkpointIntervalMs);
  }

  return {
    database,
    direct: {
      prepare: (sql) => database.prepare(sql) as unknown as ReturnType<DirectSqlite['prepare']>,
      column: (sql, parameters) => cached(plucked, sql, () => raw.prepare(sql).pluck()).all(parameters),
      inTransaction: () => raw.inTransaction,
      exec: (sql) => {
        database.prepare(sql).run([]);
      },
    },
    async close() {
      if (checkpointer !== undefined) await checkpointer.terminate();
      cache.clear();
      plucked.clear();
      if (raw.open) raw.close();
    },
  };
}

/** The statement for `sql` from `cache`, prepared on a miss; the oldest is dropped past STATEMENT_CACHE_SIZE. */
function cached<S>(cache: Map<string, S>, sql: string, prepare: () => S): S {
  let statement = cache.get(sql);
  if (statement === undefined) {
    statement = prepare();
    if (cache.size >= STATEMENT_CACHE_SIZE) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    cache.set(sql, statement);
  }
  return statement;
}

function startCheckpointer(filename: string, intervalMs: number): Worker {
  const modulePath = requireFromHere.resolve(BINDING_MODULE);
  const source = `
    const { workerData } = require('node:worker_threads');
    const Database = require(workerData.modulePath);
    const db = new Database(workerData.filename);
    db.pragma('busy_timeout = 1000');
    setInterval(() => {
      try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: try next tick */ }
    }, workerData.intervalMs);
  `;
  const worker = new Worker(source, { eval: true, workerData: { modulePath, filename, intervalMs } });
  worker.unref();
  return worker;
}

/**
 * What `docket serve` holds on a SQLite file for its whole life: an exclusive lock on a
 * companion file (`<file>-serve.lock`, a SQLite database kept inside an open exclusive
 * transaction). One process serves a SQLite file — several processes need PostgreSQL — and
 * things that are only correct under that rule rely on it (the in-process API-key version,
 * auth-version.ts). The operating system releases the lock when the process ends, however it
 * ends. Returns undefined when another process (or handle) holds it.
 */
export function holdServeLock(filename: string): { release(): void } | undefined {
  if (filename === ':memory:') return { release: () => undefined };
  mkdirSync(dirname(filename), { recursive: true });
  const Database = loadSqliteBinding();
  const lock = new Database(`${filename}-serve.lock`, { timeout: 0 });
  try {
    lock.exec('begin exclusive');
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return undefined;
    throw error;
  }
  return {
    release: () => {
      if (lock.open) lock.close();
    },
  };
}
