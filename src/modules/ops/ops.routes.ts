import type { Registry } from 'prom-client';
import { Type } from 'typebox';
import type { App } from '../../http/app-types.js';

const hide = { hide: true } as const;

export function registerOpsRoutes(app: App, deps: { ping: () => Promise<void>; metrics: Registry }): void {
  app.get('/healthz', { schema: { ...hide, response: { 200: Type.Object({ status: Type.String() }) } } }, async () => ({
    status: 'ok',
  }));

  app.get('/readyz', { schema: hide }, async (request, reply) => {
    try {
      await deps.ping();
      return { status: 'ready' };
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed');
      return reply.code(503).send({ status: 'unavailable', error: 'The database is not reachable.' });
    }
  });

  app.get('/metrics', { schema: hide }, async (_request, reply) => {
    reply.header('content-type', deps.metrics.contentType);
    return deps.metrics.metrics();
  });
}
