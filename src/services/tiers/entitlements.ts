import type { callTypes, SubscriptionStatus, SubscriptionTier } from '../../db/schema/index.ts';

/**
 * Pure: what each tier includes (docs/product.md, "Tiers", and the related trip planner's usage limits),
 * and how a profile's tier and billing status become the tier in force. No service decides a right on its
 * own: they all ask this module (through tiers.ts).
 */

export type CallType = (typeof callTypes)[number];

export type Entitlements = {
  /** How many plans are kept; 1 means a new plan overwrites the old one. */
  savedPlans: number | 'unlimited';
  inventoryTracking: boolean;
  expiryCheckins: boolean;
  founderGroupCalls: boolean;
  expertCalls: boolean;
  callRecordings: boolean;
  /** The kinds of call this tier may book. */
  callTypes: readonly CallType[];
  /** 1-on-1 expert calls per calendar quarter (UTC). */
  oneOnOneCallsPerQuarter: number;
  /** Messages to the assistant per UTC day (each one is a paid model run when a hosted model is used). */
  messagesPerDay: number;
};

export const TIER_ENTITLEMENTS: Record<SubscriptionTier, Entitlements> = {
  FREE: {
    savedPlans: 1,
    inventoryTracking: false,
    expiryCheckins: false,
    founderGroupCalls: false,
    expertCalls: false,
    callRecordings: false,
    callTypes: [],
    oneOnOneCallsPerQuarter: 0,
    messagesPerDay: 40,
  },
  BASIC: {
    savedPlans: 'unlimited',
    inventoryTracking: true,
    expiryCheckins: false,
    founderGroupCalls: true,
    expertCalls: false,
    callRecordings: false,
    callTypes: ['FOUNDER_GROUP'],
    oneOnOneCallsPerQuarter: 0,
    messagesPerDay: 200,
  },
  PRO: {
    savedPlans: 'unlimited',
    inventoryTracking: true,
    expiryCheckins: true,
    founderGroupCalls: true,
    expertCalls: true,
    callRecordings: true,
    callTypes: ['FOUNDER_GROUP', 'EXPERT_GROUP', 'ONE_ON_ONE'],
    oneOnOneCallsPerQuarter: 1,
    messagesPerDay: 1000,
  },
};

export const TIERS = ['FREE', 'BASIC', 'PRO'] as const satisfies readonly SubscriptionTier[];
export const TOP_TIER: SubscriptionTier = 'PRO';
export const TIER_RANK: Record<SubscriptionTier, number> = { FREE: 0, BASIC: 1, PRO: 2 };
export const TIER_NAMES: Record<SubscriptionTier, string> = { FREE: 'Free', BASIC: 'Basic', PRO: 'Pro' };

export const atLeast = (tier: SubscriptionTier, needed: SubscriptionTier) =>
  TIER_RANK[tier] >= TIER_RANK[needed];

/**
 * The tier in force while billing is on: active and trialing subscriptions count; past_due keeps its tier
 * until the period ends (the grace Stripe gives while it retries); canceled keeps it until the paid period ends.
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

/** Features that are simply in or out of a tier. */
export type Feature =
  | 'inventoryTracking'
  | 'expiryCheckins'
  | 'founderGroupCalls'
  | 'expertCalls'
  | 'callRecordings';

export const FEATURE_NAMES: Record<Feature, string> = {
  inventoryTracking: 'Inventory tracking',
  expiryCheckins: 'Expiry check-ins',
  founderGroupCalls: 'Founder group calls',
  expertCalls: 'Expert calls',
  callRecordings: 'Call recordings',
};

/** The lowest tier that includes a feature, for upgrade messages. */
export function lowestTierWith(feature: Feature): SubscriptionTier {
  return TIERS.find((t) => TIER_ENTITLEMENTS[t][feature]) ?? TOP_TIER;
}

/** The lowest tier that may book a kind of call. */
export function lowestTierForCall(callType: CallType): SubscriptionTier {
  return TIERS.find((t) => TIER_ENTITLEMENTS[t].callTypes.includes(callType)) ?? TOP_TIER;
}

/** The calendar quarter (UTC) an instant falls in, as [start, end): the 1-on-1 quota's period. */
export function quarterOf(at: Date): [Date, Date] {
  const q = Math.floor(at.getUTCMonth() / 3);
  return [
    new Date(Date.UTC(at.getUTCFullYear(), q * 3, 1)),
    new Date(Date.UTC(at.getUTCFullYear(), q * 3 + 3, 1)),
  ];
}

/** The UTC day an instant falls in, as [start, end): the message quota's period. */
export function dayOf(at: Date): [Date, Date] {
  const start = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  return [start, new Date(start.getTime() + 86_400_000)];
}
