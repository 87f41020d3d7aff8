import openapiTS, { astToString } from 'openapi-typescript';
import { loadConfig } from '../src/config/config.js';
import { createContext } from '../src/context.js';
import { buildApp } from '../src/http/app.js';

/** Where the dashboard's typed client reads the API's types from. */
export const API_TYPES_PATH = 'web/src/api/schema.d.ts';

const HEADER = [
  '/**',
  ' * Generated from GET /api/v1/openapi.json by `npm run gen:api`. Do not edit by hand:',
  ' * change the route schemas and regenerate (a test fails while this file is stale).',
  ' */',
  '',
].join('\n');

/** The OpenAPI document, built in-process (nothing listens; the database stays empty). */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const config = loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000', DATABASE_URL: 'sqlite::memory:' });
  const ctx = createContext(config);
  try {
    const { app } = await buildApp(ctx);
    await app.ready();
    const document = app.swagger() as unknown as Record<string, unknown>;
    await app.close();
    return document;
  } finally {
    await ctx.close();
  }
}

/** The TypeScript declarations of the API, as committed in API_TYPES_PATH. */
export async function renderApiTypes(): Promise<string> {
  const document = await buildOpenApiDocument();
  const ast = await openapiTS(JSON.parse(JSON.stringify(document)) as Parameters<typeof openapiTS>[0], {
    alphabetize: true,
    exportType: false,
  });
  return HEADER + astToString(ast);
}
