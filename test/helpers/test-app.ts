import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig, type Config } from '../../src/config/config.js';
import type { Dialect } from '../../src/db/database.js';
import type { Role, Scope } from '../../src/lib/access.js';
import type { App } from '../../src/http/app-types.js';
import { createContext, type Context, type Services } from '../../src/context.js';
import { buildApp, type ProtectedRoute } from '../../src/http/app.js';
import type { DrainResult } from '../../src/jobs/runner.js';
import { systemClock, type Clock } from '../../src/lib/clock.js';
import { createTestDatabase, type TestDatabase } from './databases.js';
import { loopbackLookup } from './net.js';

export interface TestAccount {
  id: string;
  slug: string;
  /** An all-scopes key of this account. */
  apiKey: string;
  owner: { id: string; email: string; password: string };
}

export interface RequestOptions {
  body?: unknown;
  /** API key to send; `null` sends none. Defaults to the main account's key. */
  key?: string | null;
  headers?: Record<string, string>;
  query?: Record<string, string | number | boolean | string[] | undefined>;
  /** The client address the request comes from (a loopback address). */
  remoteAddress?: string;
}

export interface JsonResponse extends LightMyRequestResponse {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
  body: any;
}

export interface SignedIn {
  cookie: string;
  csrf: string;
}

export interface TestApp {
  app: App;
  /** The composition root the app was built from (its runner is not started: use drain()). */
  ctx: Context;
  services: Services;
  /** Runs every job due by the context's clock, until none is. */
  drain(): Promise<DrainResult>;
  /** Every route that requires authentication. */
  protectedRoutes: ProtectedRoute[];
  db: TestDatabase;
  config: Config;
  dialect: Dialect;
  /** The account most tests act in. */
  account: TestAccount;
  /** Creates another account with its own owner and all-scopes key. */
  createAccount(slug: string): Promise<TestAccount>;
  /** Creates a key with the given scopes in an account (default: the main one). */
  createKey(scopes: Scope[], accountId?: string): Promise<string>;
  /** Adds a user with a role to an account (default: the main one) and returns its credentials. */
  createUser(role: Role, accountId?: string): Promise<{ id: string; email: string; password: string }>;
  signIn(email: string, password: string): Promise<SignedIn>;
  request(method: string, url: string, options?: RequestOptions): Promise<JsonResponse>;
  /** A request made with a dashboard session instead of an API key. */
  asUser(session: SignedIn, method: string, url: string, options?: Omit<RequestOptions, 'key'>): Promise<JsonResponse>;
}

let counter = 0;

function withQuery(url: string, query: RequestOptions['query']): string {
  if (query === undefined) return url;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(name, String(v));
  }
  const text = params.toString();
  return text === '' ? url : `${url}${url.includes('?') ? '&' : '?'}${text}`;
}

/** Builds an app over a fresh database of `dialect`, with one account, owner and key. */
export async function createTestApp(
  dialect: Dialect,
  options: {
    /** Extra environment; a function is read when the app is built (e.g. a fake server's URL). */
    env?: Record<string, string> | (() => Record<string, string>);
    clock?: Clock;
    logStream?: NodeJS.WritableStream;
    /** Adds hooks or routes to the app before it is ready (faults at a chosen step, misconfigurations). */
    configure?: (app: App) => void;
  } = {},
): Promise<TestApp> {
  const db = await createTestDatabase(dialect);
  const env = typeof options.env === 'function' ? options.env() : options.env;
  const config = loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://docket.test', ...env });
  const ctx = createContext(config, {
    database: db.handle,
    clock: options.clock ?? systemClock,
    lookup: loopbackLookup,
    ...(options.logStream !== undefined ? { logStream: options.logStream } : {}),
  });
  const services = ctx.services;
  const { app, protectedRoutes } = await buildApp(ctx);
  options.configure?.(app);
  await app.ready();

  const createAccount = async (slug: string): Promise<TestAccount> => {
    const account = await services.accounts.createAccount({ slug, name: `Team ${slug}` });
    counter += 1;
    const owner = { email: `owner-${slug}-${counter}@example.test`, password: 'correct horse battery' };
    const user = await services.accounts.createUser({ email: owner.email, name: 'Owner', password: owner.password });
    await services.accounts.addMembership(account.id, user.id, 'owner');
    const { secret } = await services.apiKeys.create(account.id, { name: 'test key' });
    return { id: account.id, slug, apiKey: secret, owner: { ...owner, id: user.id } };
  };
  const account = await createAccount('acme');

  const request = async (method: string, url: string, opts: RequestOptions = {}): Promise<JsonResponse> => {
    const headers: Record<string, string> = { ...opts.headers };
    const key = opts.key === undefined ? account.apiKey : opts.key;
    if (key !== null) headers['x-api-key'] = key;
    const hasBody = opts.body !== undefined;
    if (hasBody && typeof opts.body !== 'string' && headers['content-type'] === undefined) {
      headers['content-type'] = 'application/json';
    }
    const response = await app.inject({
      method: method as 'GET',
      url: withQuery(url, opts.query),
      headers,
      ...(opts.remoteAddress !== undefined ? { remoteAddress: opts.remoteAddress } : {}),
      ...(hasBody ? { payload: typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) } : {}),
    });
    const type = String(response.headers['content-type'] ?? '');
    const body: unknown = type.includes('application/json') && response.body !== '' ? response.json() : response.body;
    return Object.assign(response, { body }) as JsonResponse;
  };

  return {
    app,
    ctx,
    services,
    drain: () => ctx.jobs.runner.drain(),
    protectedRoutes,
    db,
    config,
    dialect,
    account,
    createAccount,
    createKey: async (scopes, accountId = account.id) =>
      (await services.apiKeys.create(accountId, { name: `key ${scopes.join(' ')}`, scopes })).secret,
    createUser: async (role, accountId = account.id) => {
      counter += 1;
      const email = `${role}-${counter}@example.test`;
      const password = 'a long enough password';
      const user = await services.accounts.createUser({ email, name: `${role} user`, password });
      await services.accounts.addMembership(accountId, user.id, role);
      return { id: user.id, email, password };
    },
    signIn: async (email, password) => {
      const response = await request('POST', '/api/auth/login', { key: null, body: { email, password } });
      if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${JSON.stringify(response.body)}`);
      const cookie = response.cookies.find((c) => c.name === 'docket_session');
      if (cookie === undefined) throw new Error('no session cookie');
      return { cookie: `docket_session=${cookie.value}`, csrf: String(response.body.data.csrf_token) };
    },
    request,
    asUser: (session, method, url, opts = {}) =>
      request(method, url, {
        ...opts,
        key: null,
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...opts.headers },
      }),
  };
}

/**
 * Registers beforeAll/afterAll that build and dispose a test app; returns a getter.
 * Use inside `forEachDatabase((dialect) => { const t = useTestApp(dialect); … t().request(…) })`.
 */
export function useTestApp(dialect: Dialect, options: Parameters<typeof createTestApp>[1] = {}): () => TestApp {
  let instance: TestApp | undefined;
  beforeAll(async () => {
    instance = await createTestApp(dialect, options);
  });
  afterAll(async () => {
    if (instance !== undefined) await disposeTestApp(instance);
  });
  return () => {
    if (instance === undefined) throw new Error('test app not ready (use inside a test)');
    return instance;
  };
}

/** Closes the app and its context, then drops the database. */
export async function disposeTestApp(t: TestApp): Promise<void> {
  await t.app.close();
  await t.ctx.close();
  await t.db.dispose();
}
