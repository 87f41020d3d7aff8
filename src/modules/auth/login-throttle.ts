/**
 * Slows down guessing of passwords: once a key has more than a number of free failures within a
 * window, each further attempt must wait twice as long after the last failure as the one before
 * (1 s, 2 s, 4 s … up to a cap). Keys are chosen by the caller (see AuthService): never an email
 * alone, so that someone who merely knows an address cannot lock its owner out from elsewhere.
 * Kept in memory: with several processes each throttles on its own, which still bounds guessing.
 */

export interface ThrottlePolicy {
  /** Failures within the window allowed before any delay. */
  freeFailures: number;
  /** The first delay; each further failure doubles it. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures older than this no longer count. */
  windowMs: number;
}

const MAX_KEYS = 10_000;
/** Failures remembered per key beyond the free ones: enough to reach any cap. */
const EXTRA_REMEMBERED = 32;

export class LoginThrottle {
  /** Failure times per key, oldest first. */
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly policy: ThrottlePolicy) {}

  /** Seconds to wait before another attempt under this key, or 0 when allowed. */
  retryAfterSeconds(key: string, nowMs: number): number {
    const recent = this.recent(key, nowMs);
    const last = recent[recent.length - 1];
    if (last === undefined) return 0;
    const waitMs = last + this.delayMs(recent.length) - nowMs;
    return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
  }

  recordFailure(key: string, nowMs: number): void {
    const recent = this.recent(key, nowMs);
    recent.push(nowMs);
    if (recent.length > this.policy.freeFailures + EXTRA_REMEMBERED) recent.shift();
    this.failures.set(key, recent);
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

  private recent(key: string, nowMs: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > nowMs - this.policy.windowMs);
  }

  private prune(nowMs: number): void {
    for (const key of [...this.failures.keys()]) {
      const recent = this.recent(key, nowMs);
      if (recent.length === 0) this.failures.delete(key);
      else this.failures.set(key, recent);
    }
    // Still too many (an attack from many addresses): forget the least recent half.
    if (this.failures.size > MAX_KEYS) {
      const byAge = [...this.failures.entries()].sort((a, b) => (a[1].at(-1) ?? 0) - (b[1].at(-1) ?? 0));
      for (const [key] of byAge.slice(0, Math.floor(byAge.length / 2))) this.failures.delete(key);
    }
  }
}
