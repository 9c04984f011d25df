import type Stripe from 'stripe';
import type { BillingConfig, Interval } from './stripe-client.ts';

export type PlanPrice = { tier: 'BASIC' | 'PRO'; interval: Interval; amount: number; currency: string };

/**
 * What each configured plan costs, read from Stripe (the source of truth for prices too), so the pricing
 * page shows the amounts people will be charged. Kept for `ttlMs`; a price Stripe cannot find is left out
 * (and Checkout for it would fail the same way).
 */
export function planPrices(stripe: Stripe, config: Pick<BillingConfig, 'plans'>, ttlMs = 10 * 60_000) {
  let cached: { at: number; prices: PlanPrice[] } | null = null;
  return async (now = Date.now()): Promise<PlanPrice[]> => {
    if (cached && now - cached.at < ttlMs) return cached.prices;
    const wanted = (['BASIC', 'PRO'] as const).flatMap((tier) =>
      (['month', 'year'] as const).flatMap((interval) => {
        const id = config.plans[tier][interval];
        return id ? [{ tier, interval, id }] : [];
      }),
    );
    const found = await Promise.all(
      wanted.map(async (w) => {
        try {
          const price = await stripe.prices.retrieve(w.id);
          if (price.unit_amount === null || !price.active) return null;
          return {
            tier: w.tier,
            interval: w.interval,
            amount: price.unit_amount / 100,
            currency: price.currency.toUpperCase(),
          };
        } catch {
          return null;
        }
      }),
    );
    cached = { at: now, prices: found.filter((p): p is PlanPrice => p !== null) };
    return cached.prices;
  };
}
