import type { DialogueSpec } from '../types.ts';
import { CHANGED, opening, TAMPA_FAMILY } from './common.ts';

/** Follow-ups amend the plan: the reply shows what changed and the numbers that matter, not the whole plan. */
export const followUps: DialogueSpec[] = [
  {
    id: 'follow-make-it-a-year',
    title: '"now make it a year"',
    theme: 'follow-up',
    channel: 'web',
    turns: [
      opening(TAMPA_FAMILY),
      {
        say: 'now make it a year',
        linksPlan: true,
        household: { durationDays: 365, memberCount: 4, members: [{ age: 6 }, { age: 9 }], budget: 300 },
        plan: { exists: true, durationDays: 365, memberCount: 4 },
        grounded: ['duration', 'water-total'],
      },
    ],
  },
  {
    id: 'follow-make-it-a-year-sms',
    title: '"now make it a year" by SMS fits three segments',
    theme: 'follow-up',
    channel: 'sms',
    turns: [
      opening('me + wife + 3 kids (2, 5, 8) in baton rouge la, $400'),
      {
        say: 'now make it a year',
        linksPlan: true,
        household: { durationDays: 365, memberCount: 5 },
        plan: { exists: true, durationDays: 365 },
        grounded: ['duration'],
      },
    ],
  },
  {
    id: 'follow-add-earthquake',
    title: '"add earthquake too" adds a scenario and keeps the rest',
    theme: 'follow-up',
    channel: 'telegram',
    turns: [
      opening('2 adults in San Diego, CA, wildfire worries, $300'),
      {
        say: 'add earthquake too',
        linksPlan: true,
        says: [/earthquake/i],
        household: { scenarios: ['earthquake', 'wildfire'], memberCount: 2, budget: 300 },
        plan: { exists: true, scenarios: ['earthquake', 'wildfire'] },
      },
    ],
  },
  {
    id: 'follow-evacuate',
    title: '"we\'d have to evacuate" switches to a bug-out plan',
    theme: 'follow-up',
    channel: 'web',
    turns: [
      opening(TAMPA_FAMILY),
      {
        say: "we'd probably have to evacuate, not stay home",
        linksPlan: true,
        says: [/evacuat|bug.?out|leav/i],
        household: { mobility: 'BUG_OUT', memberCount: 4 },
        plan: { exists: true, mobility: 'BUG_OUT' },
      },
    ],
  },
  {
    id: 'follow-no-budget',
    title: '"no budget" is a needs-only plan',
    theme: 'follow-up',
    channel: 'sms',
    turns: [
      opening('2 adults in reno nv, $300'),
      {
        say: 'no budget, just tell me what we need',
        household: { budget: 0 },
        plan: { exists: true, budget: 0 },
      },
    ],
  },
  {
    id: 'follow-water-after-grandma',
    title: "After adding grandma, the water total is the new plan's",
    theme: 'follow-up',
    channel: 'telegram',
    turns: [
      opening(TAMPA_FAMILY),
      {
        say: 'add grandma, she is 78',
        linksPlan: true,
        saysOneOf: CHANGED,
        household: { memberCount: 5, members: [{ age: 78 }, { age: 6 }, { age: 9 }] },
      },
      { say: 'so how much water do we need in total now?', grounded: ['water-total'] },
    ],
  },
];
