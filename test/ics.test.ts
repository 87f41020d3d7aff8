import { describe, expect, it } from 'vitest';
import { calendarEvent, escapeText, foldLine, parseMailbox } from '../src/mail/ics.js';
import { formatInTimeZone, isValidTimeZone } from '../src/lib/time-zones.js';
import { parseInvite } from './helpers/ics.js';

const event = {
  method: 'REQUEST' as const,
  uid: '0190b6a0-0000-7000-8000-000000000001@docket.test',
  sequence: 3,
  stamp: new Date('2026-06-01T12:00:00.123Z'),
  start: new Date('2026-06-10T09:30:00Z'),
  end: new Date('2026-06-10T10:30:00Z'),
  summary: 'Interview: Back-end, APIs; "Ünïcødé" — 面接 (Technical)',
  description: 'Line one\nLine two with a \\ backslash, a comma; and a semicolon.\r\nJoin: https://docket.test/join/abc',
  location: 'https://docket.test/join/abc',
  url: 'https://docket.test/join/abc',
  organizer: { name: 'Acme "Talent" Team', email: 'interviews@acme.test' },
  attendee: { name: 'Zoë Łukasiewicz-Ångström', email: 'zoe@example.com' },
};

describe('the RFC 5545 writer', () => {
  it('writes CRLF lines of at most 75 octets, folded without splitting a character, that a strict parser reads back exactly', () => {
    const text = calendarEvent(event);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text).toContain('\r\n ');
    expect(text).not.toContain('\uFFFD');
    const parsed = parseInvite(text);
    expect(parsed).toEqual({
      method: 'REQUEST',
      uid: event.uid,
      sequence: 3,
      start: '2026-06-10T09:30:00.000Z',
      end: '2026-06-10T10:30:00.000Z',
      utc: true,
      status: 'CONFIRMED',
      summary: event.summary,
      description: 'Line one\nLine two with a \\ backslash, a comma; and a semicolon.\nJoin: https://docket.test/join/abc',
      organizer: 'mailto:interviews@acme.test',
      organizerName: 'Acme Talent Team',
      attendee: 'mailto:zoe@example.com',
      attendeeName: 'Zoë Łukasiewicz-Ångström',
    });
    expect(text).toContain('DTSTAMP:20260601T120000Z');
    expect(text).not.toContain('TZID');
  });

  it('a cancellation says CANCEL and CANCELLED', () => {
    const parsed = parseInvite(calendarEvent({ ...event, method: 'CANCEL', sequence: 4 }));
    expect(parsed).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', sequence: 4, uid: event.uid });
  });

  it('escapes text and folds by octets', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\u0007')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
    const wide = foldLine(`S:${'é'.repeat(60)}`);
    for (const part of wide.split('\r\n')) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(wide.replace(/\r\n /g, '')).toBe(`S:${'é'.repeat(60)}`);
  });

  it('reads MAIL_FROM forms', () => {
    expect(parseMailbox('Docket <no-reply@example.com>')).toEqual({ name: 'Docket', email: 'no-reply@example.com' });
    expect(parseMailbox('"Acme, Inc." <hr@acme.test>')).toEqual({ name: 'Acme, Inc.', email: 'hr@acme.test' });
    expect(parseMailbox('hr@acme.test')).toEqual({ email: 'hr@acme.test' });
  });
});

describe('time zones', () => {
  it('accepts what Intl can render, including names missing from supportedValuesOf', () => {
    for (const zone of ['UTC', 'Europe/Kyiv', 'Asia/Kolkata', 'America/Argentina/Buenos_Aires', 'europe/berlin']) expect(isValidTimeZone(zone), zone).toBe(true);
    for (const zone of ['', 'Mars/Base', 'Europe/Kyiv ', 'x'.repeat(65)]) expect(isValidTimeZone(zone), zone).toBe(false);
  });

  it('formats in the zone with the offset in force on that day', () => {
    expect(formatInTimeZone(new Date('2026-10-20T06:00:00Z'), 'Europe/Kyiv')).toBe('Tuesday, October 20, 2026 at 9:00 AM (Europe/Kyiv, GMT+3)');
    expect(formatInTimeZone(new Date('2026-11-02T07:00:00Z'), 'Europe/Kyiv')).toBe('Monday, November 2, 2026 at 9:00 AM (Europe/Kyiv, GMT+2)');
    expect(formatInTimeZone(new Date('2026-06-03T15:00:00Z'), 'Asia/Kolkata')).toBe('Wednesday, June 3, 2026 at 8:30 PM (Asia/Kolkata, GMT+5:30)');
  });
});
