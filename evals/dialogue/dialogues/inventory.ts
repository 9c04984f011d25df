import type { DialogueSpec } from '../types.ts';
import { opening, TAMPA_FAMILY } from './common.ts';

/** What people say they own is recorded against the plan (on Basic and Pro). */
export const inventory: DialogueSpec[] = [
  {
    id: 'inv-ten-gallons-stored',
    title: '"we also have 10 gallons of water stored" is recorded',
    theme: 'inventory',
    channel: 'web',
    user: 'BASIC',
    issue: '"we also have 10 gallons of water stored" → "Sorry, I didn\'t catch that"',
    turns: [
      opening(TAMPA_FAMILY),
      {
        say: 'we also have 10 gallons of water stored',
        tools: { called: ['updateInventory'], args: [{ tool: 'updateInventory', matches: /10/ }] },
        says: [/10/],
        saysOneOf: [/water/i],
        grounded: ['gallons'],
      },
    ],
    end: { inventoryCount: 1, household: { memberCount: 4 } },
  },
  {
    id: 'inv-ten-gallons-sms',
    title: 'Stored water by SMS',
    theme: 'inventory',
    channel: 'sms',
    user: 'BASIC',
    turns: [
      opening('2 adults in el paso tx $200'),
      {
        say: 'we got 10 gal of water stored already',
        tools: { called: ['updateInventory'], args: [{ tool: 'updateInventory', matches: /10/ }] },
        says: [/10/],
      },
    ],
    end: { inventoryCount: 1 },
  },
  {
    id: 'inv-then-readiness',
    title: 'After buying, the readiness question reads the plan and the inventory',
    theme: 'inventory',
    channel: 'telegram',
    user: 'BASIC',
    turns: [
      opening('2 adults and 2 kids (3 and 7) in Mobile, AL, $300'),
      { say: 'bought 24 cans of chili and 2 cases of water', tools: { called: ['updateInventory'] } },
      {
        say: 'whats my readiness score now?',
        says: [/readiness|\/\s*100|%/i],
        tools: { anyOf: ['getPlan', 'listInventory'], notCalled: ['updateHousehold'] },
      },
    ],
    end: { inventoryCount: 2 },
  },
];
