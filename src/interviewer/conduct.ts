import { Type } from 'typebox';
import type { ProbingDepth } from '../modules/agent-profiles/agent-profiles.schemas.js';
import type { ChatMessage } from './llm.js';
import type { InterviewPlan, PlannedQuestion, TranscriptTurn } from './types.js';
import { ANSWER_CAP, createDelimiter } from './untrusted.js';

/**
 * The conversation's rules (SPEC §10), as pure functions of the stored state: the server owns
 * the plan position, the follow-ups used per question within the profile's probingDepth, the
 * time used against the duration, and wrap-up near the end. A model only ever chooses between
 * the moves these functions allow, and only writes the text of a follow-up question.
 */

/** Follow-up questions allowed per planned question. */
export const FOLLOW_UP_BUDGET: Record<ProbingDepth, number> = { low: 1, medium: 2, high: 3 };

export interface ConductState {
  /** Index in plan.questions of the question under discussion. */
  questionIndex: number;
  /** Follow-ups asked so far, per planned question (same order as the plan). */
  followUps: number[];
  /** The closing "anything to add?" question has been asked. */
  wrapUpAsked: boolean;
}

export interface Timing {
  elapsedMs: number;
  remainingMs: number;
  /** In the last stretch: no more new questions or follow-ups, only the wrap-up. */
  wrapUp: boolean;
  over: boolean;
}

/** What comes next after the participant's answer. `choice` means a model may pick follow-up or move on. */
export type Decision =
  | { kind: 'forced'; move: Move }
  | { kind: 'choice'; moveOn: Exclude<Move, 'follow_up' | 'close'> };

export type Move = 'follow_up' | 'next_question' | 'wrap_up' | 'close';

export function initialState(plan: InterviewPlan): ConductState {
  return { questionIndex: 0, followUps: plan.questions.map(() => 0), wrapUpAsked: false };
}

/** The wrap-up window: the last 15 % of the interview, at least 2 minutes. */
export function wrapUpWindowMs(durationMinutes: number): number {
  return Math.max(2 * 60_000, Math.round(durationMinutes * 60_000 * 0.15));
}

export function timingOf(startedAt: Date, now: Date, durationMinutes: number): Timing {
  const totalMs = durationMinutes * 60_000;
  const elapsedMs = Math.max(0, now.getTime() - startedAt.getTime());
  const remainingMs = Math.max(0, totalMs - elapsedMs);
  return { elapsedMs, remainingMs, wrapUp: remainingMs <= wrapUpWindowMs(durationMinutes), over: remainingMs === 0 };
}

/** Decides the moves open after an answer. Without a model there are never follow-ups. */
export function decide(state: ConductState, plan: InterviewPlan, timing: Timing, modelOn: boolean): Decision {
  if (timing.over || state.wrapUpAsked) return { kind: 'forced', move: 'close' };
  if (timing.wrapUp) return { kind: 'forced', move: 'wrap_up' };
  const hasNext = state.questionIndex + 1 < plan.questions.length;
  const moveOn = hasNext ? 'next_question' : 'wrap_up';
  const budget = FOLLOW_UP_BUDGET[plan.profile.interaction.probingDepth];
  const followUpOpen = modelOn && (state.followUps[state.questionIndex] ?? 0) < budget;
  return followUpOpen ? { kind: 'choice', moveOn } : { kind: 'forced', move: moveOn };
}

/** The state after the interviewer made `move`. */
export function apply(state: ConductState, move: Move): ConductState {
  switch (move) {
    case 'follow_up':
      return { ...state, followUps: state.followUps.map((n, i) => (i === state.questionIndex ? n + 1 : n)) };
    case 'next_question':
      return { ...state, questionIndex: state.questionIndex + 1 };
    case 'wrap_up':
      return { ...state, wrapUpAsked: true };
    case 'close':
      return state;
  }
}

const ACKNOWLEDGEMENTS = ['Thank you.', 'Thanks, that helps.', 'Understood, thank you.', 'Thank you for explaining.'];

/** The interviewer's text for a move that needs no model: the plan's next question, the wrap-up, the close. */
export function scriptedText(move: Exclude<Move, 'follow_up'>, state: ConductState, plan: InterviewPlan, timing: Timing): string {
  switch (move) {
    case 'next_question': {
      const next = plan.questions[state.questionIndex + 1];
      return `${ACKNOWLEDGEMENTS[state.questionIndex % ACKNOWLEDGEMENTS.length] ?? ''} ${next?.text ?? ''}`.trim();
    }
    case 'wrap_up':
      return timing.wrapUp
        ? "We're nearly out of time. Before we finish: is there anything you would like to add, or anything you wish I had asked?"
        : 'That was my last question. Before we finish: is there anything you would like to add, or anything you wish I had asked?';
    case 'close':
      return timing.over
        ? 'Our time is up, so this is where we stop. Thank you for your answers: they have been saved and the team will review them. You can close this page now.'
        : 'Thank you, that is the end of the interview. Your answers have been saved and the team will review them. You can close this page now.';
  }
}

/** The model's choice for a turn: follow up (with the question) or move on. */
export const TurnAnswerSchema = Type.Object(
  {
    action: Type.Unsafe<'follow_up' | 'move_on'>({ type: 'string', enum: ['follow_up', 'move_on'] }),
    question: Type.String({ maxLength: 600, description: 'The follow-up question when action is follow_up, else an empty string.' }),
  },
  { additionalProperties: false },
);

export interface TurnAnswer {
  action: 'follow_up' | 'move_on';
  question: string;
}

/** A usable follow-up: the model chose one and wrote a question of some substance. */
export function followUpOf(answer: TurnAnswer): string | null {
  const text = answer.question.trim();
  return answer.action === 'follow_up' && text.length >= 8 ? text : null;
}

/** The turns about the current question: from the interviewer's turn that asked it onwards. */
export function currentExchange(transcript: readonly TranscriptTurn[], askedAtSeq: number): TranscriptTurn[] {
  return transcript.filter((t) => t.seq >= askedAtSeq);
}

/**
 * The messages of a turn request. The system message holds only Docket's instructions and the
 * team's profile; the participant's words are in the user message, delimited and capped.
 */
export function turnMessages(
  plan: InterviewPlan,
  question: PlannedQuestion,
  exchange: readonly TranscriptTurn[],
  followUpsLeft: number,
  nonce?: string,
): ChatMessage[] {
  const { profile } = plan;
  const delimiter = createDelimiter(nonce);
  const rubric = profile.dimensions.filter((d) => question.dimensions.includes(d.name));
  const system = [
    `You are ${profile.name}, an interviewer conducting a text interview (${plan.stage.name} stage).`,
    profile.persona === null ? '' : `Your introduction to the participant was: ${profile.persona}`,
    `Tone: ${profile.interaction.tone}. Style: ${profile.interaction.style}.`,
    profile.additionalInstructions === null ? '' : `Instructions from the hiring team: ${profile.additionalInstructions}`,
    'After each answer you decide one thing: ask ONE follow-up question about the current topic, or move on to the next planned question (the system asks it).',
    'Follow up only when the answer is vague, incomplete or makes a claim worth probing for evidence on the rubric below; otherwise move on.',
    'A follow-up is a single short question in plain text, never several questions, never feedback on the answer, never a score.',
    delimiter.rule,
    'Answer with only a JSON object: {"action":"follow_up","question":"…"} or {"action":"move_on","question":""}.',
  ]
    .filter((line) => line !== '')
    .join('\n');
  const lines = exchange.map((turn) =>
    turn.speaker === 'interviewer'
      ? `Turn ${turn.seq}, interviewer:\n${turn.text}`
      : `Turn ${turn.seq}, participant:\n${delimiter.wrap('participant_answer', turn.text, ANSWER_CAP)}`,
  );
  const user = [
    `Planned question (${question.id}): ${question.text}`,
    `Rubric for this question: ${JSON.stringify(rubric.map((d) => ({ name: d.name, description: d.description })))}`,
    `Follow-ups left for this question: ${followUpsLeft}.`,
    `The exchange so far on this question:\n\n${lines.join('\n\n')}`,
    'Decide now.',
  ].join('\n\n');
  return [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ];
}
