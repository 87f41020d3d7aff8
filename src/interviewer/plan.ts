import { Type } from 'typebox';
import type { LlmClient } from './llm.js';
import type { InterviewPlan, InterviewerProfile, PlanInputs, PlannedQuestion } from './types.js';
import { PROFILE_CAP, RESUME_CAP, createDelimiter } from './untrusted.js';

/**
 * The plan (SPEC §10): a frozen list of questions, each tied to rubric dimensions, made before
 * the interview from the template, the stage, the agent profile and the participant. With a
 * model it writes the questions; without one (or when the model fails) a deterministic plan is
 * made from the same inputs: one or two questions per dimension and per template skill, in order.
 */

export const RULES_PLAN_VERSION = 'rules-1';
export const MODEL_PLAN_PROMPT_VERSION = 'plan-prompt-1';

/** A written answer takes about four minutes; at least 2 and at most 20 questions. */
export function questionBudget(durationMinutes: number): number {
  return Math.min(20, Math.max(2, Math.floor(durationMinutes / 4)));
}

/** The interviewer used when neither the stage nor the template names an agent profile. */
export function defaultInterviewer(): InterviewerProfile {
  return {
    id: null,
    name: 'Interviewer',
    persona: null,
    dimensions: [
      { name: 'Relevant experience', description: 'Has done work like this before and can show it with examples.', weight: 40, threshold: null },
      { name: 'Problem solving', description: 'Reasons clearly through problems and trade-offs.', weight: 30, threshold: null },
      { name: 'Communication', description: 'Explains clearly and answers the question asked.', weight: 30, threshold: null },
    ],
    interaction: { tone: 'professional', style: 'structured', probingDepth: 'medium' },
    additionalInstructions: null,
  };
}

const TECHNICAL_WORDS = /technical|skill|knowledge|expertise|depth|craft|domain/i;

/** The dimension a skill question gathers evidence for: one that mentions it, a technical one, or the heaviest. */
export function dimensionForSkill(skill: string, profile: InterviewerProfile): string {
  const needle = skill.toLowerCase();
  const mentions = profile.dimensions.find((d) => `${d.name} ${d.description}`.toLowerCase().includes(needle));
  if (mentions !== undefined) return mentions.name;
  const technical = profile.dimensions.find((d) => TECHNICAL_WORDS.test(d.name));
  if (technical !== undefined) return technical.name;
  const heaviest = [...profile.dimensions].sort((a, b) => b.weight - a.weight)[0];
  return heaviest?.name ?? profile.dimensions[0]?.name ?? 'Overall';
}

function sentence(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return '';
  const lower = trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
  return /[.!?]$/.test(lower) ? lower : `${lower}.`;
}

type Topic = { kind: 'dimension'; name: string; description: string } | { kind: 'skill'; skill: string; listed: boolean };

function questionText(topic: Topic, second: boolean): string {
  if (topic.kind === 'dimension') {
    const about = topic.description === '' ? '' : ` In other words: ${sentence(topic.description)}`;
    return second
      ? `Staying with ${topic.name.toLowerCase()}: tell me about a time it did not go well. What happened, and what would you do differently?`
      : `Let's talk about ${topic.name.toLowerCase()}.${about} Can you describe a specific example from your own experience that shows it?`;
  }
  if (second) return `What do you consider good practice with ${topic.skill}, and where have you seen it go wrong?`;
  const listed = topic.listed ? ` You list ${topic.skill} among your skills.` : '';
  return `${listed} How have you used ${topic.skill}? Walk me through a concrete example, including a difficulty you ran into.`.trim();
}

/** The deterministic plan: dimensions first, then template skills, one or two questions each, within the budget. */
export function buildRulePlan(inputs: PlanInputs): InterviewPlan {
  const { profile, template, stage, participant } = inputs;
  const budget = questionBudget(stage.durationMinutes);
  const listedSkills = new Set((participant.background?.skills ?? []).map((s) => s.toLowerCase()));
  const topics: Topic[] = [
    ...profile.dimensions.map((d): Topic => ({ kind: 'dimension', name: d.name, description: d.description })),
    ...template.skills.map((skill): Topic => ({ kind: 'skill', skill, listed: listedSkills.has(skill.toLowerCase()) })),
  ];
  // Every dimension is asked about even on a short stage; skills fill what time is left.
  const asked = topics.slice(0, Math.max(budget, profile.dimensions.length));
  const seconds = Math.max(0, budget - asked.length);
  const questions: PlannedQuestion[] = [];
  asked.forEach((topic, index) => {
    const dimensions = topic.kind === 'dimension' ? [topic.name] : [dimensionForSkill(topic.skill, profile)];
    const skill = topic.kind === 'skill' ? topic.skill : null;
    questions.push({ id: '', text: questionText(topic, false), dimensions, skill });
    if (index < seconds) questions.push({ id: '', text: questionText(topic, true), dimensions, skill });
  });
  return {
    version: 1,
    promptVersion: RULES_PLAN_VERSION,
    source: 'rules',
    model: null,
    durationMinutes: stage.durationMinutes,
    stage: { type: stage.type, name: stage.name },
    profile,
    questions: questions.map((q, i) => ({ ...q, id: `q${i + 1}` })),
  };
}

/** The model's answer: questions only; ids, order and versions are the server's. */
export function planAnswerSchema(profile: InterviewerProfile, maxQuestions: number) {
  return Type.Object(
    {
      questions: Type.Array(
        Type.Object(
          {
            text: Type.String({ minLength: 10, maxLength: 600 }),
            dimensions: Type.Array(Type.Unsafe<string>({ type: 'string', enum: profile.dimensions.map((d) => d.name) }), { minItems: 1, maxItems: 4 }),
            skill: Type.Union([Type.String({ maxLength: 100 }), Type.Null()]),
          },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: maxQuestions },
      ),
    },
    { additionalProperties: false },
  );
}

interface PlanAnswer {
  questions: { text: string; dimensions: string[]; skill: string | null }[];
}

function participantSummary(participant: PlanInputs['participant']): string {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(participant.profile ?? {})) lines.push(`${key}: ${value}`);
  const background = participant.background;
  if (background?.skills !== undefined && background.skills.length > 0) lines.push(`skills: ${background.skills.join(', ')}`);
  if (background?.education !== undefined) lines.push(`education: ${background.education}`);
  if (background?.languages !== undefined && background.languages.length > 0) lines.push(`languages: ${background.languages.join(', ')}`);
  return lines.join('\n');
}

/** The messages of a plan request. Exported for tests that check what the model is sent. */
export function planMessages(inputs: PlanInputs, budget: number, nonce?: string) {
  const { template, stage, profile, participant } = inputs;
  const delimiter = createDelimiter(nonce);
  const system = [
    'You plan a structured, text-based interview that an AI interviewer will conduct.',
    `Write at most ${budget} questions for a ${stage.durationMinutes}-minute "${stage.name}" stage, in the order they should be asked.`,
    'Each question is a single, open question (never two questions in one), answerable in writing, and is tied to one or more rubric dimensions by their exact names.',
    'Cover every rubric dimension at least once; weight the plan towards heavier dimensions; include the template skills where they fit.',
    `Difficulty: ${template.difficulty}. Interviewer tone: ${profile.interaction.tone}; style: ${profile.interaction.style}.`,
    profile.additionalInstructions === null ? '' : `Instructions from the hiring team: ${profile.additionalInstructions}`,
    'Use the participant material only to make questions relevant (e.g. ask about work they mention); never ask for protected personal information.',
    delimiter.rule,
    'Answer with only a JSON object: {"questions":[{"text":"…","dimensions":["…"],"skill":"…" or null}]}.',
  ]
    .filter((line) => line !== '')
    .join('\n');
  const context = {
    template: {
      name: template.name,
      use_case: template.useCase,
      objective: template.objective,
      description: template.description,
      requirements: template.requirements,
      level: template.level,
      skills: template.skills,
      soft_skills: template.softSkills,
    },
    stage: { type: stage.type, name: stage.name, duration_minutes: stage.durationMinutes },
    rubric: profile.dimensions.map((d) => ({ name: d.name, description: d.description, weight: d.weight })),
  };
  const parts = [`Interview context (from the hiring team):\n${JSON.stringify(context, null, 2)}`];
  const summary = participantSummary(participant);
  if (summary !== '') parts.push(`Participant profile:\n${delimiter.wrap('participant_profile', summary, PROFILE_CAP)}`);
  if (participant.resumeText !== null && participant.resumeText.trim() !== '') {
    parts.push(`Participant resume:\n${delimiter.wrap('resume', participant.resumeText, RESUME_CAP)}`);
  }
  parts.push('Write the plan now.');
  return [
    { role: 'system' as const, content: system },
    { role: 'user' as const, content: parts.join('\n\n') },
  ];
}

/**
 * The model's plan. Dimensions it left uncovered get the rule plan's question for them, so
 * every dimension can be scored. Throws LlmError when the model cannot give a valid plan.
 */
export async function buildModelPlan(llm: LlmClient, inputs: PlanInputs): Promise<InterviewPlan> {
  const budget = questionBudget(inputs.stage.durationMinutes);
  const result = await llm.completeJson<PlanAnswer>({
    purpose: 'plan',
    messages: planMessages(inputs, budget),
    schemaName: 'interview_plan',
    schema: planAnswerSchema(inputs.profile, budget),
    temperature: 0.4,
  });
  const questions: Omit<PlannedQuestion, 'id'>[] = result.value.questions.map((q) => ({
    text: q.text.trim(),
    dimensions: [...new Set(q.dimensions)],
    skill: q.skill === null || q.skill.trim() === '' ? null : q.skill.trim(),
  }));
  const covered = new Set(questions.flatMap((q) => q.dimensions));
  const rules = buildRulePlan(inputs);
  for (const dimension of inputs.profile.dimensions) {
    if (covered.has(dimension.name)) continue;
    const fill = rules.questions.find((q) => q.dimensions.includes(dimension.name) && q.skill === null);
    if (fill !== undefined) questions.push({ text: fill.text, dimensions: fill.dimensions, skill: null });
  }
  return {
    version: 1,
    promptVersion: MODEL_PLAN_PROMPT_VERSION,
    source: 'model',
    model: result.model,
    durationMinutes: inputs.stage.durationMinutes,
    stage: { type: inputs.stage.type, name: inputs.stage.name },
    profile: inputs.profile,
    questions: questions.map((q, i) => ({ ...q, id: `q${i + 1}` })),
  };
}

/** The interviewer's first turn: who they are, how it works, and the first question. */
export function openingMessage(plan: InterviewPlan): string {
  const intro = plan.profile.persona ?? `Hello, I'm your interviewer for the ${plan.stage.name} stage.`;
  const count = plan.questions.length;
  const first = plan.questions[0]?.text ?? '';
  return `${intro}\n\nThis interview has about ${count} question${count === 1 ? '' : 's'} and takes up to ${plan.durationMinutes} minutes. Answer in your own words; you can take your time with each answer.\n\n${first}`;
}
