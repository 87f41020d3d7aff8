import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../lib/clock.js';
import { API_KEY_PATTERN } from '../lib/formats.js';
import { MANAGER_ROLES, scopesForRole, type Role, type Scope } from '../lib/access.js';
import { AppError } from '../errors.js';
import type { RateLimiter } from './rate-limit.js';

export const SESSION_COOKIE = 'docket_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface AuthAccount {
  id: string;
  slug: string;
  name: string;
}

export type Principal =
  | { kind: 'api_key'; keyId: string; scopes: ReadonlySet<Scope> }
  | { kind: 'user'; userId: string; sessionId: string; role: Role; scopes: ReadonlySet<Scope> };

export interface AuthContext {
  account: AuthAccount;
  principal: Principal;
}

/** What a route asks of its caller. */
export interface RouteAuth {
  /** The scope an API key (or the user's role) must grant. */
  scope?: Scope;
  /** Only a signed-in owner or admin: API keys cannot manage keys and members. */
  managersOnly?: boolean;
  /** Only a signed-in member of the account (any role): API keys are refused (they have no member scope). */
  dashboardOnly?: boolean;
}

/** Whether a route refuses API keys (dashboard sessions only). */
export function refusesApiKeys(auth: RouteAuth): boolean {
  return auth.managersOnly === true || auth.dashboardOnly === true;
}

export interface ResolvedKey {
  keyId: string;
  account: AuthAccount;
  scopes: ReadonlySet<Scope>;
}

/** What the auth layer needs from the modules, wired in app.ts. */
export interface AuthBackend {
  /** A plain value when the key is resolved without I/O (see ApiKeysService.authenticate). */
  apiKey(secret: string): ResolvedKey | undefined | Promise<ResolvedKey | undefined>;
  session(token: string): Promise<{ sessionId: string; csrfToken: string; user: { id: string } } | undefined>;
  membership(userId: string, accountSlug: string): Promise<(AuthAccount & { role: Role }) | undefined>;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The authenticated context of a protected route (its hook has already run). */
export function authOf(request: FastifyRequest): AuthContext {
  if (request.auth === null) throw new AppError('unauthenticated', 'Authentication required.');
  return request.auth;
}

function accountSlugOf(request: FastifyRequest): string | undefined {
  const query = request.query as Record<string, unknown> | undefined;
  const fromQuery = query?.['accountSlug'];
  if (typeof fromQuery === 'string' && fromQuery !== '') return fromQuery;
  const body = request.body;
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
    const fromBody = (body as Record<string, unknown>)['accountSlug'];
    if (typeof fromBody === 'string' && fromBody.trim() !== '') return fromBody.trim();
  }
  return undefined;
}

function applyRateLimit(reply: FastifyReply, limiter: RateLimiter, key: string, nowMs: number): void {
  const decision = limiter.take(key, nowMs);
  reply.header('ratelimit-limit', decision.limit);
  reply.header('ratelimit-remaining', decision.remaining);
  reply.header('ratelimit-reset', decision.resetSeconds);
  if (!decision.allowed) {
    throw new AppError('rate_limited', 'Too many requests. Slow down and retry after the time in Retry-After.', [], {}, {
      'retry-after': String(decision.retryAfterSeconds),
    });
  }
}

function requireScope(scopes: ReadonlySet<Scope>, scope: Scope | undefined): void {
  if (scope !== undefined && !scopes.has(scope)) {
    throw new AppError('missing_scope', `This request needs the "${scope}" scope.`, [], { required_scope: scope });
  }
}

interface PendingSession {
  userId: string;
  sessionId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    pendingSession: PendingSession | null;
  }
}

/**
 * Two steps. `onRequest` — before the body is read — checks the credentials (key or session,
 * CSRF, rate limit, key scope), so an unauthenticated caller never gets a body parsed or learns
 * what a valid one looks like. `preValidation` then settles the account: `accountSlug` may come
 * in the body (bulk import, session creation), which is only parsed by then.
 */
export function installAuth(
  app: FastifyInstance,
  deps: { backend: AuthBackend; limiter: RateLimiter; clock: Clock },
): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('pendingSession', null);

  // A plain function: a key resolved without I/O settles the request at once (see AuthBackend).
  app.addHook('onRequest', (request, reply, done) => {
    const routeAuth = request.routeOptions.config.auth;
    if (routeAuth === undefined) {
      done();
      return;
    }
    const nowMs = deps.clock.now().getTime();
    const header = request.headers['x-api-key'];
    if (header === undefined) {
      authenticateSession(request, reply, nowMs).then(() => done(), done);
      return;
    }
    const secret = Array.isArray(header) ? header[0] : header;
    if (secret === undefined || !API_KEY_PATTERN.test(secret)) {
      throw new AppError('unauthenticated', 'The x-api-key header is malformed: expected "iv_live_" followed by the key.');
    }
    const key = deps.backend.apiKey(secret);
    if (key instanceof Promise) {
      key.then((resolved) => acceptKey(request, reply, routeAuth, resolved, nowMs)).then(() => done(), done);
      return;
    }
    acceptKey(request, reply, routeAuth, key, nowMs);
    done();
  });

  function acceptKey(request: FastifyRequest, reply: FastifyReply, routeAuth: RouteAuth, key: ResolvedKey | undefined, nowMs: number): void {
    if (key === undefined) throw new AppError('unauthenticated', 'The API key is unknown or has been revoked.');
    applyRateLimit(reply, deps.limiter, `key:${key.keyId}`, nowMs);
    if (routeAuth.managersOnly === true) {
      throw new AppError('forbidden', 'API keys cannot manage API keys or members; sign in to the dashboard as an owner or admin.');
    }
    if (routeAuth.dashboardOnly === true) {
      throw new AppError('forbidden', 'API keys cannot read this; sign in to the dashboard as a member of the account.');
    }
    requireScope(key.scopes, routeAuth.scope);
    request.auth = { account: key.account, principal: { kind: 'api_key', keyId: key.keyId, scopes: key.scopes } };
  }

  async function authenticateSession(request: FastifyRequest, reply: FastifyReply, nowMs: number): Promise<void> {
    const token = request.cookies[SESSION_COOKIE];
    if (token === undefined || token === '') {
      throw new AppError('unauthenticated', 'Authentication required: send an x-api-key header or sign in.');
    }
    const session = await deps.backend.session(token);
    if (session === undefined) throw new AppError('unauthenticated', 'Your session has expired. Sign in again.');
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new AppError('csrf_failed', 'The CSRF token is missing or wrong. Reload the page and try again.');
    }
    applyRateLimit(reply, deps.limiter, `user:${session.user.id}`, nowMs);
    request.pendingSession = { userId: session.user.id, sessionId: session.sessionId };
  }

  // A plain function: an API key's request (its account known since onRequest) settles at once;
  // only a dashboard session's looks up its membership.
  app.addHook('preValidation', (request, _reply, done) => {
    const routeAuth = request.routeOptions.config.auth;
    if (routeAuth === undefined) {
      done();
      return;
    }
    const slug = accountSlugOf(request);
    if (request.auth !== null) {
      if (slug !== undefined && slug !== request.auth.account.slug) {
        throw new AppError('account_mismatch', 'The accountSlug does not match the account of this API key.');
      }
      done();
      return;
    }
    settleMembership(request, routeAuth, slug).then(() => done(), done);
  });

  async function settleMembership(request: FastifyRequest, routeAuth: RouteAuth, slug: string | undefined): Promise<void> {
    const pending = request.pendingSession;
    if (pending === null) throw new AppError('unauthenticated', 'Authentication required.');
    if (slug === undefined) {
      throw new AppError('account_slug_required', 'accountSlug is required when signed in with a dashboard session.', [
        { path: 'accountSlug', message: 'is required', code: 'required' },
      ]);
    }
    const membership = await deps.backend.membership(pending.userId, slug);
    if (membership === undefined) throw new AppError('forbidden', 'You are not a member of that account.');
    const scopes = scopesForRole(membership.role);
    if (routeAuth.managersOnly === true && !MANAGER_ROLES.includes(membership.role)) {
      throw new AppError('forbidden', 'Only owners and admins can do this.');
    }
    requireScope(scopes, routeAuth.scope);
    request.auth = {
      account: { id: membership.id, slug: membership.slug, name: membership.name },
      principal: { kind: 'user', userId: pending.userId, sessionId: pending.sessionId, role: membership.role, scopes },
    };
  }
}
