import { Type } from 'typebox';
import type { App } from '../../http/app-types.js';
import { authOf } from '../../http/auth.js';
import {
  AccountSlugQuery,
  DataEnvelope,
  IdParams,
  ListEnvelope,
  NoContent,
  errorResponses,
} from '../../http/schemas.js';
import {
  StageCreateBody,
  StagePatchBody,
  StageSchema,
  TemplateCreateBody,
  TemplateListQuery,
  TemplatePatchBody,
  TemplateSchema,
} from './templates.schemas.js';
import type { TemplatesService } from './templates.service.js';

const tags = ['Evaluation templates'];
const SlugQuery = Type.Object(AccountSlugQuery, { additionalProperties: false });
const read = { auth: { scope: 'evaluation_templates.read' as const } };
const write = { auth: { scope: 'evaluation_templates.write' as const } };

export function registerTemplateRoutes(app: App, templates: TemplatesService): void {
  app.post('/api/v1/evaluation-templates', {
    config: write,
    schema: {
      tags,
      summary: 'Create an evaluation template',
      description: 'Optionally with its stages, in order.',
      querystring: SlugQuery,
      body: TemplateCreateBody,
      response: { 201: DataEnvelope(TemplateSchema), ...errorResponses(409) },
    },
    handler: async (request, reply) => {
      const data = await templates.create(authOf(request).account.id, request.body);
      return reply.code(201).send({ data });
    },
  });

  app.get('/api/v1/evaluation-templates', {
    config: read,
    schema: {
      tags,
      summary: 'List evaluation templates',
      description: 'Newest first. Page mode (`page`, `pageSize`) or cursor mode (`limit`, `cursor`).',
      querystring: TemplateListQuery,
      response: { 200: ListEnvelope(TemplateSchema), ...errorResponses() },
    },
    handler: async (request) => templates.list(authOf(request).account.id, request.query),
  });

  app.get('/api/v1/evaluation-templates/:id', {
    config: read,
    schema: {
      tags,
      summary: 'Get an evaluation template with its stages',
      params: IdParams,
      querystring: SlugQuery,
      response: { 200: DataEnvelope(TemplateSchema), ...errorResponses(404) },
    },
    handler: async (request) => ({ data: await templates.get(authOf(request).account.id, request.params.id) }),
  });

  app.patch('/api/v1/evaluation-templates/:id', {
    config: write,
    schema: {
      tags,
      summary: 'Update an evaluation template',
      description: 'Any field; `null` clears an optional text field; `skills` and `soft_skills` replace the list.',
      params: IdParams,
      querystring: SlugQuery,
      body: TemplatePatchBody,
      response: { 200: DataEnvelope(TemplateSchema), ...errorResponses(404) },
    },
    handler: async (request) => ({
      data: await templates.update(authOf(request).account.id, request.params.id, request.body),
    }),
  });

  app.delete('/api/v1/evaluation-templates/:id', {
    config: write,
    schema: {
      tags,
      summary: 'Delete an evaluation template',
      description: 'A template that has participants cannot be deleted (409 `template_in_use`); archive it instead.',
      params: IdParams,
      querystring: SlugQuery,
      response: { 204: NoContent, ...errorResponses(404, 409) },
    },
    handler: async (request, reply) => {
      await templates.delete(authOf(request).account.id, request.params.id);
      return reply.code(204).send();
    },
  });

  app.post('/api/v1/evaluation-templates/:id/stages', {
    config: write,
    schema: {
      tags,
      summary: 'Add a stage to a template',
      description: 'Appended unless `stage_order` places it; later stages move down.',
      params: IdParams,
      querystring: SlugQuery,
      body: StageCreateBody,
      response: { 201: DataEnvelope(StageSchema), ...errorResponses(404, 409) },
    },
    handler: async (request, reply) => {
      const data = await templates.addStage(authOf(request).account.id, request.params.id, request.body);
      return reply.code(201).send({ data });
    },
  });

  app.get('/api/v1/evaluation-templates/:id/stages', {
    config: read,
    schema: {
      tags,
      summary: "List a template's stages in order",
      description: 'A template with no stage has one implicit stage, `screen`.',
      params: IdParams,
      querystring: SlugQuery,
      response: { 200: ListEnvelope(StageSchema), ...errorResponses(404) },
    },
    handler: async (request) => {
      const data = await templates.listStages(authOf(request).account.id, request.params.id);
      return { data, meta: { total: data.length } };
    },
  });

  app.patch('/api/v1/evaluation-stages/:id', {
    config: write,
    schema: {
      tags,
      summary: 'Update or move a stage',
      params: IdParams,
      querystring: SlugQuery,
      body: StagePatchBody,
      response: { 200: DataEnvelope(StageSchema), ...errorResponses(404, 409) },
    },
    handler: async (request) => ({
      data: await templates.updateStage(authOf(request).account.id, request.params.id, request.body),
    }),
  });

  app.delete('/api/v1/evaluation-stages/:id', {
    config: write,
    schema: {
      tags,
      summary: 'Remove a stage',
      params: IdParams,
      querystring: SlugQuery,
      response: { 204: NoContent, ...errorResponses(404) },
    },
    handler: async (request, reply) => {
      await templates.deleteStage(authOf(request).account.id, request.params.id);
      return reply.code(204).send();
    },
  });
}
