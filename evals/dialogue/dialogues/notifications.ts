import type { DialogueSpec } from '../types.ts';

/**
 * Notification preferences said in chat (issue 15): the notificationPreferences tool is called with the
 * fields said, the stored preferences change to match, and the reply says in a sentence what changed. A
 * bare STOP on SMS stays the carrier keyword; planning messages never touch the preferences.
 */
const STOPPED = [/unsubscribed/i, /no more messages/i];
const prefs = (matches: RegExp) => ({
  called: ['notificationPreferences'],
  args: [{ tool: 'notificationPreferences', matches }],
});

export const notifications: DialogueSpec[] = [
  {
    id: 'notify-sms-sundays',
    title: 'text me on Sundays at 6pm, stop, resume, then a bare STOP (carrier keyword)',
    theme: 'notifications',
    channel: 'sms',
    user: 'PRO',
    turns: [
      {
        say: 'text me on Sundays at 6pm',
        tools: prefs(/"weekday":0/),
        says: [/Check-ins will come by text on Sundays at 6 pm/],
        preferences: { channel: 'sms', weekday: 0, localHour: 18, frequency: 'weekly', optedOut: false },
      },
      {
        say: 'stop reminders',
        tools: prefs(/"optedOut":true/),
        says: [/Check-ins are off/, /resume reminders/],
        saysNot: STOPPED,
        preferences: { optedOut: true, weekday: 0, localHour: 18 },
      },
      {
        say: 'resume reminders',
        tools: prefs(/"optedOut":false/),
        says: [/back on/, /Sundays at 6 pm/],
        preferences: { optedOut: false, weekday: 0 },
      },
      { say: 'stop', saysOneOf: STOPPED, tools: { none: true } },
    ],
    end: { preferences: { channel: 'sms', weekday: 0, localHour: 18, optedOut: false } },
  },
  {
    id: 'notify-sms-zone-from-household',
    title: 'a Tampa household asking for 6pm gets 6 pm in Tampa, not UTC',
    theme: 'notifications',
    channel: 'sms',
    user: 'PRO',
    turns: [
      {
        say: '2 adults in Tampa FL',
        plan: { exists: true, state: 'FL' },
        tools: { notCalled: ['notificationPreferences'] },
      },
      {
        say: 'Text me on Saturdays at 6pm',
        tools: prefs(/"localHour":18/),
        says: [/Saturdays at 6 pm New York time/],
        preferences: { weekday: 6, localHour: 18, timeZone: 'America/New_York' },
      },
    ],
  },
  {
    id: 'notify-telegram-channel-and-window',
    title: 'send reminders by telegram; remind me 2 weeks before things expire',
    theme: 'notifications',
    channel: 'telegram',
    user: 'PRO',
    turns: [
      {
        say: 'send reminders by telegram',
        tools: prefs(/"channel":"telegram"/),
        says: [/Check-ins will come on Telegram/],
        preferences: { channel: 'telegram' },
      },
      {
        say: 'remind me 2 weeks before things expire',
        tools: prefs(/"windowDays":14/),
        says: [/within 14 days/],
        preferences: { windowDays: 14, channel: 'telegram' },
      },
    ],
    end: { preferences: { channel: 'telegram', windowDays: 14, optedOut: false, weekday: null } },
  },
  {
    id: 'notify-web-free-tier',
    title: 'on Free the preference is kept, and the reply says check-ins come with Pro',
    theme: 'notifications',
    channel: 'web',
    user: 'FREE',
    turns: [
      {
        say: 'remind me 2 weeks before things expire',
        tools: prefs(/"windowDays":14/),
        says: [/within 14 days/, /Pro plan/, /\/pricing/],
        preferences: { windowDays: 14 },
      },
      {
        say: 'stop reminders',
        tools: prefs(/"optedOut":true/),
        says: [/off/],
        saysNot: [/Pro plan/],
        preferences: { optedOut: true },
      },
      { say: 'resume reminders', tools: prefs(/"optedOut":false/), preferences: { optedOut: false } },
    ],
  },
  {
    id: 'notify-planning-is-not-a-preference',
    title: 'ordinary planning and inventory messages never change the preferences',
    theme: 'notifications',
    channel: 'web',
    turns: [
      {
        say: 'I live in Tampa, 2 adults',
        tools: { notCalled: ['notificationPreferences'] },
        household: { location: /Tampa/, memberCount: 2 },
        preferences: { untouched: true },
      },
      {
        say: 'we have 3 flashlights and 2 cases of water',
        tools: { notCalled: ['notificationPreferences'] },
        preferences: { untouched: true },
      },
      {
        say: 'make it 2 weeks',
        tools: { notCalled: ['notificationPreferences'] },
        preferences: { untouched: true },
      },
    ],
    end: { preferences: { untouched: true } },
  },
  {
    id: 'notify-sms-planning-untouched',
    title: 'on SMS, a household and a plan request leave the preferences alone',
    theme: 'notifications',
    channel: 'sms',
    turns: [
      {
        say: 'I live in Tampa, 2 adults',
        tools: { notCalled: ['notificationPreferences'] },
        preferences: { untouched: true },
      },
      {
        say: 'text me the plan',
        tools: { notCalled: ['notificationPreferences'] },
        preferences: { untouched: true },
      },
    ],
  },
];
