import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import type { App } from '../../http/app-types.js';
import { authOf } from '../../http/auth.js';
import { AppError } from '../../errors.js';
import { AccountSlugQuery, DataEnvelope, IdParams, ListEnvelope, NoContent, errorResponses } from '../../http/schemas.js';
import type { ParticipantsBatchService } from './participants-batch.service.js';
import {
  BULK_BODY_LIMIT_BYTES,
  BatchReport,
  BulkActionReport,
  BulkBody,
  BulkIdsBody,
  BulkUpdateBody,
  IMPORT_BODY_LIMIT_BYTES,
  ImportQuery,
  ImportReport,
  ParticipantCreateBody,
  ParticipantExportQuery,
  ParticipantListQuery,
  ParticipantPatchBody,
  ParticipantSchema,
} from './participants.schemas.js';
import type { ParticipantsService } from './participants.service.js';

const tags = ['Participants'];
const SlugQuery = Type.Object(AccountSlugQuery, { additionalProperties: false });
const read = { auth: { scope: 'candidates.read' as const } };
const write = { auth: { scope: 'candidates.write' as const } };
const remove = { auth: { scope: 'candidates.delete' as const } };

export interface ParticipantRouteDeps {
  participants: ParticipantsService;
  batch: ParticipantsBatchService;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * A response assembled from stored participant documents (already the API objects' JSON):
 * Fastify sends a string with a JSON content type as it is, so nothing is parsed or serialised
 * again. The route's response schema still documents the body; this cast tells the type
 * provider the string is that body.
 */
function preSerialised<T>(json: string): T {
  return json as unknown as T;
}

const CSV_EXAMPLE = [
  'name,email,template_name,external_id,tags,title,experience_level',
  'Jane Smith,jane@example.com,Backend Engineer,greenhouse-8821,senior;backend,Software Engineer,senior',
  '"Reyes, Carlos",carlos@yourco.com,Backend Engineer,workday-44120,q3-cohort,Account Executive,',
].join('\r\n');

export function registerParticipantRoutes(app: App, deps: ParticipantRouteDeps): void {
  const { participants, batch } = deps;

  app.post('/api/v1/participants', {
    config: write,
    schema: {
      tags,
      summary: 'Create a participant',
      description:
        'The same email may exist once per evaluation template (or once without one) in an account; a duplicate is 409 `participant_exists` with `existing_id`.',
      querystring: SlugQuery,
      body: ParticipantCreateBody,
      response: { 201: DataEnvelope(ParticipantSchema), ...errorResponses(404, 409) },
    },
    handler: async (request, reply) => {
      const { json } = await participants.create(authOf(request).account.id, request.body);
      return reply.code(201).type(JSON_TYPE).send(preSerialised(`{"data":${json}}`));
    },
  });

  app.get('/api/v1/participants', {
    config: read,
    schema: {
      tags,
      summary: 'List participants',
      description:
        'Newest first (ties broken by id). Page mode (`page`, `pageSize`, with totals) or cursor mode (`limit`, `cursor`: stable under concurrent inserts, keeps the filters of the first request).',
      querystring: ParticipantListQuery,
      response: { 200: ListEnvelope(ParticipantSchema), ...errorResponses() },
    },
    handler: async (request, reply) => {
      const { documents, meta } = await participants.list(authOf(request).account.id, request.query);
      return reply.type(JSON_TYPE).send(preSerialised(`{"data":[${documents.join(',')}],"meta":${JSON.stringify(meta)}}`));
    },
  });

  app.get('/api/v1/participants/export', {
    config: read,
    schema: {
      tags,
      summary: 'Export participants as CSV',
      description:
        'The filtered list (same filters as the list), newest first, streamed. The columns are those of the import, plus read-only `id`, `created_at` and `updated_at`, so an export imports back as it is.',
      querystring: ParticipantExportQuery,
      produces: ['text/csv'],
      response: {
        // Sent as a stream: the schema documents the body, the type says what the handler sends.
        200: { description: 'CSV with a header row.', content: { 'text/csv': { schema: Type.Unsafe<Readable>(Type.String()) } } },
        ...errorResponses(),
      },
    },
    handler: async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="participants.csv"')
        .send(participants.exportCsv(authOf(request).account.id, request.query)),
  });

  app.post('/api/v1/participants/bulk', {
    config: write,
    bodyLimit: BULK_BODY_LIMIT_BYTES,
    schema: {
      tags,
      summary: 'Create up to 500 participants',
      description:
        'One transaction. Each item takes the fields of `POST /participants` and is validated on its own: invalid items are reported with their `issues` and skipped, duplicates (stored, or earlier in the batch) are skipped with `existing_id`, the rest are created. `results` follow the input order. More than 500 items → 400, nothing created. Body up to 5 MiB. Like every body, one holding NUL characters or unpaired surrogates anywhere, nested deeper than 32 levels, or with a `__proto__` key is refused whole (400, nothing created).',
      querystring: SlugQuery,
      body: BulkBody,
      response: { 200: DataEnvelope(BatchReport), ...errorResponses(413) },
    },
    handler: async (request) => ({ data: await batch.bulk(authOf(request).account.id, request.body.participants) }),
  });

  app.post('/api/v1/participants/bulk-update', {
    config: write,
    schema: {
      tags,
      summary: 'Change up to 500 participants at once',
      description: [
        'Archive or unarchive (`status`), move to a template (`evaluation_template_id`, `null` for none), add or remove tags — on every listed participant, in one transaction.',
        'Each participant is changed as `PATCH /participants/{id}` would change it and gets its `participant.updated` event in the same transaction. `results` has one entry per id, in request order: `updated`, `unchanged` (already so; nothing written, no event), `not_found`, or `failed` with `issues` (a move that would duplicate an email in the target template carries `existing_id`). A template of another account is 404 for the whole call.',
      ].join('\n\n'),
      querystring: SlugQuery,
      body: BulkUpdateBody,
      response: { 200: DataEnvelope(BulkActionReport), ...errorResponses(404, 409) },
    },
    handler: async (request) => ({
      data: await participants.bulkUpdate(authOf(request).account.id, request.body.ids, request.body.changes),
    }),
  });

  app.post('/api/v1/participants/bulk-delete', {
    config: remove,
    schema: {
      tags,
      summary: 'Delete up to 500 participants at once',
      description:
        'One transaction; each deleted participant gets its `participant.deleted` event in it. `results` has one entry per id, in request order: `deleted` or `not_found`.',
      querystring: SlugQuery,
      body: BulkIdsBody,
      response: { 200: DataEnvelope(BulkActionReport), ...errorResponses() },
    },
    handler: async (request) => ({ data: await participants.bulkDelete(authOf(request).account.id, request.body.ids) }),
  });

  app.post('/api/v1/participants/bulk-export', {
    config: read,
    schema: {
      tags,
      summary: 'Export chosen participants as CSV',
      description:
        'The listed participants (up to 500) as the CSV of `GET /participants/export`, newest first. Ids of no participant of the account are left out.',
      querystring: SlugQuery,
      body: BulkIdsBody,
      produces: ['text/csv'],
      response: {
        200: { description: 'CSV with a header row.', content: { 'text/csv': { schema: Type.Unsafe<Readable>(Type.String()) } } },
        ...errorResponses(),
      },
    },
    handler: async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="participants.csv"')
        .send(participants.exportCsvOf(authOf(request).account.id, request.body.ids)),
  });

  // The import reads text/csv, which only this route accepts.
  void app.register(async (scope: App) => {
    scope.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT_BYTES }, (_request, body, done) =>
      done(null, body),
    );
    scope.post('/api/v1/participants/import', {
      config: write,
      bodyLimit: IMPORT_BODY_LIMIT_BYTES,
      schema: {
        tags,
        summary: 'Import participants from a CSV file',
        description: [
          'Send the file as the body with `Content-Type: text/csv` (UTF-8, with or without BOM; up to 50,000 rows and 20 MiB).',
          'Header row with columns `name`, `email` (required), `evaluation_template_id` or `template_name`, `external_id`, `phone`, `tags` (separated by `;` or `|`), `resume_url`, `title`, `organization`, `experience_level`, `location`, `status`; `id`, `created_at` and `updated_at` (as exported) are ignored.',
          'Each row has the outcome of a bulk item; `index` is its row number (the header is row 1) and `line` the line where it starts. Valid rows are written in transactions of 500. A malformed file is 400 `invalid_csv` naming the line, with nothing written. `dry_run=true` reports without writing.',
        ].join('\n\n'),
        querystring: ImportQuery,
        body: { content: { 'text/csv': { schema: Type.String({ examples: [CSV_EXAMPLE] }) } } },
        response: { 200: DataEnvelope(ImportReport), ...errorResponses(404, 413, 415) },
      },
      handler: async (request) => {
        const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
        if (type !== 'text/csv' || typeof request.body !== 'string') {
          throw new AppError('unsupported_media_type', 'Send the CSV file as the request body with "Content-Type: text/csv".');
        }
        const query = request.query;
        const data = await batch.import(authOf(request).account.id, request.body, {
          dryRun: query.dry_run === true,
          templateId: query.evaluation_template_id,
          templateName: query.template_name?.trim(),
        });
        return { data };
      },
    });
  });

  app.get('/api/v1/participants/:id', {
    config: read,
    schema: {
      tags,
      summary: 'Get a participant',
      params: IdParams,
      querystring: SlugQuery,
      response: { 200: DataEnvelope(ParticipantSchema), ...errorResponses(404) },
    },
    handler: async (request, reply) => {
      const json = await participants.getJson(authOf(request).account.id, request.params.id);
      return reply.type(JSON_TYPE).send(preSerialised(`{"data":${json}}`));
    },
  });

  app.patch('/api/v1/participants/:id', {
    config: write,
    schema: {
      tags,
      summary: 'Update a participant',
      description:
        'Any field. `tags` replaces the list; `profile`, `background` and `metadata` replace the whole object; `null` clears an optional field. A change that makes it a duplicate is 409 `participant_exists`.',
      params: IdParams,
      querystring: SlugQuery,
      body: ParticipantPatchBody,
      response: { 200: DataEnvelope(ParticipantSchema), ...errorResponses(404, 409) },
    },
    handler: async (request, reply) => {
      const { json } = await participants.update(authOf(request).account.id, request.params.id, request.body);
      return reply.type(JSON_TYPE).send(preSerialised(`{"data":${json}}`));
    },
  });

  app.delete('/api/v1/participants/:id', {
    config: remove,
    schema: {
      tags,
      summary: 'Delete a participant',
      params: IdParams,
      querystring: SlugQuery,
      response: { 204: NoContent, ...errorResponses(404) },
    },
    handler: async (request, reply) => {
      await participants.delete(authOf(request).account.id, request.params.id);
      return reply.code(204).send();
    },
  });
}
