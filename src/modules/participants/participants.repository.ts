import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Dialect, Executor } from '../../db/database.js';
import { newestFirst } from '../../db/keyset.js';
import { forUpdate } from '../../db/locking.js';
import type { ParticipantRow, ParticipantTagRow } from '../../db/schema.js';
import { PARTICIPANT_COLUMNS, type ParticipantRecord } from './participants.model.js';
import type { ParticipantFilters } from './participants.schemas.js';

/** Rows per INSERT: keeps the parameter count under both databases' limits (PostgreSQL: 65,535). */
const PARTICIPANTS_PER_STATEMENT = 500;
const TAGS_PER_STATEMENT = 2000;

const P_COLUMNS = PARTICIPANT_COLUMNS.map((column) => `p.${column}` as const);

export interface SortKey {
  created_at: string;
  id: string;
}

export type PageWindow = { offset: number; limit: number } | { after: SortKey | undefined; limit: number };

/** Inserts the rows whose identity is free; returns the ids actually inserted. */
export async function insertNew(db: Executor, rows: readonly ParticipantRow[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (let start = 0; start < rows.length; start += PARTICIPANTS_PER_STATEMENT) {
    const result = await db
      .insertInto('participants')
      .values(rows.slice(start, start + PARTICIPANTS_PER_STATEMENT))
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .execute();
    for (const row of result) inserted.add(row.id);
  }
  return inserted;
}

/** Ids of stored participants by identity: `template_key + "\n" + email_normalized` → id. */
export async function findIdsByIdentity(
  db: Executor,
  accountId: string,
  identities: readonly { template_key: string; email_normalized: string }[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const emails = [...new Set(identities.map((i) => i.email_normalized))];
  for (let start = 0; start < emails.length; start += PARTICIPANTS_PER_STATEMENT) {
    const rows = await db
      .selectFrom('participants')
      .select(['id', 'template_key', 'email_normalized'])
      .where('account_id', '=', accountId)
      .where('email_normalized', 'in', emails.slice(start, start + PARTICIPANTS_PER_STATEMENT))
      .execute();
    for (const row of rows) found.set(`${row.template_key}\n${row.email_normalized}`, row.id);
  }
  return found;
}

export async function insertTags(db: Executor, rows: readonly ParticipantTagRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += TAGS_PER_STATEMENT) {
    await db
      .insertInto('participant_tags')
      .values(rows.slice(start, start + TAGS_PER_STATEMENT))
      .execute();
  }
}

export async function deleteTags(db: Executor, participantId: string): Promise<void> {
  await db.deleteFrom('participant_tags').where('participant_id', '=', participantId).execute();
}

export async function findParticipant(db: Executor, accountId: string, id: string): Promise<ParticipantRecord | undefined> {
  return db
    .selectFrom('participants')
    .select(PARTICIPANT_COLUMNS)
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function lockParticipant(
  db: Executor,
  dialect: Dialect,
  accountId: string,
  id: string,
): Promise<ParticipantRecord | undefined> {
  return forUpdate(
    db.selectFrom('participants').select(PARTICIPANT_COLUMNS).where('account_id', '=', accountId).where('id', '=', id),
    dialect,
  ).executeTakeFirst();
}

export async function updateParticipant(db: Executor, row: ParticipantRow): Promise<void> {
  const { id, account_id: accountId, created_at: _created, ...set } = row;
  await db.updateTable('participants').set(set).where('account_id', '=', accountId).where('id', '=', id).execute();
}

export async function deleteParticipant(db: Executor, accountId: string, id: string): Promise<number> {
  const result = await db.deleteFrom('participants').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows);
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Conditions on the participant row `p`, shared by both query shapes below. */
function conditions(accountId: string, filters: ParticipantFilters): RawBuilder<SqlBool>[] {
  const out: RawBuilder<SqlBool>[] = [sql<SqlBool>`p.account_id = ${accountId}`];
  if (filters.evaluation_template_id !== undefined) out.push(sql<SqlBool>`p.template_id = ${filters.evaluation_template_id}`);
  if (filters.status !== undefined) out.push(sql<SqlBool>`p.status = ${filters.status}`);
  if (filters.email !== undefined) out.push(sql<SqlBool>`p.email_normalized = ${filters.email}`);
  if (filters.external_id !== undefined) out.push(sql<SqlBool>`p.external_id = ${filters.external_id}`);
  if (filters.q !== undefined) out.push(sql<SqlBool>`p.search_text like ${likePattern(filters.q)} escape '\\'`);
  if (filters.created_after !== undefined) out.push(sql<SqlBool>`p.created_at >= ${filters.created_after}`);
  if (filters.created_before !== undefined) out.push(sql<SqlBool>`p.created_at < ${filters.created_before}`);
  if (filters.updated_after !== undefined) out.push(sql<SqlBool>`p.updated_at >= ${filters.updated_after}`);
  return out;
}

/**
 * Without a tag filter the query walks one of the participants indexes. With tags it is
 * driven by the tag index (account, tag, created_at, participant): the first tag gives the
 * rows in list order, each further tag is a primary-key probe, and nothing reads JSON.
 */
function filtered(db: Executor, accountId: string, filters: ParticipantFilters) {
  const [firstTag, ...otherTags] = filters.tag ?? [];
  const where = conditions(accountId, filters);
  if (firstTag === undefined) {
    let qb = db.selectFrom('participants as p');
    for (const condition of where) qb = qb.where(condition);
    return { kind: 'plain' as const, qb };
  }
  let qb = db
    .selectFrom('participant_tags as t')
    .innerJoin('participants as p', 'p.id', 't.participant_id')
    .where('t.account_id', '=', accountId)
    .where('t.tag_normalized', '=', firstTag);
  for (const tag of otherTags) {
    qb = qb.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('participant_tags as o')
          .select(sql.lit(1).as('one'))
          .whereRef('o.participant_id', '=', 't.participant_id')
          .where('o.tag_normalized', '=', tag),
      ),
    );
  }
  for (const condition of where) qb = qb.where(condition);
  return { kind: 'tagged' as const, qb };
}

export async function listParticipants(
  db: Executor,
  accountId: string,
  filters: ParticipantFilters,
  page: PageWindow,
): Promise<ParticipantRecord[]> {
  const after = 'after' in page ? page.after : undefined;
  const query = filtered(db, accountId, filters);
  if (query.kind === 'plain') {
    let qb = newestFirst(query.qb.select(P_COLUMNS), after, 'p').limit(page.limit);
    if ('offset' in page) qb = qb.offset(page.offset);
    return qb.execute();
  }
  let qb = query.qb.select(P_COLUMNS);
  if (after !== undefined) {
    qb = qb.where(sql<SqlBool>`(t.created_at, t.participant_id) < (${after.created_at}, ${after.id})`);
  }
  qb = qb.orderBy('t.created_at', 'desc').orderBy('t.participant_id', 'desc').limit(page.limit);
  if ('offset' in page) qb = qb.offset(page.offset);
  return qb.execute();
}

export async function countParticipants(db: Executor, accountId: string, filters: ParticipantFilters): Promise<number> {
  const query = filtered(db, accountId, filters);
  const row =
    query.kind === 'plain'
      ? await query.qb.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
      : await query.qb.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
