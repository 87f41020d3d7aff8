import { Type, type Static } from 'typebox';
import { AccountSlugQuery, Name, Nullable, PaginationQuery, StringEnum, Timestamp, Uuid } from '../../http/schemas.js';
import { USE_CASES } from '../templates/templates.schemas.js';

/**
 * Agent profiles keep the published contract's camelCase field names (SPEC §10):
 * `useCase`, `evaluationDimensions`, `interaction.probingDepth`, `additionalInstructions`.
 * Timestamps follow the rest of the API (`created_at`, `updated_at`).
 */

export const TONES = ['friendly', 'professional', 'strict', 'challenging'] as const;
export const STYLES = ['structured', 'conversational', 'adaptive'] as const;
export const PROBING_DEPTHS = ['low', 'medium', 'high'] as const;
export type Tone = (typeof TONES)[number];
export type Style = (typeof STYLES)[number];
export type ProbingDepth = (typeof PROBING_DEPTHS)[number];

export const MAX_DIMENSIONS = 12;
export const WEIGHT_TOTAL = 100;

const Dimension = Type.Object(
  {
    name: Name(100, { description: 'Unique within the profile (case-insensitive), 1–100 characters.' }),
    description: Type.Optional(Type.String({ maxLength: 1000, description: 'What a good answer shows. Up to 1000 characters.' })),
    weight: Type.Integer({ minimum: 1, maximum: 100, description: 'Whole number 1–100; the weights of a profile sum to 100.' }),
    threshold: Type.Optional(
      Nullable(
        Type.Number({
          minimum: 0,
          maximum: 10,
          description: 'Optional minimum score (0–10) for this dimension: a session below it does not pass, whatever its overall score.',
        }),
      ),
    ),
  },
  { additionalProperties: false },
);

const DimensionOut = Type.Object({
  name: Type.String(),
  description: Type.String(),
  weight: Type.Integer(),
  threshold: Nullable(Type.Number()),
});

const Interaction = Type.Object(
  {
    tone: Type.Optional(StringEnum(TONES, { description: 'Default `professional`.' })),
    style: Type.Optional(StringEnum(STYLES, { description: 'Default `structured`.' })),
    probingDepth: Type.Optional(
      StringEnum(PROBING_DEPTHS, { description: 'Follow-up questions allowed per planned question: low 1, medium 2, high 3. Default `medium`.' }),
    ),
  },
  { additionalProperties: false },
);

export const AgentProfileSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    persona: Nullable(Type.String()),
    useCase: StringEnum(USE_CASES),
    evaluationDimensions: Type.Array(DimensionOut),
    interaction: Type.Object({
      tone: StringEnum(TONES),
      style: StringEnum(STYLES),
      probingDepth: StringEnum(PROBING_DEPTHS),
    }),
    additionalInstructions: Nullable(Type.String()),
    starter: Type.Boolean({ description: 'True for the starter profiles Docket created with the account.' }),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { $id: 'AgentProfile' },
);

const writable = {
  name: Name(200, { description: '1–200 characters.' }),
  persona: Type.Optional(
    Nullable(Type.String({ maxLength: 2000, description: "The interviewer's self-introduction, shown to the participant. Up to 2000 characters." })),
  ),
  useCase: Type.Optional(StringEnum(USE_CASES, { description: 'Default `hiring`.' })),
  evaluationDimensions: Type.Array(Dimension, {
    minItems: 1,
    maxItems: MAX_DIMENSIONS,
    description: 'The rubric: 1–12 dimensions whose weights sum to 100.',
  }),
  interaction: Type.Optional(Interaction),
  additionalInstructions: Type.Optional(
    Nullable(Type.String({ maxLength: 2000, description: 'Extra guidance for the interviewer, up to 2000 characters.' })),
  ),
};

export const AgentProfileCreateBody = Type.Object(writable, { additionalProperties: false });

export const AgentProfilePatchBody = Type.Object(
  {
    name: Type.Optional(writable.name),
    persona: writable.persona,
    useCase: writable.useCase,
    evaluationDimensions: Type.Optional(writable.evaluationDimensions),
    interaction: Type.Optional(Interaction),
    additionalInstructions: writable.additionalInstructions,
  },
  { additionalProperties: false, minProperties: 1 },
);

export const AgentProfileListQuery = Type.Object(
  {
    ...PaginationQuery,
    ...AccountSlugQuery,
    useCase: Type.Optional(StringEnum(USE_CASES)),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Case-insensitive match on the name.' })),
  },
  { additionalProperties: false },
);

export type AgentProfile = Static<typeof AgentProfileSchema>;
export type AgentProfileCreate = Static<typeof AgentProfileCreateBody>;
export type AgentProfilePatch = Static<typeof AgentProfilePatchBody>;
export type EvaluationDimension = AgentProfile['evaluationDimensions'][number];
export type InteractionSettings = AgentProfile['interaction'];
export type AgentProfileFilters = { useCase?: string | undefined; q?: string | undefined };
