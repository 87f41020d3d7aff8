import { randomBytes } from 'node:crypto';
import type { DatabaseHandle, Tx } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import type { EventRow, WebhookAttemptRow, WebhookDeliveryRow, WebhookEndpointRow } from '../../db/schema.js';
import { recordOutcome } from '../../db/transaction.js';
import { AppError, notFound } from '../../errors.js';
import type { JobQueue } from '../../jobs/queue.js';
import { isoNow, type Clock } from '../../lib/clock.js';
import type { MailService } from '../../mail/mail.service.js';
import { OutboundError, type OutboundGuard } from '../../net/outbound.js';
import { EVENT_TYPES, newEventId } from '../events/events.service.js';
import * as eventsRepo from '../events/events.repository.js';
import { ALL_EVENTS, enqueueDeliveries, newDelivery, parseEvents, scheduleSender } from './webhooks.fan-out.js';
import * as repo from './webhooks.repository.js';

export { ALL_EVENTS };

/** Every type an endpoint may subscribe to (SPEC §6); `webhook.test` goes only where it is sent. */
export const WEBHOOK_EVENT_TYPES = [...EVENT_TYPES, 'webhook.test'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const SECRET_PREFIX = 'whsec_';
/** How long the secret replaced by a rotation keeps signing. */
export const ROTATION_OVERLAP_MS = 24 * 3_600_000;

export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  enabled: boolean;
  status: 'enabled' | 'disabled';
  disabled_reason: string | null;
  previous_secret_expires_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookDelivery {
  id: string;
  endpoint_id: string;
  event_id: string;
  event: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: string | null;
  delivered_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookAttempt {
  id: string;
  attempted_at: string;
  status_code: number | null;
  latency_ms: number;
  error: string | null;
  response_body: string | null;
}

export interface EndpointInput {
  url: string;
  description?: string | null | undefined;
  events?: string[] | undefined;
  enabled?: boolean | undefined;
}

export interface EndpointPatch {
  url?: string | undefined;
  description?: string | null | undefined;
  events?: string[] | undefined;
  enabled?: boolean | undefined;
}

export interface WebhooksDeps {
  database: DatabaseHandle;
  clock: Clock;
  jobs: JobQueue;
  outbound: OutboundGuard;
  mail: MailService;
  publicUrl: string;
}

export function newSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

/** The body of an event as sent: built from the stored snapshot, the same bytes every time. */
export function eventBody(event: { id: string; type: string; occurred_at: string; payload: string }): string {
  return `{"id":${JSON.stringify(event.id)},"event":${JSON.stringify(event.type)},"occurred_at":${JSON.stringify(event.occurred_at)},"data":${event.payload}}`;
}

/**
 * Webhook endpoints and their deliveries (SPEC §6): the API's side. Events become deliveries
 * in webhooks.fan-out.ts; each endpoint's sender sends them (webhooks.delivery.ts).
 */
export class WebhooksService {
  constructor(private readonly deps: WebhooksDeps) {}

  // ---- endpoints ----

  async create(accountId: string, input: EndpointInput): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    this.checkUrl(input.url);
    const secret = newSecret();
    const now = isoNow(this.deps.clock);
    const enabled = input.enabled ?? true;
    const row: WebhookEndpointRow = {
      id: newId(),
      account_id: accountId,
      url: input.url,
      description: input.description ?? null,
      events: JSON.stringify(normaliseEvents(input.events)),
      status: enabled ? 'enabled' : 'disabled',
      disabled_reason: enabled ? null : 'disabled by a user',
      secret,
      previous_secret: null,
      previous_secret_expires_at: null,
      failing_since: null,
      created_at: now,
      updated_at: now,
    };
    const endpoint = toEndpoint(row, this.deps.clock);
    await this.deps.database.transaction(async (tx) => {
      await repo.insertEndpoint(tx, row);
      recordOutcome(tx, { ...endpoint, secret });
    });
    return { endpoint, secret };
  }

  async list(accountId: string, page: { offset: number; limit: number }): Promise<{ items: WebhookEndpoint[]; total: number }> {
    const { rows, total } = await repo.listEndpoints(this.deps.database.db, accountId, page);
    return { items: rows.map((row) => toEndpoint(row, this.deps.clock)), total };
  }

  async get(accountId: string, id: string): Promise<WebhookEndpoint> {
    return toEndpoint(await this.row(accountId, id), this.deps.clock);
  }

  async update(accountId: string, id: string, patch: EndpointPatch): Promise<WebhookEndpoint> {
    if (patch.url !== undefined) this.checkUrl(patch.url);
    return this.deps.database.transaction(async (tx) => {
      const current = await this.row(accountId, id, tx);
      const changes: Partial<WebhookEndpointRow> = { updated_at: isoNow(this.deps.clock) };
      if (patch.url !== undefined) changes.url = patch.url;
      if (patch.description !== undefined) changes.description = patch.description;
      if (patch.events !== undefined) changes.events = JSON.stringify(normaliseEvents(patch.events));
      if (patch.enabled === true && current.status !== 'enabled') {
        Object.assign(changes, { status: 'enabled', disabled_reason: null, failing_since: null });
      } else if (patch.enabled === false && current.status !== 'disabled') {
        Object.assign(changes, { status: 'disabled', disabled_reason: 'disabled by a user' });
      }
      await repo.updateEndpoint(tx, accountId, id, changes);
      const endpoint = toEndpoint({ ...current, ...changes }, this.deps.clock);
      recordOutcome(tx, endpoint);
      return endpoint;
    });
  }

  async remove(accountId: string, id: string): Promise<void> {
    await this.deps.database.transaction(async (tx) => {
      if ((await repo.deleteEndpoint(tx, accountId, id)) === 0) throw notFound('Webhook endpoint');
      recordOutcome(tx, null);
    });
  }

  /** A new secret; the old one keeps signing (a second signature) for 24 hours. */
  async rotateSecret(accountId: string, id: string): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    const secret = newSecret();
    return this.deps.database.transaction(async (tx) => {
      const current = await this.row(accountId, id, tx);
      const now = this.deps.clock.now();
      const changes = {
        secret,
        previous_secret: current.secret,
        previous_secret_expires_at: new Date(now.getTime() + ROTATION_OVERLAP_MS).toISOString(),
        updated_at: now.toISOString(),
      };
      await repo.updateEndpoint(tx, accountId, id, changes);
      const endpoint = toEndpoint({ ...current, ...changes }, this.deps.clock);
      recordOutcome(tx, { ...endpoint, secret });
      return { endpoint, secret };
    });
  }

  /** Sends a `webhook.test` event to this endpoint only. */
  async sendTest(accountId: string, id: string): Promise<WebhookDelivery> {
    return this.deps.database.transaction(async (tx) => {
      const endpoint = await this.row(accountId, id, tx);
      requireEnabled(endpoint);
      const now = isoNow(this.deps.clock);
      const event: EventRow = {
        id: newEventId(),
        account_id: accountId,
        type: 'webhook.test',
        payload: JSON.stringify({ webhook_endpoint: { id: endpoint.id, url: endpoint.url } }),
        occurred_at: now,
        fanout_endpoints: null,
      };
      await eventsRepo.insertEvents(tx, [event]);
      const row = newDelivery(accountId, endpoint.id, event, now);
      await enqueueDeliveries(this.deps.jobs, tx, [row], this.deps.clock.now());
      const delivery = toDelivery(row);
      recordOutcome(tx, delivery);
      return delivery;
    });
  }

  // ---- deliveries ----

  async listDeliveries(
    accountId: string,
    endpointId: string,
    filters: repo.DeliveryFilters,
    page: { offset: number; limit: number },
  ): Promise<{ items: WebhookDelivery[]; total: number }> {
    await this.row(accountId, endpointId);
    const { rows, total } = await repo.listDeliveries(this.deps.database.db, accountId, endpointId, filters, page);
    return { items: rows.map(toDelivery), total };
  }

  async getDelivery(accountId: string, id: string): Promise<WebhookDelivery & { body: string | null; attempts_log: WebhookAttempt[] }> {
    const db = this.deps.database.db;
    const row = await repo.findDelivery(db, accountId, id);
    if (row === undefined) throw notFound('Webhook delivery');
    const [attempts, event] = await Promise.all([
      repo.listAttempts(db, id),
      db.selectFrom('events').selectAll().where('id', '=', row.event_id).executeTakeFirst(),
    ]);
    return { ...toDelivery(row), body: event === undefined ? null : eventBody(event), attempts_log: attempts.map(toAttempt) };
  }

  /** Sends a delivery again, with the same event id (`webhook-id`) and a fresh signature. */
  async replay(accountId: string, id: string): Promise<WebhookDelivery> {
    return this.deps.database.transaction(async (tx) => {
      const row = await repo.findDelivery(tx, accountId, id);
      if (row === undefined) throw notFound('Webhook delivery');
      const endpoint = await this.row(accountId, row.endpoint_id, tx);
      requireEnabled(endpoint);
      const updated = await this.requeue(tx, row);
      recordOutcome(tx, updated);
      return updated;
    });
  }

  /** Replays every failed delivery of an endpoint created since `since`. */
  async recover(accountId: string, endpointId: string, since: string): Promise<{ replayed: number }> {
    return this.deps.database.transaction(async (tx) => {
      const endpoint = await this.row(accountId, endpointId, tx);
      requireEnabled(endpoint);
      const ids = await repo.failedDeliveriesSince(tx, accountId, endpointId, since);
      for (const id of ids) {
        const row = await repo.findDelivery(tx, accountId, id);
        if (row !== undefined) await this.requeue(tx, row);
      }
      const result = { replayed: ids.length };
      recordOutcome(tx, result);
      return result;
    });
  }

  private async requeue(tx: Tx, row: WebhookDeliveryRow): Promise<WebhookDelivery> {
    const now = isoNow(this.deps.clock);
    const changes = { status: 'pending' as const, next_attempt_at: now, locked_until: null, updated_at: now };
    await repo.updateDelivery(tx, row.id, changes);
    await scheduleSender(this.deps.jobs, tx, { id: row.endpoint_id, accountId: row.account_id }, this.deps.clock.now());
    return toDelivery({ ...row, ...changes });
  }

  /** Housekeeping: deliveries and attempts past the retention period go. */
  async purgeOlderThan(retentionDays: number): Promise<number> {
    const cutoff = new Date(this.deps.clock.now().getTime() - retentionDays * 86_400_000).toISOString();
    return repo.deleteDeliveriesBefore(this.deps.database.db, cutoff);
  }

  private async row(accountId: string, id: string, tx?: Tx): Promise<WebhookEndpointRow> {
    const row = await repo.findEndpoint(tx ?? this.deps.database.db, accountId, id);
    if (row === undefined) throw notFound('Webhook endpoint');
    return row;
  }

  /** https, or a target OUTBOUND_ALLOW names; no credentials; an IP literal must be allowed or public. */
  private checkUrl(raw: string): void {
    const invalid = (message: string): AppError =>
      new AppError('validation_failed', message, [{ path: 'url', message, code: 'invalid_url' }]);
    let url: URL;
    try {
      url = this.deps.outbound.checkUrl(raw);
    } catch (error) {
      if (error instanceof OutboundError) throw invalid(error.message);
      throw error;
    }
    const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
    if (url.protocol === 'http:' && !this.deps.outbound.isAllowed(url.hostname, port)) {
      throw invalid('The URL must use https (plain http only to targets on OUTBOUND_ALLOW).');
    }
    if (url.hash !== '') throw invalid('The URL must not have a fragment.');
  }
}

function requireEnabled(endpoint: WebhookEndpointRow): void {
  if (endpoint.status !== 'enabled') {
    throw new AppError('conflict', 'The endpoint is disabled; enable it (PATCH enabled: true) first.');
  }
}

function normaliseEvents(events: string[] | undefined): string[] {
  if (events === undefined || events.length === 0 || events.includes(ALL_EVENTS)) {
    if (events !== undefined && events.length > 1 && events.includes(ALL_EVENTS)) {
      const message = '"*" (every event) cannot be combined with other event types.';
      throw new AppError('validation_failed', message, [{ path: 'events', message, code: 'invalid_events' }]);
    }
    return [ALL_EVENTS];
  }
  return [...new Set(events)];
}


export function toEndpoint(row: WebhookEndpointRow, clock: Clock): WebhookEndpoint {
  const rotating = row.previous_secret_expires_at !== null && Date.parse(row.previous_secret_expires_at) > clock.now().getTime();
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: parseEvents(row.events),
    enabled: row.status === 'enabled',
    status: row.status,
    disabled_reason: row.disabled_reason,
    previous_secret_expires_at: rotating ? row.previous_secret_expires_at : null,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function toDelivery(row: WebhookDeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    endpoint_id: row.endpoint_id,
    event_id: row.event_id,
    event: row.event_type,
    status: row.status,
    attempts: row.attempts,
    last_status_code: row.last_status_code,
    last_error: row.last_error,
    next_attempt_at: row.next_attempt_at,
    delivered_at: row.delivered_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

function toAttempt(row: WebhookAttemptRow): WebhookAttempt {
  return {
    id: row.id,
    attempted_at: row.attempted_at,
    status_code: row.status_code,
    latency_ms: row.latency_ms,
    error: row.error,
    response_body: row.response_body,
  };
}
