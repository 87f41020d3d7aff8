import { sql, type Compilable, type QueryResult, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor, Tx } from '../../db/database.js';
import { newestFirst } from '../../db/keyset.js';
import { forUpdate } from '../../db/locking.js';
import { prepared, preparedColumn, preparedInsert, type Arg } from '../../db/precompiled.js';
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
const P_LISTED = ['p.id', 'p.doc'] as const;

/** A row of a list: its document and its place in the list's order (the sort column's value, then id). */
export interface ListedParticipant {
  id: string;
  doc: string;
  sort_value: string;
}

/** The sort column's value and the id of the row a cursor page starts after. */
export interface ListPosition {
  value: string;
  id: string;
}

export type PageWindow = { offset: number; limit: number } | { after: ListPosition | undefined; limit: number };

export type SortField = 'created_at' | 'name' | 'status';
export interface ListSort {
  field: SortField;
  direction: 'asc' | 'desc';
}

/** Newest first: the order of every list unless it asks for another. */
export const DEFAULT_SORT: ListSort = { field: 'created_at', direction: 'desc' };

/**
 * The column each sort reads. Names sort by `search_text` (the lower-cased name, then the
 * email): case-insensitive by name, the same on both databases, and kept in an index.
 */
const SORT_COLUMNS: Record<SortField, 'created_at' | 'search_text' | 'status'> = {
  created_at: 'created_at',
  name: 'search_text',
  status: 'status',
};

/** Every column of a participant row, in insert order (the bench seeder writes the same). */
export const PARTICIPANT_COLUMNS = [
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

/** Stripes of an account's maintained count (see migration 0011-participant-counts). */
const COUNT_STRIPES = 8;

const addToCount = prepared((db, arg) =>
  db
    .insertInto('participant_counts')
    .values({ account_id: arg(0), stripe: arg<number>(1), n: arg<number>(2) })
    .onConflict((oc) => oc.columns(['account_id', 'stripe']).doUpdateSet((eb) => ({ n: eb('participant_counts.n', '+', eb.ref('excluded.n')) }))),
);

/** One stripe per transaction, so that a transaction never holds the locks of two stripes. */
const stripeOf = new WeakMap<Tx, number>();

/** Adds `delta` to the account's maintained participant count, in the caller's transaction. */
export async function adjustCount(tx: Tx, accountId: string, delta: number): Promise<void> {
  if (delta === 0) return;
  let stripe = stripeOf.get(tx);
  if (stripe === undefined) {
    stripe = Math.floor(Math.random() * COUNT_STRIPES);
    stripeOf.set(tx, stripe);
  }
  await addToCount(tx, [accountId, stripe, delta]);
}

const maintainedCount = prepared((db, arg) =>
  db
    .selectFrom('participant_counts')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('n'), eb.lit(0)).as('n'))
    .where('account_id', '=', arg(0)),
);

/** Inserts the rows whose identity is free (and counts them); returns the ids actually inserted. */
export async function insertNew(tx: Tx, rows: readonly ParticipantRow[]): Promise<Set<string>> {
  const inserted = new Set((await insertIfNew(tx, rows)).map((row) => row.id));
  const perAccount = new Map<string, number>();
  for (const row of rows) if (inserted.has(row.id)) perAccount.set(row.account_id, (perAccount.get(row.account_id) ?? 0) + 1);
  for (const [accountId, n] of perAccount) await adjustCount(tx, accountId, n);
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

const insertTagRows = preparedInsert('participant_tags', ['participant_id', 'account_id', 'tag_normalized', 'created_at'], {
  maxRows: TAGS_PER_STATEMENT,
});

export async function insertTags(db: Executor, rows: readonly ParticipantTagRow[]): Promise<void> {
  await insertTagRows(db, rows);
}

export async function deleteTags(db: Executor, participantId: string): Promise<void> {
  await db.deleteFrom('participant_tags').where('participant_id', '=', participantId).execute();
}

const docById = preparedColumn<string>((db, arg) => db.selectFrom('participants').select('doc').where('account_id', '=', arg(0)).where('id', '=', arg(1)));

/** Only the stored document (a GET answers it as it is). */
export async function findDocument(db: Executor, accountId: string, id: string): Promise<string | undefined> {
  return (await docById(db, [accountId, id]))[0];
}

/** Several participants of an account by id (other modules read them through the service). */
export async function findParticipants(db: Executor, accountId: string, ids: readonly string[]): Promise<StoredParticipant[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('participants').select(STORED).where('account_id', '=', accountId).where('id', 'in', ids).execute();
}

export async function lockParticipant(tx: Tx, accountId: string, id: string): Promise<StoredParticipant | undefined> {
  return forUpdate(tx, tx.selectFrom('participants').select(STORED).where('account_id', '=', accountId).where('id', '=', id)).executeTakeFirst();
}

/** Several participants of the account, locked for a read-modify-write, in id order (so two callers lock alike). */
export async function lockParticipants(tx: Tx, accountId: string, ids: readonly string[]): Promise<StoredParticipant[]> {
  if (ids.length === 0) return [];
  return forUpdate(tx, tx.selectFrom('participants').select(STORED).where('account_id', '=', accountId).where('id', 'in', ids).orderBy('id')).execute();
}

/** Participants of the account by id, newest first (ids of no participant are left out). */
export async function findParticipantsByIds(db: Executor, accountId: string, ids: readonly string[]): Promise<StoredParticipant[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('participants')
    .select(STORED)
    .where('account_id', '=', accountId)
    .where('id', 'in', ids)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function updateParticipant(db: Executor, row: ParticipantRow): Promise<void> {
  const { id, account_id: accountId, created_at: _created, ...set } = row;
  await db.updateTable('participants').set(set).where('account_id', '=', accountId).where('id', '=', id).execute();
}

export async function deleteParticipant(tx: Tx, accountId: string, id: string): Promise<number> {
  const result = await tx.deleteFrom('participants').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  const deleted = Number(result.numDeletedRows);
  await adjustCount(tx, accountId, -deleted);
  return deleted;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/*
 * List and count queries are compiled once per shape (which filters are present, how many
 * tags, which page mode) and reused with that shape's values. Values are named; while a shape
 * is built, each name stands for a placeholder (see db/precompiled.ts).
 */

const MAX_TAG_FILTERS = 10;
const LIST_PARAMS = [
  'account',
  ...Array.from({ length: MAX_TAG_FILTERS }, (_, i) => `tag${i}` as const),
  'template',
  'status',
  'email',
  'external',
  'q',
  'createdAfter',
  'createdBefore',
  'updatedAfter',
  'afterValue',
  'afterId',
  'limit',
  'offset',
] as const;
type ListParam = (typeof LIST_PARAMS)[number];
type ListValues = Partial<Record<ListParam, string | number>>;
/** A value of the query, or its placeholder while the shape is being built. */
type Param = <T = string>(name: ListParam) => T;

function listValues(accountId: string, filters: ParticipantFilters, page?: PageWindow): ListValues {
  const values: ListValues = { account: accountId };
  (filters.tag ?? []).slice(0, MAX_TAG_FILTERS).forEach((tag, i) => {
    values[`tag${i}` as ListParam] = tag;
  });
  if (filters.evaluation_template_id !== undefined) values.template = filters.evaluation_template_id;
  if (filters.status !== undefined) values.status = filters.status;
  if (filters.email !== undefined) values.email = filters.email;
  if (filters.external_id !== undefined) values.external = filters.external_id;
  if (filters.q !== undefined) values.q = likePattern(filters.q);
  if (filters.created_after !== undefined) values.createdAfter = filters.created_after;
  if (filters.created_before !== undefined) values.createdBefore = filters.created_before;
  if (filters.updated_after !== undefined) values.updatedAfter = filters.updated_after;
  if (page !== undefined) {
    values.limit = page.limit;
    if ('offset' in page) values.offset = page.offset;
    else if (page.after !== undefined) {
      values.afterValue = page.after.value;
      values.afterId = page.after.id;
    }
  }
  return values;
}

/** Conditions on the participant row `p` (the account aside), shared by both query shapes below. */
function rowConditions(has: (name: ListParam) => boolean, p: Param): RawBuilder<SqlBool>[] {
  const out: RawBuilder<SqlBool>[] = [];
  if (has('template')) out.push(sql<SqlBool>`p.template_id = ${p('template')}`);
  if (has('status')) out.push(sql<SqlBool>`p.status = ${p('status')}`);
  if (has('email')) out.push(sql<SqlBool>`p.email_normalized = ${p('email')}`);
  if (has('external')) out.push(sql<SqlBool>`p.external_id = ${p('external')}`);
  if (has('q')) out.push(sql<SqlBool>`p.search_text like ${p('q')} escape '\\'`);
  if (has('createdAfter')) out.push(sql<SqlBool>`p.created_at >= ${p('createdAfter')}`);
  if (has('createdBefore')) out.push(sql<SqlBool>`p.created_at < ${p('createdBefore')}`);
  if (has('updatedAfter')) out.push(sql<SqlBool>`p.updated_at >= ${p('updatedAfter')}`);
  return out;
}

function tagCount(has: (name: ListParam) => boolean): number {
  let n = 0;
  while (n < MAX_TAG_FILTERS && has(`tag${n}` as ListParam)) n += 1;
  return n;
}

/** The account's participants matching the filters, when no tag is asked for. */
function untagged(db: Executor, has: (name: ListParam) => boolean, p: Param) {
  let qb = db.selectFrom('participants as p').where('p.account_id', '=', p('account'));
  for (const condition of rowConditions(has, p)) qb = qb.where(condition);
  return qb;
}

/**
 * Tag rows having every tag: driven by the tag index (account, tag, created_at, participant),
 * the first tag gives rows in list order, each further tag is a primary-key probe. No JSON read.
 */
function taggedRows(db: Executor, has: (name: ListParam) => boolean, p: Param) {
  let qb = db.selectFrom('participant_tags as t').where('t.account_id', '=', p('account')).where('t.tag_normalized', '=', p('tag0'));
  for (let i = 1; i < tagCount(has); i += 1) {
    const tag = p(`tag${i}` as ListParam);
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

function tagged(db: Executor, has: (name: ListParam) => boolean, p: Param) {
  let qb = taggedRows(db, has, p).innerJoin('participants as p', 'p.id', 't.participant_id').where('p.account_id', '=', p('account'));
  for (const condition of rowConditions(has, p)) qb = qb.where(condition);
  return qb;
}

function isDefaultSort(sort: ListSort): boolean {
  return sort.field === DEFAULT_SORT.field && sort.direction === DEFAULT_SORT.direction;
}

function buildList(db: Executor, has: (name: ListParam) => boolean, p: Param, sort: ListSort) {
  const after = has('afterId') ? { value: p('afterValue'), id: p('afterId') } : undefined;
  const window = <Q extends { limit(n: number): Q; offset(n: number): Q }>(qb: Q): Q => {
    const limited = qb.limit(p<number>('limit'));
    return has('offset') ? limited.offset(p<number>('offset')) : limited;
  };
  if (!isDefaultSort(sort)) {
    // Another order: by the sort column of the participant row, ties by id, both one way.
    const column = sql.ref(`p.${SORT_COLUMNS[sort.field]}`);
    const base = has('tag0') ? tagged(db, has, p) : untagged(db, has, p);
    let qb = base.select([...P_LISTED, sql<string>`${column}`.as('sort_value')]);
    if (after !== undefined) {
      qb =
        sort.direction === 'asc'
          ? qb.where(sql<SqlBool>`(${column}, p.id) > (${after.value}, ${after.id})`)
          : qb.where(sql<SqlBool>`(${column}, p.id) < (${after.value}, ${after.id})`);
    }
    return window(qb.orderBy(column, sort.direction).orderBy('p.id', sort.direction));
  }
  if (!has('tag0')) {
    const qb = newestFirst(
      untagged(db, has, p).select([...P_LISTED, 'p.created_at as sort_value']),
      after === undefined ? undefined : { created_at: after.value, id: after.id },
      'p',
    );
    return window(qb);
  }
  let qb = tagged(db, has, p).select([...P_LISTED, 'p.created_at as sort_value']);
  if (after !== undefined) qb = qb.where(sql<SqlBool>`(t.created_at, t.participant_id) < (${after.value}, ${after.id})`);
  return window(qb.orderBy('t.created_at', 'desc').orderBy('t.participant_id', 'desc'));
}

function buildCount(db: Executor, has: (name: ListParam) => boolean, p: Param, _sort: ListSort) {
  const count = sql<number>`count(*)`.as('n');
  if (!has('tag0')) return untagged(db, has, p).select(count);
  // Tags alone are counted in the tag index, without visiting the participants.
  if (rowConditions(has, p).length === 0) return taggedRows(db, has, p).select(count);
  return tagged(db, has, p).select(count);
}

type ShapeBuild<R> = (db: Executor, has: (name: ListParam) => boolean, p: Param, sort: ListSort) => Compilable<R>;

/** One query per shape of the filters (which parameters are present) and order, each prepared with `prepare`. */
function byShapeWith<R, Q>(prepare: (build: (db: Executor, arg: Arg) => Compilable<R>) => (db: Executor, args: readonly unknown[]) => Q, build: ShapeBuild<R>) {
  const shapes = new Map<string, (db: Executor, args: readonly unknown[]) => Q>();
  return (db: Executor, values: ListValues, sort: ListSort): Q => {
    const key = `${sort.field}:${sort.direction};${LIST_PARAMS.filter((name) => values[name] !== undefined).join(',')}`;
    let query = shapes.get(key);
    if (query === undefined) {
      const has = (name: ListParam) => values[name] !== undefined;
      query = prepare((builder, arg) => build(builder, has, <T,>(name: ListParam) => arg<T>(LIST_PARAMS.indexOf(name)), sort));
      shapes.set(key, query);
    }
    return query(db, LIST_PARAMS.map((name) => values[name]));
  };
}

function byShape<R>(build: ShapeBuild<R>): (db: Executor, values: ListValues, sort: ListSort) => Promise<QueryResult<R>> {
  return byShapeWith<R, Promise<QueryResult<R>>>(prepared, build);
}

/** The rows of buildList, their stored documents alone (see listParticipantDocuments). */
function buildListDocuments(db: Executor, has: (name: ListParam) => boolean, p: Param, sort: ListSort) {
  return buildList(db, has, p, sort).clearSelect().select('p.doc');
}

const listByShape = byShape(buildList);
const listDocumentsByShape = byShapeWith<{ doc: string }, Promise<string[]>>(preparedColumn<string>, buildListDocuments);
const countByShape = byShape(buildCount);

export async function listParticipants(
  db: Executor,
  accountId: string,
  filters: ParticipantFilters,
  page: PageWindow,
  sort: ListSort = DEFAULT_SORT,
): Promise<ListedParticipant[]> {
  return (await listByShape(db, listValues(accountId, filters, page), sort)).rows;
}

/**
 * The same page as listParticipants, only each row's stored document: no id or sort value per
 * row. On SQLite, reading two more text columns into every row of a 51-row page cost about as
 * much as the rest of the page's JavaScript (a third of the query's time); callers that need
 * one row's place take it from that row's document.
 */
export async function listParticipantDocuments(
  db: Executor,
  accountId: string,
  filters: ParticipantFilters,
  page: PageWindow,
  sort: ListSort = DEFAULT_SORT,
): Promise<string[]> {
  return listDocumentsByShape(db, listValues(accountId, filters, page), sort);
}

/** Whether the filters select every participant of the account (the order aside). */
function unfiltered(filters: ParticipantFilters): boolean {
  return Object.entries(filters).every(([name, value]) => name === 'sort' || value === undefined);
}

export async function countParticipants(db: Executor, accountId: string, filters: ParticipantFilters): Promise<number> {
  // The whole account: its maintained count, kept in the transaction of each insert and delete.
  if (unfiltered(filters)) return Number((await maintainedCount(db, [accountId])).rows[0]?.n ?? 0);
  const row = (await countByShape(db, listValues(accountId, filters), DEFAULT_SORT)).rows[0];
  return Number(row?.n ?? 0);
}
