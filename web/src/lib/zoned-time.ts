/**
 * Wall-clock times in a named time zone, with nothing but Intl: the dashboard books "9:00 in
 * Europe/Kyiv" and the API stores the instant. A time that does not exist in the zone (the
 * hour skipped when clocks go forward) is refused rather than silently moved.
 */

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(timeZone, format);
  }
  return format;
}

function wallClock(instant: number, timeZone: string): { date: string; time: string; asUtc: number } {
  const parts = partsFormat(timeZone).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  const [y, mo, d, h, mi, s] = ['year', 'month', 'day', 'hour', 'minute', 'second'].map(get) as [string, string, string, string, string, string];
  return { date: `${y}-${mo}-${d}`, time: `${h}:${mi}`, asUtc: Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) };
}

/** The zone's offset from UTC at that instant, in milliseconds. */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  return wallClock(instant, timeZone).asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * `2026-11-02` + `09:00` in `Europe/Kyiv` → `2026-11-02T07:00:00.000Z`. Null when the date or
 * time is malformed or that time does not exist there; of two (clocks going back) the earlier.
 */
export function zonedToUtc(date: string, time: string, timeZone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (d === null || t === null) return null;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  if (Number.isNaN(wall)) return null;
  const first = wall - zoneOffsetMs(wall, timeZone);
  const candidates = [...new Set([first, wall - zoneOffsetMs(first, timeZone), wall - zoneOffsetMs(wall - 86_400_000, timeZone), wall - zoneOffsetMs(wall + 86_400_000, timeZone)])];
  const matching = candidates.filter((c) => {
    const back = wallClock(c, timeZone);
    return back.date === date && back.time === time;
  });
  if (matching.length === 0) return null;
  return new Date(Math.min(...matching)).toISOString();
}

/** An instant as date and time fields in the zone. */
export function utcToZoned(iso: string, timeZone: string): { date: string; time: string } {
  const { date, time } = wallClock(new Date(iso).getTime(), timeZone);
  return { date, time };
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * Current names that `Intl.supportedValuesOf` lists under their old spelling (it lists ICU's
 * canonical ids: Europe/Kiev, Asia/Calcutta …), though every browser accepts them.
 */
const CURRENT_NAMES = [
  'Europe/Kyiv',
  'Asia/Kolkata',
  'Asia/Ho_Chi_Minh',
  'Asia/Kathmandu',
  'Asia/Yangon',
  'America/Nuuk',
  'Atlantic/Faroe',
  'Pacific/Kanton',
  'America/Argentina/Buenos_Aires',
];

export function isValidTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Every zone the browser knows, UTC first, with current names and any given ones it does not list. */
export function timeZoneOptions(extra: readonly string[] = []): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const all = new Set<string>([...known, ...CURRENT_NAMES.filter(isValidTimeZone), ...extra.filter((z) => z !== '')]);
  all.delete('UTC');
  return ['UTC', ...[...all].sort()];
}

const displayFormats = new Map<string, Intl.DateTimeFormat>();

/** "Mon, Nov 2, 2026, 9:00 AM GMT+2" in the zone. */
export function formatInZone(iso: string, timeZone: string): string {
  let format = displayFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(undefined, {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'shortOffset',
    });
    displayFormats.set(timeZone, format);
  }
  return format.format(new Date(iso));
}
