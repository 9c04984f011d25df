import type { DialogueSpec } from '../types.ts';
import { CHANGED, opening } from './common.ts';

/** Changes as people typed them in a chat session ("no wait", "scratch that", "double the budget"); each failed once. */
export const realChanges: DialogueSpec[] = [
  {
    id: 'people-kids-ages-by-spaces',
    title: '"2 adults 3 kids 4 7 10" keeps each child\'s age',
    theme: 'correction',
    channel: 'telegram',
    issue: '"3 kids 4 7 10" became three 4-year-olds',
    turns: [
      opening('family of 5 in london uk'),
      {
        say: '2 adults 3 kids 4 7 10',
        saysOneOf: CHANGED,
        says: [/\b10\b/],
        saysNot: [/4, 4, 4/],
        household: { memberCount: 5, adults: 2, minors: 3, members: [{ age: 4 }, { age: 7 }, { age: 10 }] },
        plan: { exists: true, memberCount: 5 },
      },
    ],
  },
  {
    id: 'people-budget-relative',
    title: '"double the budget" doubles it; "cheaper" asks how much; "make it half a year" keeps the budget',
    theme: 'follow-up',
    channel: 'web',
    issue: '"double the budget" and "cheaper" were not caught; "make it half a year" set a $0 budget',
    turns: [
      opening('3 roommates in Chicago, all in our 20s, budget $100', { plan: { exists: true, budget: 100 } }),
      {
        say: 'double the budget',
        says: [/\$200\.00/],
        household: { budget: 200 },
        plan: { exists: true, budget: 200 },
        tools: { called: ['updateHousehold'] },
      },
      {
        say: 'cheaper',
        says: [/how much/i, /\$200\.00/],
        tools: { none: true },
        plan: { exists: true, budget: 200 },
      },
      {
        say: 'make it half a year',
        household: { budget: 200, durationDays: [180, 183] },
        plan: { exists: true, budget: 200, durationDays: [180, 183] },
      },
    ],
  },
  {
    id: 'people-just-the-pit-bull',
    title: '"scratch that, just the pit bull" keeps the pit bull and drops the chihuahua',
    theme: 'correction',
    channel: 'web',
    issue: '"scratch that, just the pit bull" was not caught',
    turns: [
      opening('me n my gf, both 28, plus her son whos 4, in phoenix az. 150 bucks'),
      {
        say: 'oh and we got a pit bull and a chihuahua',
        household: { pets: [{ species: 'dog' }, { species: 'dog' }] },
      },
      {
        say: 'scratch that, just the pit bull',
        saysOneOf: CHANGED,
        says: [/chihuahua/i],
        household: { pets: [{ species: 'dog', weightLb: 55 }], memberCount: 3 },
        plan: { exists: true, petCount: 1 },
      },
    ],
  },
  {
    id: 'people-more-kids-not-dollars',
    title: '"add 2 more kids" adds children and leaves the budget; "add 50 dollars" is fifty more',
    theme: 'follow-up',
    channel: 'sms',
    issue: '"add 2 more kids, twins, age 1" also raised the budget by $2',
    turns: [
      opening("we're 4 in 80202, 2 adults 2 kids 6 and 9, budget 300", {
        plan: { exists: true, budget: 300 },
      }),
      {
        say: 'add 2 more kids',
        household: { memberCount: 6, minors: 4, budget: 300 },
        plan: { exists: true, budget: 300, memberCount: 6 },
        saysNot: [/Budget:/],
      },
      {
        say: 'add 50 dollars',
        household: { budget: 350, memberCount: 6 },
        plan: { exists: true, budget: 350 },
      },
    ],
  },
  {
    id: 'people-dogs-counted-and-named',
    title:
      '"2 dogs (a husky and a lab)" is two dogs; a beagle makes three; the husky\'s weight changes only the husky',
    theme: 'correction',
    channel: 'telegram',
    issue: 'four dogs, then eight, then every dog but a 60 lb husky removed',
    turns: [
      opening('we r 2 adults, 1 teen (16), 2 dogs (a husky and a lab), in Denver CO, 350', {
        household: {
          pets: [
            { species: 'dog', weightLb: 50 },
            { species: 'dog', weightLb: 70 },
          ],
        },
        plan: { exists: true, petCount: 2 },
      }),
      {
        say: "no wait it's 3 dogs, we also have a beagle",
        household: {
          pets: [
            { species: 'dog', weightLb: 50 },
            { species: 'dog', weightLb: 70 },
            { species: 'dog', weightLb: 25 },
          ],
        },
        plan: { exists: true, petCount: 3 },
      },
      {
        say: 'the husky is actually 60 lbs',
        saysNot: [/removed/i],
        household: {
          pets: [
            { species: 'dog', weightLb: 60 },
            { species: 'dog', weightLb: 70 },
            { species: 'dog', weightLb: 25 },
          ],
        },
        plan: { exists: true, petCount: 3 },
      },
    ],
  },
  {
    id: 'people-sms-just-turned',
    title: '"actually the 6yo just turned 7" changes that child (SMS)',
    theme: 'correction',
    channel: 'sms',
    issue: '"the 6yo just turned 7" was not caught',
    turns: [
      opening('single mom 2 kids 4 & 6 memphis 120'),
      {
        say: 'actually the 6yo just turned 7',
        saysOneOf: CHANGED,
        household: { memberCount: 3, ages: [4, 7, 35] },
      },
    ],
  },
];
