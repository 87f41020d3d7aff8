import { createHmac } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { DatabaseHandle, Tx } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import type { JobQueue } from '../../jobs/queue.js';
import { jitter } from '../../jobs/registry.js';
import type { Clock } from '../../lib/clock.js';
import type { MailService } from '../../mail/mail.service.js';
import { OutboundError, type OutboundGuard } from '../../net/outbound.js';
import type { WebhookEndpointRow } from '../../db/schema.js';
import * as repo from './webhooks.repository.js';
import { scheduleSender } from './webhooks.fan-out.js';
import { SECRET_PREFIX, eventBody } from './webhooks.service.js';

/** Delays before retry n (after the first failure: 5 s, then 5 min …); ten attempts span about three days. */
export const RETRY_DELAYS_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 50_400_000, 72_000_000, 86_400_000] as const;
export const DELIVERY_MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** An endpoint that has only failed for this long is disabled. */
export const FAILING_DISABLES_AFTER_MS = 5 * 86_400_000;
/** A Retry-After longer than this is shortened to it. */
const MAX_RETRY_AFTER_MS = 86_400_000;
/** Kept of each response body. */
export const RESPONSE_EXCERPT_BYTES = 1024;

export function retryDelayMs(attempt: number): number {
  return jitter(RETRY_DELAYS_MS[Math.min(Math.max(attempt, 1), RETRY_DELAYS_MS.length) - 1] as number);
}

/** `v1,` + base64 HMAC-SHA256 of `id.timestamp.body`, keyed with the decoded secret (Standard Webhooks). */
export function sign(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/** Seconds or an HTTP date, as milliseconds from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(0, at - now.getTime()), MAX_RETRY_AFTER_MS);
}

export type DeliveryOutcome = 'succeeded' | 'retry' | 'failed';

export interface SenderDeps {
  database: DatabaseHandle;
  clock: Clock;
  jobs: JobQueue;
  outbound: OutboundGuard;
  mail: MailService;
  publicUrl: string;
  timeoutMs: number;
  /** Most deliveries to one endpoint in flight at once. */
  concurrency: number;
  onOutcome?: (outcome: DeliveryOutcome) => void;
}

/** One sender run stops after this long or this many deliveries, and queues the next run. */
const RUN_BUDGET_MS = 20_000;
const RUN_BUDGET_DELIVERIES = 5_000;

interface Attempted {
  delivery: repo.DeliveryForSend;
  sentAt: Date;
  status: number | null;
  error: string | null;
  excerpt: string | null;
  retryAfter: string | undefined;
  latencyMs: number;
}

/**
 * The sender of one endpoint, run as the `webhook.send` job (one per endpoint, queued with the
 * deliveries): it takes the endpoint's due deliveries a few at a time (at most `concurrency` in
 * flight, also across processes), signs each afresh, sends them through the outbound guard (no
 * redirects, the timeout, the first 1 KiB of the answer kept), and logs the attempts and the
 * outcomes in one transaction per round. A delivery is held while in flight; a crashed sender's
 * deliveries are taken over when the hold ends, so a receiver may see a `webhook-id` twice
 * (at-least-once). Before it ends, the run queues the next one for the next retry that falls due.
 */
export class WebhookSender {
  constructor(private readonly deps: SenderDeps) {}

  async run(endpointId: string): Promise<void> {
    const { database, clock } = this.deps;
    const started = Date.now();
    let sent = 0;
    let accountId = '';
    let more = false;
    for (;;) {
      const endpoint = await repo.findEndpointById(database.db, endpointId);
      if (endpoint === undefined) return;
      accountId = endpoint.account_id;
      if (endpoint.status !== 'enabled') {
        await repo.failPendingOfEndpoint(database.db, endpointId, 'The endpoint is disabled.', clock.now().toISOString());
        return;
      }
      const now = clock.now();
      const holdUntil = new Date(now.getTime() + this.deps.timeoutMs + 30_000).toISOString();
      // Counted and claimed under the endpoint's lock: two runs (two processes) never exceed the cap together.
      const ids = await database.transaction(async (tx) => {
        await repo.lockEndpoint(tx, endpointId);
        const free = this.deps.concurrency - (await repo.countInFlight(tx, endpointId, now.toISOString()));
        return free <= 0 ? undefined : repo.claimDue(tx, endpointId, now.toISOString(), holdUntil, free);
      });
      // Another run holds every slot: it goes on taking what is due, and queues the next run.
      if (ids === undefined) return;
      if (ids.length === 0) break;
      const deliveries = await repo.findDeliveriesForSend(database.db, ids);
      const attempts = await Promise.all(deliveries.map((delivery) => this.send(endpoint, delivery)));
      const disabled = await this.record(endpoint, attempts);
      sent += attempts.length;
      if (disabled) return;
      if (Date.now() - started > RUN_BUDGET_MS || sent >= RUN_BUDGET_DELIVERIES) {
        more = true;
        break;
      }
    }
    // The next run: now when the budget ran out or something fell due meanwhile; otherwise when
    // the next retry falls due.
    const now = clock.now().toISOString();
    const next = more ? now : await repo.nextDue(database.db, endpointId, now);
    if (next !== null) {
      await database.transaction((tx) => scheduleSender(this.deps.jobs, tx, { id: endpointId, accountId }, new Date(next < now ? now : next)));
    }
  }

  private async send(endpoint: WebhookEndpointRow, delivery: repo.DeliveryForSend): Promise<Attempted> {
    const body = eventBody({ id: delivery.event_id, type: delivery.event_type, occurred_at: delivery.occurred_at, payload: delivery.payload });
    const sentAt = this.deps.clock.now();
    const timestamp = Math.floor(sentAt.getTime() / 1000);
    const signatures = [sign(endpoint.secret, delivery.event_id, timestamp, body)];
    if (endpoint.previous_secret !== null && endpoint.previous_secret_expires_at !== null && Date.parse(endpoint.previous_secret_expires_at) > sentAt.getTime()) {
      signatures.push(sign(endpoint.previous_secret, delivery.event_id, timestamp, body));
    }
    const startedAt = performance.now();
    const attempt: Attempted = { delivery, sentAt, status: null, error: null, excerpt: null, retryAfter: undefined, latencyMs: 0 };
    try {
      const response = await this.deps.outbound.request(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': delivery.event_id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signatures.join(' '),
        },
        body,
        timeoutMs: this.deps.timeoutMs,
        maxBodyBytes: RESPONSE_EXCERPT_BYTES,
        overflow: 'truncate',
      });
      attempt.status = response.status;
      attempt.excerpt = response.body.toString('utf8').replaceAll('\u0000', '');
      attempt.retryAfter = response.headers['retry-after'];
      if (response.status >= 300 && response.status < 400) attempt.error = `Redirect (HTTP ${response.status}) not followed.`;
      else if (response.status < 200 || response.status >= 300) attempt.error = `HTTP ${response.status}`;
    } catch (caught) {
      attempt.error = caught instanceof OutboundError ? `${caught.code}: ${caught.message}` : caught instanceof Error ? caught.message : String(caught);
    }
    attempt.latencyMs = Math.round(performance.now() - startedAt);
    return attempt;
  }

  /** Logs a round's attempts and their outcomes in one transaction; true when the endpoint got disabled. */
  private async record(endpoint: WebhookEndpointRow, attempts: readonly Attempted[]): Promise<boolean> {
    const now = this.deps.clock.now();
    const nowIso = now.toISOString();
    const outcomes: DeliveryOutcome[] = [];
    const disabled = await this.deps.database.transaction(async (tx) => {
      const current = await repo.findEndpointById(tx, endpoint.id);
      let failingSince = current?.failing_since ?? null;
      let disableReason: string | null = null;
      let anySuccess = false;
      for (const a of attempts) {
        await repo.insertAttempt(tx, {
          id: newId(),
          delivery_id: a.delivery.delivery_id,
          attempted_at: a.sentAt.toISOString(),
          status_code: a.status,
          latency_ms: a.latencyMs,
          error: a.error,
          response_body: a.excerpt,
        });
        const count = a.delivery.attempts + 1;
        const base = { attempts: count, last_status_code: a.status, last_error: a.error, locked_until: null, updated_at: nowIso };
        if (a.error === null) {
          anySuccess = true;
          outcomes.push('succeeded');
          await repo.updateDelivery(tx, a.delivery.delivery_id, { ...base, status: 'succeeded', next_attempt_at: null, delivered_at: nowIso });
          continue;
        }
        failingSince ??= nowIso;
        if (a.status === 410) disableReason = 'The endpoint answered 410 Gone.';
        else if (now.getTime() - Date.parse(failingSince) >= FAILING_DISABLES_AFTER_MS) disableReason ??= 'Every delivery failed for 5 days.';
        if (disableReason !== null || count >= DELIVERY_MAX_ATTEMPTS) {
          outcomes.push('failed');
          await repo.updateDelivery(tx, a.delivery.delivery_id, { ...base, status: 'failed', next_attempt_at: null });
          continue;
        }
        outcomes.push('retry');
        const waitMs = (a.status === 429 || a.status === 503 ? parseRetryAfter(a.retryAfter, now) : undefined) ?? retryDelayMs(count);
        await repo.updateDelivery(tx, a.delivery.delivery_id, { ...base, status: 'pending', next_attempt_at: new Date(now.getTime() + waitMs).toISOString() });
      }
      const next = anySuccess ? null : failingSince;
      if (current !== undefined && next !== current.failing_since) {
        await tx.updateTable('webhook_endpoints').set({ failing_since: next }).where('id', '=', endpoint.id).execute();
      }
      if (disableReason !== null) return this.disable(tx, endpoint, disableReason, nowIso);
      return false;
    });
    for (const outcome of outcomes) this.deps.onOutcome?.(outcome);
    return disabled;
  }

  /** Disables the endpoint (once), fails its pending deliveries, and mails the owners and admins. */
  private async disable(tx: Tx, endpoint: WebhookEndpointRow, reason: string, now: string): Promise<boolean> {
    const result = await tx
      .updateTable('webhook_endpoints')
      .set({ status: 'disabled', disabled_reason: reason, updated_at: now })
      .where('id', '=', endpoint.id)
      .where('status', '=', 'enabled')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return true;
    await repo.failPendingOfEndpoint(tx, endpoint.id, 'The endpoint was disabled.', now);
    const link = this.deps.publicUrl;
    const text = [
      `Docket stopped sending webhooks to ${endpoint.url}.`,
      '',
      `Reason: ${reason}`,
      '',
      `Deliveries that failed can be sent again once the endpoint works: enable it and use "Recover" in Developer → Webhooks (${link}).`,
    ].join('\n');
    const html = `<p>Docket stopped sending webhooks to <code>${escapeHtml(endpoint.url)}</code>.</p><p>Reason: ${escapeHtml(reason)}</p><p>Deliveries that failed can be sent again once the endpoint works: enable it and use “Recover” in <a href="${escapeHtml(link)}">Developer → Webhooks</a>.</p>`;
    for (const to of await repo.managerEmails(tx, endpoint.account_id)) {
      await this.deps.mail.queue(tx, { accountId: endpoint.account_id, kind: 'notice', to, subject: `Webhook endpoint disabled: ${endpoint.url}`, text, html });
    }
    return true;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
