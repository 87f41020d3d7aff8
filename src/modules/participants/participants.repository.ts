import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Dialect, Executor } from '../../db/database.js';
import { newestFirst } from '../../db/keyset.js';
import { forUpdate } from '../../db/locking.js';
import { prepared, preparedInsert } from '../../db/precompiled.js';
import type { ParticipantRow, ParticipantTagRow } from '../../db/schema.js';
import type { ParticipantFilters } from './participants.schemas.js';

/** Rows per INSERT: keeps the parameter count under both databases' limits (PostgreSQL: 65,535). */
const PARTICIPANTS_PER_STATEMENT = 500;
const TAGS_PER_STATEMENT = 250;

/** What reads take: the stored document, and the sort key for keyset paging. */
export interface StoredParticipant {
  id: string;
  created_at: string;
  doc: string;
}

const STORED = ['id', 'created_at', 'doc'] as const;
const P_STORED = ['p.id', 'p.created_at', 'p.doc'] as const;

export interface SortKey {
  created_at: string;
  id: string;
}

export type PageWindow = { offset: number; limit: number } | { after: SortKey | undefined; limit: number };

const PARTICIPANT_COLUMNS = [
  'id',
  'account_id',
  'template_id',
  'template_key',
  'email_normalized',
  'search_text',
  'external_id',
  'status',
  'created_at',
  'updated_at',
  'doc',
] as const;

const insertIfNew = preparedInsert('participants', PARTICIPANT_COLUMNS, {
  maxRows: PARTICIPANTS_PER_STATEMENT,
  finish: (insert) => insert.onConflict((oc) => oc.doNothing()).returning('id'),
});

/** Inserts the rows whose identity is free; returns the ids actually inserted. */
export async function insertNew(db: Executor, rows: readonly ParticipantRow[]): Promise<Set<string>> {
  return new Set((await insertIfNew(db, rows)).map((row) => row.id));
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

const insertTagRows = preparedInsert('participant_tags', ['participant_id', 'account_id', 'tag_normalized', 'created_at'], {
  maxRows: TAGS_PER_STATEMENT,
});

export async function insertTags(db: Executor, rows: readonly ParticipantTagRow[]): Promise<void> {
  await insertTagRows(db, rows);
}

export async function deleteTags(db: Executor, participantId: string): Promise<void> {
  await db.deleteFrom('participant_tags').where('participant_id', '=', participantId).execute();
}

const byId = prepared((db, arg) => db.selectFrom('participants').select(STORED).where('account_id', '=', arg(0)).where('id', '=', arg(1)));

export async function findParticipant(db: Executor, accountId: string, id: string): Promise<StoredParticipant | undefined> {
  return (await byId(db, [accountId, id])).rows[0];
}

export async function lockParticipant(
  db: Executor,
  dialect: Dialect,
  accountId: string,
  id: string,
): Promise<StoredParticipant | undefined> {
  return forUpdate(
    db.selectFrom('participants').select(STORED).where('account_id', '=', accountId).where('id', '=', id),
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

/** Conditions on the participant row `p` (the account aside), shared by both query shapes below. */
function rowConditions(filters: ParticipantFilters): RawBuilder<SqlBool>[] {
  const out: RawBuilder<SqlBool>[] = [];
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

/** The account's participants matching the filters, when no tag is asked for. */
function untagged(db: Executor, accountId: string, filters: ParticipantFilters) {
  let qb = db.selectFrom('participants as p').where('p.account_id', '=', accountId);
  for (const condition of rowConditions(filters)) qb = qb.where(condition);
  return qb;
}

/**
 * Tag rows having every tag: driven by the tag index (account, tag, created_at, participant),
 * the first tag gives rows in list order, each further tag is a primary-key probe. No JSON read.
 */
function taggedRows(db: Executor, accountId: string, firstTag: string, otherTags: readonly string[]) {
  let qb = db.selectFrom('participant_tags as t').where('t.account_id', '=', accountId).where('t.tag_normalized', '=', firstTag);
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
  return qb;
}

function tagged(db: Executor, accountId: string, firstTag: string, otherTags: readonly string[], filters: ParticipantFilters) {
  let qb = taggedRows(db, accountId, firstTag, otherTags)
    .innerJoin('participants as p', 'p.id', 't.participant_id')
    .where('p.account_id', '=', accountId);
  for (const condition of rowConditions(filters)) qb = qb.where(condition);
  return qb;
}

export async function listParticipants(
  db: Executor,
  accountId: string,
  filters: ParticipantFilters,
  page: PageWindow,
): Promise<StoredParticipant[]> {
  const after = 'after' in page ? page.after : undefined;
  const [firstTag, ...otherTags] = filters.tag ?? [];
  if (firstTag === undefined) {
    let qb = newestFirst(untagged(db, accountId, filters).select(P_STORED), after, 'p').limit(page.limit);
    if ('offset' in page) qb = qb.offset(page.offset);
    return qb.execute();
  }
  let qb = tagged(db, accountId, firstTag, otherTags, filters).select(P_STORED);
  if (after !== undefined) {
    qb = qb.where(sql<SqlBool>`(t.created_at, t.participant_id) < (${after.created_at}, ${after.id})`);
  }
  qb = qb.orderBy('t.created_at', 'desc').orderBy('t.participant_id', 'desc').limit(page.limit);
  if ('offset' in page) qb = qb.offset(page.offset);
  return qb.execute();
}

export async function countParticipants(db: Executor, accountId: string, filters: ParticipantFilters): Promise<number> {
  const [firstTag, ...otherTags] = filters.tag ?? [];
  const count = sql<number>`count(*)`.as('n');
  let row: { n: number };
  if (firstTag === undefined) {
    row = await untagged(db, accountId, filters).select(count).executeTakeFirstOrThrow();
  } else if (rowConditions(filters).length === 0) {
    // Tags alone: counted in the tag index, without visiting the participants.
    row = await taggedRows(db, accountId, firstTag, otherTags).select(count).executeTakeFirstOrThrow();
  } else {
    row = await tagged(db, accountId, firstTag, otherTags, filters).select(count).executeTakeFirstOrThrow();
  }
  return Number(row.n);
}
