// Calling hours at a number's location: is an instant inside a daily window (08:00–21:00 by
// default, the TCPA's hours) in each of the number's time zones? Local time comes from Intl
// (the browser's own tz database), so daylight saving is whatever the zone's rules say.

/** A daily window in local time, minutes after midnight: [start, end). end < start spans midnight. */
export interface CallingWindow {
  start: number;
  end: number;
}

export const DEFAULT_WINDOW: CallingWindow = { start: 8 * 60, end: 21 * 60 };

/**
 * inside: inside the window in every zone; outside: outside it in at least one; unknown: the
 * number has no zone, or one Intl does not know (nothing can be said of its hours).
 */
export type HoursVerdict = 'inside' | 'outside' | 'unknown';

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(zone: string): Intl.DateTimeFormat | null {
  let format = formatters.get(zone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hour: 'numeric',
        minute: 'numeric',
        hourCycle: 'h23',
      });
    } catch {
      // RangeError: a zone this browser's tz database does not know.
      format = null;
    }
    formatters.set(zone, format);
  }
  return format;
}

/** Minutes after local midnight in `zone` at `instant`, or null for a zone Intl does not know. */
export function localMinutes(zone: string, instant: Date | number): number | null {
  const format = formatter(zone);
  if (format === null) return null;
  let hour = 0;
  let minute = 0;
  for (const part of format.formatToParts(instant)) {
    if (part.type === 'hour') hour = Number(part.value) % 24;
    else if (part.type === 'minute') minute = Number(part.value);
  }
  return hour * 60 + minute;
}

/** Whether local minutes fall in the window ([start, end), across midnight when end < start). */
export function inWindow(minutes: number, window: CallingWindow): boolean {
  if (window.start === window.end) return false;
  return window.start < window.end
    ? minutes >= window.start && minutes < window.end
    : minutes >= window.start || minutes < window.end;
}

/** Whether a number with these zones may be called at `instant`: every zone must be inside the window. */
export function callingHoursAt(
  zones: readonly string[],
  instant: Date | number,
  window: CallingWindow = DEFAULT_WINDOW,
): HoursVerdict {
  if (zones.length === 0) return 'unknown';
  let verdict: HoursVerdict = 'inside';
  for (const zone of zones) {
    const minutes = localMinutes(zone, instant);
    if (minutes === null) return 'unknown';
    if (!inWindow(minutes, window)) verdict = 'outside';
  }
  return verdict;
}

/** "08:00" -> 480; null for anything that is not a time of day ("24:00" is the end of the day). */
export function parseTimeOfDay(text: string): number | null {
  const match = /^\s*([01]?\d|2[0-4]):([0-5]\d)\s*$/.exec(text);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes > 24 * 60 ? null : minutes;
}

/** 480 -> "08:00". */
export function formatTimeOfDay(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/**
 * A window from two times of day, or why not: 'invalid' (not a time), 'empty' (start = end).
 */
export function parseWindow(start: string, end: string): CallingWindow | 'invalid' | 'empty' {
  const s = parseTimeOfDay(start);
  const e = parseTimeOfDay(end);
  if (s === null || e === null) return 'invalid';
  if (s % (24 * 60) === e % (24 * 60)) return 'empty';
  return { start: s % (24 * 60), end: e === 24 * 60 ? e : e % (24 * 60) };
}

/**
 * A local date-time without a zone ("2026-03-08T09:00:00", as the API writes a campaign's start),
 * read in this device's zone; null when it is not one.
 */
export function parseLocalDateTime(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  return Number.isNaN(date.getTime()) || date.getMonth() !== Number(mo) - 1 ? null : date;
}
