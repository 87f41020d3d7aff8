/**
 * Counts failed sign-ins per email and per client address in a sliding window. Kept in memory:
 * with several processes each throttles on its own, which still bounds guessing per process.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** Seconds to wait before another attempt, or 0 when allowed. */
  retryAfterSeconds(keys: readonly string[], nowMs: number): number {
    let wait = 0;
    for (const key of keys) {
      const recent = this.recent(key, nowMs);
      if (recent.length >= this.maxFailures) {
        const oldest = recent[recent.length - this.maxFailures] ?? nowMs;
        wait = Math.max(wait, Math.ceil((oldest + this.windowMs - nowMs) / 1000));
      }
    }
    return wait;
  }

  recordFailure(keys: readonly string[], nowMs: number): void {
    for (const key of keys) {
      const recent = this.recent(key, nowMs);
      recent.push(nowMs);
      this.failures.set(key, recent);
    }
    if (this.failures.size > 10_000) this.prune(nowMs);
  }

  reset(keys: readonly string[]): void {
    for (const key of keys) this.failures.delete(key);
  }

  private recent(key: string, nowMs: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > nowMs - this.windowMs);
  }

  private prune(nowMs: number): void {
    for (const [key] of this.failures) {
      const recent = this.recent(key, nowMs);
      if (recent.length === 0) this.failures.delete(key);
      else this.failures.set(key, recent);
    }
  }
}
