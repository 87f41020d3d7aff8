import { Type } from 'typebox';
import type { App } from '../../http/app-types.js';
import { authOf } from '../../http/auth.js';
import { DEFAULT_PAGE_SIZE } from '../../lib/pagination.js';
import { AccountSlugQuery, DataEnvelope, IdParams, ListEnvelope, errorResponses } from '../../http/schemas.js';
import { ApiKeyCreateBody, ApiKeyListQuery, ApiKeySchema, CreatedApiKeySchema } from './api-keys.schemas.js';
import type { ApiKeysService } from './api-keys.service.js';

const tags = ['API keys'];
const managers = { auth: { managersOnly: true } };
const SlugQuery = Type.Object(AccountSlugQuery, { additionalProperties: false });
const description = 'Owners and admins, signed in to the dashboard (cookie session + CSRF token). API keys cannot manage keys.';

export function registerApiKeyRoutes(app: App, apiKeys: ApiKeysService): void {
  app.post('/api/v1/api-keys', {
    config: managers,
    schema: {
      tags,
      summary: 'Create an API key',
      description: `${description} The secret is in the response once and never again: replayed for the same Idempotency-Key, the response is the same key without \`secret\`.`,
      querystring: SlugQuery,
      body: ApiKeyCreateBody,
      response: { 201: DataEnvelope(CreatedApiKeySchema), ...errorResponses() },
    },
    handler: async (request, reply) => {
      const auth = authOf(request);
      const createdBy = auth.principal.kind === 'user' ? auth.principal.userId : null;
      const { key, secret } = await apiKeys.create(auth.account.id, {
        name: request.body.name,
        scopes: request.body.scopes,
        createdByUserId: createdBy,
      });
      return reply.code(201).send({ data: { ...key, secret } });
    },
  });

  app.get('/api/v1/api-keys', {
    config: managers,
    schema: {
      tags,
      summary: 'List API keys (revoked ones included)',
      description,
      querystring: ApiKeyListQuery,
      response: { 200: ListEnvelope(ApiKeySchema), ...errorResponses() },
    },
    handler: async (request) => {
      const page = request.query.page ?? 1;
      const pageSize = request.query.pageSize ?? DEFAULT_PAGE_SIZE;
      const { items, total } = await apiKeys.list(authOf(request).account.id, { offset: (page - 1) * pageSize, limit: pageSize });
      return { data: items, meta: { page, pageSize, total, totalPages: Math.ceil(total / pageSize) } };
    },
  });

  app.post('/api/v1/api-keys/:id/revoke', {
    config: managers,
    schema: {
      tags,
      summary: 'Revoke an API key',
      description: `${description} Takes effect on the next request made with the key.`,
      params: IdParams,
      querystring: SlugQuery,
      response: { 200: DataEnvelope(ApiKeySchema), ...errorResponses(404) },
    },
    handler: async (request) => ({ data: await apiKeys.revoke(authOf(request).account.id, request.params.id) }),
  });
}
