import { Type } from 'typebox';
import type { App } from '../../http/app-types.js';
import { authOf } from '../../http/auth.js';
import { AccountSlugQuery, DataEnvelope, IdParams, ListEnvelope, NoContent, errorResponses } from '../../http/schemas.js';
import {
  AgentProfileCreateBody,
  AgentProfileListQuery,
  AgentProfilePatchBody,
  AgentProfileSchema,
} from './agent-profiles.schemas.js';
import type { AgentProfilesService } from './agent-profiles.service.js';

const tags = ['Agent profiles'];
const SlugQuery = Type.Object(AccountSlugQuery, { additionalProperties: false });
const read = { auth: { scope: 'interviews.read' as const } };
const write = { auth: { scope: 'interviews.write' as const } };

export function registerAgentProfileRoutes(app: App, profiles: AgentProfilesService): void {
  app.post('/api/v1/agent-profiles', {
    config: write,
    schema: {
      tags,
      summary: 'Create an agent profile',
      description:
        "The interviewer's persona and rubric. Field names are camelCase as published. `evaluationDimensions` weights are whole numbers that sum to 100.",
      querystring: SlugQuery,
      body: AgentProfileCreateBody,
      response: { 201: DataEnvelope(AgentProfileSchema), ...errorResponses() },
    },
    handler: async (request, reply) => {
      const data = await profiles.create(authOf(request).account.id, request.body);
      return reply.code(201).send({ data });
    },
  });

  app.get('/api/v1/agent-profiles', {
    config: read,
    schema: {
      tags,
      summary: 'List agent profiles',
      description: 'Newest first. Page mode (`page`, `pageSize`) or cursor mode (`limit`, `cursor`).',
      querystring: AgentProfileListQuery,
      response: { 200: ListEnvelope(AgentProfileSchema), ...errorResponses() },
    },
    handler: async (request) => profiles.list(authOf(request).account.id, request.query),
  });

  app.get('/api/v1/agent-profiles/:id', {
    config: read,
    schema: {
      tags,
      summary: 'Get an agent profile',
      params: IdParams,
      querystring: SlugQuery,
      response: { 200: DataEnvelope(AgentProfileSchema), ...errorResponses(404) },
    },
    handler: async (request) => ({ data: await profiles.get(authOf(request).account.id, request.params.id) }),
  });

  app.patch('/api/v1/agent-profiles/:id', {
    config: write,
    schema: {
      tags,
      summary: 'Update an agent profile',
      description:
        'Any field. `evaluationDimensions` replaces the list (weights still sum to 100); `interaction` is replaced whole (omitted keys take their defaults); `null` clears `persona` and `additionalInstructions`. Sessions already planned keep the profile they were planned with.',
      params: IdParams,
      querystring: SlugQuery,
      body: AgentProfilePatchBody,
      response: { 200: DataEnvelope(AgentProfileSchema), ...errorResponses(404) },
    },
    handler: async (request) => ({ data: await profiles.update(authOf(request).account.id, request.params.id, request.body) }),
  });

  app.delete('/api/v1/agent-profiles/:id', {
    config: write,
    schema: {
      tags,
      summary: 'Delete an agent profile',
      description: 'A profile named by an evaluation template or stage cannot be deleted (409 `agent_profile_in_use`).',
      params: IdParams,
      querystring: SlugQuery,
      response: { 204: NoContent, ...errorResponses(404, 409) },
    },
    handler: async (request, reply) => {
      await profiles.delete(authOf(request).account.id, request.params.id);
      return reply.code(204).send();
    },
  });
}
