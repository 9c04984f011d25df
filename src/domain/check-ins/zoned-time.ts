/**
 * Pure: wall-clock time in an IANA time zone, from the platform's Intl data (no dependency). Offsets are read
 * per instant, so days that are 23 or 25 hours long (DST changes) come out right.
 */

/** A civil date: what a calendar on the wall shows, with no zone. */
export type CivilDate = { year: number; month: number; day: number };

export type LocalParts = CivilDate & { hour: number; minute: number /** 0 = Sunday */; weekday: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone: callers validate zones where they are stored.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function localParts(instant: Date, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0 } = parts;
  return { year, month, day, hour, minute, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay() };
}

/** Minutes the zone is ahead of UTC at that instant (Berlin in summer: 120). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The instant a wall clock in the zone shows date and hour:minute. A time skipped by a spring-forward change
 * (02:30 in Los Angeles on the change day) is taken as the same span after the gap (03:30); a time shown twice
 * in autumn is its first occurrence.
 */
export function zonedInstant(date: CivilDate, hour: number, minute: number, timeZone: string): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  // Offsets a day either side bracket any change on this date.
  const before = offsetMinutes(new Date(wall - 86_400_000), timeZone);
  const after = offsetMinutes(new Date(wall + 86_400_000), timeZone);
  const candidates = [wall - before * 60_000, wall - after * 60_000].sort((a, b) => a - b);
  for (const c of candidates) {
    const p = localParts(new Date(c), timeZone);
    if (p.day === date.day && p.hour === hour && p.minute === minute) return new Date(c);
  }
  // In the gap: the wall time read with the offset before the change lands after the gap.
  return new Date(wall - before * 60_000);
}

export function addDays(date: CivilDate, days: number): CivilDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function weekdayOf(date: CivilDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export const isoDate = (d: CivilDate) => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;

/** ISO 8601 week ("2026-W10"): weeks start on Monday; the week belongs to the year of its Thursday. */
export function isoWeek(date: CivilDate): string {
  const weekday = weekdayOf(date) || 7;
  const thursday = addDays(date, 4 - weekday);
  const jan1 = Date.UTC(thursday.year, 0, 1);
  const dayOfYear = Math.round(
    (Date.UTC(thursday.year, thursday.month - 1, thursday.day) - jan1) / 86_400_000,
  );
  return `${pad(thursday.year, 4)}-W${pad(Math.floor(dayOfYear / 7) + 1)}`;
}

/** Whole days from a to b (civil dates; no zone, so no DST). */
export function daysBetween(a: CivilDate, b: CivilDate): number {
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000,
  );
}

export function parseIsoDate(text: string): CivilDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!m) throw new RangeError(`not an ISO date: ${text}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}
