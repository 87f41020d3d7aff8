/**
 * Slows down guessing of passwords: after a number of free failures, each further attempt under
 * the same key must wait twice as long as the one before (1 s, 2 s, 4 s … up to a cap). Keys are
 * chosen by the caller (see AuthService): never an email alone, so that someone who merely knows
 * an address cannot lock its owner out from elsewhere. Kept in memory: with several processes
 * each throttles on its own, which still bounds guessing.
 */

export interface ThrottlePolicy {
  /** Failures allowed before any delay. */
  freeFailures: number;
  /** The first delay; each further failure doubles it. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A key with no failure for this long starts afresh. */
  forgetAfterMs: number;
}

interface Failures {
  count: number;
  lastMs: number;
}

const MAX_KEYS = 10_000;

export class LoginThrottle {
  private readonly failures = new Map<string, Failures>();

  constructor(private readonly policy: ThrottlePolicy) {}

  /** Seconds to wait before another attempt under this key, or 0 when allowed. */
  retryAfterSeconds(key: string, nowMs: number): number {
    const entry = this.current(key, nowMs);
    if (entry === undefined) return 0;
    const waitMs = entry.lastMs + this.delayMs(entry.count) - nowMs;
    return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
  }

  recordFailure(key: string, nowMs: number): void {
    const entry = this.current(key, nowMs);
    this.failures.set(key, { count: (entry?.count ?? 0) + 1, lastMs: nowMs });
    if (this.failures.size > MAX_KEYS) this.prune(nowMs);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private delayMs(count: number): number {
    const { freeFailures, baseDelayMs, maxDelayMs } = this.policy;
    if (count < freeFailures) return 0;
    return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(30, count - freeFailures));
  }

  private current(key: string, nowMs: number): Failures | undefined {
    const entry = this.failures.get(key);
    if (entry !== undefined && nowMs - entry.lastMs > this.policy.forgetAfterMs) {
      this.failures.delete(key);
      return undefined;
    }
    return entry;
  }

  private prune(nowMs: number): void {
    for (const key of [...this.failures.keys()]) this.current(key, nowMs);
    // Still too many (an attack from many addresses): forget the oldest half.
    if (this.failures.size > MAX_KEYS) {
      const byAge = [...this.failures.entries()].sort((a, b) => a[1].lastMs - b[1].lastMs);
      for (const [key] of byAge.slice(0, byAge.length / 2)) this.failures.delete(key);
    }
  }
}
