import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import { applyInventoryStatements, supplyDays } from '../src/services/inventory-statements/apply.ts';
import { getHousehold } from '../src/services/profiles/profiles.ts';
import { requireFeature } from '../src/services/tiers/tiers.ts';
import { attempt, needsAccount, type ToolContext } from './context.ts';
import { currentKit } from './plan-access.ts';

const change = z.object({
  action: z
    .enum(['add', 'remove', 'set'])
    .describe(
      'add: bought or got more; remove: used, ate, drank, gave away; set: "we have N" (the new total)',
    ),
  item: z
    .string()
    .trim()
    .min(1)
    .max(120)
    .describe('What it is, without the count: "chili", "water", "flashlights"'),
  quantity: z
    .number()
    .positive()
    .max(100_000)
    .describe('How many of `unit` (or of the item when unit is omitted)'),
  unit: z
    .string()
    .trim()
    .max(30)
    .optional()
    .describe('Container or measure as said: can, case, bottle, gallon, jug, lb, pack, box, roll …'),
  size: z
    .object({
      amount: z.number().positive().describe('Size of one container'),
      unit: z.string().trim().min(1).max(20).describe('gallon, liter, oz, lb, kg or count'),
    })
    .optional()
    .describe('Size of one container when said, e.g. a 5 gallon jug'),
  expires: z.iso
    .date()
    .optional()
    .describe('Expiry or best-by date as YYYY-MM-DD (end of month if only a month)'),
});

/** Records what the household bought, used or has, in the plan's units, and reports days of supply. */
/** Built once: the SDK caches the JSON schema a Schema object carries. */
const updateInventoryInput = zodSchema(
  z.object({
    changes: z.array(change).min(1).max(20).describe('One entry per item mentioned'),
  }),
);

export function updateInventoryTool(ctx: ToolContext) {
  return tool({
    description:
      'CHANGES DATA. Updates the inventory from what the person says they bought, used or have ("bought 24 ' +
      'cans of chili, expire March 2027", "used 2 gallons of water", "we have 3 flashlights"). Units are ' +
      'reconciled to the plan (cases and bottles to gallons, cans to kcal) with the assumed sizes returned; ' +
      'returns the new days of supply. Needs an account on Basic or Pro.',
    inputSchema: updateInventoryInput,
    execute: async ({ changes }) => {
      if (!ctx.userId) return needsAccount(ctx, 'Inventory tracking');
      const userId = ctx.userId;
      return attempt(async () => {
        await requireFeature(ctx.db, userId, 'inventoryTracking', ctx.now());
        const applied = await applyInventoryStatements(
          ctx.db,
          userId,
          changes.map((c) => ({
            action: c.action,
            item: c.item,
            quantity: c.quantity,
            unit: c.unit ?? null,
            size: c.size ?? null,
            expires: c.expires ?? null,
          })),
        );
        const kit = await currentKit(ctx);
        const days = await supplyDays(ctx.db, userId, {
          kit,
          profile: kit ? null : await getHousehold(ctx.db, userId),
        });
        return {
          changes: applied,
          daysOfSupply: days.map((d) => ({
            category: d.category,
            days: d.days,
            targetDays: d.targetDays,
            have: d.have,
            unit: d.unit,
            perDay: d.perDay,
          })),
        };
      }, ctx);
    },
  });
}
