import { desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  billingSubscriptions,
  profiles,
  type SubscriptionStatus,
  type SubscriptionTier,
} from '../../db/schema/index.ts';
import { logActivity } from '../analytics/activity.ts';
import { TIER_RANK } from '../tiers/tiers.ts';

/**
 * The subscription mirror (billing_subscriptions) and the profile columns derived from it. Everything here
 * runs as the system role inside the webhook's transaction: tier, status, period end and customer id are
 * columns app_user may not write (drizzle/0008).
 */

export type SubscriptionState = {
  id: string;
  userId: string;
  customerId: string;
  tier: SubscriptionTier;
  /** Stripe's status: active, trialing, past_due, unpaid, canceled, incomplete, incomplete_expired, paused. */
  status: string;
  priceId: string | null;
  currentPeriodEnd: Date | null;
};

/**
 * Writes the subscription as an event tells it — unless a newer event already did. Stripe does not promise
 * order; each event carries `created`, and the row keeps the `created` of the event that wrote it. A
 * canceled subscription is terminal in Stripe, so nothing older or equal revives it; a cancellation
 * always applies.
 */
export async function applySubscription(
  tx: Tx,
  state: SubscriptionState,
  eventCreated: Date,
  /**
   * A creation (customer.subscription.created, checkout completed) is the subscription's first word:
   * Stripe's `created` has one-second resolution, so an update told in the same second is taken as newer.
   */
  options: { first?: boolean } = {},
): Promise<boolean> {
  const written = await tx
    .insert(billingSubscriptions)
    .values({ ...state, eventCreatedAt: eventCreated })
    .onConflictDoUpdate({
      target: billingSubscriptions.id,
      set: {
        tier: sql`excluded.tier`,
        status: sql`excluded.status`,
        priceId: sql`coalesce(excluded.price_id, ${billingSubscriptions.priceId})`,
        currentPeriodEnd: sql`coalesce(excluded.current_period_end, ${billingSubscriptions.currentPeriodEnd})`,
        eventCreatedAt: sql`excluded.event_created_at`,
        updatedAt: sql`now()`,
      },
      setWhere: sql`excluded.status = 'canceled'
        or (${billingSubscriptions.status} <> 'canceled'
            and ${billingSubscriptions.eventCreatedAt} ${sql.raw(options.first ? '<' : '<=')} excluded.event_created_at)`,
    })
    .returning({ id: billingSubscriptions.id });
  // An event older than the state already held changes nothing, so the profile needs no update.
  if (written.length === 0) return false;
  await syncProfile(tx, state.userId, state.customerId);
  return true;
}

const STATUS_RANK: Record<string, number> = { active: 3, trialing: 3, past_due: 2, unpaid: 1 };

/** Stripe's status in the profile's vocabulary (active, trialing, past_due, canceled). */
export function profileStatusOf(status: string): SubscriptionStatus {
  if (status === 'active' || status === 'trialing' || status === 'past_due') return status;
  if (status === 'unpaid') return 'past_due';
  return 'canceled';
}

/**
 * The profile shows the person's best subscription (live before lapsed, then the higher tier); with none
 * live, the Free tier. Logs TIER_UPGRADED when the tier in force rises.
 */
export async function syncProfile(tx: Tx, userId: string, customerId: string | null): Promise<void> {
  const subs = await tx
    .select()
    .from(billingSubscriptions)
    .where(eq(billingSubscriptions.userId, userId))
    .orderBy(desc(billingSubscriptions.eventCreatedAt));
  const live = subs
    .filter((s) => (STATUS_RANK[s.status] ?? 0) > 0)
    .sort(
      (a, b) =>
        (STATUS_RANK[b.status] ?? 0) - (STATUS_RANK[a.status] ?? 0) || TIER_RANK[b.tier] - TIER_RANK[a.tier],
    );
  const best = live[0];
  const [before] = await tx
    .select({ tier: profiles.subscriptionTier })
    .from(profiles)
    .where(eq(profiles.id, userId))
    .for('update');
  if (!before) return;
  const next = best
    ? { tier: best.tier, status: profileStatusOf(best.status), periodEnd: best.currentPeriodEnd }
    : { tier: 'FREE' as const, status: 'canceled' as const, periodEnd: subs[0]?.currentPeriodEnd ?? null };
  await tx
    .update(profiles)
    .set({
      subscriptionTier: next.tier,
      subscriptionStatus: next.status,
      subscriptionPeriodEnd: next.periodEnd,
      ...(customerId ? { stripeCustomerId: customerId } : {}),
      updatedAt: new Date(),
    })
    .where(eq(profiles.id, userId));
  const was = before.tier ?? 'FREE';
  if (TIER_RANK[next.tier] > TIER_RANK[was]) {
    await logActivity(tx, { userId, activityType: 'TIER_UPGRADED', metadata: { from: was, to: next.tier } });
  }
}
