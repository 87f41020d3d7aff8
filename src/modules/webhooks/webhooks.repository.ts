import { PostgresAdapter, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { prepared, preparedInsert } from '../../db/precompiled.js';

const isPostgres = (db: Executor): boolean => db.getExecutor().adapter instanceof PostgresAdapter;
import type { WebhookAttemptRow, WebhookDeliveryRow, WebhookEndpointRow } from '../../db/schema.js';

// ---- endpoints ----

export async function insertEndpoint(db: Executor, row: WebhookEndpointRow): Promise<void> {
  await db.insertInto('webhook_endpoints').values(row).execute();
}

export async function findEndpoint(db: Executor, accountId: string, id: string): Promise<WebhookEndpointRow | undefined> {
  return db.selectFrom('webhook_endpoints').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
}

export async function findEndpointById(db: Executor, id: string): Promise<WebhookEndpointRow | undefined> {
  return db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listEndpoints(
  db: Executor,
  accountId: string,
  page: { offset: number; limit: number },
): Promise<{ rows: WebhookEndpointRow[]; total: number }> {
  const rows = await db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  const count = await db
    .selectFrom('webhook_endpoints')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

export async function updateEndpoint(
  db: Executor,
  accountId: string,
  id: string,
  changes: Partial<Omit<WebhookEndpointRow, 'id' | 'account_id' | 'created_at'>>,
): Promise<number> {
  const result = await db.updateTable('webhook_endpoints').set(changes).where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function deleteEndpoint(db: Executor, accountId: string, id: string): Promise<number> {
  const deliveries = db.selectFrom('webhook_deliveries').select('id').where('endpoint_id', '=', id).where('account_id', '=', accountId);
  await db.deleteFrom('webhook_attempts').where('delivery_id', 'in', deliveries).execute();
  await db.deleteFrom('webhook_deliveries').where('endpoint_id', '=', id).where('account_id', '=', accountId).execute();
  const result = await db.deleteFrom('webhook_endpoints').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The fan-out's one question per recorded batch of events (index account_id, status). */
const enabledEndpoints = prepared((db, arg) =>
  db.selectFrom('webhook_endpoints').select(['id', 'events']).where('account_id', '=', arg(0)).where('status', '=', 'enabled'),
);

export async function listEnabledEndpoints(db: Executor, accountId: string): Promise<{ id: string; events: string }[]> {
  return (await enabledEndpoints(db, [accountId])).rows;
}

/* A fan-out's or sender's job row (locked on PostgreSQL until commit). */
const jobStatus = prepared((db, arg) => {
  const query = db.selectFrom('jobs').select(['status', 'run_at']).where('dedupe_key', '=', arg(0));
  return isPostgres(db) ? query.forUpdate() : query;
});

/** Whether the job with this dedupe key is queued, not started, to run by `by`. */
export async function jobQueued(db: Executor, dedupeKey: string, by: string): Promise<boolean> {
  const row = (await jobStatus(db, [dedupeKey])).rows[0];
  return row !== undefined && row.status === 'pending' && row.run_at <= by;
}

export async function endpointIds(db: Executor, accountId: string): Promise<string[]> {
  return (await db.selectFrom('webhook_endpoints').select('id').where('account_id', '=', accountId).execute()).map((row) => row.id);
}

// ---- fan-out (events marked for endpoints; index events_fanout_idx) ----

export async function eventsToFanOut(
  db: Executor,
  accountId: string,
  limit: number,
): Promise<{ id: string; type: string; fanout_endpoints: string }[]> {
  const query = db
    .selectFrom('events')
    .select(['id', 'type', 'fanout_endpoints'])
    .where('account_id', '=', accountId)
    .where('fanout_endpoints', 'is not', null)
    .orderBy('id')
    .limit(limit)
    .$narrowType<{ fanout_endpoints: string }>();
  // Two runs of one account (one running, one queued) on PostgreSQL take different events.
  return isPostgres(db) ? query.forUpdate().skipLocked().execute() : query.execute();
}

/** Accounts with marked events and no fan-out job (key: prefix + account id) queued or running. */
export async function accountsWithStrandedFanOut(db: Executor, jobKeyPrefix: string): Promise<string[]> {
  const rows = await db
    .selectFrom('events as e')
    .select('e.account_id')
    .distinct()
    .where('e.fanout_endpoints', 'is not', null)
    .where(({ not, exists, selectFrom, val, ref }) =>
      not(
        exists(
          selectFrom('jobs as j')
            .select('j.id')
            .where('j.dedupe_key', '=', sql<string>`${val(jobKeyPrefix)} || ${ref('e.account_id')}`)
            .where('j.status', 'in', ['pending', 'running']),
        ),
      ),
    )
    .execute();
  return rows.map((row) => row.account_id);
}

/** Enabled endpoints with pending deliveries and no sender (key: prefix + endpoint id) queued or running. */
export async function endpointsWithStrandedDeliveries(db: Executor, jobKeyPrefix: string): Promise<{ id: string; account_id: string }[]> {
  return db
    .selectFrom('webhook_endpoints as w')
    .select(['w.id', 'w.account_id'])
    .where('w.status', '=', 'enabled')
    .where(({ and, not, exists, selectFrom, val, ref }) =>
      and([
        exists(selectFrom('webhook_deliveries as d').select('d.id').whereRef('d.endpoint_id', '=', 'w.id').where('d.status', '=', 'pending')),
        not(
          exists(
            selectFrom('jobs as j')
              .select('j.id')
              .where('j.dedupe_key', '=', sql<string>`${val(jobKeyPrefix)} || ${ref('w.id')}`)
              .where('j.status', 'in', ['pending', 'running']),
          ),
        ),
      ]),
    )
    .execute();
}

export async function clearFanOut(db: Executor, eventIds: readonly string[]): Promise<void> {
  if (eventIds.length > 0) await db.updateTable('events').set({ fanout_endpoints: null }).where('id', 'in', eventIds).execute();
}

/** Owners' and admins' addresses (mailed when an endpoint is disabled). */
export async function managerEmails(db: Executor, accountId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.email')
    .where('memberships.account_id', '=', accountId)
    .where('memberships.role', 'in', ['owner', 'admin'])
    .execute();
  return rows.map((row) => row.email);
}

// ---- deliveries ----

export const DELIVERY_COLUMNS = [
  'id',
  'account_id',
  'endpoint_id',
  'event_id',
  'event_type',
  'status',
  'attempts',
  'last_status_code',
  'last_error',
  'next_attempt_at',
  'locked_until',
  'delivered_at',
  'created_at',
  'updated_at',
] as const;

const insertDeliveryRows = preparedInsert('webhook_deliveries', DELIVERY_COLUMNS, { maxRows: 200 });

export async function insertDeliveries(db: Executor, rows: readonly WebhookDeliveryRow[]): Promise<void> {
  if (rows.length > 0) await insertDeliveryRows(db, rows);
}

export async function findDelivery(db: Executor, accountId: string, id: string): Promise<WebhookDeliveryRow | undefined> {
  return db.selectFrom('webhook_deliveries').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
}

export interface DeliveryForSend {
  delivery_id: string;
  attempts: number;
  event_id: string;
  event_type: string;
  payload: string;
  occurred_at: string;
}

/** What the attempts need: each delivery with its event, in one read. */
export async function findDeliveriesForSend(db: Executor, ids: readonly string[]): Promise<DeliveryForSend[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('events as v', 'v.id', 'd.event_id')
    .select(['d.id as delivery_id', 'd.attempts', 'v.id as event_id', 'v.type as event_type', 'v.payload', 'v.occurred_at'])
    .where('d.id', 'in', ids)
    .execute();
  return rows;
}

/**
 * Takes up to `limit` due deliveries of an endpoint for a sender, until `until` (so that two
 * senders never send the same one at once, and a crashed sender's are taken over later).
 */
export async function claimDue(db: Executor, endpointId: string, now: string, until: string, limit: number): Promise<string[]> {
  if (limit <= 0) return [];
  let due = db
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('endpoint_id', '=', endpointId)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit);
  if (isPostgres(db)) due = due.forUpdate().skipLocked();
  const rows = await db.updateTable('webhook_deliveries').set({ locked_until: until }).where('id', 'in', due).returning('id').execute();
  return rows.map((row) => row.id);
}

/**
 * Locks an endpoint's row until commit (PostgreSQL; SQLite's one writer already serialises), so
 * that two senders of one endpoint count and claim its in-flight deliveries one after the other.
 */
export async function lockEndpoint(db: Executor, endpointId: string): Promise<void> {
  if (isPostgres(db)) await db.selectFrom('webhook_endpoints').select('id').where('id', '=', endpointId).forUpdate().execute();
}

/** Deliveries of an endpoint being sent right now (held by a sender). */
export async function countInFlight(db: Executor, endpointId: string, now: string): Promise<number> {
  const row = await db
    .selectFrom('webhook_deliveries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('endpoint_id', '=', endpointId)
    .where('status', '=', 'pending')
    .where('locked_until', '>=', now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** When the next pending delivery of an endpoint that nobody holds falls due (null: none). */
export async function nextDue(db: Executor, endpointId: string, now: string): Promise<string | null> {
  const row = await db
    .selectFrom('webhook_deliveries')
    .select((eb) => eb.fn.min('next_attempt_at').as('at'))
    .where('endpoint_id', '=', endpointId)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .executeTakeFirst();
  return (row?.at as string | null | undefined) ?? null;
}

export interface DeliveryFilters {
  status?: WebhookDeliveryRow['status'] | undefined;
  event?: string | undefined;
}

export async function listDeliveries(
  db: Executor,
  accountId: string,
  endpointId: string,
  filters: DeliveryFilters,
  page: { offset: number; limit: number },
): Promise<{ rows: WebhookDeliveryRow[]; total: number }> {
  let base = db.selectFrom('webhook_deliveries').where('account_id', '=', accountId).where('endpoint_id', '=', endpointId);
  if (filters.status !== undefined) base = base.where('status', '=', filters.status);
  if (filters.event !== undefined) base = base.where('event_type', '=', filters.event);
  const rows = await base.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').offset(page.offset).limit(page.limit).execute();
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

export async function failedDeliveriesSince(db: Executor, accountId: string, endpointId: string, since: string): Promise<string[]> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('account_id', '=', accountId)
    .where('endpoint_id', '=', endpointId)
    .where('status', '=', 'failed')
    .where('created_at', '>=', since)
    .execute();
  return rows.map((row) => row.id);
}

export async function updateDelivery(
  db: Executor,
  id: string,
  changes: Partial<Omit<WebhookDeliveryRow, 'id' | 'account_id' | 'endpoint_id' | 'event_id' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('webhook_deliveries').set(changes).where('id', '=', id).execute();
}

/** Marks still-pending deliveries of an endpoint failed (it was disabled). */
export async function failPendingOfEndpoint(db: Executor, endpointId: string, error: string, now: string): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'failed', last_error: error, next_attempt_at: null, locked_until: null, updated_at: now })
    .where('endpoint_id', '=', endpointId)
    .where('status', '=', 'pending')
    .execute();
}

// ---- attempts ----

const insertAttemptRow = preparedInsert('webhook_attempts', ['id', 'delivery_id', 'attempted_at', 'status_code', 'latency_ms', 'error', 'response_body'], {
  maxRows: 1,
});

export async function insertAttempt(db: Executor, row: WebhookAttemptRow): Promise<void> {
  await insertAttemptRow(db, [row]);
}

export async function listAttempts(db: Executor, deliveryId: string): Promise<WebhookAttemptRow[]> {
  return db.selectFrom('webhook_attempts').selectAll().where('delivery_id', '=', deliveryId).orderBy('attempted_at').orderBy('id').execute();
}

// ---- retention ----

/** Deliveries (and their attempts) created before `cutoff`. */
export async function deleteDeliveriesBefore(db: Executor, cutoff: string): Promise<number> {
  // A delivery still being retried stays, however old.
  const old = db.selectFrom('webhook_deliveries').select('id').where('created_at', '<', cutoff).where('status', '!=', 'pending');
  await db.deleteFrom('webhook_attempts').where('delivery_id', 'in', old).execute();
  const result = await db.deleteFrom('webhook_deliveries').where('created_at', '<', cutoff).where('status', '!=', 'pending').executeTakeFirst();
  return Number(result.numDeletedRows);
}
