import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import {
  categories,
  masterItems,
  type QueueReview,
  scrapedQueue,
  specificProducts,
} from '../../db/schema/products.ts';
import type { ProductFit } from '../../domain/product-fit.ts';
import { masterItemEmbeddingText } from '../catalog/embedding-text.ts';
import { type Embedder, embedOne } from '../embeddings/embedder.ts';
import { AppError, badInput, notFound } from '../errors.ts';
import { forgetCatalogCandidates } from '../plans/catalog-candidates.ts';
import { parseInput } from '../validation.ts';
import { recordCatalogChange } from './audit.ts';
import { acceptSchema, createMasterSchema, rejectSchema } from './curate-schemas.ts';
import type { FeedRow } from './feed-row.ts';
import { checkFitComplete } from './fit-rules.ts';
import { linkListings } from './match.ts';
import type { FitProposal } from './propose-fit.ts';

export * from './curate-products.ts';
export * from './curate-schemas.ts';

/** The queue as the admin page lists it: newest first, one review state at a time. */
export async function listQueue(
  db: DbOrTx,
  options: { review?: QueueReview; limit?: number; offset?: number } = {},
) {
  return db
    .select({
      id: scrapedQueue.id,
      name: scrapedQueue.name,
      brand: scrapedQueue.brand,
      seller: scrapedQueue.seller,
      gtin: scrapedQueue.gtin,
      asin: scrapedQueue.asin,
      url: scrapedQueue.url,
      feed: scrapedQueue.feed,
      review: scrapedQueue.review,
      candidates: scrapedQueue.candidates,
      proposedFit: scrapedQueue.proposedFit,
      nearDuplicateOf: scrapedQueue.nearDuplicateOf,
      specificProductId: scrapedQueue.specificProductId,
      rejectReason: scrapedQueue.rejectReason,
      createdAt: scrapedQueue.createdAt,
    })
    .from(scrapedQueue)
    .where(eq(scrapedQueue.review, options.review ?? 'waiting'))
    .orderBy(desc(scrapedQueue.createdAt), scrapedQueue.id)
    .limit(Math.min(options.limit ?? 50, 200))
    .offset(options.offset ?? 0);
}

async function waitingListing(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(scrapedQueue).where(eq(scrapedQueue.id, id)).for('update');
  if (!row) throw notFound('Queued listing');
  if (row.review !== 'waiting') throw new AppError('CONFLICT', `This listing was already ${row.review}.`);
  return row;
}

type Listing = Awaited<ReturnType<typeof waitingListing>>;

/** The product a listing becomes: its own words, its latest observed price, and the fit (proposed or given). */
async function productFromListing(
  tx: DbOrTx,
  listing: Listing,
  master: { id: string },
  input: { fit?: ProductFit; covers?: { supply: string; amount: number }[]; confirmFit: boolean },
) {
  const row = listing.result as unknown as FeedRow & { observedAt: string };
  const proposal = listing.proposedFit as unknown as FitProposal | null;
  const fit = input.fit ?? proposal?.fit ?? {};
  const covers = input.covers ?? proposal?.covers ?? [];
  if (input.confirmFit) checkFitComplete(fit, covers);
  const [offer] = rowsOf<{ price: string; observed_at: string }>(
    await tx.execute(sql`select price, observed_at from product_offers where listing_id = ${listing.id}
      order by observed_at desc limit 1`),
  );
  const [product] = await tx
    .insert(specificProducts)
    .values({
      masterItemId: master.id,
      supplierId: listing.supplierId,
      name: row.name,
      description: row.description ?? null,
      price: offer?.price ?? '0.00',
      asin: row.asin ?? null,
      gtin: row.gtin ?? null,
      productUrl: row.url ?? null,
      imageUrl: row.imageUrl ?? null,
      type: 'AFFILIATE',
      status: 'pending',
      metadata: {
        ...(row.brand ? { brand: row.brand } : {}),
        ...(row.model ? { model: row.model } : {}),
        ...(row.packSize ? { packSize: row.packSize } : {}),
        ...(proposal?.weightLb ? { weightLb: proposal.weightLb } : {}),
        covers,
        fit,
        ...(proposal ? { fitEvidence: proposal.evidence } : {}),
        priceObservedAt: (offer ? new Date(offer.observed_at) : new Date()).toISOString().slice(0, 10),
      },
      fitStatus: input.confirmFit ? 'confirmed' : 'proposed',
    })
    .returning();
  return product!;
}

/**
 * Accepts a waiting listing into a master item: a new product (fit proposed, so not planned with until someone
 * confirms it, unless `confirmFit` here), its listing and price history linked to it, and the change logged.
 */
export async function acceptListing(db: Db, by: string, listingId: string, input: unknown) {
  const data = parseInput(acceptSchema, input, 'accept');
  const product = await db.transaction(async (tx) => {
    const listing = await waitingListing(tx, listingId);
    const [master] = await tx
      .select({ id: masterItems.id })
      .from(masterItems)
      .where(eq(masterItems.id, data.masterItemId));
    if (!master) throw badInput('No master item with that id.', 'masterItemId');
    const product = await productFromListing(tx, listing, master, data);
    await linkListings(
      tx,
      [{ listingId, productId: product.id, masterItemId: master.id }],
      new Date(),
      by,
      'accepted',
    );
    await recordCatalogChange(tx, by, {
      action: 'queue.accept',
      entity: 'scraped_queue',
      id: listingId,
      before: { review: listing.review },
      after: { review: 'accepted', product },
    });
    return product;
  });
  forgetCatalogCandidates(db);
  return product;
}

/** Creates a master item (embedded by the search's embedder) from a waiting listing and accepts the listing into it. */
export async function createMasterFromListing(
  db: Db,
  embedder: Embedder,
  by: string,
  listingId: string,
  input: unknown,
) {
  const data = parseInput(createMasterSchema, input, 'master item');
  const path = rowsOf<{ id: string; name: string }>(
    await db.execute(sql`
      with recursive up as (
        select id, name, parent_id, 0 as d from categories where slug = ${data.categorySlug}
        union all select c.id, c.name, c.parent_id, up.d + 1 from categories c join up on c.id = up.parent_id
      ) select id, name from up order by d desc`),
  );
  if (path.length === 0) throw badInput(`No category "${data.categorySlug}".`, 'categorySlug');
  const [existing] = await db
    .select({ id: masterItems.id })
    .from(masterItems)
    .where(eq(masterItems.name, data.name));
  if (existing)
    throw new AppError('CONFLICT', `A master item named "${data.name}" exists: accept into it instead.`, {
      field: 'name',
    });
  const vector = await embedOne(
    embedder,
    masterItemEmbeddingText({
      name: data.name,
      description: data.description,
      categoryPath: path.map((p) => p.name),
      supplyKey: data.supplyKey,
      brands: [],
    }),
  );
  const result = await db.transaction(async (tx) => {
    const listing = await waitingListing(tx, listingId);
    const [category] = await tx
      .select({ id: categories.id })
      .from(categories)
      .where(eq(categories.slug, data.categorySlug));
    const [master] = await tx
      .insert(masterItems)
      .values({
        name: data.name,
        description: data.description,
        categoryId: category!.id,
        supplyKey: data.supplyKey,
        embedding: vector,
        embeddingModel: embedder.name,
        status: 'active',
      })
      .returning({ id: masterItems.id, name: masterItems.name });
    const product = await productFromListing(tx, listing, master!, data);
    await linkListings(
      tx,
      [{ listingId, productId: product.id, masterItemId: master!.id }],
      new Date(),
      by,
      'created',
    );
    await recordCatalogChange(tx, by, {
      action: 'queue.create-master',
      entity: 'scraped_queue',
      id: listingId,
      before: { review: listing.review },
      after: { review: 'created', masterItem: master, product },
    });
    return { masterItem: master!, product };
  });
  forgetCatalogCandidates(db);
  return result;
}

/** Rejects a waiting listing with a reason; its offers stay as history but it never becomes a product. */
export async function rejectListing(db: Db, by: string, listingId: string, input: unknown) {
  const { reason } = parseInput(rejectSchema, input, 'reject');
  await db.transaction(async (tx) => {
    const listing = await waitingListing(tx, listingId);
    const now = new Date();
    await tx
      .update(scrapedQueue)
      .set({ review: 'rejected', status: 'DONE', rejectReason: reason, reviewedBy: by, reviewedAt: now })
      .where(and(eq(scrapedQueue.id, listingId), eq(scrapedQueue.review, 'waiting')));
    await recordCatalogChange(tx, by, {
      action: 'queue.reject',
      entity: 'scraped_queue',
      id: listingId,
      before: { review: listing.review },
      after: { review: 'rejected', reason },
    });
  });
}
