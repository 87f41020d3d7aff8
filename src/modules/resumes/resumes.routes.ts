import { Type } from 'typebox';
import type { App } from '../../http/app-types.js';
import { authOf } from '../../http/auth.js';
import { AccountSlugQuery, DataEnvelope, IdParams, errorResponses } from '../../http/schemas.js';
import { ResumeOut } from '../participants/participants.schemas.js';
import { ResumeDetailsSchema } from './resumes.schemas.js';
import type { ResumesService } from './resumes.service.js';

const tags = ['Participants'];
const SlugQuery = Type.Object(AccountSlugQuery, { additionalProperties: false });

export function registerResumeRoutes(app: App, resumes: ResumesService): void {
  app.get('/api/v1/participants/:id/resume', {
    config: { auth: { scope: 'candidates.read' } },
    schema: {
      tags,
      summary: "Get a participant's resume",
      description:
        'The resume object of the participant, its link, and once `ready` the text read from it and the skills of the evaluation template found in the text. 404 when the participant has no `resume_url`.',
      params: IdParams,
      querystring: SlugQuery,
      response: { 200: DataEnvelope(ResumeDetailsSchema), ...errorResponses(404) },
    },
    handler: async (request) => ({ data: await resumes.get(authOf(request).account.id, request.params.id) }),
  });

  app.post('/api/v1/participants/:id/resume/refresh', {
    config: { auth: { scope: 'candidates.write' } },
    schema: {
      tags,
      summary: "Fetch a participant's resume again",
      description:
        'Sets the resume back to `pending` and downloads and reads it again in the background (`resume.ready` or `resume.failed` follows). 404 when the participant has no `resume_url`.',
      params: IdParams,
      querystring: SlugQuery,
      response: { 202: DataEnvelope(ResumeOut), ...errorResponses(404) },
    },
    handler: async (request, reply) => reply.code(202).send({ data: await resumes.refresh(authOf(request).account.id, request.params.id) }),
  });
}
