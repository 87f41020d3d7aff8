import { Type } from 'typebox';
import type { App } from '../../http/app-types.js';
import { authOf } from '../../http/auth.js';
import { AccountSlugQuery, DataEnvelope, IdParams, ListEnvelope, errorResponses } from '../../http/schemas.js';
import type { MailService } from '../../mail/mail.service.js';
import { MailDeliverySchema, OutboxListQuery, OutboxMessageSchema } from './outbox.schemas.js';

const tags = ['Outbox'];
const read = { auth: { scope: 'interviews.read' as const } };
const SlugQuery = Type.Object(AccountSlugQuery, { additionalProperties: false });

/** The built-in outbox (SPEC §5): what Docket sent while no SMTP server is configured. */
export function registerOutboxRoutes(app: App, mail: MailService): void {
  app.get('/api/v1/outbox', {
    config: read,
    schema: {
      tags,
      summary: 'List the messages in the outbox',
      description:
        'Without `SMTP_URL`, every message Docket sends lands here instead. Newest first; filters `to`, `session_id`, `kind`; page or cursor mode.',
      querystring: OutboxListQuery,
      response: { 200: ListEnvelope(OutboxMessageSchema), ...errorResponses() },
    },
    handler: async (request) => mail.listOutbox(authOf(request).account.id, request.query),
  });

  app.get('/api/v1/outbox/status', {
    config: read,
    schema: {
      tags,
      summary: 'How Docket delivers mail',
      description: '`delivery` is `smtp` when `SMTP_URL` is set, otherwise `outbox` (messages are kept here instead of sent). `from` is `MAIL_FROM`.',
      querystring: SlugQuery,
      response: { 200: DataEnvelope(MailDeliverySchema), ...errorResponses() },
    },
    handler: async () => ({ data: { delivery: mail.mode, from: mail.from } }),
  });

  app.get('/api/v1/outbox/:id', {
    config: read,
    schema: {
      tags,
      summary: 'Get one outbox message',
      params: IdParams,
      querystring: SlugQuery,
      response: { 200: DataEnvelope(OutboxMessageSchema), ...errorResponses(404) },
    },
    handler: async (request) => ({ data: await mail.getOutboxMessage(authOf(request).account.id, request.params.id) }),
  });

  app.get('/api/v1/outbox/:id/raw', {
    config: read,
    schema: {
      tags,
      summary: 'The message exactly as SMTP would have carried it',
      description: 'RFC 5322 bytes (`message/rfc822`), MIME parts and the calendar invitation included.',
      params: IdParams,
      querystring: SlugQuery,
      produces: ['message/rfc822'],
      response: {
        200: Type.String({ description: 'The RFC 5322 message.', contentMediaType: 'message/rfc822' }),
        ...errorResponses(404),
      },
    },
    handler: async (request, reply) => {
      const raw = await mail.raw(authOf(request).account.id, request.params.id);
      return reply.type('message/rfc822').header('content-disposition', `inline; filename="${request.params.id}.eml"`).send(raw);
    },
  });
}
