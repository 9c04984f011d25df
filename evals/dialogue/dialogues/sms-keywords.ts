import type { DialogueSpec } from '../types.ts';
import { opening } from './common.ts';

/** STOP / START / HELP and their usual synonyms, recognised by the core before the model. */
const STOPPED = [
  /unsubscribed/i,
  /opted out/i,
  /won'?t (text|message|send)/i,
  /no (more|further) (messages|texts)/i,
  /stopped/i,
];
const RESUMED = [
  /resubscribed/i,
  /subscribed again/i,
  /welcome back/i,
  /opted (back )?in/i,
  /you'?re back/i,
  /will (text|message)/i,
];

export const smsKeywords: DialogueSpec[] = [
  {
    id: 'sms-stop',
    title: 'STOP is honoured',
    theme: 'sms-keyword',
    channel: 'sms',
    issue: 'SMS STOP gets "Sorry, I did not catch that"',
    turns: [{ say: 'STOP', saysOneOf: STOPPED, says: [/START/], tools: { none: true } }],
  },
  {
    id: 'sms-help',
    title: 'HELP says what this is and how to stop',
    theme: 'sms-keyword',
    channel: 'sms',
    turns: [{ say: 'HELP', says: [/ReadyPlan/i, /STOP/], tools: { none: true } }],
  },
  {
    id: 'sms-stop-then-start',
    title: 'stop, then START, after a plan',
    theme: 'sms-keyword',
    channel: 'sms',
    turns: [
      opening('2 adults in charleston sc $200'),
      { say: 'stop', saysOneOf: STOPPED, tools: { none: true } },
      { say: 'START', saysOneOf: RESUMED, tools: { none: true } },
    ],
    end: { plan: { exists: true, state: 'SC' } },
  },
  {
    id: 'sms-unsubscribe-synonym',
    title: 'UNSUBSCRIBE works like STOP',
    theme: 'sms-keyword',
    channel: 'sms',
    turns: [{ say: 'Unsubscribe', saysOneOf: STOPPED, tools: { none: true } }],
  },
];
