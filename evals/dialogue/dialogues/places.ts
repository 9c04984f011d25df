import type { DialogueSpec } from '../types.ts';
import { NO_WHERE_LOOP, OUTSIDE_US } from './common.ts';

/** Ambiguous places are asked about; places outside the US get a generic plan, said so, never a loop. */
export const places: DialogueSpec[] = [
  {
    id: 'place-springfield-asks-state',
    title: '"Springfield" alone: ask which state, then build',
    theme: 'place',
    channel: 'sms',
    issue: '"Springfield" alone silently becomes Springfield, MO',
    turns: [
      {
        say: '2 adults in springfield, $200',
        says: [/which/i],
        saysOneOf: [/state/i, /Springfield/i],
        household: { noLocation: true },
        plan: { exists: false },
      },
      {
        say: 'illinois',
        household: { location: /Springfield.*(IL|Illinois)/i, memberCount: 2, budget: 200 },
        plan: { exists: true, state: 'IL' },
      },
    ],
  },
  {
    id: 'place-berlin-generic',
    title: 'Berlin, Germany: a generic plan, no loop',
    theme: 'place',
    channel: 'web',
    issue: '"Berlin, Germany" gets "Where do you live?" again',
    turns: [
      {
        say: "We're 2 adults in Berlin, Germany, budget 300",
        plan: { exists: true, outsideUs: true },
        saysOneOf: OUTSIDE_US,
        saysNot: NO_WHERE_LOOP,
      },
      {
        say: 'can you make it a month?',
        plan: { exists: true, outsideUs: true, durationDays: [30, 31] },
        saysNot: NO_WHERE_LOOP,
      },
    ],
  },
  {
    id: 'place-toronto-generic',
    title: 'Toronto, Canada: a generic plan, no loop',
    theme: 'place',
    channel: 'telegram',
    issue: '"Toronto, Canada" gets "Where do you live?" again',
    turns: [
      {
        say: 'family of 4 (kids 5 and 8) in Toronto, Canada. $300',
        household: { memberCount: 4, members: [{ age: 5 }, { age: 8 }] },
        plan: { exists: true, outsideUs: true, memberCount: 4 },
        saysOneOf: OUTSIDE_US,
        saysNot: NO_WHERE_LOOP,
      },
    ],
  },
  {
    id: 'place-london-generic',
    title: 'London, UK by SMS: a generic plan, no loop',
    theme: 'place',
    channel: 'sms',
    issue: '"London, UK" gets "Where do you live?" again',
    turns: [
      {
        say: 'me + wife in london uk',
        plan: { exists: true, outsideUs: true, memberCount: 2 },
        saysOneOf: OUTSIDE_US,
        saysNot: NO_WHERE_LOOP,
      },
    ],
  },
  {
    id: 'place-nyc-alias',
    title: '"NYC" is New York City',
    theme: 'place',
    channel: 'telegram',
    turns: [
      {
        say: '2 adults in NYC, 1 bedroom apartment, $300',
        household: { location: /New York/i },
        plan: { exists: true, state: 'NY' },
      },
    ],
  },
  {
    id: 'place-coordinates',
    title: 'Coordinates are a place',
    theme: 'place',
    channel: 'web',
    turns: [
      {
        say: "we're at 29.95, -90.07 — 2 adults and a 10 year old, $350",
        plan: { exists: true, state: 'LA', memberCount: 3 },
      },
    ],
  },
];
