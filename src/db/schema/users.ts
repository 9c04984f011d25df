import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Plays the part of Supabase's `auth.users` in the source document: the identity every user-owned row points at. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const subscriptionTiers = ['FREE', 'BASIC', 'PRO'] as const;
export type SubscriptionTier = (typeof subscriptionTiers)[number];
export const subscriptionStatuses = ['active', 'canceled', 'past_due', 'trialing'] as const;
export type SubscriptionStatus = (typeof subscriptionStatuses)[number];

export const profiles = pgTable(
  'profiles',
  {
    id: uuid('id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').default('USER'),
    fullName: text('full_name'),
    email: text('email'),
    stripeCustomerId: text('stripe_customer_id'),
    subscriptionTier: text('subscription_tier').$type<SubscriptionTier>().default('FREE'),
    subscriptionStatus: text('subscription_status').$type<SubscriptionStatus>().default('active'),
    subscriptionPeriodEnd: timestamp('subscription_period_end', { withTimezone: true }),
    /** The household as gathered in conversation (location, members, pets, skills), so nobody is asked twice. */
    household: jsonb('household').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow(),
  },
  (t) => [
    index('idx_profiles_subscription_tier').on(t.subscriptionTier),
    index('idx_profiles_stripe_customer').on(t.stripeCustomerId),
    check('profiles_subscription_tier_check', sql`${t.subscriptionTier} in ('FREE', 'BASIC', 'PRO')`),
    check(
      'profiles_subscription_status_check',
      sql`${t.subscriptionStatus} in ('active', 'canceled', 'past_due', 'trialing')`,
    ),
  ],
);
