import type { DialogueSpec } from '../types.ts';
import { opening, TAMPA_FAMILY } from './common.ts';

/** Questions about the person's own plan are answered from the plan, with the plan's numbers. */
const READS = ['getPlan', 'calcRations', 'listInventory'];
const NO_CHANGE = ['updateHousehold', 'buildPlan', 'savePlan'];

export const planQuestions: DialogueSpec[] = [
  {
    id: 'ask-total-water',
    title: '"whats the total water we need?" gives the plan\'s total',
    theme: 'plan-question',
    channel: 'web',
    issue: '"whats the total water we need?" → how to shut off gas',
    turns: [
      opening(TAMPA_FAMILY),
      {
        say: 'whats the total water we need?',
        grounded: ['water-total'],
        tools: { anyOf: READS, notCalled: NO_CHANGE },
        saysNot: [/shut (it )?off|gas/i],
      },
    ],
  },
  {
    id: 'ask-total-water-sms',
    title: 'The water total by SMS',
    theme: 'plan-question',
    channel: 'sms',
    turns: [
      opening('2 adults 1 kid (10) in orlando fl $250'),
      { say: 'how much water total?', grounded: ['water-total'], tools: { notCalled: NO_CHANGE } },
    ],
  },
  {
    id: 'ask-tiers-and-prices',
    title: '"what tiers do you have and what do they cost?" from the entitlements',
    theme: 'plan-question',
    channel: 'web',
    issue: '"what tiers do you have and what do they cost?" → emergency savings and CPR',
    turns: [
      {
        say: 'what tiers do you have and what do they cost?',
        says: [/free/i, /basic/i, /\bpro\b/i],
        saysNot: [/CPR|savings/i],
        tools: { called: ['checkTier'] },
      },
    ],
  },
  {
    id: 'ask-hazards-here',
    title: '"what hazards should I worry about here?" from the plan\'s location',
    theme: 'plan-question',
    channel: 'telegram',
    issue: '"what hazards should I worry about here?" → horses and livestock',
    turns: [
      opening(TAMPA_FAMILY),
      {
        say: 'what hazards should I worry about here?',
        grounded: ['hazards'],
        says: [/hurricane/i],
        saysNot: [/horse|livestock/i],
        tools: { notCalled: NO_CHANGE },
      },
    ],
  },
  {
    id: 'ask-readiness-score',
    title: '"whats my readiness score now?" gives the plan\'s score',
    theme: 'plan-question',
    channel: 'web',
    issue: '"whats my readiness score now?" → pandemic isolation',
    turns: [
      opening(TAMPA_FAMILY),
      {
        say: 'whats my readiness score now?',
        grounded: ['readiness'],
        saysNot: [/pandemic|isolat/i],
        tools: { anyOf: READS, notCalled: NO_CHANGE },
      },
    ],
  },
  {
    id: 'ask-is-3-gallons-enough',
    title: '"is 3 gallons enough?" compared with the plan',
    theme: 'plan-question',
    channel: 'sms',
    issue: '"is 3 gallons enough?" → a bleach dosing table',
    turns: [
      opening('family of 4 in tampa fl, kids 6 and 9, $300'),
      {
        say: 'is 3 gallons enough?',
        grounded: ['water-total'],
        saysOneOf: [/\bno\b/i, /not enough/i, /not quite/i, /short/i],
        saysNot: [/bleach|drops/i],
        tools: { notCalled: NO_CHANGE },
      },
    ],
  },
  {
    id: 'ask-buy-first',
    title: '"what should I buy first?" from the plan\'s own list',
    theme: 'plan-question',
    channel: 'web',
    issue: '"what should I buy first?" ignores the plan\'s own list',
    turns: [
      opening(TAMPA_FAMILY),
      {
        say: 'what should I buy first?',
        grounded: ['buy-first'],
        tools: { anyOf: READS, notCalled: NO_CHANGE },
      },
    ],
  },
  {
    id: 'ask-calories-per-day',
    title: 'Calories per day from the plan',
    theme: 'plan-question',
    channel: 'telegram',
    turns: [
      opening('2 adults and a teenager (15) in Denver, CO, $300'),
      {
        say: 'how many calories a day do we need?',
        grounded: ['food-per-day'],
        tools: { notCalled: NO_CHANGE },
      },
    ],
  },
];
