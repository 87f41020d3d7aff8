import type { AgentProfile, AgentProfileCreateBody, InteractionStyle, ProbingDepth, Tone, UseCase } from '../api/models';

export const WEIGHT_TOTAL = 100;
export const MAX_DIMENSIONS = 12;

export interface DimensionDraft {
  /** Stable key for React while rows are added and removed. */
  key: string;
  name: string;
  description: string;
  weight: string;
  /** Empty: no threshold of its own. */
  threshold: string;
}

export interface AgentProfileForm {
  name: string;
  persona: string;
  useCase: UseCase;
  tone: Tone;
  style: InteractionStyle;
  probingDepth: ProbingDepth;
  additionalInstructions: string;
  dimensions: DimensionDraft[];
}

export interface DimensionErrors {
  name?: string;
  weight?: string;
  threshold?: string;
}

export interface AgentProfileFormErrors {
  name?: string;
  persona?: string;
  additionalInstructions?: string;
  /** About the list as a whole: the weight total, the count. */
  dimensions?: string;
  rows?: Record<number, DimensionErrors>;
}

let keyCounter = 0;
export function newDimension(partial: Partial<Omit<DimensionDraft, 'key'>> = {}): DimensionDraft {
  keyCounter += 1;
  return { key: `d${keyCounter}`, name: '', description: '', weight: '', threshold: '', ...partial };
}

export function emptyAgentProfileForm(): AgentProfileForm {
  return {
    name: '',
    persona: '',
    useCase: 'hiring',
    tone: 'professional',
    style: 'structured',
    probingDepth: 'medium',
    additionalInstructions: '',
    dimensions: [newDimension({ weight: '100' })],
  };
}

export function profileToForm(profile: AgentProfile): AgentProfileForm {
  return {
    name: profile.name,
    persona: profile.persona ?? '',
    useCase: profile.useCase,
    tone: profile.interaction.tone,
    style: profile.interaction.style,
    probingDepth: profile.interaction.probingDepth,
    additionalInstructions: profile.additionalInstructions ?? '',
    dimensions: profile.evaluationDimensions.map((d) =>
      newDimension({ name: d.name, description: d.description, weight: String(d.weight), threshold: d.threshold === null ? '' : String(d.threshold) }),
    ),
  };
}

function wholeWeight(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= 1 && value <= 100 ? value : null;
}

/** The running total shown under the dimensions: weights that are not whole numbers count as 0. */
export function weightTotal(dimensions: readonly DimensionDraft[]): number {
  return dimensions.reduce((sum, d) => sum + (wholeWeight(d.weight) ?? 0), 0);
}

/** Splits 100 evenly over the dimensions (whole numbers; the first ones take the remainder). */
export function evenWeights(dimensions: readonly DimensionDraft[]): DimensionDraft[] {
  const count = dimensions.length;
  if (count === 0) return [];
  const base = Math.floor(WEIGHT_TOTAL / count);
  const rest = WEIGHT_TOTAL - base * count;
  return dimensions.map((d, i) => ({ ...d, weight: String(base + (i < rest ? 1 : 0)) }));
}

export function validateAgentProfileForm(form: AgentProfileForm): AgentProfileFormErrors {
  const errors: AgentProfileFormErrors = {};
  const name = form.name.trim();
  if (name === '') errors.name = 'Enter a name.';
  else if (name.length > 200) errors.name = 'Use at most 200 characters.';
  if (form.persona.trim().length > 2000) errors.persona = 'Use at most 2000 characters.';
  if (form.additionalInstructions.trim().length > 2000) errors.additionalInstructions = 'Use at most 2000 characters.';
  if (form.dimensions.length === 0) errors.dimensions = 'Add at least one dimension.';
  else if (form.dimensions.length > MAX_DIMENSIONS) errors.dimensions = `Use at most ${MAX_DIMENSIONS} dimensions.`;
  const rows: Record<number, DimensionErrors> = {};
  const seen = new Set<string>();
  form.dimensions.forEach((d, index) => {
    const row: DimensionErrors = {};
    const dimensionName = d.name.trim();
    if (dimensionName === '') row.name = 'Enter a name.';
    else if (dimensionName.length > 100) row.name = 'Use at most 100 characters.';
    else if (seen.has(dimensionName.toLowerCase())) row.name = 'Each dimension needs its own name.';
    seen.add(dimensionName.toLowerCase());
    if (wholeWeight(d.weight) === null) row.weight = 'A whole number from 1 to 100.';
    if (d.threshold.trim() !== '') {
      const threshold = Number(d.threshold);
      if (!Number.isFinite(threshold) || threshold < 0 || threshold > 10) row.threshold = 'From 0 to 10, or empty.';
    }
    if (Object.keys(row).length > 0) rows[index] = row;
  });
  if (Object.keys(rows).length > 0) errors.rows = rows;
  const total = weightTotal(form.dimensions);
  if (errors.dimensions === undefined && errors.rows === undefined && total !== WEIGHT_TOTAL) {
    errors.dimensions = `The weights add up to ${total}; they must add up to ${WEIGHT_TOTAL}.`;
  }
  return errors;
}

export function hasErrors(errors: AgentProfileFormErrors): boolean {
  return Object.keys(errors).length > 0;
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

export function toAgentProfileBody(form: AgentProfileForm): AgentProfileCreateBody {
  return {
    name: form.name.trim(),
    persona: orNull(form.persona),
    useCase: form.useCase,
    interaction: { tone: form.tone, style: form.style, probingDepth: form.probingDepth },
    additionalInstructions: orNull(form.additionalInstructions),
    evaluationDimensions: form.dimensions.map((d) => ({
      name: d.name.trim(),
      description: d.description.trim(),
      weight: Number(d.weight.trim()),
      threshold: d.threshold.trim() === '' ? null : Number(d.threshold),
    })),
  };
}

/** Maps the API's issue paths (`evaluationDimensions.1.name`) onto the form's errors. */
export function errorsFromIssues(byPath: Record<string, string>): AgentProfileFormErrors {
  const errors: AgentProfileFormErrors = {};
  for (const [path, message] of Object.entries(byPath)) {
    const row = /^evaluationDimensions\.(\d+)\.(name|weight|threshold)$/.exec(path);
    if (row !== null) {
      const index = Number(row[1]);
      const field = row[2] as keyof DimensionErrors;
      errors.rows = { ...errors.rows, [index]: { ...errors.rows?.[index], [field]: message } };
    } else if (path.startsWith('evaluationDimensions')) errors.dimensions = message;
    else if (path === 'name' || path === 'persona' || path === 'additionalInstructions') errors[path] = message;
  }
  return errors;
}
