import type { DatabaseHandle, Tx } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import type { EventRow, WebhookDeliveryRow } from '../../db/schema.js';
import type { JobQueue } from '../../jobs/queue.js';
import { isoNow, type Clock } from '../../lib/clock.js';
import * as repo from './webhooks.repository.js';

/** An endpoint's subscription to every event type. */
export const ALL_EVENTS = '*';
/** The fan-out of one account's recorded events into deliveries: one queued run per account at most. */
export const WEBHOOK_FAN_OUT_JOB = 'webhook.fan-out';
/** The sender of one endpoint (webhooks.delivery.ts): one queued run per endpoint at most. */
export const WEBHOOK_SEND_JOB = 'webhook.send';
/** Events per fan-out transaction. */
const FAN_OUT_BATCH = 500;

export interface FanOutDeps {
  database: DatabaseHandle;
  clock: Clock;
  jobs: JobQueue;
  /** The fan-out runs this much after the first event it takes, so that events made meanwhile go with it. */
  batchDelayMs: number;
}

/**
 * From recorded events to deliveries. The transaction that records events marks each with the
 * account's enabled endpoints subscribed to it at that moment and queues the account's fan-out
 * job; the job makes one delivery row per (endpoint, event) and queues each endpoint's sender.
 * Keeping the delivery rows (a table and five indexes) out of the change's own transaction is
 * what keeps a participant create with a subscribed endpoint close to one without.
 */
export class WebhookFanOut {
  constructor(private readonly deps: FanOutDeps) {}

  /**
   * Asked by EventsService for every batch of events, on the transaction that records them: the
   * mark to store on each event (a JSON array of endpoint ids), by event id. No endpoints: one
   * point read, nothing written.
   */
  async fanOut(tx: Tx, accountId: string, events: readonly Pick<EventRow, 'id' | 'type'>[]): Promise<Map<string, string> | undefined> {
    const endpoints = await repo.listEnabledEndpoints(tx, accountId);
    if (endpoints.length === 0) return undefined;
    const subscriptions = endpoints.map((endpoint) => ({ id: endpoint.id, events: parseEvents(endpoint.events) }));
    const marks = new Map<string, string>();
    for (const event of events) {
      const ids = subscriptions.filter((s) => s.events.includes(ALL_EVENTS) || s.events.includes(event.type)).map((s) => s.id);
      if (ids.length > 0) marks.set(event.id, JSON.stringify(ids));
    }
    if (marks.size === 0) return undefined;
    const at = new Date(this.deps.clock.now().getTime() + this.deps.batchDelayMs);
    // A queued run takes these events too: it cannot start before this commits (its row is
    // locked on PostgreSQL; SQLite has one writer). A running one may be past its look: queue another.
    if (!(await repo.jobQueued(tx, fanOutKey(accountId), at.toISOString()))) {
      await this.deps.jobs.enqueue(tx, { kind: WEBHOOK_FAN_OUT_JOB, payload: { accountId }, runAt: at, dedupeKey: fanOutKey(accountId), accountId });
    }
    return marks;
  }

  /**
   * The `webhook.fan-out` job: the account's marked events become delivery rows, their marks
   * are cleared and the endpoints' senders queued, in one transaction per batch. An endpoint
   * deleted since the event is left out.
   */
  async dispatch(accountId: string): Promise<void> {
    for (;;) {
      const more = await this.deps.database.transaction(async (tx) => {
        const events = await repo.eventsToFanOut(tx, accountId, FAN_OUT_BATCH);
        if (events.length === 0) return false;
        const existing = new Set(await repo.endpointIds(tx, accountId));
        const now = isoNow(this.deps.clock);
        const rows: WebhookDeliveryRow[] = [];
        for (const event of events) {
          for (const endpointId of parseEvents(event.fanout_endpoints)) {
            if (existing.has(endpointId)) rows.push(newDelivery(accountId, endpointId, event, now));
          }
        }
        await repo.clearFanOut(tx, events.map((event) => event.id));
        await enqueueDeliveries(this.deps.jobs, tx, rows, this.deps.clock.now());
        return events.length === FAN_OUT_BATCH;
      });
      if (!more) return;
    }
  }

  /**
   * Housekeeping: work whose job is gone (dead after repeated database failures, or removed)
   * is queued again — marked events of an account without a fan-out job, pending deliveries of
   * an enabled endpoint without a sender — so that nothing waits for the next event to move.
   */
  async sweep(): Promise<{ fanOuts: number; senders: number }> {
    return this.deps.database.transaction(async (tx) => {
      const now = this.deps.clock.now();
      const accounts = await repo.accountsWithStrandedFanOut(tx, fanOutKey(''));
      for (const accountId of accounts) {
        await this.deps.jobs.enqueue(tx, { kind: WEBHOOK_FAN_OUT_JOB, payload: { accountId }, runAt: now, dedupeKey: fanOutKey(accountId), accountId });
      }
      const endpoints = await repo.endpointsWithStrandedDeliveries(tx, senderKey(''));
      for (const endpoint of endpoints) await scheduleSender(this.deps.jobs, tx, { id: endpoint.id, accountId: endpoint.account_id }, now);
      return { fanOuts: accounts.length, senders: endpoints.length };
    });
  }
}

export function fanOutKey(accountId: string): string {
  return `webhook.fan-out:${accountId}`;
}

export function senderKey(endpointId: string): string {
  return `webhook.send:${endpointId}`;
}

/**
 * Queues the sender of an endpoint at `at`. One queued run per endpoint (its dedupe key): a new
 * one replaces the queued run, or re-queues a running one, which then runs again afterwards.
 */
export async function scheduleSender(jobs: JobQueue, tx: Tx, endpoint: { id: string; accountId: string }, at: Date): Promise<void> {
  await jobs.enqueue(tx, {
    kind: WEBHOOK_SEND_JOB,
    payload: { endpointId: endpoint.id },
    runAt: at,
    dedupeKey: senderKey(endpoint.id),
    accountId: endpoint.accountId,
  });
}

/** Writes delivery rows and makes sure each endpoint's sender runs by `at`. */
export async function enqueueDeliveries(jobs: JobQueue, tx: Tx, rows: readonly WebhookDeliveryRow[], at: Date): Promise<void> {
  if (rows.length === 0) return;
  await repo.insertDeliveries(tx, rows);
  const endpoints = new Map(rows.map((row) => [row.endpoint_id, row.account_id]));
  for (const [id, accountId] of endpoints) {
    // As in fanOut: a queued run takes these too; a running one may be past its look.
    if (await repo.jobQueued(tx, senderKey(id), at.toISOString())) continue;
    await scheduleSender(jobs, tx, { id, accountId }, at);
  }
}

export function newDelivery(accountId: string, endpointId: string, event: Pick<EventRow, 'id' | 'type'>, now: string): WebhookDeliveryRow {
  return {
    id: newId(),
    account_id: accountId,
    endpoint_id: endpointId,
    event_id: event.id,
    event_type: event.type,
    status: 'pending',
    attempts: 0,
    last_status_code: null,
    last_error: null,
    next_attempt_at: now,
    locked_until: null,
    delivered_at: null,
    created_at: now,
    updated_at: now,
  };
}

/** A JSON array of strings as stored (an endpoint's events, an event's endpoints). */
export function parseEvents(text: string): string[] {
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? parsed.filter((e): e is string => typeof e === 'string') : [];
}
