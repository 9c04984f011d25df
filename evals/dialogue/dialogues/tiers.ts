import type { DialogueSpec } from '../types.ts';
import { opening, TAMPA_FAMILY } from './common.ts';

/** Requests beyond the person's tier name the tier that includes them, and change nothing. */
export const tiers: DialogueSpec[] = [
  {
    id: 'tier-inventory-on-free',
    title: 'Inventory tracking on Free points to Basic and stores nothing',
    theme: 'tier',
    channel: 'web',
    turns: [
      opening(TAMPA_FAMILY),
      {
        say: 'we have 24 cans of chili and 10 gallons of water, track them for me',
        says: [/basic/i],
      },
    ],
    end: { inventoryCount: 0, tierUnchanged: true },
  },
  {
    id: 'tier-expert-call-on-basic',
    title: 'A 1-on-1 expert call on Basic points to Pro and books nothing',
    theme: 'tier',
    channel: 'telegram',
    user: 'BASIC',
    turns: [
      {
        say: 'book me on the 1-on-1 plan review with a preparedness advisor',
        // Listing the calls is not an answer: the reply must say the booking needs Pro.
        says: [/\bpro\b/i, /upgrade|pricing/i],
        saysNot: [/you'?re booked|booked you/i],
      },
    ],
    end: { noBookings: true, tierUnchanged: true },
  },
  {
    id: 'tier-which-plan-am-i-on',
    title: '"what plan am i on?" by SMS from the entitlements',
    theme: 'tier',
    channel: 'sms',
    turns: [{ say: 'what plan am i on?', says: [/free/i], tools: { called: ['checkTier'] } }],
  },
];
