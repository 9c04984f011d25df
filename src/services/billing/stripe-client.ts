import Stripe from 'stripe';
import type { SubscriptionTier } from '../../db/schema/index.ts';

/** What billing needs of the configuration (config.stripe, when billing is on). */
export type BillingConfig = {
  secretKey: string;
  webhookSecret: string;
  plans: Record<'BASIC' | 'PRO', { month: string | undefined; year: string | undefined }>;
  apiRoot: string | undefined;
};

export type Interval = 'month' | 'year';

/** The Stripe client; STRIPE_API_ROOT points it elsewhere (tests run a local server speaking Stripe's API). */
export function createStripe(config: Pick<BillingConfig, 'secretKey' | 'apiRoot'>): Stripe {
  if (!config.apiRoot) return new Stripe(config.secretKey, { maxNetworkRetries: 2 });
  const root = new URL(config.apiRoot);
  return new Stripe(config.secretKey, {
    host: root.hostname,
    port: root.port || (root.protocol === 'https:' ? 443 : 80),
    protocol: root.protocol === 'https:' ? 'https' : 'http',
    maxNetworkRetries: 0,
  });
}

/** The tier a Stripe price stands for, or null for a price this server does not sell. */
export function tierOfPrice(config: Pick<BillingConfig, 'plans'>, priceId: string | null | undefined) {
  if (!priceId) return null;
  for (const tier of ['BASIC', 'PRO'] as const) {
    const p = config.plans[tier];
    if (p.month === priceId || p.year === priceId) return tier satisfies SubscriptionTier;
  }
  return null;
}
