import type { Executor, Tx } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import type { EventRow } from '../../db/schema.js';
import { isoNow, type Clock } from '../../lib/clock.js';
import * as repo from './events.repository.js';

/** The event types of SPEC §6. */
export const EVENT_TYPES = [
  'participant.created',
  'participant.updated',
  'participant.deleted',
  'session.created',
  'session.rescheduled',
  'session.started',
  'session.completed',
  'session.scored',
  'session.failed',
  'session.cancelled',
  'resume.ready',
  'resume.failed',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** An event's type and `data` (e.g. `{ participant: {...} }`), as an object or already as JSON. */
export type NewEvent = { type: EventType; data: Record<string, unknown> } | { type: EventType; dataJson: string };

/**
 * Decides, in the transaction that records them, which events go to webhook endpoints: the
 * value to store in each event's `fanout_endpoints` (by event id), or nothing.
 */
export type EventsFanOut = (tx: Tx, accountId: string, events: readonly Pick<EventRow, 'id' | 'type'>[]) => Promise<ReadonlyMap<string, string> | undefined>;

export interface DomainEvent {
  id: string;
  event: EventType;
  occurred_at: string;
  data: Record<string, unknown>;
}

/** `evt_` + a UUIDv7 without dashes: unique, and ordered by time like the rows it follows. */
export function newEventId(): string {
  return `evt_${newId().replace(/-/g, '')}`;
}

/**
 * Domain events as rows of the `events` table (an outbox). They are written with the executor
 * of the change that caused them, inside its transaction, so an event exists exactly when its
 * change committed; webhook delivery reads them afterwards.
 */
export class EventsService {
  private fanOut: EventsFanOut | undefined;

  constructor(private readonly deps: { clock: Clock }) {}

  /** The webhook fan-out, asked in the transaction that records events (set by context.ts). */
  fanOutWith(fanOut: EventsFanOut): void {
    this.fanOut = fanOut;
  }

  async record(db: Tx, accountId: string, event: NewEvent): Promise<void> {
    await this.recordMany(db, accountId, [event]);
  }

  async recordMany(db: Tx, accountId: string, events: readonly NewEvent[]): Promise<string[]> {
    if (events.length === 0) return [];
    const occurredAt = isoNow(this.deps.clock);
    const rows: EventRow[] = events.map((event) => ({
      id: newEventId(),
      account_id: accountId,
      type: event.type,
      payload: 'dataJson' in event ? event.dataJson : JSON.stringify(event.data),
      occurred_at: occurredAt,
      fanout_endpoints: null,
    }));
    const fanOut = await this.fanOut?.(db, accountId, rows);
    if (fanOut !== undefined) for (const row of rows) row.fanout_endpoints = fanOut.get(row.id) ?? null;
    await repo.insertEvents(db, rows);
    return rows.map((row) => row.id);
  }

  /** Housekeeping: events past the retention period are removed. */
  async purgeOlderThan(db: Executor, retentionDays: number): Promise<number> {
    const cutoff = new Date(this.deps.clock.now().getTime() - retentionDays * 86_400_000).toISOString();
    return repo.deleteEventsBefore(db, cutoff);
  }

  /** An account's events in the order they happened, after `afterId` (for delivery and tests). */
  async list(db: Executor, accountId: string, options: { afterId?: string; limit: number }): Promise<DomainEvent[]> {
    const rows = await repo.listEvents(db, accountId, options);
    return rows.map((row) => ({
      id: row.id,
      event: row.type as EventType,
      occurred_at: row.occurred_at,
      data: JSON.parse(row.payload) as Record<string, unknown>,
    }));
  }
}
