import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import { checkTier } from '../src/services/tiers/tiers.ts';
import { attempt, needsAccount, type ToolContext } from './context.ts';

/** The account's subscription tier and what it includes. */
/** Built once: the SDK caches the JSON schema a Schema object carries. */
const checkTierInput = zodSchema(
  z.object({}).describe('No input: the tier is always the conversation user’s'),
);

export function checkTierTool(ctx: ToolContext) {
  return tool({
    description:
      'Read-only. Tells which plan the account is on (FREE, BASIC, PRO) and what it includes: saved plans, ' +
      'inventory tracking, expiry check-ins, group and expert calls. Use before promising a paid feature.',
    inputSchema: checkTierInput,
    execute: async () => {
      if (!ctx.userId) return needsAccount(ctx, 'A subscription');
      const userId = ctx.userId;
      return attempt(async () => {
        const status = await checkTier(ctx.db, userId, ctx.now());
        return {
          tier: status.tier,
          status: status.status,
          periodEnd: status.periodEnd?.toISOString() ?? null,
          entitlements: status.entitlements,
          upgradeUrl: status.tier === 'PRO' ? null : `${ctx.publicUrl}/pricing`,
        };
      });
    },
  });
}
