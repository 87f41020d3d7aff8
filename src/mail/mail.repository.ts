import type { Db, Executor } from '../db/database.js';
import { newestFirst } from '../db/keyset.js';
import type { MailMessageRow } from '../db/schema.js';
import type { SortKey } from '../lib/pagination.js';

export interface OutboxFilters {
  to?: string | undefined;
  session_id?: string | undefined;
  kind?: string | undefined;
}

export async function insertMessage(db: Executor, row: MailMessageRow): Promise<void> {
  await db.insertInto('mail_messages').values(row).execute();
}

export async function findMessage(db: Executor, id: string): Promise<MailMessageRow | undefined> {
  return db.selectFrom('mail_messages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findAccountMessage(db: Db, accountId: string, id: string): Promise<MailMessageRow | undefined> {
  return db.selectFrom('mail_messages').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
}

export async function recordDelivery(
  db: Executor,
  id: string,
  set: Pick<MailMessageRow, 'status' | 'last_error' | 'updated_at'> & Partial<Pick<MailMessageRow, 'raw' | 'sent_at'>>,
): Promise<void> {
  await db
    .updateTable('mail_messages')
    .set((eb) => ({ ...set, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

function filtered(db: Db, accountId: string, filters: OutboxFilters) {
  let qb = db.selectFrom('mail_messages').where('account_id', '=', accountId).where('status', '=', 'outbox');
  if (filters.to !== undefined) qb = qb.where('to_address', '=', filters.to);
  if (filters.session_id !== undefined) qb = qb.where('session_id', '=', filters.session_id);
  if (filters.kind !== undefined) qb = qb.where('kind', '=', filters.kind);
  return qb;
}

export async function listOutbox(
  db: Db,
  accountId: string,
  filters: OutboxFilters,
  page: { offset?: number; after?: SortKey | undefined; limit: number },
): Promise<MailMessageRow[]> {
  let qb = newestFirst(filtered(db, accountId, filters).selectAll(), page.after).limit(page.limit);
  if (page.offset !== undefined) qb = qb.offset(page.offset);
  return qb.execute();
}

export async function countOutbox(db: Db, accountId: string, filters: OutboxFilters): Promise<number> {
  const row = await filtered(db, accountId, filters)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The messages of several sessions, oldest first. */
export async function messagesOfSessions(db: Executor, sessionIds: readonly string[]): Promise<MailMessageRow[]> {
  if (sessionIds.length === 0) return [];
  return db
    .selectFrom('mail_messages')
    .selectAll()
    .where('session_id', 'in', sessionIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The messages of one session, oldest first (its invite history). */
export async function messagesOfSession(db: Executor, sessionId: string): Promise<MailMessageRow[]> {
  return db.selectFrom('mail_messages').selectAll().where('session_id', '=', sessionId).orderBy('created_at').orderBy('id').execute();
}
