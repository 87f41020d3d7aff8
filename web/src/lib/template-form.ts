import type { AutomationRule, Difficulty, Template, TemplateCreateBody, TemplatePatchBody, TemplateStatus, UseCase } from '../api/models';

export interface StageDraft {
  /** Set for stages stored on the server. */
  id?: string;
  type: string;
  stage_name: string;
  duration_minutes: number | null;
  /** null: the template's default agent profile. */
  agent_profile_id?: string | null;
  pass_threshold?: number;
  automation_rule?: AutomationRule;
}

export const DEFAULT_PASS_THRESHOLD = 7;

/** The interviewer's settings of a stage, as the stage settings dialog edits them. */
export interface StageSettingsForm {
  stage_name: string;
  duration_minutes: string;
  agent_profile_id: string;
  pass_threshold: string;
  automation_rule: AutomationRule;
}

export type StageSettingsErrors = Partial<Record<keyof StageSettingsForm, string>>;

export function stageToSettingsForm(stage: StageDraft): StageSettingsForm {
  return {
    stage_name: stage.stage_name,
    duration_minutes: stage.duration_minutes === null ? '' : String(stage.duration_minutes),
    agent_profile_id: stage.agent_profile_id ?? '',
    pass_threshold: String(stage.pass_threshold ?? DEFAULT_PASS_THRESHOLD),
    automation_rule: stage.automation_rule ?? 'none',
  };
}

export function validateStageSettings(form: StageSettingsForm): StageSettingsErrors {
  const errors: StageSettingsErrors = {};
  if (form.stage_name.trim() === '') errors.stage_name = 'Enter a stage name.';
  if (form.duration_minutes.trim() !== '') {
    const minutes = Number(form.duration_minutes);
    if (!Number.isInteger(minutes) || minutes < 5 || minutes > 240) errors.duration_minutes = '5–240 minutes, or empty for the template default.';
  }
  const threshold = Number(form.pass_threshold);
  if (form.pass_threshold.trim() === '' || !Number.isFinite(threshold) || threshold < 0 || threshold > 10) {
    errors.pass_threshold = 'A score from 0 to 10.';
  }
  return errors;
}

/** The stage as the settings say (the id and type are kept). */
export function applyStageSettings(stage: StageDraft, form: StageSettingsForm): StageDraft {
  return {
    ...stage,
    stage_name: form.stage_name.trim(),
    duration_minutes: form.duration_minutes.trim() === '' ? null : Number(form.duration_minutes),
    agent_profile_id: form.agent_profile_id === '' ? null : form.agent_profile_id,
    pass_threshold: Math.round(Number(form.pass_threshold) * 100) / 100,
    automation_rule: form.automation_rule,
  };
}

export interface TemplateForm {
  template_name: string;
  use_case: UseCase;
  status: TemplateStatus;
  objective: string;
  description: string;
  skills: string[];
  soft_skills: string[];
  requirements: string;
  level: string;
  default_duration_minutes: string;
  default_difficulty: Difficulty;
  /** '' for none. */
  agent_profile_id: string;
}

export type TemplateFormErrors = Partial<Record<keyof TemplateForm, string>>;

export const EMPTY_TEMPLATE_FORM: TemplateForm = {
  template_name: '',
  use_case: 'hiring',
  status: 'active',
  objective: '',
  description: '',
  skills: [],
  soft_skills: [],
  requirements: '',
  level: '',
  default_duration_minutes: '30',
  default_difficulty: 'intermediate',
  agent_profile_id: '',
};

export function templateToForm(template: Template): TemplateForm {
  return {
    template_name: template.template_name,
    use_case: template.use_case,
    status: template.status,
    objective: template.objective ?? '',
    description: template.description ?? '',
    skills: template.skills,
    soft_skills: template.soft_skills,
    requirements: template.requirements ?? '',
    level: template.level ?? '',
    default_duration_minutes: String(template.default_duration_minutes),
    default_difficulty: template.default_difficulty,
    agent_profile_id: template.agent_profile_id ?? '',
  };
}

export function validateTemplateForm(form: TemplateForm): TemplateFormErrors {
  const errors: TemplateFormErrors = {};
  const name = form.template_name.trim();
  if (name === '') errors.template_name = 'Enter a name.';
  else if (name.length > 200) errors.template_name = 'Use at most 200 characters.';
  const duration = Number(form.default_duration_minutes);
  if (!/^\d+$/.test(form.default_duration_minutes.trim()) || duration < 5 || duration > 240) {
    errors.default_duration_minutes = 'Enter a whole number of minutes from 5 to 240.';
  }
  if (form.level.trim().length > 100) errors.level = 'Use at most 100 characters.';
  return errors;
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

export function toTemplateCreateBody(form: TemplateForm, stages: StageDraft[]): TemplateCreateBody {
  const body: TemplateCreateBody = {
    template_name: form.template_name.trim(),
    use_case: form.use_case,
    status: form.status,
    skills: form.skills,
    soft_skills: form.soft_skills,
    default_duration_minutes: Number(form.default_duration_minutes),
    default_difficulty: form.default_difficulty,
  };
  const objective = orNull(form.objective);
  const description = orNull(form.description);
  const requirements = orNull(form.requirements);
  const level = orNull(form.level);
  if (objective !== null) body.objective = objective;
  if (description !== null) body.description = description;
  if (requirements !== null) body.requirements = requirements;
  if (level !== null) body.level = level;
  if (form.agent_profile_id !== '') body.agent_profile_id = form.agent_profile_id;
  if (stages.length > 0) {
    body.stages = stages.map((s) => ({
      type: s.type,
      stage_name: s.stage_name,
      ...(s.duration_minutes !== null ? { duration_minutes: s.duration_minutes } : {}),
      ...(s.agent_profile_id !== undefined && s.agent_profile_id !== null ? { agent_profile_id: s.agent_profile_id } : {}),
      ...(s.pass_threshold !== undefined ? { pass_threshold: s.pass_threshold } : {}),
      ...(s.automation_rule !== undefined ? { automation_rule: s.automation_rule } : {}),
    }));
  }
  return body;
}

export function toTemplatePatchBody(form: TemplateForm): TemplatePatchBody {
  return {
    template_name: form.template_name.trim(),
    use_case: form.use_case,
    status: form.status,
    objective: orNull(form.objective),
    description: orNull(form.description),
    skills: form.skills,
    soft_skills: form.soft_skills,
    requirements: orNull(form.requirements),
    level: orNull(form.level),
    default_duration_minutes: Number(form.default_duration_minutes),
    default_difficulty: form.default_difficulty,
    agent_profile_id: form.agent_profile_id === '' ? null : form.agent_profile_id,
  };
}

/** A stage type from its name: "Technical interview" → "technical-interview". */
export function stageTypeFromName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

export const STAGE_TYPE_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;

export function validateStageDraft(draft: StageDraft, existing: StageDraft[]): Partial<Record<'type' | 'stage_name' | 'duration_minutes', string>> {
  const errors: Partial<Record<'type' | 'stage_name' | 'duration_minutes', string>> = {};
  if (draft.stage_name.trim() === '') errors.stage_name = 'Enter a stage name.';
  if (draft.type === '') errors.type = 'Enter a short type such as screen or technical.';
  else if (!STAGE_TYPE_PATTERN.test(draft.type) || draft.type.length > 40) {
    errors.type = 'Use lowercase letters, digits, "-" and "_" (max 40).';
  } else if (existing.some((s) => s.type === draft.type)) errors.type = `This template already has a "${draft.type}" stage.`;
  if (draft.duration_minutes !== null && (draft.duration_minutes < 5 || draft.duration_minutes > 240 || !Number.isInteger(draft.duration_minutes))) {
    errors.duration_minutes = '5–240 minutes.';
  }
  return errors;
}

/** `list` with the item at `index` moved by `delta` places (clamped). */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = Math.min(Math.max(index + delta, 0), list.length - 1);
  if (target === index || index < 0 || index >= list.length) return [...list];
  const copy = [...list];
  const [item] = copy.splice(index, 1);
  if (item !== undefined) copy.splice(target, 0, item);
  return copy;
}
