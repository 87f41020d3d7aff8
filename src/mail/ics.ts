/**
 * A small RFC 5545 writer for the one thing Docket puts in a calendar: a single event sent by
 * mail (iTIP, RFC 5546) as a REQUEST — first invitation or update, told apart by SEQUENCE —
 * or a CANCEL. Times are UTC (`…Z`), so no VTIMEZONE is needed and no server zone leaks in.
 * Text values are escaped, parameters quoted, and lines folded at 75 octets without splitting
 * a UTF-8 character; lines end with CRLF.
 */

export interface CalendarAddress {
  name?: string | undefined;
  email: string;
}

export interface CalendarEvent {
  method: 'REQUEST' | 'CANCEL';
  /** Stable for the life of the event: every update and the cancellation carry the same one. */
  uid: string;
  /** Grows with every change the attendee is told about. */
  sequence: number;
  /** When this version of the event was made. */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description?: string | undefined;
  location?: string | undefined;
  url?: string | undefined;
  organizer: CalendarAddress;
  attendee: CalendarAddress;
}

const PRODID = '-//Docket//Sessions//EN';

/** `20260329T070000Z` */
export function icsDateTime(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

// Control characters are what these patterns remove.
/* eslint-disable no-control-regex */

/** TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines escaped. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
}

/** A parameter value (§3.2): quoted, and without the characters a quoted value cannot hold. */
function paramValue(value: string): string {
  return `"${value.replace(/["\u0000-\u001F\u007F]/g, '')}"`;
}

/* eslint-enable no-control-regex */

function address(property: 'ORGANIZER' | 'ATTENDEE', who: CalendarAddress, extra: string[] = []): string {
  const params = [...(who.name !== undefined && who.name.trim() !== '' ? [`CN=${paramValue(who.name.trim())}`] : []), ...extra];
  return `${property}${params.map((p) => `;${p}`).join('')}:mailto:${who.email}`;
}

/** Folds a content line into chunks of at most 75 octets, continuation lines starting with a space. */
export function foldLine(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    // Never cut inside a UTF-8 sequence: back up while the next byte is a continuation byte.
    while (end < bytes.length && end > start && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1;
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
    limit = 74; // the leading space of a continuation line counts
  }
  return parts.join('\r\n ');
}

export function calendarEvent(event: CalendarEvent): string {
  const cancelled = event.method === 'CANCEL';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${event.method}`,
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${icsDateTime(event.stamp)}`,
    `DTSTART:${icsDateTime(event.start)}`,
    `DTEND:${icsDateTime(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.description !== undefined ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.location !== undefined ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.url !== undefined ? [`URL:${event.url}`] : []),
    address('ORGANIZER', event.organizer),
    address('ATTENDEE', event.attendee, ['ROLE=REQ-PARTICIPANT', 'PARTSTAT=NEEDS-ACTION', 'RSVP=FALSE']),
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** `Docket <no-reply@example.com>` → name and address; a bare address has no name. */
export function parseMailbox(value: string): CalendarAddress {
  const match = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+)>\s*$/.exec(value);
  if (match !== null) return { name: match[1] === '' ? undefined : match[1], email: match[2] ?? value.trim() };
  return { email: value.trim() };
}
