import { boolean, index, inet, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bundles } from './bundles.ts';
import { specificProducts } from './products.ts';
import { users } from './users.ts';

export const userActivityLog = pgTable(
  'user_activity_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    activityType: text('activity_type').notNull(),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().default({}),
    sessionId: text('session_id'),
    ipAddress: inet('ip_address'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
  },
  (t) => [
    index('idx_activity_by_user').on(t.userId),
    index('idx_activity_by_type').on(t.activityType),
    index('idx_activity_by_date').on(t.createdAt),
    index('idx_activity_metadata').using('gin', t.metadata),
  ],
);

export const externalTransactions = pgTable(
  'external_transactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    specificProductId: uuid('specific_product_id').references(() => specificProducts.id, {
      onDelete: 'set null',
    }),
    clickedAt: timestamp('clicked_at', { withTimezone: true }).defaultNow(),
    source: text('source').$type<'BUNDLE_CHECKOUT' | 'PRODUCT_PAGE' | 'INVENTORY'>(),
    bundleId: uuid('bundle_id').references(() => bundles.id, { onDelete: 'set null' }),
    isOriginalProduct: boolean('is_original_product').default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
  },
  (t) => [
    index('idx_external_trans_user').on(t.userId),
    index('idx_external_trans_bundle').on(t.bundleId),
    index('idx_external_trans_date').on(t.clickedAt),
    index('idx_external_trans_user_date').on(t.userId, t.clickedAt),
  ],
);
