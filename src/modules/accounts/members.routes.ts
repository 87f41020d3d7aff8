import type { Role } from '../../lib/access.js';
import type { App } from '../../http/app-types.js';
import { authOf, type AuthContext } from '../../http/auth.js';
import { DataEnvelope, ListEnvelope, NoContent, errorResponses } from '../../http/schemas.js';
import type { AccountsService } from './accounts.service.js';
import { MemberCreateBody, MemberParams, MemberPatchBody, MemberSchema, MembersQuery } from './members.schemas.js';

const tags = ['Members'];
const managers = { auth: { managersOnly: true } };
/**
 * Every member's email and role: for the people of the account, in the dashboard. API keys are
 * machine credentials with no member scope (a key with only candidates.read must not list the
 * team), so they are refused.
 */
const readers = { auth: { dashboardOnly: true } };

function actorRole(auth: AuthContext): Role {
  return auth.principal.kind === 'user' ? auth.principal.role : 'viewer';
}

export function registerMemberRoutes(app: App, accounts: AccountsService): void {
  app.get('/api/v1/members', {
    config: readers,
    schema: {
      tags,
      summary: 'List the members of the account and their roles',
      description: 'Any member of the account, signed in to the dashboard. API keys cannot list members (403).',
      querystring: MembersQuery,
      response: { 200: ListEnvelope(MemberSchema), ...errorResponses() },
    },
    handler: async (request) => {
      const data = await accounts.listMembers(authOf(request).account.id);
      return { data, meta: { total: data.length } };
    },
  });

  app.post('/api/v1/members', {
    config: managers,
    schema: {
      tags,
      summary: 'Add a member',
      description: 'An existing user (by email) is added; otherwise a user is created with `name` and the initial `password`. Only owners grant the owner role.',
      querystring: MembersQuery,
      body: MemberCreateBody,
      response: { 201: DataEnvelope(MemberSchema), ...errorResponses(409) },
    },
    handler: async (request, reply) => {
      const auth = authOf(request);
      const data = await accounts.addMember(auth.account.id, actorRole(auth), request.body);
      return reply.code(201).send({ data });
    },
  });

  app.patch('/api/v1/members/:user_id', {
    config: managers,
    schema: {
      tags,
      summary: "Change a member's role",
      description: 'The last owner cannot be demoted (409 `last_owner`).',
      params: MemberParams,
      querystring: MembersQuery,
      body: MemberPatchBody,
      response: { 200: DataEnvelope(MemberSchema), ...errorResponses(404, 409) },
    },
    handler: async (request) => {
      const auth = authOf(request);
      return { data: await accounts.changeRole(auth.account.id, actorRole(auth), request.params.user_id, request.body.role) };
    },
  });

  app.delete('/api/v1/members/:user_id', {
    config: managers,
    schema: {
      tags,
      summary: 'Remove a member from the account',
      params: MemberParams,
      querystring: MembersQuery,
      response: { 204: NoContent, ...errorResponses(404, 409) },
    },
    handler: async (request, reply) => {
      const auth = authOf(request);
      await accounts.removeMember(auth.account.id, actorRole(auth), request.params.user_id);
      return reply.code(204).send();
    },
  });
}
