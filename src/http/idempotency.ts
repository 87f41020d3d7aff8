import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { Db, Tx } from '../db/database.js';
import { withTransactionObserver, type TransactionObserver } from '../db/transaction.js';
import type { Clock } from '../lib/clock.js';
import { AppError } from '../errors.js';
import { SECRET_FIELD } from './schemas.js';

/**
 * `Idempotency-Key` on any authenticated POST (SPEC §2): the first response is stored for 24 h
 * per account and replayed for a retry with the same key and body; a different body → 409.
 *
 * 1. Claim. Before the handler runs, the key is claimed with a short lease (LEASE_MS). A retry
 *    while the lease runs gets 409 `idempotency_in_progress` with Retry-After; once it has run
 *    out (the first request died: a crash, kill -9, a lost connection to the database) a retry
 *    takes the key over and runs the request afresh. A lease ends; a key never stays stuck.
 * 2. Effect and response in one transaction. The use case records its outcome in the
 *    transaction that makes its change (`recordOutcome`, db/transaction.ts). The handler runs
 *    under a transaction observer that, inside that transaction and before COMMIT, writes the
 *    response to replay into the record: status and body built by the route's own response
 *    schema from the outcome (`{ data: outcome }` with the route's success status). So after a
 *    kill -9 there is either the change and its replayable response, or neither. The write is
 *    conditional on still holding the lease: a request that ran past its lease and was taken
 *    over rolls its change back instead of committing it twice.
 * 3. After the handler. The response sent is stored as the record (the exact bytes, unless the
 *    change's response was stored and this one is an error). A 5xx after a change committed never
 *    frees the key (a retry would apply the change twice): the change's response stays, or, for
 *    a request that wrote without recording an outcome, the error is stored. A 5xx before any
 *    change frees the key at once.
 * 4. Secrets are never stored or replayed. A response schema marks a secret field with
 *    `Secret()` (http/schemas.ts); the stored body is the response without it, and a replay
 *    answers with that body and `Idempotent-Replayed: true`.
 */

export const RETENTION_MS = 24 * 3_600_000;
/** How long a claimed key waits for its request before a retry may take it over. */
export const LEASE_MS = 30_000;
const MAX_KEY_LENGTH = 255;

interface Claim {
  accountId: string;
  key: string;
  leaseToken: string;
  /** The change's transaction stored its response. */
  completedInTx: boolean;
  /** A transaction of this request committed (with or without an outcome). */
  committedWork: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: Claim | null;
  }
  interface FastifyContextConfig {
    idempotencyBodyField?: boolean;
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

type ResponseSchemas = Record<string | number, unknown>;

function responseSchemas(request: FastifyRequest): ResponseSchemas {
  return ((request.routeOptions.schema as { response?: ResponseSchemas } | undefined)?.response ?? {}) as ResponseSchemas;
}

/** The route's success status: the lowest 2xx its schema declares (201 for a create). */
function successStatus(schemas: ResponseSchemas): number {
  const statuses = Object.keys(schemas)
    .map(Number)
    .filter((status) => status >= 200 && status < 300);
  return statuses.length === 0 ? 200 : Math.min(...statuses);
}

/** Paths of the fields a response schema marks as secret (`[]` stands for every item of an array). */
function secretPaths(schema: unknown, prefix: string[] = []): string[][] {
  if (schema === null || typeof schema !== 'object') return [];
  const node = schema as { properties?: Record<string, unknown>; items?: unknown } & Record<string, unknown>;
  const out: string[][] = node[SECRET_FIELD] === true ? [prefix] : [];
  for (const [name, inner] of Object.entries(node.properties ?? {})) out.push(...secretPaths(inner, [...prefix, name]));
  if (node.items !== undefined) out.push(...secretPaths(node.items, [...prefix, '[]']));
  return out;
}

function removePath(node: unknown, path: readonly string[]): void {
  const [name, ...rest] = path;
  if (name === undefined || node === null || typeof node !== 'object') return;
  if (name === '[]') {
    if (Array.isArray(node)) for (const item of node) removePath(item, rest);
    return;
  }
  if (rest.length === 0) delete (node as Record<string, unknown>)[name];
  else removePath((node as Record<string, unknown>)[name], rest);
}

/** The body to store for a response of `status`: the JSON without the fields its schema marks secret. */
function storableBody(request: FastifyRequest, status: number, payload: string): string {
  const paths = secretPaths(responseSchemas(request)[status]);
  if (paths.length === 0 || payload === '') return payload;
  const body: unknown = JSON.parse(payload);
  for (const path of paths) removePath(body, path);
  return JSON.stringify(body);
}

/** The response a route gives for a use case's outcome, as its schema serialises it. */
function responseFor(request: FastifyRequest, reply: FastifyReply, outcome: unknown): { status: number; body: string } {
  const status = successStatus(responseSchemas(request));
  if (status === 204) return { status, body: '' };
  let body: string;
  try {
    body = String(reply.serializeInput({ data: outcome }, String(status)));
  } catch {
    body = JSON.stringify({ data: outcome });
  }
  return { status, body: storableBody(request, status, body) };
}

function inProgress(retryAfterSeconds: number): AppError {
  return new AppError('idempotency_in_progress', 'A request with this Idempotency-Key is still being processed. Retry shortly.', [], {}, {
    'retry-after': String(Math.max(1, retryAfterSeconds)),
  });
}

type ClaimResult = { own: Claim } | { replay: { status: number; body: string } };

async function claimKey(db: Db, clock: Clock, accountId: string, key: string, fingerprint: string): Promise<ClaimResult> {
  const now = clock.now();
  const lockedUntil = new Date(now.getTime() + LEASE_MS).toISOString();
  const leaseToken = randomBytes(16).toString('hex');
  const own = (): ClaimResult => ({ own: { accountId, key, leaseToken, completedInTx: false, committedWork: false } });
  const cutoff = new Date(now.getTime() - RETENTION_MS).toISOString();
  await db.deleteFrom('idempotency_keys').where('account_id', '=', accountId).where('key', '=', key).where('created_at', '<', cutoff).execute();

  for (let attempt = 0; attempt < 3; attempt += 1) {
    const inserted = await db
      .insertInto('idempotency_keys')
      .values({
        account_id: accountId,
        key,
        fingerprint,
        status_code: null,
        response_body: null,
        created_at: now.toISOString(),
        lease_token: leaseToken,
        locked_until: lockedUntil,
      })
      .onConflict((oc) => oc.columns(['account_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (inserted !== undefined) return own();

    const stored = await db.selectFrom('idempotency_keys').selectAll().where('account_id', '=', accountId).where('key', '=', key).executeTakeFirst();
    if (stored === undefined) continue; // expired and removed meanwhile: claim it afresh
    if (stored.fingerprint !== fingerprint) {
      throw new AppError('idempotency_key_reused', 'This Idempotency-Key was already used with a different request body.');
    }
    if (stored.status_code !== null) return { replay: { status: stored.status_code, body: stored.response_body ?? '' } };
    if (stored.locked_until !== null && stored.locked_until > now.toISOString()) {
      throw inProgress(Math.ceil((Date.parse(stored.locked_until) - now.getTime()) / 1000));
    }
    // The lease ran out: the request that held it died. Take the key over, unless another
    // retry (or the request itself, completing) got there first.
    let takeover = db
      .updateTable('idempotency_keys')
      .set({ lease_token: leaseToken, locked_until: lockedUntil })
      .where('account_id', '=', accountId)
      .where('key', '=', key)
      .where('status_code', 'is', null);
    takeover = stored.lease_token === null ? takeover.where('lease_token', 'is', null) : takeover.where('lease_token', '=', stored.lease_token);
    if (Number((await takeover.executeTakeFirst()).numUpdatedRows) === 1) return own();
  }
  throw inProgress(1);
}

/** Stores the response to replay in the change's own transaction, while this request still holds the lease. */
function observerFor(request: FastifyRequest, reply: FastifyReply, claim: Claim): TransactionObserver {
  return {
    beforeCommit: async (tx: Tx, outcome: unknown) => {
      const { status, body } = responseFor(request, reply, outcome);
      const result = await tx
        .updateTable('idempotency_keys')
        .set({ status_code: status, response_body: body })
        .where('account_id', '=', claim.accountId)
        .where('key', '=', claim.key)
        .where('lease_token', '=', claim.leaseToken)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) {
        throw new AppError(
          'idempotency_in_progress',
          'This request ran past its Idempotency-Key lease and another request with the same key took over; nothing was changed by this one. Retry to get the result.',
          [],
          {},
          { 'retry-after': '1' },
        );
      }
      claim.completedInTx = true;
    },
    committed: () => {
      claim.committedWork = true;
    },
  };
}

export function installIdempotency(app: FastifyInstance, deps: { db: Db; clock: Clock }): void {
  app.decorateRequest('idempotency', null);

  const claimHook = async (request: FastifyRequest, reply: FastifyReply, accountId: string, key: string) => {
    if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
      throw new AppError('validation_failed', `Idempotency-Key must be 1–${MAX_KEY_LENGTH} characters.`, [
        { path: 'Idempotency-Key', message: `must be 1–${MAX_KEY_LENGTH} characters`, code: 'too_long' },
      ]);
    }
    const result = await claimKey(deps.db, deps.clock, accountId, key, fingerprintOf(request));
    if ('own' in result) {
      request.idempotency = result.own;
      return;
    }
    reply.header('idempotent-replayed', 'true');
    if (result.replay.body !== '') reply.header('content-type', 'application/json; charset=utf-8');
    await reply.code(result.replay.status).serializer((payload: unknown) => String(payload)).send(result.replay.body);
    return reply;
  };

  const storeHook = async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const claim = request.idempotency;
    if (claim === null || claim === undefined) return payload;
    request.idempotency = null;
    const status = reply.statusCode;
    const record = deps.db.updateTable('idempotency_keys').where('account_id', '=', claim.accountId).where('key', '=', claim.key).where('lease_token', '=', claim.leaseToken);

    // The change committed with its response: an error after it does not replace it.
    if (claim.completedInTx && status >= 300) return payload;
    if (status >= 500 && !claim.committedWork) {
      // Nothing was changed: free the key, a retry runs again.
      await deps.db
        .deleteFrom('idempotency_keys')
        .where('account_id', '=', claim.accountId)
        .where('key', '=', claim.key)
        .where('lease_token', '=', claim.leaseToken)
        .where('status_code', 'is', null)
        .execute();
      return payload;
    }
    const text = typeof payload === 'string' ? payload : payload === undefined || payload === null ? '' : undefined;
    if (text === undefined) return payload; // a stream: nothing to store; the lease runs out
    await record.set({ status_code: status, response_body: storableBody(request, status, text) }).execute();
    return payload;
  };

  // The handler of every POST runs under the request's observer when it holds a key.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.includes('POST')) return;
    const handler = route.handler as RouteHandlerMethod;
    route.handler = function withIdempotency(this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
      const claim = request.idempotency;
      if (claim === null) return handler.call(this, request, reply);
      return withTransactionObserver(observerFor(request, reply, claim), () => handler.call(this, request, reply));
    } as RouteHandlerMethod;
  });

  // Both hooks are plain functions that return at once for a request without a key (every GET):
  // only a request holding one pays for a promise.
  app.addHook('preHandler', (request, reply, done) => {
    const key = request.method === 'POST' && request.auth !== null ? idempotencyKeyOf(request) : undefined;
    if (request.auth === null || key === undefined) {
      done();
      return;
    }
    claimHook(request, reply, request.auth.account.id, key).then(() => done(), done);
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.idempotency === null) {
      done(null, payload);
      return;
    }
    storeHook(request, reply, payload).then((stored) => done(null, stored), done);
  });
}

/** Removes stored responses past their 24 h retention (the housekeeping job runs it). */
export async function purgeExpiredIdempotencyKeys(db: Db, clock: Clock): Promise<number> {
  const cutoff = new Date(clock.now().getTime() - RETENTION_MS).toISOString();
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
