import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { Config } from '../config/config.js';
import type { App } from './app-types.js';

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
          'Participants, evaluation templates, sessions and webhooks. Compatible with the intervyo.ai `/api/v1` participants contract: change the base URL and an existing integration works.\n\nAuthenticate with `x-api-key: iv_live_…`. Errors have the shape `{ error, code, issues, request_id }`.',
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
        out.schema['security'] = auth.managersOnly === true ? [{ dashboardSession: [] }] : [{ apiKey: [] }, { dashboardSession: [] }];
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
