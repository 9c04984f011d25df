import { sql } from 'drizzle-orm';
import { check, index, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
