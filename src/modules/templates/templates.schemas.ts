import { Type, type Static } from 'typebox';
import { Name, Nullable, PaginationQuery, StringEnum, Timestamp, Uuid, AccountSlugQuery } from '../../http/schemas.js';

export const USE_CASES = ['hiring', 'admissions', 'training', 'custom_api'] as const;
export const SUCCESS_OUTCOMES = [
  'hire_no_hire',
  'admit_reject',
  'pass_fail',
  'ready_needs_training',
  'certified_not_certified',
  'custom',
] as const;
export const TEMPLATE_STATUSES = ['draft', 'active', 'archived'] as const;
export const DIFFICULTIES = ['beginner', 'intermediate', 'advanced', 'expert', 'adaptive'] as const;
export const AUTOMATION_RULES = ['none', 'auto_advance', 'require_reviewer_approval'] as const;
export type AutomationRule = (typeof AUTOMATION_RULES)[number];
export const DEFAULT_PASS_THRESHOLD = 7;

export type UseCase = (typeof USE_CASES)[number];
export type SuccessOutcome = (typeof SUCCESS_OUTCOMES)[number];

/** The outcome a template gets when none is given, from its use case. */
export const DEFAULT_OUTCOME: Record<UseCase, SuccessOutcome> = {
  hiring: 'hire_no_hire',
  admissions: 'admit_reject',
  training: 'ready_needs_training',
  custom_api: 'custom',
};

const SkillList = Type.Array(Name(100), { maxItems: 100, description: 'Up to 100 entries of 1–100 characters.' });
const Duration = Type.Integer({ minimum: 5, maximum: 240, description: 'Minutes, 5–240.' });
const AgentProfileRef = Type.String({
  format: 'uuid',
  description: 'An agent profile of the same account (404 otherwise); `null` for none.',
});
const PassThreshold = Type.Number({
  minimum: 0,
  maximum: 10,
  description: 'Overall score (0–10) a session of this stage needs to pass; default 7.0. Kept to two decimals.',
});
const AutomationRuleField = StringEnum(AUTOMATION_RULES, {
  description: 'What happens when a session of this stage passes: `none` (default), `auto_advance` (book the next stage and invite), `require_reviewer_approval`.',
});
/** The interviewer's fields of a stage (SPEC §3, §10), shared by the create, add and patch bodies. */
const stageInterviewerFields = {
  agent_profile_id: Type.Optional(Nullable(AgentProfileRef)),
  pass_threshold: Type.Optional(PassThreshold),
  automation_rule: Type.Optional(AutomationRuleField),
};

export const StageType = Type.String({
  minLength: 1,
  maxLength: 40,
  pattern: '^[a-z0-9][a-z0-9_-]*$',
  description: 'Short label, unique within the template: lowercase letters, digits, "-" and "_" (e.g. screen, technical, final).',
});

export const StageSchema = Type.Object(
  {
    id: Nullable(Uuid),
    template_id: Uuid,
    type: Type.String(),
    stage_name: Type.String(),
    stage_order: Type.Integer(),
    duration_minutes: Type.Integer({ description: "The stage's own duration, or the template's default." }),
    implicit: Type.Boolean({ description: 'True for the single "screen" stage of a template that defines none.' }),
    agent_profile_id: Nullable(Uuid),
    pass_threshold: Type.Number({ description: 'Overall score (0–10) a session needs to pass.' }),
    automation_rule: StringEnum(AUTOMATION_RULES),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { $id: 'EvaluationStage' },
);

export const TemplateSchema = Type.Object(
  {
    id: Uuid,
    template_name: Type.String(),
    use_case: StringEnum(USE_CASES),
    description: Nullable(Type.String()),
    objective: Nullable(Type.String()),
    success_outcome: StringEnum(SUCCESS_OUTCOMES),
    status: StringEnum(TEMPLATE_STATUSES),
    level: Nullable(Type.String()),
    requirements: Nullable(Type.String()),
    skills: Type.Array(Type.String()),
    soft_skills: Type.Array(Type.String()),
    default_duration_minutes: Type.Integer(),
    default_difficulty: StringEnum(DIFFICULTIES),
    agent_profile_id: Nullable(Uuid),
    stages: Type.Array(StageSchema),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { $id: 'EvaluationTemplate' },
);

export const StageCreateBody = Type.Object(
  {
    type: StageType,
    stage_name: Name(200),
    stage_order: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'Position (1-based); appended when omitted.' })),
    duration_minutes: Type.Optional(Nullable(Duration)),
    ...stageInterviewerFields,
  },
  { additionalProperties: false },
);

export const StagePatchBody = Type.Object(
  {
    type: Type.Optional(StageType),
    stage_name: Type.Optional(Name(200)),
    stage_order: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    duration_minutes: Type.Optional(Nullable(Duration)),
    ...stageInterviewerFields,
  },
  { additionalProperties: false, minProperties: 1 },
);

const templateFields = {
  template_name: Name(200),
  use_case: Type.Optional(StringEnum(USE_CASES, { description: 'Default `hiring`.' })),
  description: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
  objective: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  success_outcome: Type.Optional(StringEnum(SUCCESS_OUTCOMES, { description: 'Derived from use_case when omitted.' })),
  status: Type.Optional(StringEnum(TEMPLATE_STATUSES, { description: 'Default `active`.' })),
  level: Type.Optional(Nullable(Name(100))),
  requirements: Type.Optional(Nullable(Type.String({ maxLength: 10000 }))),
  skills: Type.Optional(SkillList),
  soft_skills: Type.Optional(SkillList),
  default_duration_minutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 240, description: 'Minutes, 5–240. Default 30.' })),
  default_difficulty: Type.Optional(StringEnum(DIFFICULTIES, { description: 'Default `intermediate`.' })),
  agent_profile_id: Type.Optional(
    Nullable(Type.String({ format: 'uuid', description: "The default agent profile of the template's stages (404 when not in the account)." })),
  ),
};

export const TemplateCreateBody = Type.Object(
  {
    ...templateFields,
    stages: Type.Optional(
      Type.Array(
        Type.Object(
          { type: StageType, stage_name: Name(200), duration_minutes: Type.Optional(Nullable(Duration)), ...stageInterviewerFields },
          { additionalProperties: false },
        ),
        { maxItems: 20, description: 'Stages in order.' },
      ),
    ),
  },
  { additionalProperties: false },
);

export const TemplatePatchBody = Type.Object(
  { ...Type.Partial(Type.Object(templateFields)).properties },
  { additionalProperties: false, minProperties: 1 },
);

export const TemplateListQuery = Type.Object(
  {
    ...PaginationQuery,
    ...AccountSlugQuery,
    status: Type.Optional(StringEnum(TEMPLATE_STATUSES)),
    use_case: Type.Optional(StringEnum(USE_CASES)),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Case-insensitive match on the name.' })),
  },
  { additionalProperties: false },
);

export type Template = Static<typeof TemplateSchema>;
export type Stage = Static<typeof StageSchema>;
export type TemplateCreate = Static<typeof TemplateCreateBody>;
export type TemplatePatch = Static<typeof TemplatePatchBody>;
export type StageCreate = Static<typeof StageCreateBody>;
export type StagePatch = Static<typeof StagePatchBody>;
export type TemplateFilters = { status?: string | undefined; use_case?: string | undefined; q?: string | undefined };
