import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import type { GeneratedKit } from '../src/domain/generated-kit.ts';
import { reconcile } from '../src/domain/inventory-units.ts';
import { getHousehold, recordOwnedFor } from '../src/services/accounts/profiles.ts';
import { logActivity } from '../src/services/analytics/activity.ts';
import { type AppliedChange, applyInventoryStatements, supplyDays } from '../src/services/inventory/index.ts';

/** One change as the tool returns it, tracked or not: what replies describe ("Added 24 cans of chili …"). */
export type { AppliedChange };

import { billingEnabled, checkTier, requireFeature, UPGRADE_PATH } from '../src/services/tiers/tiers.ts';
import { actorFor, attempt, type ToolContext } from './context.ts';
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
      'returns the new days of supply. Without inventory tracking (anonymous, Free) the amounts are kept on the ' +
      'household and count toward the plan (`tracked: false`), and expiry dates are not kept.',
    inputSchema: updateInventoryInput,
    execute: async ({ changes }) => {
      const userId = ctx.userId;
      const tracked = userId
        ? (await checkTier(ctx.db, userId, ctx.now())).entitlements.inventoryTracking
        : false;
      if (!userId || !tracked) return attempt(() => recordOnHousehold(ctx, changes));
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
        await logActivity(ctx.db, {
          userId,
          activityType: 'INVENTORY_UPDATED',
          metadata: { changes: applied.length, channel: ctx.channel },
        });
        const kit = await currentKit(ctx);
        const days = await supplyDays(ctx.db, userId, {
          kit,
          profile: kit ? null : await getHousehold(ctx.db, userId),
        });
        return {
          tracked: true,
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

type Change = z.infer<typeof change>;

/**
 * For people without inventory tracking: what they said they have is kept on the household (in the plan's
 * units) so the plan counts it; days of supply come from the plan built in this conversation.
 */
async function recordOnHousehold(ctx: ToolContext, changes: Change[]) {
  const reconciled = changes.map((c) => ({
    c,
    r: reconcile({ item: c.item, quantity: c.quantity, unit: c.unit ?? null, size: c.size ?? null }),
  }));
  const counted = reconciled.filter(({ r }) => r.supplyKey !== null);
  const household = await recordOwnedFor(
    ctx.db,
    actorFor(ctx),
    ctx.conversationId,
    counted.map(({ c, r }) => ({ action: c.action, supplyKey: r.supplyKey!, amount: r.total })),
  );
  const have = new Map((household.owned ?? []).map((o) => [o.supplyKey, o.quantity]));
  const kit = await currentKit(ctx);
  return {
    tracked: false,
    // Billing off (self-hosted): nothing to buy, an account is all it takes to track inventory.
    ...(billingEnabled(ctx.db)
      ? { upgradeUrl: `${ctx.publicUrl}${UPGRADE_PATH}` }
      : { upgradeUrl: null, signupUrl: `${ctx.publicUrl}/signup` }),
    changes: reconciled.map(
      ({ c, r }): AppliedChange => ({
        action: c.action,
        name: r.name,
        supplyKey: r.supplyKey,
        supplyUnit: r.supplyUnit,
        delta: c.action === 'remove' ? -r.total : r.total,
        nowHave: r.supplyKey ? (have.get(r.supplyKey) ?? 0) : r.total,
        assumption: r.assumption,
        expires: null,
      }),
    ),
    daysOfSupply: kit ? daysFrom(kit, have) : [],
  };
}

function daysFrom(kit: GeneratedKit, have: Map<string, number>) {
  const water = kit.rationPlan.water.gallonsPerDay;
  const food = kit.rationPlan.food.kcalPerDay;
  const gallons = have.get('water-storage') ?? 0;
  const kcal = [...have].filter(([k]) => k.startsWith('food')).reduce((s, [, q]) => s + q, 0);
  return [
    {
      category: 'water',
      days: water > 0 ? Math.floor(gallons / water) : 0,
      targetDays: kit.durationDays,
      have: gallons,
      unit: 'gal',
      perDay: water,
    },
    {
      category: 'food',
      days: food > 0 ? Math.floor(kcal / food) : 0,
      targetDays: kit.durationDays,
      have: kcal,
      unit: 'kcal',
      perDay: food,
    },
  ];
}
