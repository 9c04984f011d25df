import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { bundleItems, bundles } from '../../db/schema/bundles.ts';
import { categories, masterItems, specificProducts, suppliers } from '../../db/schema/products.ts';
import { importFeed } from '../catalog-import/import.ts';
import { shippedCatalogFeed } from '../catalog-import/seed-feed.ts';
import type { Embedder } from '../embeddings/embedder.ts';
import { masterItemEmbeddingText } from './embedding-text.ts';
import type { SeedData } from './seed-schemas.ts';
import { batches, takeExcluded } from './upsert.ts';

/** The catalog's datasets: categories, suppliers, master items, products and bundles. */
export type ProductData = Pick<SeedData, 'categories' | 'suppliers' | 'masterItems' | 'products' | 'bundles'>;

function categoryPaths(data: Pick<SeedData, 'categories'>): Map<string, { path: string[]; depth: number }> {
  const bySlug = new Map(data.categories.map((c) => [c.slug, c]));
  const out = new Map<string, { path: string[]; depth: number }>();
  for (const c of data.categories) {
    const path: string[] = [];
    for (let at: typeof c | undefined = c; at; at = at.parent ? bySlug.get(at.parent) : undefined)
      path.unshift(at.name);
    out.set(c.slug, { path, depth: path.length });
  }
  return out;
}

/** The master items' embeddings (before the seed's transaction opens, so a slow embedder holds no locks). */
export async function prepareProducts(embedder: Embedder, data: ProductData): Promise<number[][]> {
  const paths = categoryPaths(data);
  const brands = new Map<string, string[]>();
  for (const p of data.products)
    brands.set(p.masterItem, [...(brands.get(p.masterItem) ?? []), p.metadata.brand]);
  return embedder.embed(
    data.masterItems.map((m) =>
      masterItemEmbeddingText({
        name: m.name,
        description: m.description,
        categoryPath: paths.get(m.category)?.path ?? [],
        supplyKey: m.supplyKey,
        brands: brands.get(m.name) ?? [],
      }),
    ),
  );
}

/** The name the shipped catalog's listings carry in scraped_queue.feed. */
export const SHIPPED_CATALOG_FEED = 'shipped-catalog';

/**
 * Upserts the catalog on natural keys (slug, name, sku) — products through the feed import (trusted), so there
 * is one way products enter the database; a bundle's items are replaced as a whole.
 */
export async function seedProducts(
  tx: DbOrTx,
  embedder: Embedder,
  data: ProductData,
  itemVectors: number[][],
): Promise<void> {
  // Categories, parents before children, so every parent id is known when its children are written.
  const paths = categoryPaths(data);
  const categoryId = new Map<string, string>();
  const byDepth = [...data.categories].sort((a, b) => paths.get(a.slug)!.depth - paths.get(b.slug)!.depth);
  const maxDepth = Math.max(0, ...byDepth.map((c) => paths.get(c.slug)!.depth));
  for (let depth = 1; depth <= maxDepth; depth++) {
    const level = byDepth.filter((c) => paths.get(c.slug)!.depth === depth);
    if (level.length === 0) continue;
    const written = await tx
      .insert(categories)
      .values(
        level.map((c) => ({
          slug: c.slug,
          name: c.name,
          description: c.description ?? null,
          parentId: c.parent ? categoryId.get(c.parent)! : null,
        })),
      )
      .onConflictDoUpdate({
        target: categories.slug,
        set: takeExcluded(categories, ['name', 'description', 'parentId']),
      })
      .returning({ id: categories.id, slug: categories.slug });
    for (const row of written) categoryId.set(row.slug, row.id);
  }

  await tx
    .insert(suppliers)
    .values(
      data.suppliers.map((s) => ({
        name: s.name,
        fulfillmentType: s.fulfillmentType,
        websiteUrl: s.websiteUrl ?? null,
        contactInfo: s.contactInfo ?? null,
      })),
    )
    .onConflictDoUpdate({
      target: suppliers.name,
      set: takeExcluded(suppliers, ['fulfillmentType', 'websiteUrl', 'contactInfo']),
    });

  const masterItemId = new Map<string, string>();
  const itemRows = data.masterItems.map((m, i) => ({
    name: m.name,
    categoryId: categoryId.get(m.category)!,
    description: m.description,
    supplyKey: m.supplyKey,
    embedding: itemVectors[i]!,
    embeddingModel: embedder.name,
    status: m.status,
    timeframes: m.timeframes,
    demographics: m.demographics,
    locations: m.locations,
    scenarios: m.scenarios,
  }));
  for (const batch of batches(itemRows)) {
    const written = await tx
      .insert(masterItems)
      .values(batch)
      .onConflictDoUpdate({
        target: masterItems.name,
        set: takeExcluded(masterItems, [
          'categoryId',
          'description',
          'supplyKey',
          'embedding',
          'embeddingModel',
          'status',
          'timeframes',
          'demographics',
          'locations',
          'scenarios',
        ]),
      })
      .returning({ id: masterItems.id, name: masterItems.name });
    for (const row of written) masterItemId.set(row.name, row.id);
  }

  // Products enter the way every product does: as a (trusted) feed through the import.
  await importFeed(tx, embedder, shippedCatalogFeed(data.products, data.suppliers), {
    feed: SHIPPED_CATALOG_FEED,
    trusted: true,
  });
  const skus = data.products.map((p) => p.sku);
  const productId = new Map<string, string>();
  for (const batch of batches(skus)) {
    const rows = await tx
      .select({ id: specificProducts.id, sku: specificProducts.sku })
      .from(specificProducts)
      .where(inArray(specificProducts.sku, batch));
    for (const row of rows) productId.set(row.sku!, row.id);
  }

  // Bundles: the estimated price counts the items every buyer gets (not the optional ones).
  const priceBySku = new Map(data.products.map((p) => [p.sku, p.price]));
  const bundleRows = await tx
    .insert(bundles)
    .values(
      data.bundles.map((b) => {
        const cents = b.items
          .filter((i) => !i.optional)
          .reduce((sum, i) => sum + Math.round(priceBySku.get(i.sku)! * 100) * i.quantity, 0);
        return {
          slug: b.slug,
          name: b.name,
          description: b.description,
          imageUrl: b.imageUrl ?? null,
          totalEstimatedPrice: (cents / 100).toFixed(2),
          scenarios: b.scenarios,
          minPeople: b.minPeople,
          maxPeople: b.maxPeople,
          gender: b.gender,
          ageGroups: b.ageGroups,
          climates: b.climates,
        };
      }),
    )
    .onConflictDoUpdate({
      target: bundles.slug,
      set: takeExcluded(bundles, [
        'name',
        'description',
        'imageUrl',
        'totalEstimatedPrice',
        'scenarios',
        'minPeople',
        'maxPeople',
        'gender',
        'ageGroups',
        'climates',
      ]),
    })
    .returning({ id: bundles.id, slug: bundles.slug });
  const bundleId = new Map(bundleRows.map((r) => [r.slug, r.id]));
  // A bundle's items are replaced as a whole: nothing refers to bundle_items rows.
  if (bundleRows.length > 0) {
    await tx.delete(bundleItems).where(
      inArray(
        bundleItems.bundleId,
        bundleRows.map((r) => r.id),
      ),
    );
  }
  const itemLines = data.bundles.flatMap((b) =>
    b.items.map((i) => ({
      bundleId: bundleId.get(b.slug)!,
      specificProductId: productId.get(i.sku)!,
      quantity: i.quantity,
      isOptional: i.optional,
    })),
  );
  for (const batch of batches(itemLines)) await tx.insert(bundleItems).values(batch);
}
