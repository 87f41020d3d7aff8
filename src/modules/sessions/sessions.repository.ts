import { sql } from 'kysely';
import type { Executor, Tx } from '../../db/database.js';
import { newestFirst } from '../../db/keyset.js';
import { forUpdate } from '../../db/locking.js';
import type { SessionRow, SessionsTable } from '../../db/schema.js';
import type { SortKey } from '../../lib/pagination.js';
import { OPEN_STATUSES, type SessionFilters } from './sessions.schemas.js';

/** SQL for sessions only; the service holds the rules. */

/**
 * Inserts a session unless the open-session index (one scheduled or in-progress session per
 * participant and stage) already holds one: the database decides, not a prior read. True when
 * the row went in.
 */
export async function insertIfNoOpenSession(tx: Tx, row: SessionRow): Promise<boolean> {
  const inserted = await tx
    .insertInto('sessions')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function findOpenSession(db: Executor, participantId: string, stage: string): Promise<SessionRow | undefined> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('participant_id', '=', participantId)
    .where('stage', '=', stage)
    .where('status', 'in', OPEN_STATUSES)
    .executeTakeFirst();
}

export async function lockOpenSession(tx: Tx, participantId: string, stage: string): Promise<SessionRow | undefined> {
  return forUpdate(
    tx,
    tx.selectFrom('sessions').selectAll().where('participant_id', '=', participantId).where('stage', '=', stage).where('status', 'in', OPEN_STATUSES),
  ).executeTakeFirst();
}

export async function lockOpenSessionsOfParticipant(tx: Tx, accountId: string, participantId: string): Promise<SessionRow[]> {
  return forUpdate(
    tx,
    tx
      .selectFrom('sessions')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('participant_id', '=', participantId)
      .where('status', 'in', OPEN_STATUSES)
      .orderBy('created_at'),
  ).execute();
}

export async function findSession(db: Executor, accountId: string, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
}

/** Any account's session (background jobs carry the id alone). */
export async function findSessionById(db: Executor, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockSession(tx: Tx, accountId: string, id: string): Promise<SessionRow | undefined> {
  return forUpdate(tx, tx.selectFrom('sessions').selectAll().where('account_id', '=', accountId).where('id', '=', id)).executeTakeFirst();
}

export async function findByJoinTokenHash(db: Executor, hash: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('join_token_hash', '=', hash).executeTakeFirst();
}

export async function updateSession(
  db: Executor,
  id: string,
  set: Partial<Omit<SessionsTable, 'id' | 'account_id' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('sessions').set(set).where('id', '=', id).execute();
}

function filtered(db: Executor, accountId: string, filters: SessionFilters) {
  let qb = db.selectFrom('sessions').where('account_id', '=', accountId);
  if (filters.candidate_id !== undefined) qb = qb.where('participant_id', '=', filters.candidate_id);
  if (filters.status !== undefined) qb = qb.where('status', '=', filters.status);
  if (filters.evaluation_template_id !== undefined) qb = qb.where('template_id', '=', filters.evaluation_template_id);
  if (filters.stage !== undefined) qb = qb.where('stage', '=', filters.stage);
  // Stored timestamps are fixed-width UTC text: they compare as text on both databases.
  if (filters.scheduled_after !== undefined) qb = qb.where('scheduled_at', '>=', filters.scheduled_after);
  if (filters.scheduled_before !== undefined) qb = qb.where('scheduled_at', '<', filters.scheduled_before);
  if (filters.updated_after !== undefined) qb = qb.where('updated_at', '>=', filters.updated_after);
  return qb;
}

export async function listSessions(
  db: Executor,
  accountId: string,
  filters: SessionFilters,
  page: { offset: number; limit: number } | { after: SortKey | undefined; limit: number },
): Promise<SessionRow[]> {
  let qb = newestFirst(filtered(db, accountId, filters).selectAll(), 'after' in page ? page.after : undefined).limit(page.limit);
  if ('offset' in page) qb = qb.offset(page.offset);
  return qb.execute();
}

export async function countSessions(db: Executor, accountId: string, filters: SessionFilters): Promise<number> {
  const row = await filtered(db, accountId, filters)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function joinKey(db: Executor): Promise<string | undefined> {
  const row = await db.selectFrom('server_secrets').select('value').where('name', '=', 'join_link').executeTakeFirst();
  return row?.value;
}
