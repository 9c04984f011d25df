import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import {
  billingEnabled,
  checkTier,
  TIER_ENTITLEMENTS,
  TOP_TIER,
  UPGRADE_PATH,
} from '../src/services/tiers/tiers.ts';
import { attempt, type ToolContext } from './context.ts';

/** Built once: the SDK caches the JSON schema a Schema object carries. */
const checkTierInput = zodSchema(
  z.object({}).describe('No input: the tier is always the conversation user’s'),
);

/** The tiers and what each includes, and the account's own tier when signed in. */
export function checkTierTool(ctx: ToolContext) {
  return tool({
    description:
      'Read-only. Lists the tiers (FREE, BASIC, PRO) and what each includes (saved plans, inventory tracking, ' +
      'expiry check-ins, group and expert calls) with the pricing page link, and the account’s own tier when ' +
      'signed in (tier null when anonymous). billing "self-hosted" means this server has no billing and every ' +
      'account has every feature. Use before promising a paid feature.',
    inputSchema: checkTierInput,
    execute: async () => {
      const tiers = TIER_ENTITLEMENTS;
      const pricingUrl = `${ctx.publicUrl}${UPGRADE_PATH}`;
      // Billing off: a self-hosted server where every account has the top tier; nothing to upgrade to.
      const billing = billingEnabled(ctx.db) ? ('stripe' as const) : ('self-hosted' as const);
      if (!ctx.userId) {
        return {
          ok: true as const,
          tier: null,
          billing,
          tiers,
          pricingUrl,
          upgradeUrl: billing === 'stripe' ? pricingUrl : null,
        };
      }
      const userId = ctx.userId;
      return attempt(async () => {
        const status = await checkTier(ctx.db, userId, ctx.now());
        return {
          tier: status.tier,
          status: status.status,
          billing: status.billing,
          periodEnd: status.periodEnd?.toISOString() ?? null,
          entitlements: status.entitlements,
          tiers,
          pricingUrl,
          upgradeUrl: status.tier === TOP_TIER ? null : pricingUrl,
        };
      });
    },
  });
}
