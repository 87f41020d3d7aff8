import type { Executor } from './database.js';
import { prepared } from './precompiled.js';

/**
 * The API-key version (table `auth_versions`, migration 0011): bumped, in the transaction of
 * the change, by everything that changes what a key authenticates as — a revocation, an account
 * renamed. Processes that remember resolved keys read it before trusting what they remember.
 */
const API_KEYS = 'api_keys';

const current = prepared((db, arg) => db.selectFrom('auth_versions').select('version').where('name', '=', arg(0)));
const bump = prepared((db, arg) =>
  db
    .updateTable('auth_versions')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('name', '=', arg(0)),
);

export async function readApiKeyVersion(db: Executor): Promise<number> {
  const row = (await current(db, [API_KEYS])).rows[0];
  return Number(row?.version ?? 0);
}

/** Call inside the transaction that makes the change. */
export async function bumpApiKeyVersion(db: Executor): Promise<void> {
  await bump(db, [API_KEYS]);
}
