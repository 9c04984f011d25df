import type { Db } from '../../db/client.ts';
import type { SubscriptionStatus, SubscriptionTier } from '../../db/schema/index.ts';
import { getProfile } from '../accounts/users.ts';
import { AppError } from '../errors.ts';

/** What each tier includes (../shared/product.md, "Tiers"). */
export type Entitlements = {
  /** How many plans are kept; 1 means a new plan overwrites the old one. */
  savedPlans: number | 'unlimited';
  inventoryTracking: boolean;
  expiryCheckins: boolean;
  founderGroupCalls: boolean;
  expertCalls: boolean;
  callRecordings: boolean;
  /** 1-on-1 expert calls per calendar quarter. */
  oneOnOneCallsPerQuarter: number;
};

export const TIER_ENTITLEMENTS: Record<SubscriptionTier, Entitlements> = {
  FREE: {
    savedPlans: 1,
    inventoryTracking: false,
    expiryCheckins: false,
    founderGroupCalls: false,
    expertCalls: false,
    callRecordings: false,
    oneOnOneCallsPerQuarter: 0,
  },
  BASIC: {
    savedPlans: 'unlimited',
    inventoryTracking: true,
    expiryCheckins: false,
    founderGroupCalls: true,
    expertCalls: false,
    callRecordings: false,
    oneOnOneCallsPerQuarter: 0,
  },
  PRO: {
    savedPlans: 'unlimited',
    inventoryTracking: true,
    expiryCheckins: true,
    founderGroupCalls: true,
    expertCalls: true,
    callRecordings: true,
    oneOnOneCallsPerQuarter: 1,
  },
};

export const TIER_RANK: Record<SubscriptionTier, number> = { FREE: 0, BASIC: 1, PRO: 2 };

export type TierStatus = {
  /** The tier in force now (a lapsed subscription counts as FREE). */
  tier: SubscriptionTier;
  /** The tier on record, and its billing status. */
  subscribedTier: SubscriptionTier;
  status: SubscriptionStatus;
  periodEnd: Date | null;
  entitlements: Entitlements;
};

/**
 * The tier in force: active and trialing subscriptions count; past_due keeps its tier until the period
 * ends (the grace Stripe gives while it retries); canceled keeps it until the paid period ends.
 */
export function effectiveTier(
  tier: SubscriptionTier,
  status: SubscriptionStatus,
  periodEnd: Date | null,
  now: Date,
): SubscriptionTier {
  if (tier === 'FREE') return 'FREE';
  if (status === 'active' || status === 'trialing') return tier;
  if (periodEnd && periodEnd.getTime() > now.getTime()) return tier;
  return 'FREE';
}

export async function checkTier(db: Db, userId: string, now: Date = new Date()): Promise<TierStatus> {
  const profile = await getProfile(db, userId);
  const subscribedTier = profile?.subscriptionTier ?? 'FREE';
  const status = profile?.subscriptionStatus ?? 'active';
  const periodEnd = profile?.subscriptionPeriodEnd ?? null;
  const tier = effectiveTier(subscribedTier, status, periodEnd, now);
  return { tier, subscribedTier, status, periodEnd, entitlements: TIER_ENTITLEMENTS[tier] };
}

export type Feature = Exclude<keyof Entitlements, 'savedPlans' | 'oneOnOneCallsPerQuarter'>;

/** The lowest tier that includes a feature, for upgrade messages. */
export function lowestTierWith(feature: Feature): SubscriptionTier {
  return (['FREE', 'BASIC', 'PRO'] as const).find((t) => TIER_ENTITLEMENTS[t][feature])!;
}

export const FEATURE_NAMES: Record<Feature, string> = {
  inventoryTracking: 'Inventory tracking',
  expiryCheckins: 'Expiry check-ins',
  founderGroupCalls: 'Founder group calls',
  expertCalls: 'Expert calls',
  callRecordings: 'Call recordings',
};

/** Throws TIER_LIMIT (shown to the user, naming the tier that includes it) when the feature is not included. */
export async function requireFeature(
  db: Db,
  userId: string,
  feature: Feature,
  now = new Date(),
): Promise<TierStatus> {
  const status = await checkTier(db, userId, now);
  if (!status.entitlements[feature]) {
    throw new AppError(
      'TIER_LIMIT',
      `${FEATURE_NAMES[feature]} is part of the ${lowestTierWith(feature)} plan; this account is on ${status.tier}.`,
    );
  }
  return status;
}
