import type { Executor } from '../../db/database.js';
import { preparedInsert } from '../../db/precompiled.js';
import type { EventRow } from '../../db/schema.js';

const insertRows = preparedInsert('events', ['id', 'account_id', 'type', 'payload', 'occurred_at', 'fanout_endpoints'], { maxRows: 500 });

export async function insertEvents(db: Executor, rows: readonly EventRow[]): Promise<void> {
  await insertRows(db, rows);
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

/**
 * Retention: events older than `cutoff` go, except those webhook delivery still needs — one
 * waiting for its fan-out, or one with delivery rows (kept for WEBHOOK_RETENTION_DAYS, and while
 * pending); such an event goes at the first purge after them.
 */
export async function deleteEventsBefore(db: Executor, cutoff: string): Promise<number> {
  const result = await db
    .deleteFrom('events')
    .where('occurred_at', '<', cutoff)
    .where('fanout_endpoints', 'is', null)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('webhook_deliveries as d').select('d.id').whereRef('d.event_id', '=', 'events.id'))))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
