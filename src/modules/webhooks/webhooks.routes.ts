import { Type } from 'typebox';
import type { App } from '../../http/app-types.js';
import { authOf } from '../../http/auth.js';
import { AccountSlugQuery, DataEnvelope, IdParams, ListEnvelope, NoContent, errorResponses } from '../../http/schemas.js';
import { DEFAULT_PAGE_SIZE } from '../../lib/pagination.js';
import { toStoredTimestamp } from '../../lib/validation.js';
import {
  CreatedWebhookEndpointSchema,
  WebhookDeliveryDetailSchema,
  WebhookDeliveryListQuery,
  WebhookDeliverySchema,
  WebhookEndpointCreateBody,
  WebhookEndpointListQuery,
  WebhookEndpointPatchBody,
  WebhookEndpointSchema,
  WebhookRecoverBody,
  WebhookRecoverResult,
} from './webhooks.schemas.js';
import type { WebhooksService } from './webhooks.service.js';

const tags = ['Webhooks'];
const read = { auth: { scope: 'webhooks.read' as const } };
const write = { auth: { scope: 'webhooks.write' as const } };
const SlugQuery = Type.Object(AccountSlugQuery, { additionalProperties: false });

function paging(query: { page?: number | undefined; pageSize?: number | undefined }): { page: number; pageSize: number; offset: number } {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  return { page, pageSize, offset: (page - 1) * pageSize };
}

function meta(page: number, pageSize: number, total: number) {
  return { page, pageSize, total, totalPages: Math.ceil(total / pageSize) };
}

/** Webhook endpoints and their deliveries (SPEC §6). */
export function registerWebhookRoutes(app: App, webhooks: WebhooksService): void {
  app.post('/api/v1/webhook-endpoints', {
    config: write,
    schema: {
      tags,
      summary: 'Create a webhook endpoint',
      description:
        'The response carries the signing secret (`whsec_…`) once. Deliveries are signed per Standard Webhooks; receivers verify `webhook-signature` with it.',
      querystring: SlugQuery,
      body: WebhookEndpointCreateBody,
      response: { 201: DataEnvelope(CreatedWebhookEndpointSchema), ...errorResponses() },
    },
    handler: async (request, reply) => {
      const { endpoint, secret } = await webhooks.create(authOf(request).account.id, request.body);
      return reply.code(201).send({ data: { ...endpoint, secret } });
    },
  });

  app.get('/api/v1/webhook-endpoints', {
    config: read,
    schema: {
      tags,
      summary: 'List webhook endpoints',
      description: 'Newest first.',
      querystring: WebhookEndpointListQuery,
      response: { 200: ListEnvelope(WebhookEndpointSchema), ...errorResponses() },
    },
    handler: async (request) => {
      const { page, pageSize, offset } = paging(request.query);
      const { items, total } = await webhooks.list(authOf(request).account.id, { offset, limit: pageSize });
      return { data: items, meta: meta(page, pageSize, total) };
    },
  });

  app.get('/api/v1/webhook-endpoints/:id', {
    config: read,
    schema: {
      tags,
      summary: 'Get a webhook endpoint',
      params: IdParams,
      querystring: SlugQuery,
      response: { 200: DataEnvelope(WebhookEndpointSchema), ...errorResponses(404) },
    },
    handler: async (request) => ({ data: await webhooks.get(authOf(request).account.id, request.params.id) }),
  });

  app.patch('/api/v1/webhook-endpoints/:id', {
    config: write,
    schema: {
      tags,
      summary: 'Update a webhook endpoint',
      description: '`url`, `events`, `description`, `enabled` (true re-enables an endpoint that was disabled).',
      params: IdParams,
      querystring: SlugQuery,
      body: WebhookEndpointPatchBody,
      response: { 200: DataEnvelope(WebhookEndpointSchema), ...errorResponses(404) },
    },
    handler: async (request) => ({ data: await webhooks.update(authOf(request).account.id, request.params.id, request.body) }),
  });

  app.delete('/api/v1/webhook-endpoints/:id', {
    config: write,
    schema: {
      tags,
      summary: 'Delete a webhook endpoint',
      description: 'With its deliveries; pending ones are not sent.',
      params: IdParams,
      querystring: SlugQuery,
      response: { 204: NoContent, ...errorResponses(404) },
    },
    handler: async (request, reply) => {
      await webhooks.remove(authOf(request).account.id, request.params.id);
      return reply.code(204).send();
    },
  });

  app.post('/api/v1/webhook-endpoints/:id/rotate-secret', {
    config: write,
    schema: {
      tags,
      summary: 'Rotate the signing secret',
      description: 'The new secret is in the response once. For 24 hours every delivery carries two `v1,` signatures: the new secret’s and the old one’s.',
      params: IdParams,
      querystring: SlugQuery,
      response: { 200: DataEnvelope(CreatedWebhookEndpointSchema), ...errorResponses(404) },
    },
    handler: async (request) => {
      const { endpoint, secret } = await webhooks.rotateSecret(authOf(request).account.id, request.params.id);
      return { data: { ...endpoint, secret } };
    },
  });

  app.post('/api/v1/webhook-endpoints/:id/test', {
    config: write,
    schema: {
      tags,
      summary: 'Send a test event',
      description: 'A `webhook.test` event, to this endpoint only. Answers with the delivery (sent in the background).',
      params: IdParams,
      querystring: SlugQuery,
      response: { 202: DataEnvelope(WebhookDeliverySchema), ...errorResponses(404, 409) },
    },
    handler: async (request, reply) => {
      const data = await webhooks.sendTest(authOf(request).account.id, request.params.id);
      return reply.code(202).send({ data });
    },
  });

  app.get('/api/v1/webhook-endpoints/:id/deliveries', {
    config: read,
    schema: {
      tags,
      summary: 'List the deliveries of an endpoint',
      description: 'Newest first; filters `status` and `event`. Kept for WEBHOOK_RETENTION_DAYS (30).',
      params: IdParams,
      querystring: WebhookDeliveryListQuery,
      response: { 200: ListEnvelope(WebhookDeliverySchema), ...errorResponses(404) },
    },
    handler: async (request) => {
      const { page, pageSize, offset } = paging(request.query);
      const { items, total } = await webhooks.listDeliveries(
        authOf(request).account.id,
        request.params.id,
        { status: request.query.status, event: request.query.event },
        { offset, limit: pageSize },
      );
      return { data: items, meta: meta(page, pageSize, total) };
    },
  });

  app.post('/api/v1/webhook-endpoints/:id/recover', {
    config: write,
    schema: {
      tags,
      summary: 'Send again every failed delivery since a time',
      params: IdParams,
      querystring: SlugQuery,
      body: WebhookRecoverBody,
      response: { 202: DataEnvelope(WebhookRecoverResult), ...errorResponses(404, 409) },
    },
    handler: async (request, reply) => {
      const data = await webhooks.recover(authOf(request).account.id, request.params.id, toStoredTimestamp(request.body.since));
      return reply.code(202).send({ data });
    },
  });

  app.get('/api/v1/webhook-deliveries/:id', {
    config: read,
    schema: {
      tags,
      summary: 'Get a delivery with its attempts',
      description: 'Each attempt: time, status code, latency, error, and the first 1 KiB of the response body.',
      params: IdParams,
      querystring: SlugQuery,
      response: { 200: DataEnvelope(WebhookDeliveryDetailSchema), ...errorResponses(404) },
    },
    handler: async (request) => ({ data: await webhooks.getDelivery(authOf(request).account.id, request.params.id) }),
  });

  app.post('/api/v1/webhook-deliveries/:id/replay', {
    config: write,
    schema: {
      tags,
      summary: 'Send a delivery again',
      description: 'Same `webhook-id` (the event id), fresh timestamp and signature.',
      params: IdParams,
      querystring: SlugQuery,
      response: { 202: DataEnvelope(WebhookDeliverySchema), ...errorResponses(404, 409) },
    },
    handler: async (request, reply) => {
      const data = await webhooks.replay(authOf(request).account.id, request.params.id);
      return reply.code(202).send({ data });
    },
  });
}
