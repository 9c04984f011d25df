import type { Db } from '../../db/client.ts';
import type { SubscriptionStatus, SubscriptionTier } from '../../db/schema/index.ts';
import { getProfile } from '../accounts/users.ts';
import { AppError } from '../errors.ts';
import {
  atLeast,
  type CallType,
  type Entitlements,
  effectiveTier,
  FEATURE_NAMES,
  type Feature,
  lowestTierForCall,
  lowestTierWith,
  TIER_ENTITLEMENTS,
  TIER_NAMES,
  TOP_TIER,
} from './entitlements.ts';

export * from './entitlements.ts';

/** Where a refused person can upgrade (relative to PUBLIC_URL; every channel prefixes it). */
export const UPGRADE_PATH = '/pricing';

/**
 * Whether billing is on for a database handle. Set once by the composition root (src/runtime.ts) from
 * `config.stripe !== null`. Billing off means a self-hosted server: there is no one
 * to pay, so every account has the top tier's rights. A handle nobody configured enforces the tiers — the
 * safe default: forgetting the call never gives paid features away.
 * Kept per handle (not in a module global) so tests can run a billing-on and a billing-off database side by side.
 */
const billingByDb = new WeakMap<object, boolean>();

export function setBillingEnabled(db: Db, enabled: boolean): void {
  billingByDb.set(db, enabled);
}

export function billingEnabled(db: Db): boolean {
  return billingByDb.get(db) ?? true;
}

/** A refused action: the reason, the tier that allows it and where to upgrade. Every channel renders it. */
export class TierLimitError extends AppError {
  constructor(
    message: string,
    readonly requiredTier: SubscriptionTier | null,
  ) {
    super('TIER_LIMIT', message);
  }
  readonly upgradePath = UPGRADE_PATH;
}

export type TierStatus = {
  /** The tier in force now (a lapsed subscription counts as FREE; billing off counts as the top tier). */
  tier: SubscriptionTier;
  /** The tier on record, and its billing status. */
  subscribedTier: SubscriptionTier;
  status: SubscriptionStatus;
  periodEnd: Date | null;
  /** 'self-hosted' when billing is off. */
  billing: 'stripe' | 'self-hosted';
  entitlements: Entitlements;
};

/** The one place a profile's tier and status (and whether billing is on) become rights. */
export function tierStatusOf(
  profile: {
    subscriptionTier: SubscriptionTier | null;
    subscriptionStatus: SubscriptionStatus | null;
    subscriptionPeriodEnd: Date | null;
  } | null,
  billing: boolean,
  now: Date,
): TierStatus {
  const subscribedTier = profile?.subscriptionTier ?? 'FREE';
  const status = profile?.subscriptionStatus ?? 'active';
  const periodEnd = profile?.subscriptionPeriodEnd ?? null;
  const tier = billing ? effectiveTier(subscribedTier, status, periodEnd, now) : TOP_TIER;
  return {
    tier,
    subscribedTier,
    status,
    periodEnd,
    billing: billing ? 'stripe' : 'self-hosted',
    entitlements: TIER_ENTITLEMENTS[tier],
  };
}

export async function checkTier(db: Db, userId: string, now: Date = new Date()): Promise<TierStatus> {
  return tierStatusOf(await getProfile(db, userId), billingEnabled(db), now);
}

/** Throws TierLimitError naming the tier that includes the feature when this account's tier lacks it. */
export async function requireFeature(
  db: Db,
  userId: string,
  feature: Feature,
  now = new Date(),
): Promise<TierStatus> {
  const status = await checkTier(db, userId, now);
  assertFeature(status, feature);
  return status;
}

export function assertFeature(status: TierStatus, feature: Feature): void {
  if (status.entitlements[feature]) return;
  const needed = lowestTierWith(feature);
  throw new TierLimitError(
    `${FEATURE_NAMES[feature]} is part of the ${TIER_NAMES[needed]} plan; this account is on ${TIER_NAMES[status.tier]}.`,
    needed,
  );
}

/** Throws TierLimitError when this account's tier may not book a kind of call (or the call asks for more). */
export function assertCallAllowed(
  status: TierStatus,
  call: { callType: CallType; tierRequired: SubscriptionTier; title: string },
): void {
  const byType = lowestTierForCall(call.callType);
  const typeOk = status.entitlements.callTypes.includes(call.callType);
  const tierOk = status.billing === 'self-hosted' || atLeast(status.tier, call.tierRequired);
  if (typeOk && tierOk) return;
  const needed = atLeast(byType, call.tierRequired) ? byType : call.tierRequired;
  throw new TierLimitError(
    `"${call.title}" is for ${TIER_NAMES[needed]} members; this account is on ${TIER_NAMES[status.tier]}. Upgrade to ${TIER_NAMES[needed]} to book it.`,
    needed,
  );
}

/** How many plans this account keeps (1 = a new one overwrites it). */
export function savedPlanLimit(status: TierStatus): number {
  const n = status.entitlements.savedPlans;
  return n === 'unlimited' ? Number.POSITIVE_INFINITY : n;
}

/** Throws TierLimitError when the 1-on-1 quota of the quarter is used up. */
export function assertOneOnOneQuota(status: TierStatus, usedThisQuarter: number): void {
  const quota = status.entitlements.oneOnOneCallsPerQuarter;
  if (usedThisQuarter < quota) return;
  throw new TierLimitError(
    quota === 0
      ? `1-on-1 calls are part of the Pro plan; this account is on ${TIER_NAMES[status.tier]}.`
      : `This quarter's 1-on-1 call${quota > 1 ? 's' : ''} (${quota} per quarter) ${quota > 1 ? 'are' : 'is'} already booked.`,
    quota === 0 ? 'PRO' : null,
  );
}

/** Throws TierLimitError (RATE-like, with the upgrade) when today's message quota is used up. */
export function assertMessageQuota(status: TierStatus, sentToday: number): void {
  const quota = status.entitlements.messagesPerDay;
  if (sentToday < quota) return;
  throw new TierLimitError(
    `Today's ${quota} messages on the ${TIER_NAMES[status.tier]} plan are used up; they renew at midnight UTC.`,
    status.tier === TOP_TIER ? null : status.tier === 'FREE' ? 'BASIC' : 'PRO',
  );
}
