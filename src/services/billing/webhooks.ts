import { eq, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { Db, Tx } from '../../db/client.ts';
import { billingSubscriptions, billingTransactions, profiles, stripeEvents } from '../../db/schema/index.ts';
import { isUuid } from '../../domain/ids.ts';
import { recordSecurityAlert } from '../api-keys/alerts.ts';
import { AppError } from '../errors.ts';
import { TIER_NAMES } from '../tiers/tiers.ts';
import { type BillingConfig, tierOfPrice } from './stripe-client.ts';
import { applySubscription } from './subscriptions.ts';

/**
 * Stripe's webhooks are the source of truth for billing. Each event is processed once, in one transaction:
 * its id goes into stripe_events first (primary key), so a redelivery conflicts and does nothing; a failure
 * rolls the id back with everything else, and Stripe's retry processes it again.
 */

export type WebhookResult = { eventId: string; type: string; duplicate: boolean; handled: boolean };

/** Verifies the signature over the raw body, then processes the event. A bad signature: 400, nothing written but an alert. */
export async function handleStripeWebhook(
  deps: { db: Db; stripe: Stripe; config: Pick<BillingConfig, 'webhookSecret' | 'plans'> },
  rawBody: Buffer | string,
  signature: string | undefined,
  meta: { ip?: string | null } = {},
): Promise<WebhookResult> {
  let event: Stripe.Event;
  try {
    event = deps.stripe.webhooks.constructEvent(rawBody, signature ?? '', deps.config.webhookSecret);
  } catch (error) {
    await recordSecurityAlert(deps.db, {
      kind: 'INVALID_WEBHOOK_SIGNATURE',
      subject: meta.ip ?? 'unknown',
      detail: { provider: 'stripe', reason: (error as Error).name },
    });
    throw new AppError('BAD_INPUT', 'The Stripe signature does not match this body.', {
      field: 'stripe-signature',
    });
  }
  return processStripeEvent(deps.db, deps.config, event);
}

export async function processStripeEvent(
  db: Db,
  config: Pick<BillingConfig, 'plans'>,
  event: Stripe.Event,
): Promise<WebhookResult> {
  return db.transaction(async (tx) => {
    const fresh = await tx
      .insert(stripeEvents)
      .values({ id: event.id, type: event.type, createdAt: new Date(event.created * 1000) })
      .onConflictDoNothing()
      .returning({ id: stripeEvents.id });
    if (fresh.length === 0) return { eventId: event.id, type: event.type, duplicate: true, handled: false };
    const handled = await dispatch(tx, config, event);
    return { eventId: event.id, type: event.type, duplicate: false, handled };
  });
}

/** Reads a nested field of a Stripe object whose shape moved between API versions. */
function pick(obj: unknown, ...path: string[]): unknown {
  let at: unknown = obj;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}
const idOf = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof pick(v, 'id') === 'string' ? (pick(v, 'id') as string) : null;
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const epoch = (v: unknown): Date | null => (typeof v === 'number' ? new Date(v * 1000) : null);

/** The account an object belongs to: our user id in its metadata, else the profile holding its customer. */
async function userFor(tx: Tx, metadataUserId: unknown, customerId: string | null): Promise<string | null> {
  if (typeof metadataUserId === 'string' && isUuid(metadataUserId)) {
    const [p] = await tx.select({ id: profiles.id }).from(profiles).where(eq(profiles.id, metadataUserId));
    if (p) return p.id;
  }
  if (!customerId) return null;
  const [p] = await tx
    .select({ id: profiles.id })
    .from(profiles)
    .where(eq(profiles.stripeCustomerId, customerId));
  return p?.id ?? null;
}

async function dispatch(tx: Tx, config: Pick<BillingConfig, 'plans'>, event: Stripe.Event): Promise<boolean> {
  const created = new Date(event.created * 1000);
  const object = event.data.object as unknown;
  switch (event.type) {
    case 'checkout.session.completed': {
      const subscriptionId = idOf(pick(object, 'subscription'));
      const customerId = idOf(pick(object, 'customer'));
      const userId = await userFor(
        tx,
        pick(object, 'client_reference_id') ?? pick(object, 'metadata', 'userId'),
        customerId,
      );
      const tier = pick(object, 'metadata', 'tier');
      if (!userId || !customerId || !subscriptionId || (tier !== 'BASIC' && tier !== 'PRO')) return false;
      // Paid at checkout: the subscription is active unless a newer subscription event says otherwise.
      await applySubscription(
        tx,
        {
          id: subscriptionId,
          userId,
          customerId,
          tier,
          status: 'active',
          priceId: null,
          currentPeriodEnd: null,
        },
        created,
        { first: true },
      );
      return true;
    }
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted': {
      const sub = object as Stripe.Subscription;
      const customerId = idOf(sub.customer);
      const item = sub.items?.data?.[0];
      const priceId = idOf(item?.price) ?? null;
      const tier =
        tierOfPrice(config, priceId) ??
        (sub.metadata?.tier === 'BASIC' || sub.metadata?.tier === 'PRO' ? sub.metadata.tier : null);
      const userId = await userFor(tx, sub.metadata?.userId, customerId);
      if (!userId || !customerId || !tier) return false;
      await applySubscription(
        tx,
        {
          id: sub.id,
          userId,
          customerId,
          tier,
          status: event.type === 'customer.subscription.deleted' ? 'canceled' : sub.status,
          priceId,
          // current_period_end moved from the subscription to its items in 2025 API versions.
          currentPeriodEnd: epoch(pick(item, 'current_period_end')) ?? epoch(pick(sub, 'current_period_end')),
        },
        created,
        { first: event.type === 'customer.subscription.created' },
      );
      return true;
    }
    case 'invoice.paid':
    case 'invoice.payment_failed':
      return recordInvoice(tx, config, event.data.object as Stripe.Invoice, event.type === 'invoice.paid');
    case 'charge.refunded':
      return recordRefund(tx, event.data.object as Stripe.Charge);
    default:
      return false;
  }
}

const monthYear = (d: Date) =>
  d.toLocaleString('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/**
 * One SUBSCRIPTION_PAYMENT row per invoice (partial unique index, drizzle/0012): invoice.paid writes it as
 * SUCCEEDED; invoice.payment_failed writes FAILED but never overwrites a payment that succeeded, so the
 * two arriving in either order end right.
 */
async function recordInvoice(
  tx: Tx,
  config: Pick<BillingConfig, 'plans'>,
  invoice: Stripe.Invoice,
  paid: boolean,
): Promise<boolean> {
  const customerId = idOf(invoice.customer);
  const subscriptionId =
    idOf(pick(invoice, 'parent', 'subscription_details', 'subscription')) ??
    idOf(pick(invoice, 'subscription'));
  const userId = await userFor(
    tx,
    pick(invoice, 'parent', 'subscription_details', 'metadata', 'userId') ??
      pick(invoice, 'metadata', 'userId'),
    customerId,
  );
  if (!userId) return false;
  const line = invoice.lines?.data?.[0];
  const priceId = idOf(pick(line, 'pricing', 'price_details', 'price')) ?? idOf(pick(line, 'price')) ?? null;
  let tier = tierOfPrice(config, priceId);
  if (!tier && subscriptionId) {
    const [s] = await tx
      .select({ tier: billingSubscriptions.tier })
      .from(billingSubscriptions)
      .where(eq(billingSubscriptions.id, subscriptionId));
    tier = s?.tier === 'BASIC' || s?.tier === 'PRO' ? s.tier : null;
  }
  const periodStart = epoch(pick(line, 'period', 'start')) ?? epoch(invoice.period_start) ?? new Date();
  const amountCents = paid ? invoice.amount_paid : invoice.amount_due;
  const values = {
    userId,
    transactionType: 'SUBSCRIPTION_PAYMENT' as const,
    stripeInvoiceId: invoice.id ?? null,
    stripeSubscriptionId: subscriptionId,
    stripePaymentIntentId: idOf(pick(invoice, 'payments', 'data', '0', 'payment', 'payment_intent')),
    amount: (amountCents / 100).toFixed(2),
    currency: (invoice.currency ?? 'usd').toUpperCase(),
    status: paid ? ('SUCCEEDED' as const) : ('FAILED' as const),
    description: `${tier ? TIER_NAMES[tier] : 'ReadyPlan'} Plan - ${monthYear(periodStart)}`,
    invoicePdfUrl: str(invoice.invoice_pdf),
    metadata: { subscription_tier: tier, billing_period_start: periodStart.toISOString().slice(0, 10) },
    transactionDate:
      epoch(pick(invoice, 'status_transitions', 'paid_at')) ?? epoch(invoice.created) ?? new Date(),
  };
  await tx
    .insert(billingTransactions)
    .values(values)
    .onConflictDoUpdate({
      target: billingTransactions.stripeInvoiceId,
      targetWhere: sql`transaction_type = 'SUBSCRIPTION_PAYMENT' and stripe_invoice_id is not null`,
      set: {
        status: sql`excluded.status`,
        amount: sql`excluded.amount`,
        invoicePdfUrl: sql`coalesce(excluded.invoice_pdf_url, ${billingTransactions.invoicePdfUrl})`,
        stripePaymentIntentId: sql`coalesce(excluded.stripe_payment_intent_id, ${billingTransactions.stripePaymentIntentId})`,
        transactionDate: sql`excluded.transaction_date`,
      },
      setWhere: paid
        ? sql`${billingTransactions.status} <> 'REFUNDED'`
        : sql`${billingTransactions.status} = 'FAILED'`,
    });
  return true;
}

/**
 * One SUBSCRIPTION_REFUND row per charge, holding the total refunded so far (a charge can be refunded in
 * parts; the largest total told wins, so events out of order end right). A full refund marks the payment
 * it refunds (same payment intent) REFUNDED.
 */
async function recordRefund(tx: Tx, charge: Stripe.Charge): Promise<boolean> {
  const customerId = idOf(charge.customer);
  const userId = await userFor(tx, charge.metadata?.userId, customerId);
  if (!userId) return false;
  const paymentIntent = idOf(charge.payment_intent);
  await tx
    .insert(billingTransactions)
    .values({
      userId,
      transactionType: 'SUBSCRIPTION_REFUND',
      stripeChargeId: charge.id,
      stripePaymentIntentId: paymentIntent,
      amount: (charge.amount_refunded / 100).toFixed(2),
      currency: (charge.currency ?? 'usd').toUpperCase(),
      status: 'REFUNDED',
      description: `Refund${charge.refunded ? '' : ' (partial)'}`,
      metadata: { charge_amount: charge.amount / 100 },
    })
    .onConflictDoUpdate({
      target: billingTransactions.stripeChargeId,
      targetWhere: sql`transaction_type = 'SUBSCRIPTION_REFUND' and stripe_charge_id is not null`,
      set: {
        amount: sql`greatest(${billingTransactions.amount}, excluded.amount)`,
        description: sql`case when excluded.amount >= ${billingTransactions.amount} then excluded.description else ${billingTransactions.description} end`,
      },
    });
  if (charge.refunded && paymentIntent) {
    await tx
      .update(billingTransactions)
      .set({ status: 'REFUNDED' })
      .where(
        sql`${billingTransactions.transactionType} = 'SUBSCRIPTION_PAYMENT' and ${billingTransactions.stripePaymentIntentId} = ${paymentIntent}`,
      );
  }
  return true;
}
