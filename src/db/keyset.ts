import { sql, type SelectQueryBuilder } from 'kysely';

/**
 * Newest-first keyset paging on (created_at, id). The row-value comparison is understood by
 * both databases and walks the (account_id, created_at, id) index without an offset.
 */
export function newestFirst<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  after: { created_at: string; id: string } | undefined,
  alias?: string,
): SelectQueryBuilder<DB, TB, O> {
  const created = sql.ref(alias === undefined ? 'created_at' : `${alias}.created_at`);
  const id = sql.ref(alias === undefined ? 'id' : `${alias}.id`);
  let out = qb;
  if (after !== undefined) {
    out = out.where(sql<boolean>`(${created}, ${id}) < (${after.created_at}, ${after.id})`);
  }
  return out.orderBy(created, 'desc').orderBy(id, 'desc');
}
