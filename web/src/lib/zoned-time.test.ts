import { describe, expect, it } from 'vitest';
import { timeZoneOptions, utcToZoned, zonedToUtc } from './zoned-time';

describe('wall-clock times in a zone', () => {
  it('turns a local date and time into the instant, with the offset of that day', () => {
    expect(zonedToUtc('2026-11-02', '09:00', 'Europe/Kyiv')).toBe('2026-11-02T07:00:00.000Z');
    expect(zonedToUtc('2026-10-20', '09:00', 'Europe/Kyiv')).toBe('2026-10-20T06:00:00.000Z');
    expect(zonedToUtc('2026-06-03', '20:30', 'Asia/Kolkata')).toBe('2026-06-03T15:00:00.000Z');
    expect(zonedToUtc('2026-06-03', '20:30', 'UTC')).toBe('2026-06-03T20:30:00.000Z');
  });

  it('refuses a time the clocks skip, and picks the earlier of a repeated hour', () => {
    expect(zonedToUtc('2026-03-29', '03:30', 'Europe/Kyiv')).toBeNull();
    expect(zonedToUtc('2026-03-08', '02:30', 'America/New_York')).toBeNull();
    expect(zonedToUtc('2026-11-01', '01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    expect(zonedToUtc('2026-02-30', '10:00', 'UTC')).toBeNull();
    expect(zonedToUtc('tomorrow', '10:00', 'UTC')).toBeNull();
  });

  it('reads an instant back as date and time in the zone', () => {
    expect(utcToZoned('2026-11-02T07:00:00.000Z', 'Europe/Kyiv')).toEqual({ date: '2026-11-02', time: '09:00' });
    expect(utcToZoned('2026-11-01T23:30:00.000Z', 'Asia/Tokyo')).toEqual({ date: '2026-11-02', time: '08:30' });
  });

  it('lists UTC first and keeps zones it was given', () => {
    const zones = timeZoneOptions(['Europe/Kyiv']);
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('Europe/Kyiv');
    expect(zones).toContain('America/New_York');
  });
});
