import { describe, expect, it } from 'vitest';
import { preferencesGate } from './expected-gates.ts';
import type { Snapshot } from './snapshot.ts';

const defaults = (messageType: 'check_in' | 'call_reminder' | 'product_news') => ({
  userId: 'u',
  messageType,
  channel: null,
  localHour: 9,
  weekday: null as number | null,
  timeZone: 'UTC',
  windowDays: 30,
  frequency: 'weekly',
  optedOut: false,
  quietStart: '21:00:00',
  quietEnd: '08:00:00',
  snoozedUntil: null,
});
const snap = (checkIn: Partial<ReturnType<typeof defaults>>): Snapshot =>
  ({
    preferences: [
      { ...defaults('check_in'), ...checkIn },
      defaults('call_reminder'),
      defaults('product_news'),
    ],
  }) as unknown as Snapshot;

describe('preferences gate', () => {
  it('passes what was stored and fails what was not', () => {
    expect(preferencesGate('t1', { messageType: 'check_in', weekday: 0 }, snap({ weekday: 0 })).pass).toBe(
      true,
    );
    const wrong = preferencesGate(
      't1',
      { messageType: 'check_in', weekday: 0, channel: 'sms' },
      snap({ weekday: 1 }),
    );
    expect(wrong).toMatchObject({
      pass: false,
      detail: expect.stringMatching(/channel is null, expected sms; check_in weekday is 1, expected 0/),
    });
  });

  it('untouched fails on any change to any message type', () => {
    expect(preferencesGate('end', { messageType: 'check_in', untouched: true }, snap({})).pass).toBe(true);
    expect(
      preferencesGate('end', { messageType: 'check_in', untouched: true }, snap({ optedOut: true })).pass,
    ).toBe(false);
  });
});
