import type { App } from '../../http/app-types.js';
import { authOf } from '../../http/auth.js';
import { DataEnvelope, errorResponses } from '../../http/schemas.js';
import { AccountPatchBody, AccountQuery, AccountSchema } from './account.schemas.js';
import type { AccountsService } from './accounts.service.js';

const tags = ['Members'];

/** The account (team) itself: read by anyone in it, renamed by its owners and admins. */
export function registerAccountRoutes(app: App, accounts: AccountsService): void {
  app.get('/api/v1/account', {
    config: { auth: {} },
    schema: {
      tags,
      summary: 'The account (team) of the key or of accountSlug',
      querystring: AccountQuery,
      response: { 200: DataEnvelope(AccountSchema), ...errorResponses() },
    },
    handler: async (request) => ({ data: await accounts.getAccount(authOf(request).account.id) }),
  });

  app.patch('/api/v1/account', {
    config: { auth: { managersOnly: true } },
    schema: {
      tags,
      summary: 'Rename the team',
      description: 'Owners and admins, signed in to the dashboard. The slug does not change.',
      querystring: AccountQuery,
      body: AccountPatchBody,
      response: { 200: DataEnvelope(AccountSchema), ...errorResponses() },
    },
    handler: async (request) => ({ data: await accounts.renameAccount(authOf(request).account.id, request.body.name) }),
  });
}
