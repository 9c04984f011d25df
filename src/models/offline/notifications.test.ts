import { describe, expect, it } from 'vitest';
import { classify } from './intent.ts';
import { parsePreferenceEdit, preferenceReply } from './notifications.ts';
import { normalizeText } from './numbers.ts';

const edit = (text: string) => parsePreferenceEdit(normalizeText(text));

describe('notification preferences said in chat', () => {
  it('reads the fields people say', () => {
    expect(edit('text me on Sundays at 6pm')).toEqual({
      messageType: 'check_in',
      channel: 'sms',
      weekday: 0,
      localHour: 18,
      frequency: 'weekly',
    });
    expect(edit('stop reminders')).toEqual({ messageType: 'check_in', optedOut: true });
    expect(edit('resume reminders')).toEqual({ messageType: 'check_in', optedOut: false });
    expect(edit('send reminders by telegram')).toEqual({ messageType: 'check_in', channel: 'telegram' });
    expect(edit('Remind me two weeks before things expire')).toEqual({
      messageType: 'check_in',
      windowDays: 14,
    });
    expect(edit('send me check-ins every day at 8am')).toMatchObject({ frequency: 'daily', localHour: 8 });
    expect(edit('pause call reminders')).toEqual({ messageType: 'call_reminder', optedOut: true });
    expect(edit('email me monthly at noon')).toMatchObject({
      channel: 'email',
      frequency: 'monthly',
      localHour: 12,
    });
  });

  it('leaves planning, inventory, questions and a bare stop alone', () => {
    for (const text of [
      'I live in Tampa, 2 adults',
      'text me the plan',
      'stop',
      'make it 2 weeks',
      'remind me to buy water',
      'can you remind me?',
      'we have 3 flashlights',
    ])
      expect(classify(text).kind, text).not.toBe('notifications');
  });

  it('says what changed in a sentence, and what stands in its way', () => {
    const saved = {
      messageType: 'check_in',
      channel: 'sms',
      localHour: 18,
      weekday: 0,
      timeZone: 'America/New_York',
      frequency: 'weekly',
      windowDays: 30,
      optedOut: false,
    };
    expect(
      preferenceReply(
        {
          changed: ['channel', 'weekday', 'localHour', 'frequency'],
          preference: saved,
          entitled: true,
          reachable: ['sms'],
        },
        'sms',
        'https://x.test',
      ),
    ).toBe('Check-ins will come by text on Sundays at 6 pm New York time.');
    expect(
      preferenceReply(
        {
          changed: ['localHour'],
          preference: { ...saved, localHour: 23, timeZone: 'UTC' },
          entitled: false,
          requiredTier: 'Pro',
          upgradePath: '/pricing',
          reachable: [],
        },
        'sms',
        'https://x.test',
      ),
    ).toBe(
      'Check-ins will come by text on Sundays at 8 am UTC (11 pm is inside quiet hours). Link your phone number on your account page so they can reach you. Expiry check-ins are part of the Pro plan, so none are sent on this account yet (https://x.test/pricing).',
    );
    expect(
      preferenceReply(
        { changed: ['windowDays'], preference: { ...saved, optedOut: true, windowDays: 14 } },
        'web',
        '',
      ),
    ).toBe(
      'Check-ins will now list what expires within 14 days. They are paused now; say "resume reminders" to turn them back on.',
    );
  });
});
