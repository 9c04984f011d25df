import { isQuietHour, parseWeekday, sendHour, WEEKDAY_NAMES } from '../../domain/check-ins/index.ts';
import type { Channel } from './replies.ts';

/**
 * Notification preferences said in chat: "text me on Sundays at 6pm", "stop reminders", "send reminders by
 * telegram", "remind me 2 weeks before things expire", "resume reminders". The text is already normalized
 * (lower case, number words as digits). Only a message that names reminders (or asks to be texted, messaged
 * or e-mailed on a schedule) and says what to change counts; "I live in Tampa, 2 adults" never does. A bare
 * "stop" is not one: on SMS it is the carrier keyword, handled before any model.
 */
export type PreferenceEdit = {
  messageType: 'check_in' | 'call_reminder' | 'product_news';
  channel?: 'sms' | 'telegram' | 'email';
  localHour?: number;
  weekday?: number;
  frequency?: 'daily' | 'weekly' | 'monthly';
  windowDays?: number;
  optedOut?: boolean;
};

const REMINDER_WORDS =
  /\b(reminders?|remind me|check-?ins?|notifications?|alerts?|expiry (messages|texts)|call reminders?|product news)\b/;
const CONTACT_ME = /\b(text|message|msg|email|e-mail|telegram|ping|notify) me\b/;
const OFF =
  /\b(stop|pause|turn off|switch off|disable|mute|no more|don'?t send( me)?|unsubscribe( me)? from|opt out of|cancel)\b/;
const ON =
  /\b(resume|restart|turn (back )?on|switch (back )?on|enable|start( sending)?( me)? again|unpause|unmute|start)\b/;
const DAY = /\b(?:on |every )?(sun|mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?)(?:day)?s?\b/;
const TIME = /\b(?:at |around |by )?(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|o'?clock)?\b/g;

function hourOf(t: string): number | undefined {
  if (/\bnoon\b/.test(t)) return 12;
  if (/\bmidnight\b/.test(t)) return 0;
  TIME.lastIndex = 0;
  for (let m = TIME.exec(t); m !== null; m = TIME.exec(t)) {
    const before = t.slice(0, m.index);
    const said = m[0];
    const meridiem = (m[3] ?? '').replace(/\./g, '');
    // A time needs "at"/"around" or am/pm: "2 weeks", "14 days" and "2 adults" are not times.
    if (!/^(at|around|by) /.test(said) && !/^(am|pm)$/.test(meridiem)) continue;
    if (/\d\s*$/.test(before)) continue;
    let hour = Number(m[1]);
    if (hour > 23) continue;
    if (meridiem === 'pm' && hour < 12) hour += 12;
    else if (meridiem === 'am' && hour === 12) hour = 0;
    // "at 6" with no am/pm: evenings for 1–6 (nobody asks for 3 in the night), mornings from 7.
    else if (!/^(am|pm)$/.test(meridiem) && hour >= 1 && hour <= 6) hour += 12;
    return hour;
  }
  return undefined;
}

function windowOf(t: string): number | undefined {
  const m =
    /\b(\d+|a|an|one)\s*(days?|weeks?|months?)\s*(before|ahead|in advance|out|early|prior)\b/.exec(t) ??
    /\bwithin (\d+|a|an|one)\s*(days?|weeks?|months?)\b/.exec(t);
  if (!m) return undefined;
  const n = /^\d+$/.test(m[1] ?? '') ? Number(m[1]) : 1;
  const days = m[2]?.startsWith('week') ? n * 7 : m[2]?.startsWith('month') ? n * 30 : n;
  return days >= 1 && days <= 365 ? days : undefined;
}

export function parsePreferenceEdit(t: string): PreferenceEdit | null {
  const namesReminders = REMINDER_WORDS.test(t);
  if (!namesReminders && !CONTACT_ME.test(t)) return null;
  const messageType: PreferenceEdit['messageType'] = /\bcall reminders?\b|\b(expert )?calls?\b/.test(t)
    ? 'call_reminder'
    : /\bproduct news\b|\bnewsletter\b|\bdeals?\b/.test(t)
      ? 'product_news'
      : 'check_in';
  const edit: PreferenceEdit = { messageType };
  if (/\b(text|sms|texts|text messages?)\b/.test(t) && !/\btelegram\b/.test(t)) edit.channel = 'sms';
  if (/\btelegram\b/.test(t)) edit.channel = 'telegram';
  if (/\b(e-?mail)\b/.test(t)) edit.channel = 'email';
  const day = DAY.exec(t);
  const weekday = day ? parseWeekday(day[1] ?? '') : undefined;
  if (typeof weekday === 'number') edit.weekday = weekday;
  const hour = hourOf(t);
  if (hour !== undefined) edit.localHour = hour;
  if (/\b(daily|every ?day|each day|once a day)\b/.test(t)) edit.frequency = 'daily';
  else if (/\b(weekly|every week|once a week|each week)\b/.test(t) || edit.weekday !== undefined)
    edit.frequency = 'weekly';
  else if (/\b(monthly|every month|once a month|each month)\b/.test(t)) edit.frequency = 'monthly';
  const window = windowOf(t);
  if (window !== undefined) edit.windowDays = window;
  if (namesReminders && OFF.test(t)) edit.optedOut = true;
  else if (namesReminders && ON.test(t)) edit.optedOut = false;
  // "text me" alone ("text me the plan") is not a preference: it must say when, how often or what.
  const fields = Object.keys(edit).filter((k) => k !== 'messageType');
  if (fields.length === 0) return null;
  if (!namesReminders && fields.every((k) => k === 'channel')) return null;
  return edit;
}

type Saved = {
  messageType?: string;
  channel?: string | null;
  localHour?: number;
  weekday?: number | null;
  timeZone?: string;
  frequency?: string;
  windowDays?: number;
  optedOut?: boolean;
};

const TYPE_NAMES: Record<string, string> = {
  check_in: 'Check-ins',
  call_reminder: 'Call reminders',
  product_news: 'Product news',
};
const CHANNEL_WORDS: Record<string, string> = {
  sms: 'by text',
  telegram: 'on Telegram',
  email: 'by e-mail',
};

export function hourText(hour: number): string {
  if (hour === 0) return 'midnight';
  if (hour === 12) return 'noon';
  return hour < 12 ? `${hour} am` : `${hour - 12} pm`;
}

/** "New York time" for America/New_York; "UTC" until a zone is known. */
function zoneText(timeZone: string | undefined): string {
  if (!timeZone || timeZone === 'UTC') return 'UTC';
  return `${(timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ')} time`;
}

function whenText(p: Saved): string {
  // A preferred hour inside quiet hours (21:00–08:00) goes out when they end: say so rather than promise it.
  const quiet = p.localHour !== undefined && isQuietHour(p.localHour);
  const hour =
    p.localHour === undefined
      ? ''
      : ` at ${hourText(quiet ? sendHour(p.localHour) : p.localHour)} ${zoneText(p.timeZone)}${quiet ? ` (${hourText(p.localHour)} is inside quiet hours)` : ''}`;
  const zone = '';
  if (p.messageType === 'call_reminder') return '24 hours and 1 hour before each call';
  if (p.frequency === 'weekly')
    return `${p.weekday != null ? `on ${WEEKDAY_NAMES[p.weekday]}s` : 'once a week'}${hour}${zone}`;
  if (p.frequency === 'monthly') return `once a month${hour}${zone}`;
  return `every day${hour}${zone}`;
}

/** The reply to a saved preference: one sentence saying what now happens, and what stands in its way. */
export function preferenceReply(out: Record<string, unknown>, channel: Channel, publicUrl: string): string {
  const p = (out.preference ?? {}) as Saved;
  const changed = new Set((out.changed ?? []) as string[]);
  const name = TYPE_NAMES[p.messageType ?? 'check_in'] ?? 'Reminders';
  const how = p.channel && p.channel in CHANNEL_WORDS ? ` ${CHANNEL_WORDS[p.channel]}` : '';
  const listing =
    p.messageType === 'check_in' && p.windowDays !== undefined
      ? `, listing what expires within ${p.windowDays} days`
      : '';
  let text: string;
  if (changed.has('optedOut') && p.optedOut) {
    text = `${name} are off: you won't get them until you say "resume reminders".`;
  } else if (changed.has('optedOut')) {
    text = `${name} are back on: they will come${how} ${whenText(p)}${listing}.`;
  } else {
    text =
      changed.size === 1 && changed.has('windowDays')
        ? `${name} will now list what expires within ${p.windowDays} days.`
        : `${name} will come${how} ${whenText(p)}${changed.has('windowDays') ? listing : ''}.`;
    if (p.optedOut) text += ' They are paused now; say "resume reminders" to turn them back on.';
  }
  const notes: string[] = [];
  const reachable = (out.reachable ?? null) as string[] | null;
  if (!p.optedOut && p.channel && reachable && !reachable.includes(p.channel)) {
    notes.push(
      p.channel === 'email'
        ? 'E-mail is not available here, so they will come on a linked chat or number instead.'
        : `Link your ${p.channel === 'sms' ? 'phone number' : 'Telegram chat'} on your account page so they can reach you.`,
    );
  }
  if (out.entitled === false && !p.optedOut) {
    const path = String(out.upgradePath ?? '/pricing');
    const link = channel === 'web' ? `[see plans](${path})` : `${publicUrl}${path}`;
    notes.push(
      `Expiry check-ins are part of the ${String(out.requiredTier ?? 'Pro')} plan, so none are sent on this account yet (${link}).`,
    );
  }
  return [text, ...notes].join(' ');
}
