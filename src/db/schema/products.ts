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
    /** GTIN-14 (a UPC or EAN padded with zeros): with the ASIN, the exact key feed rows are merged on. */
    gtin: text('gtin'),
    /**
     * 'proposed': the fit was read from a feed's text and no person has confirmed it yet, so the planner does
     * not offer the product (src/services/plans/catalog-candidates.ts). Hand-checked products are 'confirmed'.
     */
    fitStatus: text('fit_status').$type<'confirmed' | 'proposed'>().notNull().default('confirmed'),
    /** A retired product stays for the plans that name it and is never offered again. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    retiredReason: text('retired_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
  },
  (t) => [
    index('idx_specific_products_master').on(t.masterItemId),
    index('idx_specific_products_gtin').on(t.gtin),
    index('idx_specific_products_supplier').on(t.supplierId),
    uniqueIndex('idx_specific_products_asin').on(t.asin),
    index('idx_specific_products_metadata').using('gin', t.metadata),
    check('specific_products_type_check', sql`${t.type} in ('AFFILIATE', 'DROP_SHIP')`),
    check('specific_products_status_check', sql`${t.status} in ('verified', 'pending')`),
    check('specific_products_price_check', sql`${t.price} >= 0`),
    check('specific_products_fit_status_check', sql`${t.fitStatus} in ('confirmed', 'proposed')`),
  ],
);

/**
 * Kept, not folded: specific_products.price is the price we show; product_offers records each seller's
 * observed price and stock over time (what the feed import writes), which is where in-stock status comes from.
 * One row per price-and-stock state of a listing: a changed price or stock is a new row, the same one seen again
 * only moves `last_seen_at` forward. A listing not yet matched to a product keeps its history through
 * `listing_id` (scraped_queue), and the rows gain the product when a person accepts it.
 */
export const productOffers = pgTable(
  'product_offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    specificProductId: uuid('specific_product_id').references(() => specificProducts.id, {
      onDelete: 'cascade',
    }),
    listingId: uuid('listing_id').references((): AnyPgColumn => scrapedQueue.id, { onDelete: 'cascade' }),
    supplierId: uuid('supplier_id').references(() => suppliers.id, { onDelete: 'cascade' }),
    /** The seller as the feed names it (a marketplace seller need not be one of our suppliers). */
    seller: text('seller'),
    price: numeric('price', { precision: 12, scale: 2 }).notNull(),
    currency: text('currency').notNull().default('USD'),
    offerUrl: text('offer_url'),
    inStock: boolean('in_stock').notNull().default(true),
    observedAt: timestamp('observed_at', { withTimezone: true }).notNull().defaultNow(),
    /** The latest observation of this same price and stock (how fresh the price is). */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('idx_product_offers_product').on(t.specificProductId, t.observedAt),
    index('idx_product_offers_listing').on(t.listingId, t.observedAt),
    check('product_offers_price_check', sql`${t.price} >= 0`),
    check(
      'product_offers_owner_check',
      sql`${t.specificProductId} is not null or ${t.listingId} is not null`,
    ),
  ],
);

export const QUEUE_REVIEW_STATES = ['waiting', 'merged', 'accepted', 'created', 'rejected'] as const;
export type QueueReview = (typeof QUEUE_REVIEW_STATES)[number];

/** A master-item candidate for a queued listing, best first (src/services/catalog-import/match.ts). */
export type MatchCandidate = { masterItemId: string; name: string; score: number; via: 'key' | 'embedding' };

/**
 * One seller's listing as feeds report it (issue 17): the latest row of each feed is folded in on `listing_key`
 * (seller + GTIN, ASIN, SKU, URL or brand and name), its price history goes to product_offers. `status` is the
 * matching step (PENDING until matched), `review` what became of it: merged into an existing product by an exact
 * key, waiting for a person, accepted into a master item, created as a new master item, or rejected.
 */
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
    /** The validated feed row as last imported (src/services/catalog-import/feed-row.ts). */
    result: jsonb('result').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    listingKey: text('listing_key'),
    /** Hash of the row's listing fields (not price or stock, which go to offers): unchanged rows are skipped. */
    rowHash: text('row_hash'),
    feed: text('feed'),
    seller: text('seller'),
    name: text('name'),
    brand: text('brand'),
    gtin: text('gtin'),
    review: text('review').$type<QueueReview>().notNull().default('waiting'),
    candidates: jsonb('candidates').$type<MatchCandidate[]>(),
    /** Fit attributes read from the text (src/services/catalog-import/propose-fit.ts), to confirm. */
    proposedFit: jsonb('proposed_fit').$type<Record<string, unknown>>(),
    /** An existing product this listing may duplicate (same master item, near-identical name): a person decides. */
    nearDuplicateOf: uuid('near_duplicate_of').references(() => specificProducts.id, {
      onDelete: 'set null',
    }),
    specificProductId: uuid('specific_product_id').references(() => specificProducts.id, {
      onDelete: 'set null',
    }),
    rejectReason: text('reject_reason'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  },
  (t) => [
    index('idx_scraped_queue_pending').on(t.createdAt).where(sql`${t.status} = 'PENDING'`),
    uniqueIndex('idx_scraped_queue_listing').on(t.listingKey),
    index('idx_scraped_queue_review').on(t.review, t.createdAt),
    check('scraped_queue_status_check', sql`${t.status} in ('PENDING', 'PROCESSING', 'DONE', 'FAILED')`),
    check(
      'scraped_queue_target_check',
      sql`${t.asin} is not null or ${t.url} is not null or ${t.listingKey} is not null`,
    ),
    check(
      'scraped_queue_review_check',
      sql`${t.review} in ('waiting', 'merged', 'accepted', 'created', 'rejected')`,
    ),
  ],
);
