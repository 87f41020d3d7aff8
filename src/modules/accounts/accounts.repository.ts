import { bumpApiKeyVersion } from '../../db/auth-version.js';
import type { Executor, Tx } from '../../db/database.js';
import { forUpdate } from '../../db/locking.js';
import type { AccountRow, UserRow } from '../../db/schema.js';

export async function findAccountBySlug(db: Executor, slug: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findAccountById(db: Executor, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Locks the account row for the rest of the transaction: membership changes that must keep an
 * owner (demote, remove) are serialised per account, so two concurrent ones cannot each see
 * "another owner remains" and together leave none.
 */
export async function lockAccount(tx: Tx, id: string): Promise<void> {
  await forUpdate(tx, tx.selectFrom('accounts').select('id').where('id', '=', id)).execute();
}

export async function insertAccount(db: Executor, row: AccountRow): Promise<void> {
  await db.insertInto('accounts').values(row).execute();
}

export async function countAccounts(db: Executor): Promise<number> {
  const row = await db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The name is part of what an API key authenticates as: remembered keys are invalidated with it. */
export async function updateAccountName(db: Executor, accountId: string, name: string, now: string): Promise<void> {
  await db.updateTable('accounts').set({ name, updated_at: now }).where('id', '=', accountId).execute();
  await bumpApiKeyVersion(db);
}

export async function insertUser(db: Executor, row: UserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export interface MembershipWithAccount {
  account_id: string;
  slug: string;
  name: string;
  role: string;
}

export async function findMembershipBySlug(
  db: Executor,
  userId: string,
  slug: string,
): Promise<MembershipWithAccount | undefined> {
  return db
    .selectFrom('memberships as m')
    .innerJoin('accounts as a', 'a.id', 'm.account_id')
    .select(['m.account_id', 'a.slug', 'a.name', 'm.role'])
    .where('m.user_id', '=', userId)
    .where('a.slug', '=', slug)
    .executeTakeFirst();
}

export async function listMembershipsOfUser(db: Executor, userId: string): Promise<MembershipWithAccount[]> {
  return db
    .selectFrom('memberships as m')
    .innerJoin('accounts as a', 'a.id', 'm.account_id')
    .select(['m.account_id', 'a.slug', 'a.name', 'm.role'])
    .where('m.user_id', '=', userId)
    .orderBy('a.name')
    .execute();
}

export interface MemberRow {
  user_id: string;
  email: string;
  name: string;
  role: string;
  created_at: string;
  updated_at: string;
}

export async function listMembers(db: Executor, accountId: string): Promise<MemberRow[]> {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.email', 'u.name', 'm.role', 'm.created_at', 'm.updated_at'])
    .where('m.account_id', '=', accountId)
    .orderBy('m.created_at')
    .orderBy('u.email')
    .execute();
}

export async function findMember(db: Executor, accountId: string, userId: string): Promise<MemberRow | undefined> {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.email', 'u.name', 'm.role', 'm.created_at', 'm.updated_at'])
    .where('m.account_id', '=', accountId)
    .where('m.user_id', '=', userId)
    .executeTakeFirst();
}

export async function insertMembership(
  db: Executor,
  row: { account_id: string; user_id: string; role: string; created_at: string; updated_at: string },
): Promise<void> {
  await db.insertInto('memberships').values(row).execute();
}

export async function updateMembershipRole(
  db: Executor,
  accountId: string,
  userId: string,
  role: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('memberships')
    .set({ role, updated_at: now })
    .where('account_id', '=', accountId)
    .where('user_id', '=', userId)
    .execute();
}

export async function deleteMembership(db: Executor, accountId: string, userId: string): Promise<void> {
  await db.deleteFrom('memberships').where('account_id', '=', accountId).where('user_id', '=', userId).execute();
}

export async function countOwners(db: Executor, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updatePasswordHash(db: Executor, userId: string, passwordHash: string, now: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', userId).execute();
}
