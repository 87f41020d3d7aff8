import { Type, type Static } from 'typebox';
import { ResumeOut } from '../participants/participants.schemas.js';

export const ResumeDetailsSchema = Type.Object(
  {
    ...ResumeOut.properties,
    resume_url: Type.String({ description: 'The link the resume is read from.' }),
    text: Type.Union([Type.String(), Type.Null()], {
      description: 'The text read from the file (normalised, at most 200,000 characters); null unless `status` is `ready`.',
    }),
    matched_skills: Type.Array(Type.String(), {
      description:
        "The skills of the participant's evaluation template found in the text: case-insensitive, on word boundaries (\"Go\" is not found in \"Google\"). Empty unless `status` is `ready`.",
    }),
  },
  {
    additionalProperties: false,
    examples: [
      {
        status: 'ready',
        fetched_at: '2026-01-31T12:00:05.000Z',
        characters: 5231,
        content_type: 'application/pdf',
        resume_url: 'https://files.example.com/jane-resume.pdf',
        text: 'Jane Smith\nSenior Software Engineer\n…',
        matched_skills: ['TypeScript', 'PostgreSQL'],
      },
      {
        status: 'failed',
        error: { code: 'empty_text', message: 'The PDF has no text (a scanned document?).' },
        fetched_at: '2026-01-31T12:00:05.000Z',
        content_type: 'application/pdf',
        resume_url: 'https://files.example.com/scan.pdf',
        text: null,
        matched_skills: [],
      },
    ],
  },
);

export type ResumeDetails = Static<typeof ResumeDetailsSchema>;
