import { bumpApiKeyVersion } from '../../db/auth-version.js';
import type { Executor } from '../../db/database.js';
import { prepared } from '../../db/precompiled.js';
import type { ApiKeyRow } from '../../db/schema.js';

export interface KeyWithAccount {
  id: string;
  account_id: string;
  slug: string;
  account_name: string;
  scopes: string;
  last_used_at: string | null;
}

// Runs on every authenticated request: compiled once (see db/precompiled.ts).
const activeKeyByHash = prepared((db, arg) =>
  db
    .selectFrom('api_keys as k')
    .innerJoin('accounts as a', 'a.id', 'k.account_id')
    .select(['k.id', 'k.account_id', 'a.slug', 'a.name as account_name', 'k.scopes', 'k.last_used_at'])
    .where('k.secret_hash', '=', arg(0))
    .where('k.revoked_at', 'is', null),
);

export async function findActiveKeyByHash(db: Executor, secretHash: string): Promise<KeyWithAccount | undefined> {
  return (await activeKeyByHash(db, [secretHash])).rows[0];
}

export async function touchLastUsed(db: Executor, id: string, now: string): Promise<void> {
  await db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', id).execute();
}

export async function insertKey(db: Executor, row: ApiKeyRow): Promise<void> {
  await db.insertInto('api_keys').values(row).execute();
}

export async function findKey(db: Executor, accountId: string, id: string): Promise<ApiKeyRow | undefined> {
  return db.selectFrom('api_keys').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
}

export async function findKeyByHash(db: Executor, secretHash: string): Promise<ApiKeyRow | undefined> {
  return db.selectFrom('api_keys').selectAll().where('secret_hash', '=', secretHash).executeTakeFirst();
}

export async function listKeys(
  db: Executor,
  accountId: string,
  page: { offset: number; limit: number },
): Promise<{ rows: ApiKeyRow[]; total: number }> {
  const rows = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await db
    .selectFrom('api_keys')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/** Call inside a transaction: the revocation and the version bump that invalidates remembered keys commit together. */
export async function revokeKey(db: Executor, accountId: string, id: string, now: string): Promise<void> {
  await bumpApiKeyVersion(db);
  await db
    .updateTable('api_keys')
    .set({ revoked_at: now, updated_at: now })
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}
