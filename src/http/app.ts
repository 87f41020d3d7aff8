import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyServerOptions } from 'fastify';
import type { Context } from '../context.js';
import { RequestLogger, type Logger } from '../lib/logger.js';
import { registerAccountRoutes } from '../modules/accounts/account.routes.js';
import { registerMemberRoutes } from '../modules/accounts/members.routes.js';
import { registerAgentProfileRoutes } from '../modules/agent-profiles/agent-profiles.routes.js';
import { registerApiKeyRoutes } from '../modules/api-keys/api-keys.routes.js';
import { registerAuthRoutes } from '../modules/auth/auth.routes.js';
import { registerOpsRoutes } from '../modules/ops/ops.routes.js';
import { registerOutboxRoutes } from '../modules/outbox/outbox.routes.js';
import { registerParticipantRoutes } from '../modules/participants/participants.routes.js';
import { registerInterviewRoutes } from '../modules/interviews/interviews.routes.js';
import { registerResumeRoutes } from '../modules/resumes/resumes.routes.js';
import { registerSessionRoutes } from '../modules/sessions/sessions.routes.js';
import { registerTemplateRoutes } from '../modules/templates/templates.routes.js';
import { registerWebhookRoutes } from '../modules/webhooks/webhooks.routes.js';
import type { App } from './app-types.js';
import { installAuth, type AuthBackend, type RouteAuth } from './auth.js';
import { installBodyParsing } from './body.js';
import { installErrorHandler, replyWithError, sendNotFound } from './error-handler.js';
import { installIdempotency } from './idempotency.js';
import { installMetrics } from './metrics.js';
import { registerApiDocs, registerOpenApi } from './openapi.js';
import { RateLimiter } from './rate-limit.js';
import { installValidators } from './validation.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface AppOptions {
  /** Folder of the built dashboard; served at / when it exists. */
  webRoot?: string;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A route that declares `config.auth`, as registered (the shared security tests walk these). */
export interface ProtectedRoute {
  method: string;
  url: string;
  auth: RouteAuth;
}

/** The HTTP face of a context: the Fastify app with every route. Listening is the caller's. */
export async function buildApp(ctx: Context, options: AppOptions = {}): Promise<{ app: App; protectedRoutes: ProtectedRoute[] }> {
  const fastifyOptions: FastifyServerOptions = {
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: ctx.config.trustProxy,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false } },
    // A request's logger is built on first use (see RequestLogger).
    childLoggerFactory: (logger, bindings, options) =>
      (options.level === undefined ? new RequestLogger(logger as Logger, bindings) : logger.child(bindings, options)) as unknown as FastifyBaseLogger,
    frameworkErrors: (error, request, reply) => {
      reply.header('x-request-id', request.id);
      replyWithError(error, request, reply);
    },
  };
  const app = Fastify({ ...fastifyOptions, loggerInstance: ctx.logger as FastifyBaseLogger }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

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
  await registerOpenApi(app, ctx.config);

  installBodyParsing(app);

  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });

  const services = ctx.services;
  const backend: AuthBackend = {
    apiKey: (secret) => services.apiKeys.authenticate(secret),
    session: (token) => services.auth.resolveSession(token),
    membership: (userId, slug) => services.accounts.membershipBySlug(userId, slug),
  };
  installAuth(app, {
    backend,
    limiter: new RateLimiter(ctx.config.rateLimitPerSecond, ctx.config.rateLimitBurst),
    clock: ctx.clock,
  });
  installIdempotency(app, { db: ctx.database.db, clock: ctx.clock });
  installMetrics(app, ctx.metrics);

  registerOpsRoutes(app, { ping: () => ctx.database.ping(), metrics: ctx.metrics });
  registerAuthRoutes(app, { auth: services.auth, accounts: services.accounts, secureCookies: ctx.config.secureCookies });
  registerApiKeyRoutes(app, services.apiKeys);
  registerMemberRoutes(app, services.accounts);
  registerAccountRoutes(app, services.accounts);
  registerTemplateRoutes(app, services.templates);
  registerAgentProfileRoutes(app, services.agentProfiles);
  registerParticipantRoutes(app, { participants: services.participants, batch: services.participantBatches });
  registerResumeRoutes(app, services.resumes);
  registerOutboxRoutes(app, services.mail);
  registerSessionRoutes(app, { sessions: services.sessions, views: services.sessionViews, accounts: services.accounts });
  registerInterviewRoutes(app, services.interviews);
  registerWebhookRoutes(app, services.webhooks);
  await registerApiDocs(app);

  const webRoot = options.webRoot;
  const hasWeb = webRoot !== undefined && existsSync(join(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });
    // The participant's join page: its own small entry of the web build, no dashboard. The
    // token stays out of Referer headers and caches.
    if (existsSync(join(webRoot, 'join.html'))) {
      app.get('/join/:token', { schema: { hide: true } }, (_request, reply) =>
        reply
          .header('referrer-policy', 'no-referrer')
          .header('cache-control', 'no-store')
          .header('x-robots-tag', 'noindex')
          .type('text/html')
          .sendFile('join.html', { cacheControl: false }),
      );
    }
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isApi = path.startsWith('/api/') || path === '/api' || path.startsWith('/docs');
    // The dashboard routes in the browser: unknown GETs outside the API get its index page.
    if (hasWeb && request.method === 'GET' && !isApi) return reply.type('text/html').sendFile('index.html');
    return sendNotFound(request, reply);
  });

  return { app, protectedRoutes };
}
