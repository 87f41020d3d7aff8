import { SqliteAdapter } from 'kysely';
import type { Executor } from './database.js';
import { prepared } from './precompiled.js';
import { afterCommit } from './transaction.js';

/**
 * The API-key version: what a process's remembered keys are valid for. Everything that changes
 * what a key authenticates as — a revocation, an account renamed — bumps it in the transaction
 * of the change; a process that sees a new version forgets every key it remembers.
 *
 * - PostgreSQL (any number of processes): the version is a row (`auth_versions`, migration
 *   0011), read by every request before it trusts a remembered key.
 * - SQLite: one process serves a file (`docket serve` holds the file's serve lock, see
 *   sqlite-connection.ts), so the version is a counter in memory, shared by every handle of
 *   the process on that file and bumped the moment the change commits, before its caller
 *   answers. The row is bumped too (one write path): it is simply not read.
 */
const API_KEYS = 'api_keys';

const current = prepared((db, arg) => db.selectFrom('auth_versions').select('version').where('name', '=', arg(0)));
const bump = prepared((db, arg) =>
  db
    .updateTable('auth_versions')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('name', '=', arg(0)),
);

/** An in-process version (SQLite), shared by the handles on one file. */
export interface LocalVersion {
  value: number;
}

const localVersions = new Map<string, LocalVersion>();
const localOf = new WeakMap<Executor, LocalVersion>();

/** The in-process version of the SQLite file at `key` (its resolved path), created at 0. */
export function localVersionFor(key: string): LocalVersion {
  let version = localVersions.get(key);
  if (version === undefined) {
    version = { value: 0 };
    localVersions.set(key, version);
  }
  return version;
}

/** `executor` (a SQLite handle's database or one of its transactions) counts versions in `version`. */
export function registerLocalVersion(executor: Executor, version: LocalVersion): void {
  localOf.set(executor, version);
}

/** The current version: at once on SQLite (in memory), from the row on PostgreSQL. */
export function readApiKeyVersion(db: Executor): number | Promise<number> {
  const local = localOf.get(db);
  if (local !== undefined) return local.value;
  return current(db, [API_KEYS]).then((result) => Number(result.rows[0]?.version ?? 0));
}

/** Call inside the transaction that makes the change (a transaction opened by the database handle). */
export async function bumpApiKeyVersion(tx: Executor): Promise<void> {
  const local = localOf.get(tx);
  if (local === undefined && tx.getExecutor().adapter instanceof SqliteAdapter) {
    throw new Error('bumpApiKeyVersion on SQLite needs a transaction opened by the database handle');
  }
  await bump(tx, [API_KEYS]);
  if (local !== undefined) {
    afterCommit(tx as Parameters<typeof afterCommit>[0], () => {
      local.value += 1;
    });
  }
}
