import { describe, expect, it } from 'vitest';
import { type CheckInSchedule, isDue, isQuietHour, nextCheckIn, sendHour } from './schedule.ts';
import { isoWeek, localParts, offsetMinutes, zonedInstant } from './zoned-time.ts';

const at = (iso: string) => new Date(iso);
const daily = (timeZone: string, extra: Partial<CheckInSchedule> = {}): CheckInSchedule => ({
  timeZone,
  hour: 9,
  frequency: 'daily',
  ...extra,
});

describe('zoned time from Intl offsets', () => {
  it('reads offsets either side of DST changes in three zones', () => {
    // Los Angeles springs forward on 8 March 2026, Berlin on 29 March; Tokyo has no DST.
    expect(offsetMinutes(at('2026-03-07T12:00:00Z'), 'America/Los_Angeles')).toBe(-480);
    expect(offsetMinutes(at('2026-03-09T12:00:00Z'), 'America/Los_Angeles')).toBe(-420);
    expect(offsetMinutes(at('2026-03-28T12:00:00Z'), 'Europe/Berlin')).toBe(60);
    expect(offsetMinutes(at('2026-03-30T12:00:00Z'), 'Europe/Berlin')).toBe(120);
    expect(offsetMinutes(at('2026-03-30T12:00:00Z'), 'Asia/Tokyo')).toBe(540);
  });

  it('finds the instant of a wall time, taking a skipped hour as after the gap', () => {
    const d = { year: 2026, month: 3, day: 8 };
    expect(zonedInstant(d, 9, 0, 'America/Los_Angeles').toISOString()).toBe('2026-03-08T16:00:00.000Z');
    expect(zonedInstant({ ...d, day: 7 }, 9, 0, 'America/Los_Angeles').toISOString()).toBe(
      '2026-03-07T17:00:00.000Z',
    );
    // 02:30 does not exist that morning: 03:30 PDT.
    expect(zonedInstant(d, 2, 30, 'America/Los_Angeles').toISOString()).toBe('2026-03-08T10:30:00.000Z');
    // 02:30 happens twice in Berlin on 25 October: the first one (CEST).
    expect(zonedInstant({ year: 2026, month: 10, day: 25 }, 2, 30, 'Europe/Berlin').toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('names ISO weeks across a year end', () => {
    expect(isoWeek({ year: 2026, month: 1, day: 1 })).toBe('2026-W01');
    expect(isoWeek({ year: 2027, month: 1, day: 1 })).toBe('2026-W53');
    expect(isoWeek({ year: 2026, month: 3, day: 8 })).toBe('2026-W10');
  });
});

describe('quiet hours', () => {
  it('wraps midnight and moves a quiet preferred hour to the morning', () => {
    expect(isQuietHour(22)).toBe(true);
    expect(isQuietHour(7)).toBe(true);
    expect(isQuietHour(8)).toBe(false);
    expect(isQuietHour(20)).toBe(false);
    expect(isQuietHour(13, { start: 12, end: 14 })).toBe(true);
    expect(sendHour(23)).toBe(8);
    expect(sendHour(18)).toBe(18);
  });
});

describe('next check-in', () => {
  it.each([
    ['America/Los_Angeles', '2026-03-07T12:00:00Z', '2026-03-07T17:00:00.000Z', '2026-03-08T16:00:00.000Z'],
    ['Europe/Berlin', '2026-03-28T06:00:00Z', '2026-03-28T08:00:00.000Z', '2026-03-29T07:00:00.000Z'],
    ['Asia/Tokyo', '2026-03-07T00:00:00Z', '2026-03-07T00:00:00.000Z', '2026-03-08T00:00:00.000Z'],
  ])('%s: at 09:00 local on both sides of the DST change', (zone, now, first, second) => {
    const one = nextCheckIn(daily(zone), at(now));
    expect(one.at.toISOString()).toBe(first);
    expect(localParts(one.at, zone).hour).toBe(9);
    const two = nextCheckIn(daily(zone, { lastPeriodKey: one.periodKey }), one.at);
    expect(two.at.toISOString()).toBe(second);
    expect(localParts(two.at, zone).hour).toBe(9);
    expect(two.periodKey).not.toBe(one.periodKey);
  });

  it('never falls inside quiet hours, hour by hour over three days in three zones', () => {
    for (const zone of ['America/Los_Angeles', 'Europe/Berlin', 'Asia/Tokyo']) {
      let last: string | null = null;
      const sent: string[] = [];
      for (let h = 0; h < 72; h += 1) {
        const now = new Date(Date.UTC(2026, 2, 27, h));
        const due = isDue(daily(zone, { hour: 23, lastPeriodKey: last }), now);
        if (!due) continue;
        expect(isQuietHour(localParts(now, zone).hour)).toBe(false);
        last = due.periodKey;
        sent.push(due.periodKey);
      }
      expect(new Set(sent).size).toBe(sent.length);
      expect(sent.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('sends a missed slot a little late, but not past the grace or once quiet hours begin', () => {
    const late = isDue(daily('Europe/Berlin'), at('2026-06-01T09:00:00Z'));
    expect(late?.at.toISOString()).toBe('2026-06-01T09:00:00.000Z');
    expect(isDue(daily('Europe/Berlin'), at('2026-06-01T13:00:00Z'))).toBeNull();
    expect(isDue(daily('Europe/Berlin', { hour: 20 }), at('2026-06-01T19:30:00Z'))).toBeNull();
    expect(isDue(daily('Europe/Berlin'), at('2026-06-01T20:00:00Z'))).toBeNull();
    expect(nextCheckIn(daily('Europe/Berlin'), at('2026-06-01T20:00:00Z')).at.toISOString()).toBe(
      '2026-06-02T07:00:00.000Z',
    );
  });

  it('sends once per period: nothing more that day after one went out', () => {
    const s = daily('Asia/Tokyo', { lastPeriodKey: '2026-06-01' });
    expect(isDue(s, at('2026-06-01T05:00:00Z'))).toBeNull();
    expect(nextCheckIn(s, at('2026-06-01T05:00:00Z')).periodKey).toBe('2026-06-02');
  });

  it('respects a snooze, resuming at the hour after it ends', () => {
    const s = daily('America/Los_Angeles', { snoozedUntil: at('2026-06-08T06:00:00Z') });
    expect(isDue(s, at('2026-06-01T16:00:00Z'))).toBeNull();
    expect(nextCheckIn(s, at('2026-06-01T16:00:00Z')).at.toISOString()).toBe('2026-06-08T16:00:00.000Z');
  });

  it('weekly on Sundays and monthly keys', () => {
    const sunday = nextCheckIn(
      { timeZone: 'Europe/Berlin', hour: 10, frequency: 'weekly', weekday: 0 },
      at('2026-03-25T12:00:00Z'),
    );
    // Sunday 29 March is the spring-forward day in Berlin: 10:00 CEST.
    expect(sunday).toEqual({ at: at('2026-03-29T08:00:00Z'), periodKey: '2026-W13' });
    const monthly = nextCheckIn(
      { timeZone: 'Asia/Tokyo', hour: 9, frequency: 'monthly', lastPeriodKey: '2026-03' },
      at('2026-03-10T00:00:00Z'),
    );
    expect(monthly).toEqual({ at: at('2026-04-01T00:00:00Z'), periodKey: '2026-04' });
  });
});
