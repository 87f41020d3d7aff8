import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { Config } from '../config/config.js';
import type { App } from './app-types.js';
import { refusesApiKeys } from './auth.js';

const IDEMPOTENCY = [
  '**Idempotency.** Any POST may carry `Idempotency-Key` (1–255 characters, per account). The first response is stored for 24 hours, with the change it describes (in the same database transaction), and replayed for a retry with the same key and body, with the header `Idempotent-Replayed: true`; the same key with another body is 409 `idempotency_key_reused`.',
  'While the first request runs, a retry gets 409 `idempotency_in_progress` with `Retry-After`. A request that stopped before its change (the server died, say) holds the key for at most 30 seconds; a retry after that runs it again. A server error after the change committed replays the change\'s response; a server error before any change frees the key at once.',
  'Secrets are shown once and never stored: a replay of a response that carried one (an API key\'s `secret`) has the same body without that field.',
  'The CSV import writes in transactions of 500 rows, so it has no single change to store its response with: its response is stored when it finishes, and a server error after rows were written is stored too (import again under a new key: rows already there are skipped).',
].join('\n\n');

/**
 * Collects the route schemas (register before any route). The OpenAPI 3.1 document is generated from the same route schemas that validate requests,
 * served at /api/v1/openapi.json and browsable at /docs.
 */
export async function registerOpenApi(app: App, config: Config): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Docket API',
        version: '1.0.0',
        description:
          'Participants, evaluation templates, sessions and webhooks. Compatible with the intervyo.ai `/api/v1` participants contract: change the base URL and an existing integration works.\n\nAuthenticate with `x-api-key: iv_live_…`. Errors have the shape `{ error, code, issues, request_id }`.\n\n' +
          IDEMPOTENCY,
      },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: {
          apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
          dashboardSession: { type: 'apiKey', in: 'cookie', name: 'docket_session' },
        },
      },
      security: [],
    },
    hideUntagged: true,
    transform: ({ schema, url, route }) => {
      const out = { schema: { ...(schema as object) } as Record<string, unknown>, url };
      const auth = route.config?.auth;
      if (auth !== undefined) {
        out.schema['security'] = refusesApiKeys(auth) ? [{ dashboardSession: [] }] : [{ apiKey: [] }, { dashboardSession: [] }];
      }
      return out;
    },
  });
}

/** The document and its browsable reference; registered after the hooks and decorators. */
export async function registerApiDocs(app: App): Promise<void> {
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
