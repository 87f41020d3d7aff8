import type { Context } from '../context.js';

/**
 * What a handler reports. Expected outcomes are values: `retry` with an optional time (e.g. a
 * receiver's Retry-After), `dead` for a failure that retrying cannot fix. A thrown error is a
 * retry with backoff.
 */
export type JobOutcome = { status: 'done' } | { status: 'retry'; error: string; at?: Date } | { status: 'dead'; error: string };

export interface JobInfo {
  id: string;
  kind: string;
  /** This run's attempt number, from 1. */
  attempt: number;
  maxAttempts: number;
  accountId: string | null;
}

export type JobHandler<P> = (ctx: Context, payload: P, job: JobInfo) => Promise<JobOutcome | void>;

export interface JobDefinition<P = unknown> {
  kind: string;
  handler: JobHandler<P>;
  /** Attempts before the job is marked dead (default 10). */
  maxAttempts?: number;
  /** Delay before retry number `attempt` (1 = after the first failure); default exponential. */
  backoffMs?: (attempt: number) => number;
  /** How long a claim lasts without a heartbeat (default 60 s); the runner renews it while the job runs. */
  leaseMs?: number;
  /** A periodic job (housekeeping): one row per kind, run again this long after it finished. */
  everyMs?: number;
}

export const DEFAULT_MAX_ATTEMPTS = 10;
export const DEFAULT_LEASE_MS = 60_000;

/** 1 s, 2 s, 4 s … capped at an hour, each ±20 % so that failures do not retry in lockstep. */
export function exponentialBackoff(attempt: number, baseMs = 1000, capMs = 3_600_000): number {
  return jitter(Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1)));
}

export function jitter(ms: number, spread = 0.2): number {
  return Math.round(ms * (1 - spread + Math.random() * 2 * spread));
}

/** Handlers by kind, in one place (context.ts registers every module's jobs). */
export class JobRegistry {
  private readonly definitions = new Map<string, JobDefinition>();

  register<P>(definition: JobDefinition<P>): this {
    if (this.definitions.has(definition.kind)) throw new Error(`job kind ${definition.kind} is registered twice`);
    this.definitions.set(definition.kind, definition as JobDefinition);
    return this;
  }

  get(kind: string): JobDefinition | undefined {
    return this.definitions.get(kind);
  }

  kinds(): string[] {
    return [...this.definitions.keys()];
  }

  periodic(): JobDefinition[] {
    return [...this.definitions.values()].filter((d) => d.everyMs !== undefined);
  }
}

/** Typed helper for a module's job definitions. */
export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}
