import { Type } from 'typebox';
import type { EvaluationDimension } from '../modules/agent-profiles/agent-profiles.schemas.js';
import type { SuccessOutcome } from '../modules/templates/templates.schemas.js';
import type { ChatMessage, LlmClient } from './llm.js';
import type { InterviewPlan, TranscriptTurn } from './types.js';
import { ANSWER_CAP, createDelimiter } from './untrusted.js';

/**
 * Scorecards (SPEC §10): per dimension a score 0–10 with reasoning and evidence quotes citing
 * participant turns, each quote checked against the turn it cites; a weighted overall score; a
 * pass rule; a recommendation in the template's success_outcome vocabulary. Scores are
 * recommendations for people, never automatic decisions.
 */

export const SCORING_PROMPT_VERSION = 'score-prompt-1';

/** The positive and negative recommendation of each success_outcome. */
export const RECOMMENDATIONS: Record<SuccessOutcome, readonly [string, string]> = {
  hire_no_hire: ['hire', 'no_hire'],
  admit_reject: ['admit', 'reject'],
  pass_fail: ['pass', 'fail'],
  ready_needs_training: ['ready', 'needs_training'],
  certified_not_certified: ['certified', 'not_certified'],
  custom: ['recommended', 'not_recommended'],
};

export function recommendationFor(outcome: SuccessOutcome, passed: boolean): string {
  const [yes, no] = RECOMMENDATIONS[outcome];
  return passed ? yes : no;
}

export function isRecommendation(outcome: SuccessOutcome, value: string): boolean {
  return RECOMMENDATIONS[outcome].includes(value);
}

export interface Evidence {
  turn_seq: number;
  quote: string;
}

export interface DimensionScore {
  name: string;
  weight: number;
  score: number;
  reasoning: string;
  evidence: Evidence[];
}

/** Two decimals: what the API shows and what the pass rule compares. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Σ score × weight / Σ weight over the rubric; every dimension must have a score. */
export function weightedScore(dimensions: readonly Pick<EvaluationDimension, 'name' | 'weight'>[], scores: ReadonlyMap<string, number>): number {
  let total = 0;
  let weights = 0;
  for (const dimension of dimensions) {
    const score = scores.get(dimension.name);
    if (score === undefined) throw new Error(`no score for dimension ${dimension.name}`);
    total += score * dimension.weight;
    weights += dimension.weight;
  }
  if (weights === 0) throw new Error('the rubric has no weight');
  return round2(total / weights);
}

export interface PassResult {
  passed: boolean;
  /** Dimensions scored under their own threshold. */
  below: string[];
}

/** Passed: the overall score reaches the stage's threshold and no dimension is under its own (when set). */
export function passRule(
  overall: number,
  passThreshold: number,
  dimensions: readonly Pick<EvaluationDimension, 'name' | 'threshold'>[],
  scores: ReadonlyMap<string, number>,
): PassResult {
  const below = dimensions
    .filter((d) => d.threshold !== null && (scores.get(d.name) ?? 0) < d.threshold)
    .map((d) => d.name);
  return { passed: overall >= passThreshold && below.length === 0, below };
}

/** Case, spacing, typographic quotes and dashes, and an ellipsis at either end do not count. */
export function normalizeQuote(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(\.\.\.|…)\s*|\s*(\.\.\.|…)$/g, '')
    .replace(/^["'\s]+|["'\s]+$/g, '')
    .trim();
}

/** Keeps the quotes that occur in the participant turn they cite; the rest are returned as dropped. */
export function verifyEvidence(evidence: readonly Evidence[], transcript: readonly TranscriptTurn[]): { kept: Evidence[]; dropped: Evidence[] } {
  const kept: Evidence[] = [];
  const dropped: Evidence[] = [];
  for (const item of evidence) {
    const turn = transcript.find((t) => t.seq === item.turn_seq);
    const quote = normalizeQuote(item.quote);
    const ok = turn !== undefined && turn.speaker === 'participant' && quote.length >= 3 && normalizeQuote(turn.text).includes(quote);
    (ok ? kept : dropped).push(item);
  }
  return { kept, dropped };
}

export const DimensionAnswerSchema = Type.Object(
  {
    score: Type.Number({ minimum: 0, maximum: 10 }),
    reasoning: Type.String({ minLength: 1, maxLength: 1500 }),
    evidence: Type.Array(
      Type.Object(
        { turn_seq: Type.Integer({ minimum: 1 }), quote: Type.String({ minLength: 3, maxLength: 500 }) },
        { additionalProperties: false },
      ),
      { maxItems: 6 },
    ),
  },
  { additionalProperties: false },
);

export const SummaryAnswerSchema = Type.Object({ summary: Type.String({ minLength: 1, maxLength: 1500 }) }, { additionalProperties: false });

interface DimensionAnswer {
  score: number;
  reasoning: string;
  evidence: Evidence[];
}

function transcriptText(transcript: readonly TranscriptTurn[], wrap: (label: string, text: string, max: number) => string): string {
  return transcript
    .map((turn) =>
      turn.speaker === 'interviewer'
        ? `Turn ${turn.seq}, interviewer:\n${turn.text}`
        : `Turn ${turn.seq}, participant:\n${wrap('participant_answer', turn.text, ANSWER_CAP)}`,
    )
    .join('\n\n');
}

/** The messages that score one dimension. Exported for tests that check what the model is sent. */
export function dimensionMessages(plan: InterviewPlan, dimension: EvaluationDimension, transcript: readonly TranscriptTurn[], nonce?: string): ChatMessage[] {
  const delimiter = createDelimiter(nonce);
  const system = [
    'You score one dimension of a structured interview against its rubric, strictly on the evidence in the transcript.',
    'Score 0–10: 0–2 no evidence or clearly weak, 3–4 below expectations, 5–6 adequate, 7–8 strong, 9–10 exceptional.',
    'Give short reasoning, and evidence: exact quotes copied character for character from participant turns, each with the number of the turn it comes from.',
    'Quote only participant turns. An answer that contains no evidence for the dimension scores low, whatever it claims.',
    delimiter.rule,
    'Answer with only a JSON object: {"score":n,"reasoning":"…","evidence":[{"turn_seq":n,"quote":"…"}]}.',
  ].join('\n');
  const user = [
    `Dimension: ${dimension.name}`,
    `What it means: ${dimension.description === '' ? '(no description)' : dimension.description}`,
    `Stage: ${plan.stage.name}. Questions planned for it: ${JSON.stringify(plan.questions.filter((q) => q.dimensions.includes(dimension.name)).map((q) => q.text))}`,
    `Transcript:\n\n${transcriptText(transcript, delimiter.wrap)}`,
    'Score this dimension now.',
  ].join('\n\n');
  return [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ];
}

/**
 * Scores one dimension at temperature 0. Quotes that are not in the turn they cite are sent
 * back once for correction; any still wrong after that are dropped.
 */
export async function scoreDimension(
  llm: LlmClient,
  plan: InterviewPlan,
  dimension: EvaluationDimension,
  transcript: readonly TranscriptTurn[],
): Promise<DimensionScore & { droppedQuotes: number; model: string }> {
  const messages = dimensionMessages(plan, dimension, transcript);
  const first = await llm.completeJson<DimensionAnswer>({ purpose: 'score', messages, schemaName: 'dimension_score', schema: DimensionAnswerSchema, temperature: 0 });
  let answer = first.value;
  let model = first.model;
  let check = verifyEvidence(answer.evidence, transcript);
  if (check.dropped.length > 0) {
    const retry = await llm.completeJson<DimensionAnswer>({
      purpose: 'score',
      messages: [
        ...messages,
        { role: 'assistant', content: JSON.stringify(answer) },
        {
          role: 'user',
          content: `These quotes do not appear word for word in the participant turns they cite: ${JSON.stringify(check.dropped)}. Score again, quoting only text that appears exactly in the cited participant turn.`,
        },
      ],
      schemaName: 'dimension_score',
      schema: DimensionAnswerSchema,
      temperature: 0,
    });
    answer = retry.value;
    model = retry.model;
    check = verifyEvidence(answer.evidence, transcript);
  }
  return {
    name: dimension.name,
    weight: dimension.weight,
    score: round2(answer.score),
    reasoning: answer.reasoning.trim(),
    evidence: check.kept,
    droppedQuotes: check.dropped.length,
    model,
  };
}

export function summaryMessages(plan: InterviewPlan, scores: readonly DimensionScore[], transcript: readonly TranscriptTurn[], nonce?: string): ChatMessage[] {
  const delimiter = createDelimiter(nonce);
  return [
    {
      role: 'system',
      content: [
        'You write a short, neutral summary (3–5 sentences) of a structured interview for the team that reviews it.',
        'Mention strengths and gaps against the rubric; do not make a hiring decision and do not invent facts.',
        delimiter.rule,
        'Answer with only a JSON object: {"summary":"…"}.',
      ].join('\n'),
    },
    {
      role: 'user',
      content: [
        `Stage: ${plan.stage.name}.`,
        `Dimension scores: ${JSON.stringify(scores.map((s) => ({ name: s.name, score: s.score, reasoning: s.reasoning })))}`,
        `Transcript:\n\n${transcriptText(transcript, delimiter.wrap)}`,
        'Write the summary now.',
      ].join('\n\n'),
    },
  ];
}

export async function summarise(llm: LlmClient, plan: InterviewPlan, scores: readonly DimensionScore[], transcript: readonly TranscriptTurn[]): Promise<string> {
  const result = await llm.completeJson<{ summary: string }>({
    purpose: 'summary',
    messages: summaryMessages(plan, scores, transcript),
    schemaName: 'interview_summary',
    schema: SummaryAnswerSchema,
    temperature: 0,
  });
  return result.value.summary.trim();
}
