import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  vector,
} from 'drizzle-orm/pg-core';

export const EMBEDDING_DIMENSIONS = 768;
export const fulfillmentTypes = ['AFFILIATE', 'DROP_SHIP'] as const;

export const categories = pgTable(
  'categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => categories.id, { onDelete: 'set null' }),
    slug: text('slug').notNull().unique(),
    description: text('description'),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
  },
  (t) => [index('idx_categories_parent').on(t.parentId)],
);

export const suppliers = pgTable(
  'suppliers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull().unique(),
    contactInfo: jsonb('contact_info').$type<{ email?: string; phone?: string; portalUrl?: string }>(),
    fulfillmentType: text('fulfillment_type').$type<(typeof fulfillmentTypes)[number]>(),
    websiteUrl: text('website_url'),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
  },
  (t) => [check('suppliers_fulfillment_type_check', sql`${t.fulfillmentType} in ('AFFILIATE', 'DROP_SHIP')`)],
);

export const masterItems = pgTable(
  'master_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    categoryId: uuid('category_id').references(() => categories.id, { onDelete: 'set null' }),
    name: text('name').notNull().unique(),
    description: text('description'),
    /** The planner's supply key this item serves (see src/domain/data/supplies.json). */
    supplyKey: text('supply_key'),
    embedding: vector('embedding', { dimensions: EMBEDDING_DIMENSIONS }),
    /** Which embedder produced `embedding`, so vectors of two embedders are never compared. */
    embeddingModel: text('embedding_model'),
    status: text('status').$type<'active' | 'pending_review'>().default('active'),
    timeframes: text('timeframes').array(),
    demographics: text('demographics').array(),
    locations: text('locations').array(),
    scenarios: text('scenarios').array(),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
  },
  (t) => [
    index('idx_master_items_category').on(t.categoryId),
    // m 32 / ef_construction 128 rather than pgvector's 16 / 64: short natural-language queries land far from
    // every vector, and the denser graph lifts their recall@10 (bench/search.ts, npm run bench:search).
    index('idx_master_items_embedding')
      .using('hnsw', t.embedding.op('vector_cosine_ops'))
      .with({ m: 32, ef_construction: 128 }),
    index('idx_master_items_scenarios').using('gin', t.scenarios),
    check('master_items_status_check', sql`${t.status} in ('active', 'pending_review')`),
  ],
);

export type ProductMetadata = {
  brand?: string;
  weightLb?: number;
  dimensionsIn?: { l: number; w: number; h: number };
  shelfLifeMonths?: number | null;
  gallons?: number;
  kcalPerServing?: number;
  servings?: number;
  gallonsFiltered?: number;
  unitCount?: number;
  covers?: { supply: string; amount: number }[];
  [key: string]: unknown;
};

export const specificProducts = pgTable(
  'specific_products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    masterItemId: uuid('master_item_id').references(() => masterItems.id, { onDelete: 'cascade' }),
    supplierId: uuid('supplier_id').references(() => suppliers.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    description: text('description'),
    price: numeric('price', { precision: 12, scale: 2 }),
    sku: text('sku').unique(),
    asin: text('asin'),
    imageUrl: text('image_url'),
    productUrl: text('product_url'),
    type: text('type').$type<(typeof fulfillmentTypes)[number]>(),
    status: text('status').$type<'verified' | 'pending'>().default('pending'),
    metadata: jsonb('metadata').$type<ProductMetadata>().default({}),
    timeframes: text('timeframes').array(),
    demographics: text('demographics').array(),
    locations: text('locations').array(),
    scenarios: text('scenarios').array(),
    variations: jsonb('variations').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
  },
  (t) => [
    index('idx_specific_products_master').on(t.masterItemId),
    index('idx_specific_products_supplier').on(t.supplierId),
    uniqueIndex('idx_specific_products_asin').on(t.asin),
    index('idx_specific_products_metadata').using('gin', t.metadata),
    check('specific_products_type_check', sql`${t.type} in ('AFFILIATE', 'DROP_SHIP')`),
    check('specific_products_status_check', sql`${t.status} in ('verified', 'pending')`),
    check('specific_products_price_check', sql`${t.price} >= 0`),
  ],
);

/**
 * Kept, not folded: specific_products.price is the price we show; product_offers records each seller's
 * observed price and stock over time (what the scraper writes), which is where in-stock status comes from.
 */
export const productOffers = pgTable(
  'product_offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    specificProductId: uuid('specific_product_id')
      .notNull()
      .references(() => specificProducts.id, { onDelete: 'cascade' }),
    supplierId: uuid('supplier_id').references(() => suppliers.id, { onDelete: 'cascade' }),
    price: numeric('price', { precision: 12, scale: 2 }).notNull(),
    currency: text('currency').notNull().default('USD'),
    offerUrl: text('offer_url'),
    inStock: boolean('in_stock').notNull().default(true),
    observedAt: timestamp('observed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('idx_product_offers_product').on(t.specificProductId, t.observedAt),
    check('product_offers_price_check', sql`${t.price} >= 0`),
  ],
);

export const scrapedQueue = pgTable(
  'scraped_queue',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    asin: text('asin'),
    url: text('url'),
    supplierId: uuid('supplier_id').references(() => suppliers.id, { onDelete: 'set null' }),
    masterItemId: uuid('master_item_id').references(() => masterItems.id, { onDelete: 'set null' }),
    status: text('status').$type<'PENDING' | 'PROCESSING' | 'DONE' | 'FAILED'>().notNull().default('PENDING'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    result: jsonb('result').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    index('idx_scraped_queue_pending').on(t.createdAt).where(sql`${t.status} = 'PENDING'`),
    check('scraped_queue_status_check', sql`${t.status} in ('PENDING', 'PROCESSING', 'DONE', 'FAILED')`),
    check('scraped_queue_target_check', sql`${t.asin} is not null or ${t.url} is not null`),
  ],
);
