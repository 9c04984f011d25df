import type { DialogueSpec } from '../types.ts';
import { opening, TAMPA_FAMILY } from './common.ts';

/** Thanks, greetings, jokes and off-topic questions get a short friendly reply, never "didn't catch that". */
const NO_WORK = ['updateHousehold', 'buildPlan', 'savePlan', 'searchGuidance'];

export const smallTalk: DialogueSpec[] = [
  {
    id: 'small-looks-good-thanks',
    title: '"Looks good, thanks!" after a plan',
    theme: 'small-talk',
    channel: 'web',
    issue: '"Looks good, thanks!" → "Sorry, I didn\'t catch that."',
    turns: [
      opening(TAMPA_FAMILY),
      {
        say: 'Looks good, thanks!',
        saysOneOf: [/welcome/i, /glad/i, /happy to help/i, /anytime/i, /great/i],
        maxChars: 400,
        tools: { notCalled: NO_WORK },
      },
    ],
  },
  {
    id: 'small-thx-sms',
    title: '"thx!" by SMS after a plan',
    theme: 'small-talk',
    channel: 'sms',
    turns: [
      opening('2 adults in mobile al, $200'),
      { say: 'thx!', maxChars: 300, tools: { notCalled: NO_WORK } },
    ],
  },
  {
    id: 'small-tell-me-a-joke',
    title: '"tell me a joke" gets a light reply, not heat illness',
    theme: 'small-talk',
    channel: 'telegram',
    issue: '"tell me a joke" → heat illness',
    turns: [
      {
        say: 'tell me a joke',
        saysNot: [/heat (illness|stroke|exhaustion)/i],
        maxChars: 500,
        tools: { notCalled: NO_WORK },
      },
    ],
  },
  {
    id: 'small-hi',
    title: '"hi" by SMS: a short welcome that asks what it needs',
    theme: 'small-talk',
    channel: 'sms',
    turns: [
      {
        say: 'hi',
        saysOneOf: [/where/i, /household/i, /plan/i],
        maxChars: 459,
        tools: { notCalled: NO_WORK },
      },
    ],
  },
  {
    id: 'small-off-topic',
    title: 'An off-topic question is declined kindly with what it can do',
    theme: 'small-talk',
    channel: 'web',
    turns: [
      {
        say: 'who won the super bowl last year?',
        says: [/plan|prepar|ready|emergenc/i],
        maxChars: 500,
        tools: { notCalled: ['updateHousehold', 'buildPlan', 'savePlan'] },
      },
    ],
  },
];
