import { Type } from 'typebox';
import type { App } from '../../http/app-types.js';
import { authOf } from '../../http/auth.js';
import { AccountSlugQuery, DataEnvelope, ErrorBody, IdParams, ListEnvelope, errorResponses } from '../../http/schemas.js';
import {
  CancelBody,
  FailBody,
  JoinParams,
  JoinViewSchema,
  ReschedulePatchBody,
  ScorecardBody,
  SessionCreateBody,
  SessionListQuery,
  SessionSchema,
} from './sessions.schemas.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { ScoredBy, SessionsService } from './sessions.service.js';
import { TimelineItemSchema, type SessionViews } from './sessions.views.js';

const tags = ['Sessions'];
const SlugQuery = Type.Object(AccountSlugQuery, { additionalProperties: false });
const read = { auth: { scope: 'interviews.read' as const } };
const write = { auth: { scope: 'interviews.write' as const } };
const one = { 200: DataEnvelope(SessionSchema), ...errorResponses(404, 409) };

const LIFECYCLE =
  'Lifecycle: `scheduled` → `in_progress` → `completed` | `failed`; `scheduled` → `cancelled`. Any other move is 409 `invalid_transition`; finished sessions never change. Each move is kept in `status_history` and writes its `session.*` event.';

/** Sessions (SPEC §5): booking, reads, rescheduling, cancelling, the engine endpoints, the join page's API. */
export function registerSessionRoutes(
  app: App,
  deps: { sessions: SessionsService; views: SessionViews; accounts: Pick<AccountsService, 'findUserById'> },
): void {
  const { sessions, views, accounts } = deps;

  app.post('/api/v1/sessions', {
    config: { ...write, idempotencyBodyField: true },
    schema: {
      tags,
      summary: 'Book a session',
      description: [
        'Books an interview for a participant and emails them the invite (with a calendar invitation when `scheduled_at` is set). The participant, template and stage must belong to the account (404). The template defaults to the participant’s own, the stage to the template’s first.',
        'An open (`scheduled` or `in_progress`) session for the same participant and stage is 409 `session_exists` with `existing_id`; `force: true` cancels a scheduled one (the participant is told) and books the new one. An archived participant is 409 `participant_archived`.',
        '`idempotency_key` in the body works like the `Idempotency-Key` header: a retry replays the first response.',
      ].join('\n\n'),
      querystring: SlugQuery,
      body: SessionCreateBody,
      response: { 201: DataEnvelope(SessionSchema), ...errorResponses(404, 409) },
    },
    handler: async (request, reply) => reply.code(201).send({ data: await sessions.create(authOf(request).account.id, request.body) }),
  });

  app.get('/api/v1/sessions', {
    config: read,
    schema: {
      tags,
      summary: 'List sessions',
      description: 'Newest first. Filters `candidate_id`, `status`, `evaluation_template_id`, `stage`, `scheduled_after`, `scheduled_before`, `updated_after`; page or cursor mode.',
      querystring: SessionListQuery,
      response: { 200: ListEnvelope(SessionSchema), ...errorResponses() },
    },
    handler: async (request) => sessions.list(authOf(request).account.id, request.query),
  });

  app.get('/api/v1/sessions/:id', {
    config: read,
    schema: { tags, summary: 'Get a session', params: IdParams, querystring: SlugQuery, response: { 200: DataEnvelope(SessionSchema), ...errorResponses(404) } },
    handler: async (request) => ({ data: await sessions.get(authOf(request).account.id, request.params.id) }),
  });

  app.patch('/api/v1/sessions/:id', {
    config: write,
    schema: {
      tags,
      summary: 'Reschedule a session',
      description:
        'Moves a `scheduled` session (`scheduled_at: null` removes the fixed time) and optionally changes its time zone. The participant gets an update with the same calendar UID and a higher SEQUENCE; reminders move along. Answers `{data: session}` (clients of the published `{ "success": true }` only need a 2xx).',
      params: IdParams,
      querystring: SlugQuery,
      body: ReschedulePatchBody,
      response: one,
    },
    handler: async (request) => ({ data: await sessions.reschedule(authOf(request).account.id, request.params.id, request.body) }),
  });

  app.post('/api/v1/sessions/:id/cancel', {
    config: write,
    schema: {
      tags,
      summary: 'Cancel a session',
      description: 'A `scheduled` session only. The participant gets a cancellation (`METHOD:CANCEL` for their calendar); reminders are dropped.',
      params: IdParams,
      querystring: SlugQuery,
      body: CancelBody,
      response: one,
    },
    // The body is optional: no body is `{}`.
    preValidation: async (request) => {
      request.body ??= {};
    },
    handler: async (request) => ({ data: await sessions.cancel(authOf(request).account.id, request.params.id, request.body.reason) }),
  });

  app.post('/api/v1/sessions/:id/resend-invite', {
    config: write,
    schema: {
      tags,
      summary: 'Send the invite again',
      description: 'A `scheduled` session only: the invitation as it stands now (same calendar version).',
      params: IdParams,
      querystring: SlugQuery,
      response: one,
    },
    handler: async (request) => ({ data: await sessions.resendInvite(authOf(request).account.id, request.params.id) }),
  });

  const engine = (verb: 'start' | 'complete', summary: string, from: string) =>
    app.post(`/api/v1/sessions/:id/${verb}`, {
      config: write,
      schema: { tags, summary, description: `For an external interview engine. From \`${from}\` only. ${LIFECYCLE}`, params: IdParams, querystring: SlugQuery, response: one },
      handler: async (request) => ({ data: await sessions[verb](authOf(request).account.id, request.params.id) }),
    });
  engine('start', 'Start a session', 'scheduled');
  engine('complete', 'Complete a session', 'in_progress');

  app.post('/api/v1/sessions/:id/fail', {
    config: write,
    schema: { tags, summary: 'Fail a session', description: `For an external interview engine. From \`in_progress\` only. ${LIFECYCLE}`, params: IdParams, querystring: SlugQuery, body: FailBody, response: one },
    handler: async (request) => ({ data: await sessions.fail(authOf(request).account.id, request.params.id, request.body.reason) }),
  });

  app.post('/api/v1/sessions/:id/scorecard', {
    config: write,
    schema: {
      tags,
      summary: 'Record the scorecard',
      description:
        'For an external interview engine or a person: the §10 scorecard of a `completed` session (a later call overrides it) and the `session.scored` event. `recommendation` must be in the template’s success outcome vocabulary.',
      params: IdParams,
      querystring: SlugQuery,
      body: ScorecardBody,
      response: one,
    },
    handler: async (request) => {
      const auth = authOf(request);
      const by: ScoredBy =
        auth.principal.kind === 'user'
          ? { type: 'user', user_id: auth.principal.userId, name: (await accounts.findUserById(auth.principal.userId))?.name ?? 'A team member' }
          : { type: 'api_key', key_id: auth.principal.keyId };
      return { data: await sessions.score(auth.account.id, request.params.id, request.body, by) };
    },
  });

  app.get('/api/v1/participants/:id/timeline', {
    config: read,
    schema: {
      tags,
      summary: "A participant's timeline",
      description: 'Their record, their sessions’ status changes and scores, and every message sent about them, newest first.',
      params: IdParams,
      querystring: SlugQuery,
      response: { 200: DataEnvelope(Type.Array(TimelineItemSchema)), ...errorResponses(404) },
    },
    handler: async (request) => ({ data: await views.timeline(authOf(request).account.id, request.params.id) }),
  });

  app.get('/api/join/:token', {
    schema: {
      tags: ['Join page'],
      summary: 'What a join link shows its participant',
      description: 'No sign-in: the token in the link is the credential. Only what the participant may see (never notes). 404 for an unknown link.',
      params: JoinParams,
      response: { 200: DataEnvelope(JoinViewSchema), 400: ErrorBody, 404: ErrorBody },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      return { data: await views.join(request.params.token) };
    },
  });
}
