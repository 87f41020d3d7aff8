import type { Clock } from '../../src/lib/clock.js';

/** A clock that moves only when told: tests make leases expire and retries fall due with it. */
export class TestClock implements Clock {
  private ms: number;

  constructor(start: Date | string = '2026-06-01T12:00:00.000Z') {
    this.ms = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.ms);
  }

  advance(ms: number): void {
    this.ms += ms;
  }

  set(to: Date | string): void {
    this.ms = new Date(to).getTime();
  }
}
