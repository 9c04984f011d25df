import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { specificProducts } from './products.ts';

export const bundles = pgTable(
  'bundles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    description: text('description'),
    slug: text('slug').notNull().unique(),
    imageUrl: text('image_url'),
    totalEstimatedPrice: numeric('total_estimated_price', { precision: 12, scale: 2 }),
    scenarios: text('scenarios').array(),
    minPeople: integer('min_people'),
    maxPeople: integer('max_people'),
    gender: text('gender').array(),
    ageGroups: text('age_groups').array(),
    climates: text('climates').array(),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
  },
  (t) => [
    index('idx_bundles_scenarios').using('gin', t.scenarios),
    check(
      'bundles_people_check',
      sql`${t.minPeople} is null or ${t.maxPeople} is null or ${t.minPeople} <= ${t.maxPeople}`,
    ),
  ],
);

export const bundleItems = pgTable(
  'bundle_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bundleId: uuid('bundle_id')
      .notNull()
      .references(() => bundles.id, { onDelete: 'cascade' }),
    specificProductId: uuid('specific_product_id')
      .notNull()
      .references(() => specificProducts.id, { onDelete: 'cascade' }),
    quantity: integer('quantity').notNull().default(1),
    isOptional: boolean('is_optional').notNull().default(false),
  },
  (t) => [
    index('idx_bundle_items_bundle').on(t.bundleId),
    check('bundle_items_quantity_check', sql`${t.quantity} > 0`),
  ],
);

/** Deferred in the source document (phase 2/3 upselling); the table exists, unpopulated. */
export const bundleRecommendations = pgTable(
  'bundle_recommendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bundleId: uuid('bundle_id')
      .notNull()
      .references(() => bundles.id, { onDelete: 'cascade' }),
    specificProductId: uuid('specific_product_id')
      .notNull()
      .references(() => specificProducts.id, { onDelete: 'cascade' }),
    reason: text('reason'),
  },
  (t) => [index('idx_bundle_recommendations_bundle').on(t.bundleId)],
);
