/**
 * IANA time zones through Intl, which is what the runtime can actually render. A zone is valid
 * when a DateTimeFormat can be built for it: `Intl.supportedValuesOf('timeZone')` lists only
 * canonical names and misses valid ones such as Europe/Kyiv or Asia/Kolkata.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

export function isValidTimeZone(name: string): boolean {
  if (name === '' || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function format(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}\n${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, ...options });
    if (formats.size > 1000) formats.clear();
    formats.set(key, f);
  }
  return f;
}

/** The zone's offset at that instant, as people read it: "GMT+3", "GMT-4", "GMT+5:30", "GMT". */
export function offsetName(date: Date, timeZone: string): string {
  return format(timeZone, { timeZoneName: 'shortOffset' }).formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/**
 * An instant as the participant reads it in their zone, with the zone and its offset on that
 * date (so a clock change between booking and interview shows): "Sunday, March 29, 2026 at
 * 10:00 AM (Europe/Kyiv, GMT+3)".
 */
export function formatInTimeZone(date: Date, timeZone: string): string {
  const local = format(timeZone, { dateStyle: 'full', timeStyle: 'short' }).format(date);
  return `${local} (${timeZone}, ${offsetName(date, timeZone)})`;
}
