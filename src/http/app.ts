import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyServerOptions } from 'fastify';
import type { Config } from '../config/config.js';
import type { DatabaseHandle } from '../db/database.js';
import type { Clock } from '../lib/clock.js';
import { AccountsService } from '../modules/accounts/accounts.service.js';
import { registerAccountRoutes } from '../modules/accounts/account.routes.js';
import { registerMemberRoutes } from '../modules/accounts/members.routes.js';
import { registerApiKeyRoutes } from '../modules/api-keys/api-keys.routes.js';
import { ApiKeysService } from '../modules/api-keys/api-keys.service.js';
import { registerAuthRoutes } from '../modules/auth/auth.routes.js';
import { AuthService } from '../modules/auth/auth.service.js';
import { EventsService } from '../modules/events/events.service.js';
import { registerOpsRoutes } from '../modules/ops/ops.routes.js';
import { ParticipantsBatchService } from '../modules/participants/participants-batch.service.js';
import { registerParticipantRoutes } from '../modules/participants/participants.routes.js';
import { ParticipantsService } from '../modules/participants/participants.service.js';
import { registerTemplateRoutes } from '../modules/templates/templates.routes.js';
import { TemplatesService } from '../modules/templates/templates.service.js';
import type { App } from './app-types.js';
import { installAuth, type AuthBackend, type RouteAuth } from './auth.js';
import { installErrorHandler, replyWithError, sendNotFound } from './error-handler.js';
import { installIdempotency } from './idempotency.js';
import { installMetrics } from './metrics.js';
import { registerApiDocs, registerOpenApi } from './openapi.js';
import { RateLimiter } from './rate-limit.js';
import { trimStrings } from '../lib/validation.js';
import { installValidators } from './validation.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
  /** A pino-compatible logger; defaults to JSON logs at config.logLevel. */
  logger?: FastifyBaseLogger;
  /** Where JSON log lines go (default stdout); tests capture them to check what is logged. */
  logStream?: NodeJS.WritableStream;
  /** Folder of the built dashboard; served at / when it exists. */
  webRoot?: string;
}

export interface Services {
  accounts: AccountsService;
  apiKeys: ApiKeysService;
  auth: AuthService;
  templates: TemplatesService;
  events: EventsService;
  participants: ParticipantsService;
  participantBatches: ParticipantsBatchService;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function createServices(deps: AppDeps): Services {
  const { db, dialect } = deps.database;
  const clock = deps.clock;
  const accounts = new AccountsService({ db, clock });
  const apiKeys = new ApiKeysService({ db, clock });
  const auth = new AuthService({ db, clock, accounts, sessionTtlHours: deps.config.sessionTtlHours });
  const templates = new TemplatesService({ db, dialect, clock });
  const events = new EventsService({ clock });
  const participantDeps = { db, dialect, clock, templates, events };
  const participants = new ParticipantsService(participantDeps);
  const participantBatches = new ParticipantsBatchService(participantDeps);
  return { accounts, apiKeys, auth, templates, events, participants, participantBatches };
}

/** A route that declares `config.auth`, as registered (the shared security tests walk these). */
export interface ProtectedRoute {
  method: string;
  url: string;
  auth: RouteAuth;
}

export async function buildApp(deps: AppDeps): Promise<{ app: App; services: Services; protectedRoutes: ProtectedRoute[] }> {
  const options: FastifyServerOptions = {
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: deps.config.trustProxy,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false } },
    frameworkErrors: (error, request, reply) => {
      reply.header('x-request-id', request.id);
      replyWithError(error, request, reply);
    },
  };
  const app = (
    deps.logger !== undefined
      ? Fastify({ ...options, loggerInstance: deps.logger })
      : Fastify({
          ...options,
          logger: {
            level: deps.config.logLevel,
            redact: ['req.headers["x-api-key"]', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization'],
            ...(deps.logStream !== undefined ? { stream: deps.logStream } : {}),
          },
        })
  ).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  const protectedRoutes: ProtectedRoute[] = [];
  app.addHook('onRoute', (route) => {
    const auth = (route.config as { auth?: RouteAuth } | undefined)?.auth;
    if (auth === undefined) return;
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
      if (method !== 'HEAD') protectedRoutes.push({ method, url: route.url, auth });
    }
  });
  installValidators(app);
  installErrorHandler(app);
  await app.register(fastifyCookie);
  await registerOpenApi(app, deps.config);

  // JSON bodies: an empty body on a JSON request is "no body" (e.g. POST …/revoke), not an error.
  const defaultJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '' || (typeof body === 'string' && body.trim() === '')) {
      done(null, undefined);
      return;
    }
    defaultJson(request, body as string, done);
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('preValidation', async (request) => {
    const type = request.headers['content-type'];
    if (typeof type === 'string' && type.startsWith('application/json') && request.body !== null && typeof request.body === 'object') {
      request.body = trimStrings(request.body);
    }
  });

  const services = createServices(deps);
  const backend: AuthBackend = {
    apiKey: (secret) => services.apiKeys.authenticate(secret),
    session: (token) => services.auth.resolveSession(token),
    membership: (userId, slug) => services.accounts.membershipBySlug(userId, slug),
  };
  installAuth(app, {
    backend,
    limiter: new RateLimiter(deps.config.rateLimitPerSecond, deps.config.rateLimitBurst),
    clock: deps.clock,
  });
  installIdempotency(app, { db: deps.database.db, clock: deps.clock });
  const metrics = installMetrics(app);

  registerOpsRoutes(app, { ping: () => deps.database.ping(), metrics });
  registerAuthRoutes(app, { auth: services.auth, accounts: services.accounts, secureCookies: deps.config.secureCookies });
  registerApiKeyRoutes(app, services.apiKeys);
  registerMemberRoutes(app, services.accounts);
  registerAccountRoutes(app, services.accounts);
  registerTemplateRoutes(app, services.templates);
  registerParticipantRoutes(app, { participants: services.participants, batch: services.participantBatches });
  await registerApiDocs(app);

  const webRoot = deps.webRoot;
  const hasWeb = webRoot !== undefined && existsSync(join(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isApi = path.startsWith('/api/') || path === '/api' || path.startsWith('/docs');
    // The dashboard routes in the browser: unknown GETs outside the API get its index page.
    if (hasWeb && request.method === 'GET' && !isApi) return reply.type('text/html').sendFile('index.html');
    return sendNotFound(request, reply);
  });

  return { app, services, protectedRoutes };
}
