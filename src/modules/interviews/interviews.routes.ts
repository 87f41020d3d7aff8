import { Type } from 'typebox';
import type { App } from '../../http/app-types.js';
import { authOf } from '../../http/auth.js';
import { AccountSlugQuery, DataEnvelope, ErrorBody, IdParams, errorResponses } from '../../http/schemas.js';
import { JoinParams } from '../sessions/sessions.schemas.js';
import { AnswerBody, HeartbeatBody, InterviewDetailSchema, InterviewViewSchema, StartBody, TranscriptSchema } from './interviews.schemas.js';
import type { InterviewsService } from './interviews.service.js';

const SlugQuery = Type.Object(AccountSlugQuery, { additionalProperties: false });
const read = { auth: { scope: 'interviews.read' as const } };
const joinTags = ['Join page'];
const joinResponses = { 200: DataEnvelope(InterviewViewSchema), 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const JOIN =
  'No sign-in: the token in the link is the credential. One browser tab holds the conversation (`connection_id`); another tab is refused with 409 `interview_open_elsewhere` until the first has not been heard from for 20 s.';

/** The interview on the join page (public, by token) and the team's reads of it (SPEC §10). */
export function registerInterviewRoutes(app: App, interviews: InterviewsService): void {
  const noStore = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };

  app.get('/api/join/:token/interview', {
    schema: { tags: joinTags, summary: 'The interview as its participant sees it', description: JOIN, params: JoinParams, response: joinResponses },
    handler: async (request, reply) => {
      reply.headers(noStore);
      return { data: await interviews.view(request.params.token) };
    },
  });

  app.post('/api/join/:token/start', {
    schema: {
      tags: joinTags,
      summary: 'Consent and start (or resume) the interview',
      description: `Starting moves the session to \`in_progress\` (\`session.started\`) and opens the conversation. Called again after a reload it resumes. ${JOIN}`,
      params: JoinParams,
      body: StartBody,
      response: joinResponses,
    },
    handler: async (request, reply) => {
      reply.headers(noStore);
      return { data: await interviews.start(request.params.token, request.body) };
    },
  });

  app.post('/api/join/:token/answers', {
    schema: {
      tags: joinTags,
      summary: 'Send an answer',
      description: `Stored as sent, then the interviewer's next turn. \`seq\` is the turn number the answer takes: the same answer sent again is recognised. ${JOIN}`,
      params: JoinParams,
      body: AnswerBody,
      response: joinResponses,
    },
    handler: async (request, reply) => {
      reply.headers(noStore);
      return { data: await interviews.answer(request.params.token, request.body) };
    },
  });

  app.post('/api/join/:token/heartbeat', {
    schema: {
      tags: joinTags,
      summary: 'The tab is still open',
      description: `Keeps the conversation held by this tab, adds tab switches and pastes to the session's authenticity signals, and closes an interview whose time is up. ${JOIN}`,
      params: JoinParams,
      body: HeartbeatBody,
      response: joinResponses,
    },
    handler: async (request, reply) => {
      reply.headers(noStore);
      return { data: await interviews.heartbeat(request.params.token, request.body) };
    },
  });

  app.get('/api/v1/sessions/:id/transcript', {
    config: read,
    schema: {
      tags: ['Sessions'],
      summary: "A session's transcript",
      description: 'The turns of the interview Docket conducted, in order, each as it was sent.',
      params: IdParams,
      querystring: SlugQuery,
      response: { 200: DataEnvelope(TranscriptSchema), ...errorResponses(404) },
    },
    handler: async (request) => ({ data: await interviews.transcript(authOf(request).account.id, request.params.id) }),
  });

  app.get('/api/v1/sessions/:id/interview', {
    config: read,
    schema: {
      tags: ['Sessions'],
      summary: "A session's interview: plan, signals, scoring",
      description:
        'The frozen plan (source, model and versions, the interviewer and rubric, the questions), the authenticity signals (raw counts), and the scoring: its status, who or what wrote the scorecard, and every scorecard a later one replaced.',
      params: IdParams,
      querystring: SlugQuery,
      response: { 200: DataEnvelope(InterviewDetailSchema), ...errorResponses(404) },
    },
    handler: async (request) => ({ data: await interviews.detail(authOf(request).account.id, request.params.id) }),
  });
}
