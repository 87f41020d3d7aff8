import type { Executor } from '../../db/database.js';
import type { EventRow } from '../../db/schema.js';

/** Rows per INSERT statement: 5 parameters each stays far below either database's limit. */
const ROWS_PER_STATEMENT = 500;

export async function insertEvents(db: Executor, rows: readonly EventRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    await db
      .insertInto('events')
      .values(rows.slice(start, start + ROWS_PER_STATEMENT))
      .execute();
  }
}

export async function listEvents(
  db: Executor,
  accountId: string,
  options: { afterId?: string | undefined; limit: number },
): Promise<EventRow[]> {
  let qb = db.selectFrom('events').selectAll().where('account_id', '=', accountId);
  if (options.afterId !== undefined) qb = qb.where('id', '>', options.afterId);
  return qb.orderBy('id').limit(options.limit).execute();
}
