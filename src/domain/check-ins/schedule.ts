import {
  addDays,
  type CivilDate,
  isoDate,
  isoWeek,
  localParts,
  weekdayOf,
  zonedInstant,
} from './zoned-time.ts';

/**
 * Pure: when a user's next check-in goes out. One check-in per period (a local day, ISO week or month), at the
 * user's hour in their zone, never inside quiet hours. The clock is passed in.
 */

export const checkInFrequencies = ['daily', 'weekly', 'monthly'] as const;
export type CheckInFrequency = (typeof checkInFrequencies)[number];

/** Local hours; start > end wraps midnight (21–8 is 21:00 to 08:00 the next morning). */
export type QuietHours = { start: number; end: number };
export const DEFAULT_QUIET_HOURS: QuietHours = { start: 21, end: 8 };

export type CheckInSchedule = {
  timeZone: string;
  /** Preferred local hour, 0–23. */
  hour: number;
  quietHours?: QuietHours;
  frequency: CheckInFrequency;
  /** Weekly only: 0 = Sunday ("text me on Sundays"); unset means any day of the week. */
  weekday?: number | null;
  snoozedUntil?: Date | null;
  /** The period key of the last check-in sent (or queued); that period gets no second one. */
  lastPeriodKey?: string | null;
  /** How late a missed slot may still go out the same day (the scan was down); default 3 hours. */
  graceMinutes?: number;
};

export type NextCheckIn = { at: Date; periodKey: string };

export function isQuietHour(hour: number, quiet: QuietHours = DEFAULT_QUIET_HOURS): boolean {
  if (quiet.start === quiet.end) return false;
  return quiet.start < quiet.end
    ? hour >= quiet.start && hour < quiet.end
    : hour >= quiet.start || hour < quiet.end;
}

/** The hour actually used: a preferred hour inside quiet hours moves to the end of them (the morning). */
export function sendHour(hour: number, quiet: QuietHours = DEFAULT_QUIET_HOURS): number {
  return isQuietHour(hour, quiet) ? quiet.end : hour;
}

export function periodKey(date: CivilDate, frequency: CheckInFrequency): string {
  if (frequency === 'daily') return isoDate(date);
  if (frequency === 'weekly') return isoWeek(date);
  return isoDate(date).slice(0, 7);
}

// Long enough to reach a given weekday in a month that has not had its check-in yet.
const SEARCH_DAYS = 70;

export const DEFAULT_GRACE_MINUTES = 180;

/**
 * The next instant a check-in may go out, and its period. If this period's slot passed without one a short
 * while ago (the scan was down) and it is not quiet now, the answer is now: a little late beats a day late.
 * Past the grace it waits for the next slot, so a new user's first check-in still comes at their hour.
 */
export function nextCheckIn(s: CheckInSchedule, now: Date): NextCheckIn {
  const quiet = s.quietHours ?? DEFAULT_QUIET_HOURS;
  const hour = sendHour(s.hour, quiet);
  const earliest = s.snoozedUntil && s.snoozedUntil > now ? s.snoozedUntil : now;
  const start = localParts(earliest, s.timeZone);
  for (let i = 0; i < SEARCH_DAYS; i += 1) {
    const day = addDays(start, i);
    if (s.frequency === 'weekly' && s.weekday != null && weekdayOf(day) !== s.weekday) continue;
    const key = periodKey(day, s.frequency);
    if (key === s.lastPeriodKey) continue;
    const slot = zonedInstant(day, hour, 0, s.timeZone);
    if (slot >= earliest) return { at: slot, periodKey: key };
    const late = earliest.getTime() - slot.getTime();
    const grace = (s.graceMinutes ?? DEFAULT_GRACE_MINUTES) * 60_000;
    if (i === 0 && late <= grace && !isQuietHour(start.hour, quiet)) return { at: earliest, periodKey: key };
  }
  throw new RangeError(`no check-in slot within ${SEARCH_DAYS} days`);
}

/** Due now: the next slot has come. The scan asks this for every candidate. */
export function isDue(s: CheckInSchedule, now: Date): NextCheckIn | null {
  const next = nextCheckIn(s, now);
  return next.at <= now ? next : null;
}
