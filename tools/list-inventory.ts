import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import { getHousehold } from '../src/services/accounts/profiles.ts';
import { listInventory, supplyDays } from '../src/services/inventory/index.ts';
import { requireFeature } from '../src/services/tiers/tiers.ts';
import { attempt, needsAccount, type ToolContext } from './context.ts';
import { currentKit } from './plan-access.ts';

/** What the household owns, soonest expiry first, with days of water and food. */
/** Built once: the SDK caches the JSON schema a Schema object carries. */
const listInventoryInput = zodSchema(
  z.object({
    expiringWithinDays: z
      .number()
      .int()
      .min(1)
      .max(3650)
      .optional()
      .describe('Only items expiring within this many days'),
  }),
);

export function listInventoryTool(ctx: ToolContext) {
  return tool({
    description:
      "Read-only. Lists the person's inventory (name, quantity, expiry) with days of water and food it covers, " +
      'and items expiring within 60 days.',
    inputSchema: listInventoryInput,
    execute: async ({ expiringWithinDays }) => {
      if (!ctx.userId) return needsAccount(ctx, 'Inventory tracking');
      const userId = ctx.userId;
      return attempt(async () => {
        await requireFeature(ctx.db, userId, 'inventoryTracking', ctx.now());
        const now = ctx.now();
        const soon = new Date(now.getTime() + (expiringWithinDays ?? 60) * 86_400_000)
          .toISOString()
          .slice(0, 10);
        const rows = await listInventory(ctx.db, userId);
        const items = rows
          .filter((r) => (r.quantityOwned ?? 0) > 0)
          .filter(
            (r) =>
              expiringWithinDays === undefined || (r.expirationDate !== null && r.expirationDate <= soon),
          )
          .sort((a, b) => (a.expirationDate ?? '9999').localeCompare(b.expirationDate ?? '9999'))
          .slice(0, 50)
          .map((r) => ({
            id: r.id,
            name: r.name,
            quantity: r.quantityOwned,
            supplyKey: r.supplyKey,
            unitAmount: r.unitAmount === null ? null : Number(r.unitAmount),
            expires: r.expirationDate,
          }));
        const kit = await currentKit(ctx);
        const days = await supplyDays(ctx.db, userId, {
          kit,
          profile: kit ? null : await getHousehold(ctx.db, userId),
        });
        return {
          items,
          expiringSoon: items.filter((i) => i.expires !== null && i.expires <= soon).length,
          daysOfSupply: days.map((d) => ({ category: d.category, days: d.days, targetDays: d.targetDays })),
        };
      }, ctx);
    },
  });
}
