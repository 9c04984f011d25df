import type { DialogueSpec } from '../types.ts';
import { ORG } from './common.ts';

/** Guidance questions get the actual steps and amounts, citing the organization; unknowns say so. */
export const guidance: DialogueSpec[] = [
  {
    id: 'guide-purify-water',
    title: '"how do I purify water?" gives a method with its time',
    theme: 'guidance',
    channel: 'web',
    issue: '"how do I purify water?" gives no method',
    turns: [
      {
        say: 'how do I purify water?',
        says: [/boil/i, /\b(1|one|3|three) minutes?\b/i, ORG],
        tools: { called: ['searchGuidance'] },
      },
    ],
  },
  {
    id: 'guide-is-bleach-ok',
    title: '"is bleach ok?" gives the dose',
    theme: 'guidance',
    channel: 'sms',
    issue: '"is bleach ok?" omits the dose',
    turns: [
      { say: 'how do i make tap water safe after a flood' },
      {
        say: 'is bleach ok?',
        says: [/\b(6|8|six|eight)\s*drops\b/i, /gallon/i, /unscented|plain|regular/i],
        saysOneOf: [ORG],
      },
    ],
  },
  {
    id: 'guide-hurricane-warning',
    title: '"what should I do first when a hurricane warning is issued?" gives steps, not a bare heading',
    theme: 'guidance',
    channel: 'telegram',
    issue: 'prints a heading and nothing under it',
    turns: [
      {
        say: 'what should I do first when a hurricane warning is issued?',
        says: [/evacuat|leave|officials/i, /water|charge|gas|fuel|supplies/i, ORG],
        tools: { called: ['searchGuidance'] },
      },
    ],
  },
  {
    id: 'guide-generator-garage',
    title: 'Generator in the garage: no, with the distance',
    theme: 'guidance',
    channel: 'sms',
    turns: [
      {
        say: 'can i run my generator in the garage if the door is open',
        says: [/carbon monoxide|\bCO\b/i, /20 (feet|ft)/i, ORG],
        saysOneOf: [/\bno\b/i, /never/i, /outdoors only/i],
      },
    ],
  },
  {
    id: 'guide-below-threshold',
    title: 'A question the guidance does not cover: say so and offer what it can do',
    theme: 'guidance',
    channel: 'web',
    turns: [
      {
        say: 'how do I rebuild the carburetor on my snowmobile?',
        saysOneOf: [
          /don'?t (know|have)/i,
          /not sure/i,
          /can'?t help with that/i,
          /outside what I/i,
          /not something I/i,
        ],
        says: [/plan|water|kit|prepar/i],
        maxChars: 600,
      },
    ],
  },
];
