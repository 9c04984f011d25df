import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { Db } from '../../db/client.ts';
import { profiles, users } from '../../db/schema/index.ts';
import { AppError, badInput, notFound } from '../errors.ts';
import type { BillingConfig, Interval } from './stripe-client.ts';

export type BillingDeps = { db: Db; stripe: Stripe; config: BillingConfig; publicUrl: string };

/**
 * The person's Stripe customer, made on first checkout and kept on the profile. Stripe ids are the system's
 * to write (drizzle/0008 column grants), so this runs as the system role for the signed-in user only.
 */
async function customerFor(deps: BillingDeps, userId: string): Promise<string> {
  const [row] = await deps.db
    .select({ customerId: profiles.stripeCustomerId, email: users.email })
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.id))
    .where(eq(profiles.id, userId));
  if (!row) throw notFound('Account');
  if (row.customerId) return row.customerId;
  const customer = await deps.stripe.customers.create(
    { email: row.email, metadata: { userId } },
    { idempotencyKey: `customer-${userId}` },
  );
  await deps.db.update(profiles).set({ stripeCustomerId: customer.id }).where(eq(profiles.id, userId));
  return customer.id;
}

/** A Checkout session for a paid tier and interval; the person is sent to its URL. */
export async function createCheckoutSession(
  deps: BillingDeps,
  userId: string,
  input: { tier: string; interval: string },
): Promise<{ url: string; id: string }> {
  if (input.tier !== 'BASIC' && input.tier !== 'PRO') throw badInput('tier must be BASIC or PRO', 'tier');
  if (input.interval !== 'month' && input.interval !== 'year') {
    throw badInput('interval must be month or year', 'interval');
  }
  const tier = input.tier;
  const interval: Interval = input.interval;
  const price = deps.config.plans[tier][interval];
  if (!price)
    throw new AppError('UNAVAILABLE', `The ${tier.toLowerCase()} plan is not sold by the ${interval} here.`);
  const customer = await customerFor(deps, userId);
  const session = await deps.stripe.checkout.sessions.create({
    mode: 'subscription',
    customer,
    client_reference_id: userId,
    line_items: [{ price, quantity: 1 }],
    metadata: { userId, tier },
    subscription_data: { metadata: { userId, tier } },
    success_url: `${deps.publicUrl}/billing?checkout=success`,
    cancel_url: `${deps.publicUrl}/pricing?checkout=cancelled`,
  });
  if (!session.url) throw new AppError('UNAVAILABLE', 'Stripe did not return a checkout page.');
  return { url: session.url, id: session.id };
}

/** The Customer Portal, where a subscriber changes plan, card or cancels. */
export async function createPortalSession(deps: BillingDeps, userId: string): Promise<{ url: string }> {
  const [row] = await deps.db
    .select({ customerId: profiles.stripeCustomerId })
    .from(profiles)
    .where(eq(profiles.id, userId));
  if (!row?.customerId)
    throw new AppError('CONFLICT', 'There is no subscription to manage yet: choose a plan first.');
  const session = await deps.stripe.billingPortal.sessions.create({
    customer: row.customerId,
    return_url: `${deps.publicUrl}/billing`,
  });
  return { url: session.url };
}
