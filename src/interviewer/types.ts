import type { EvaluationDimension, InteractionSettings } from '../modules/agent-profiles/agent-profiles.schemas.js';
import type { SuccessOutcome, UseCase } from '../modules/templates/templates.schemas.js';

/** The interviewer as planned: a copy of the agent profile, frozen into the plan. */
export interface InterviewerProfile {
  /** The agent profile's id, or null for the built-in fallback. */
  id: string | null;
  name: string;
  persona: string | null;
  dimensions: EvaluationDimension[];
  interaction: InteractionSettings;
  additionalInstructions: string | null;
}

/** Everything a plan is built from (SPEC §10). */
export interface PlanInputs {
  template: {
    name: string;
    useCase: UseCase;
    successOutcome: SuccessOutcome;
    objective: string | null;
    description: string | null;
    requirements: string | null;
    level: string | null;
    difficulty: string;
    skills: string[];
    softSkills: string[];
  };
  stage: { type: string; name: string; durationMinutes: number };
  profile: InterviewerProfile;
  participant: {
    profile: Record<string, string> | null;
    background: { skills?: string[]; education?: string; languages?: string[] } | null;
    /** Extracted resume text, when there is one. */
    resumeText: string | null;
  };
}

export interface PlannedQuestion {
  /** q1, q2 … in asking order. */
  id: string;
  text: string;
  /** Names of the rubric dimensions the question gathers evidence for. */
  dimensions: string[];
  /** The template skill it is about, if any. */
  skill: string | null;
}

/** Frozen when made; stored with its versions so a scorecard can say what it was built on. */
export interface InterviewPlan {
  /** Shape of this object. */
  version: 1;
  /** Which instructions built it (`rules-1`, or the model prompt's version). */
  promptVersion: string;
  source: 'model' | 'rules';
  /** The model that wrote the questions, null for the rule-based plan. */
  model: string | null;
  durationMinutes: number;
  stage: { type: string; name: string };
  profile: InterviewerProfile;
  questions: PlannedQuestion[];
}

export type Speaker = 'interviewer' | 'participant';

export interface TranscriptTurn {
  seq: number;
  speaker: Speaker;
  text: string;
  at: string;
}
