import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.js';
import type { Clock } from '../lib/clock.js';
import { AppError } from '../errors.js';

/**
 * `Idempotency-Key` on any authenticated POST (SPEC §2). The first response is stored for 24 h
 * per account and replayed for a retry with the same key and body; a different body → 409.
 * A row with no status marks a request still being handled: a concurrent retry gets 409.
 * 5xx responses are not stored, so a retry after a server error runs again.
 */

const RETENTION_MS = 24 * 3_600_000;
const MAX_KEY_LENGTH = 255;

interface Pending {
  accountId: string;
  key: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: Pending | null;
  }
}

function fingerprintOf(request: FastifyRequest): string {
  const body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body ?? null);
  return createHash('sha256').update(`${request.method} ${request.url}\n`).update(body).digest('hex');
}

/** Reads the key from the header; sessions also accept it as a body field (`idempotency_key`). */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const header = request.headers['idempotency-key'];
  const value = Array.isArray(header) ? header[0] : header;
  if (value !== undefined) return value;
  const body = request.body;
  if (request.routeOptions.config.idempotencyBodyField === true && body !== null && typeof body === 'object') {
    const field = (body as Record<string, unknown>)['idempotency_key'];
    if (typeof field === 'string' && field !== '') return field;
  }
  return undefined;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    idempotencyBodyField?: boolean;
  }
}

export function installIdempotency(app: FastifyInstance, deps: { db: Db; clock: Clock }): void {
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST' || request.auth === null || request.auth === undefined) return;
    const key = idempotencyKeyOf(request);
    if (key === undefined) return;
    if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
      throw new AppError('validation_failed', `Idempotency-Key must be 1–${MAX_KEY_LENGTH} characters.`, [
        { path: 'Idempotency-Key', message: `must be 1–${MAX_KEY_LENGTH} characters`, code: 'too_long' },
      ]);
    }
    const accountId = request.auth.account.id;
    const fingerprint = fingerprintOf(request);
    const now = deps.clock.now();
    const cutoff = new Date(now.getTime() - RETENTION_MS).toISOString();

    await deps.db
      .deleteFrom('idempotency_keys')
      .where('account_id', '=', accountId)
      .where('key', '=', key)
      .where('created_at', '<', cutoff)
      .execute();
    const inserted = await deps.db
      .insertInto('idempotency_keys')
      .values({ account_id: accountId, key, fingerprint, status_code: null, response_body: null, created_at: now.toISOString() })
      .onConflict((oc) => oc.columns(['account_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (inserted !== undefined) {
      request.idempotency = { accountId, key };
      return;
    }
    const stored = await deps.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('key', '=', key)
      .executeTakeFirst();
    if (stored === undefined) return; // expired and removed between the two statements: run normally
    if (stored.fingerprint !== fingerprint) {
      throw new AppError('idempotency_key_reused', 'This Idempotency-Key was already used with a different request body.');
    }
    if (stored.status_code === null || stored.response_body === null) {
      throw new AppError('idempotency_in_progress', 'A request with this Idempotency-Key is still being processed. Retry shortly.');
    }
    reply.header('idempotent-replayed', 'true');
    reply.header('content-type', 'application/json; charset=utf-8');
    await reply.code(stored.status_code).serializer((payload: unknown) => String(payload)).send(stored.response_body);
    return reply;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const pending = request.idempotency;
    if (pending === null || pending === undefined) return payload;
    request.idempotency = null;
    if (reply.statusCode >= 500 || typeof payload !== 'string') {
      // Not stored: a retry after a server error runs again.
      await deps.db
        .deleteFrom('idempotency_keys')
        .where('account_id', '=', pending.accountId)
        .where('key', '=', pending.key)
        .execute();
    } else {
      await deps.db
        .updateTable('idempotency_keys')
        .set({ status_code: reply.statusCode, response_body: payload })
        .where('account_id', '=', pending.accountId)
        .where('key', '=', pending.key)
        .execute();
    }
    return payload;
  });
}

/** Removes stored responses past their 24 h retention (run periodically by the server). */
export async function purgeExpiredIdempotencyKeys(db: Db, clock: Clock): Promise<number> {
  const cutoff = new Date(clock.now().getTime() - RETENTION_MS).toISOString();
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
