import { createHmac } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { DatabaseHandle, Tx } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import type { JobInfo, JobOutcome } from '../../jobs/registry.js';
import { jitter } from '../../jobs/registry.js';
import type { Clock } from '../../lib/clock.js';
import type { MailService } from '../../mail/mail.service.js';
import { OutboundError, type OutboundGuard } from '../../net/outbound.js';
import * as repo from './webhooks.repository.js';
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

export type DeliveryOutcome = 'succeeded' | 'retry' | 'failed' | 'skipped';

export interface SenderDeps {
  database: DatabaseHandle;
  clock: Clock;
  outbound: OutboundGuard;
  mail: MailService;
  publicUrl: string;
  timeoutMs: number;
  onOutcome?: (outcome: DeliveryOutcome) => void;
}

/**
 * One attempt of one delivery: signed afresh, sent through the outbound guard (no redirects,
 * 10 s, the first 1 KiB of the answer kept), logged, and the delivery and its endpoint updated
 * in one transaction. Runs as the `webhook.deliver` job; at-least-once, so a crash between the
 * request and the log means the receiver may see the same `webhook-id` again.
 */
export class WebhookSender {
  constructor(private readonly deps: SenderDeps) {}

  async attempt(deliveryId: string, job: Pick<JobInfo, 'attempt' | 'maxAttempts'>): Promise<JobOutcome> {
    const { database, clock } = this.deps;
    const target = await repo.findDeliveryForSend(database.db, deliveryId);
    if (target === undefined || target.delivery_status !== 'pending') return this.done('skipped');
    if (target.endpoint_status !== 'enabled') {
      const now = clock.now().toISOString();
      await repo.updateDelivery(database.db, deliveryId, { status: 'failed', last_error: 'The endpoint is disabled.', next_attempt_at: null, updated_at: now });
      return this.done('failed');
    }

    const body = eventBody({ id: target.event_id, type: target.event_type, occurred_at: target.occurred_at, payload: target.payload });
    const sentAt = clock.now();
    const timestamp = Math.floor(sentAt.getTime() / 1000);
    const signatures = [sign(target.secret, target.event_id, timestamp, body)];
    if (target.previous_secret !== null && target.previous_secret_expires_at !== null && Date.parse(target.previous_secret_expires_at) > sentAt.getTime()) {
      signatures.push(sign(target.previous_secret, target.event_id, timestamp, body));
    }

    const started = performance.now();
    let status: number | null = null;
    let error: string | null = null;
    let excerpt: string | null = null;
    let retryAfter: string | undefined;
    try {
      const response = await this.deps.outbound.request(target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': target.event_id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signatures.join(' '),
        },
        body,
        timeoutMs: this.deps.timeoutMs,
        maxBodyBytes: RESPONSE_EXCERPT_BYTES,
        overflow: 'truncate',
      });
      status = response.status;
      excerpt = response.body.toString('utf8').replaceAll('\u0000', '');
      retryAfter = response.headers['retry-after'];
      if (status >= 300 && status < 400) error = `Redirect (HTTP ${status}) not followed.`;
      else if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (caught) {
      error = caught instanceof OutboundError ? `${caught.code}: ${caught.message}` : caught instanceof Error ? caught.message : String(caught);
    }
    const latencyMs = Math.round(performance.now() - started);
    const now = clock.now();
    const nowIso = now.toISOString();
    const attempts = target.attempts + 1;

    return database.transaction(async (tx) => {
      await repo.insertAttempt(tx, {
        id: newId(),
        delivery_id: deliveryId,
        attempted_at: sentAt.toISOString(),
        status_code: status,
        latency_ms: latencyMs,
        error,
        response_body: excerpt,
      });
      if (error === null) {
        await repo.updateDelivery(tx, deliveryId, {
          status: 'succeeded',
          attempts,
          last_status_code: status,
          last_error: null,
          next_attempt_at: null,
          delivered_at: nowIso,
          updated_at: nowIso,
        });
        if (target.failing_since !== null) {
          await tx.updateTable('webhook_endpoints').set({ failing_since: null }).where('id', '=', target.endpoint_id).execute();
        }
        return this.done('succeeded');
      }

      const failed = { attempts, last_status_code: status, last_error: error, updated_at: nowIso };
      if (status === 410) {
        await repo.updateDelivery(tx, deliveryId, { ...failed, status: 'failed', next_attempt_at: null });
        await this.disable(tx, target, 'The endpoint answered 410 Gone.', nowIso);
        return this.done('failed');
      }
      const failingSince = target.failing_since ?? nowIso;
      if (target.failing_since === null) {
        await tx.updateTable('webhook_endpoints').set({ failing_since: nowIso }).where('id', '=', target.endpoint_id).where('failing_since', 'is', null).execute();
      } else if (now.getTime() - Date.parse(failingSince) >= FAILING_DISABLES_AFTER_MS) {
        await repo.updateDelivery(tx, deliveryId, { ...failed, status: 'failed', next_attempt_at: null });
        await this.disable(tx, target, 'Every delivery failed for 5 days.', nowIso);
        return this.done('failed');
      }
      if (job.attempt >= job.maxAttempts) {
        await repo.updateDelivery(tx, deliveryId, { ...failed, status: 'failed', next_attempt_at: null });
        return this.done('failed');
      }
      const waitMs = (status === 429 || status === 503 ? parseRetryAfter(retryAfter, now) : undefined) ?? retryDelayMs(job.attempt);
      const at = new Date(now.getTime() + waitMs);
      await repo.updateDelivery(tx, deliveryId, { ...failed, status: 'pending', next_attempt_at: at.toISOString() });
      this.deps.onOutcome?.('retry');
      return { status: 'retry', error, at };
    });
  }

  private done(outcome: Exclude<DeliveryOutcome, 'retry'>): JobOutcome {
    this.deps.onOutcome?.(outcome);
    return { status: 'done' };
  }

  /** Disables the endpoint (once), fails its pending deliveries, and mails the owners and admins. */
  private async disable(tx: Tx, target: repo.DeliveryForSend, reason: string, now: string): Promise<void> {
    const result = await tx
      .updateTable('webhook_endpoints')
      .set({ status: 'disabled', disabled_reason: reason, updated_at: now })
      .where('id', '=', target.endpoint_id)
      .where('status', '=', 'enabled')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return;
    await repo.failPendingOfEndpoint(tx, target.endpoint_id, 'The endpoint was disabled.', now);
    const link = this.deps.publicUrl;
    const text = [
      `Docket stopped sending webhooks to ${target.url}.`,
      '',
      `Reason: ${reason}`,
      '',
      `Deliveries that failed can be sent again once the endpoint works: enable it and use "Recover" in Developer → Webhooks (${link}).`,
    ].join('\n');
    const html = `<p>Docket stopped sending webhooks to <code>${escapeHtml(target.url)}</code>.</p><p>Reason: ${escapeHtml(reason)}</p><p>Deliveries that failed can be sent again once the endpoint works: enable it and use “Recover” in <a href="${escapeHtml(link)}">Developer → Webhooks</a>.</p>`;
    for (const to of await repo.managerEmails(tx, target.account_id)) {
      await this.deps.mail.queue(tx, { accountId: target.account_id, kind: 'notice', to, subject: `Webhook endpoint disabled: ${target.url}`, text, html });
    }
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
