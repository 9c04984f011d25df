import { sql } from 'drizzle-orm';
import {
  check,
  index,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './users.ts';

export const transactionTypes = [
  'SUBSCRIPTION_PAYMENT',
  'SUBSCRIPTION_REFUND',
  'ORDER_PAYMENT',
  'ORDER_REFUND',
  'ONE_TIME_CALL',
] as const;
export const transactionStatuses = ['SUCCEEDED', 'FAILED', 'PENDING', 'REFUNDED', 'CANCELED'] as const;

export const billingTransactions = pgTable(
  'billing_transactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    transactionType: text('transaction_type').$type<(typeof transactionTypes)[number]>().notNull(),
    stripeInvoiceId: text('stripe_invoice_id'),
    stripePaymentIntentId: text('stripe_payment_intent_id'),
    stripeSubscriptionId: text('stripe_subscription_id'),
    stripeChargeId: text('stripe_charge_id'),
    amount: numeric('amount', { precision: 12, scale: 2 }).notNull(),
    currency: text('currency').default('USD'),
    status: text('status').$type<(typeof transactionStatuses)[number]>().notNull(),
    description: text('description').notNull(),
    invoicePdfUrl: text('invoice_pdf_url'),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().default({}),
    transactionDate: timestamp('transaction_date', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
  },
  (t) => [
    index('idx_billing_by_user').on(t.userId),
    index('idx_billing_by_date').on(t.transactionDate),
    index('idx_billing_by_type').on(t.transactionType),
    index('idx_billing_by_stripe_invoice').on(t.stripeInvoiceId),
    // One payment row per Stripe invoice and one refund row per charge, however often Stripe tells us
    // (webhooks are at-least-once): the webhook handlers upsert on these.
    uniqueIndex('billing_transactions_invoice_payment')
      .on(t.stripeInvoiceId)
      .where(sql`${t.transactionType} = 'SUBSCRIPTION_PAYMENT' and ${t.stripeInvoiceId} is not null`),
    uniqueIndex('billing_transactions_charge_refund')
      .on(t.stripeChargeId)
      .where(sql`${t.transactionType} = 'SUBSCRIPTION_REFUND' and ${t.stripeChargeId} is not null`),
    check(
      'billing_transactions_type_check',
      sql`${t.transactionType} in ('SUBSCRIPTION_PAYMENT', 'SUBSCRIPTION_REFUND', 'ORDER_PAYMENT', 'ORDER_REFUND', 'ONE_TIME_CALL')`,
    ),
    check(
      'billing_transactions_status_check',
      sql`${t.status} in ('SUCCEEDED', 'FAILED', 'PENDING', 'REFUNDED', 'CANCELED')`,
    ),
  ],
);

/**
 * Every Stripe webhook event processed, by its id: the primary key is the de-duplication (a redelivered
 * event's insert conflicts and nothing else runs). System role only.
 */
export const stripeEvents = pgTable('stripe_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  /** The event's own `created` (Stripe's clock). */
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The subscription as Stripe last told us, one row per Stripe subscription. `eventCreatedAt` is the
 * `created` of the event that wrote the row: an older event arriving late is ignored, so events out of
 * order leave the newest state (profiles are updated from this row). System role only.
 */
export const billingSubscriptions = pgTable(
  'billing_subscriptions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    customerId: text('customer_id').notNull(),
    tier: text('tier').$type<'FREE' | 'BASIC' | 'PRO'>().notNull(),
    status: text('status').notNull(),
    priceId: text('price_id'),
    currentPeriodEnd: timestamp('current_period_end', { withTimezone: true }),
    eventCreatedAt: timestamp('event_created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('idx_billing_subscriptions_user').on(t.userId)],
);
