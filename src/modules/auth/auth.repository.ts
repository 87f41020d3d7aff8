import type { Executor } from '../../db/database.js';

export interface SessionWithUser {
  id: string;
  user_id: string;
  csrf_token: string;
  expires_at: string;
  email: string;
  name: string;
}

export async function insertSession(
  db: Executor,
  row: { id: string; token_hash: string; user_id: string; csrf_token: string; created_at: string; expires_at: string },
): Promise<void> {
  await db.insertInto('user_sessions').values(row).execute();
}

export async function findSessionByHash(db: Executor, tokenHash: string, now: string): Promise<SessionWithUser | undefined> {
  return db
    .selectFrom('user_sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.user_id', 's.csrf_token', 's.expires_at', 'u.email', 'u.name'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
}

export async function deleteSessionByHash(db: Executor, tokenHash: string): Promise<void> {
  await db.deleteFrom('user_sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteExpiredSessions(db: Executor, now: string): Promise<number> {
  const result = await db.deleteFrom('user_sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteSessionsOfUser(db: Executor, userId: string): Promise<number> {
  const result = await db.deleteFrom('user_sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Ends every session of a user but one (the one that asked). */
export async function deleteOtherSessions(db: Executor, userId: string, keepSessionId: string): Promise<void> {
  await db.deleteFrom('user_sessions').where('user_id', '=', userId).where('id', '<>', keepSessionId).execute();
}
