import ICAL from 'ical.js';

/** A calendar invitation read back with an independent RFC 5545 parser (Mozilla's ical.js). */
export interface ParsedInvite {
  method: string;
  uid: string;
  sequence: number;
  start: string;
  end: string;
  /** Both times are UTC (`…Z`), with no TZID. */
  utc: boolean;
  status: string;
  summary: string;
  description: string;
  organizer: string;
  organizerName: string | null;
  attendee: string;
  attendeeName: string | null;
}

export function parseInvite(text: string): ParsedInvite {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent');
  if (events.length !== 1) throw new Error(`expected one VEVENT, found ${events.length}`);
  const event = events[0] as ICAL.Component;
  const start = event.getFirstPropertyValue('dtstart') as ICAL.Time;
  const end = event.getFirstPropertyValue('dtend') as ICAL.Time;
  const organizer = event.getFirstProperty('organizer');
  const attendee = event.getFirstProperty('attendee');
  const param = (property: ICAL.Property | null, name: string): string | null => {
    const value = property?.getParameter(name);
    return typeof value === 'string' ? value : null;
  };
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    uid: String(event.getFirstPropertyValue('uid')),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    start: start.toJSDate().toISOString(),
    end: end.toJSDate().toISOString(),
    utc: start.zone?.tzid === 'UTC' && end.zone?.tzid === 'UTC' && event.getFirstProperty('dtstart')?.getParameter('tzid') === undefined,
    status: String(event.getFirstPropertyValue('status')),
    summary: String(event.getFirstPropertyValue('summary')),
    description: String(event.getFirstPropertyValue('description') ?? ''),
    organizer: String(organizer?.getFirstValue() ?? ''),
    organizerName: param(organizer, 'cn'),
    attendee: String(attendee?.getFirstValue() ?? ''),
    attendeeName: param(attendee, 'cn'),
  };
}
