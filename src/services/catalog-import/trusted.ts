import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { masterItems, specificProducts } from '../../db/schema/products.ts';
import { batches, takeExcluded } from '../catalog/upsert.ts';
import { badInput } from '../errors.ts';
import type { FeedRow } from './feed-row.ts';
import { type Link, linkListings, type ProductIndex } from './match.ts';

export type TrustedRow = { id: string; row: FeedRow; supplierId: string | null };

/**
 * A trusted feed (the shipped catalog, whose files were checked by hand and validated with their fit) names
 * each product's sku, master item and metadata: its products are written at once — upserted on sku, so a
 * re-import updates them — and its listings accepted into them.
 */
export async function acceptTrustedRows(
  tx: DbOrTx,
  index: ProductIndex,
  rows: TrustedRow[],
  now: Date,
): Promise<string[]> {
  if (rows.length === 0) return [];
  const names = [...new Set(rows.map((r) => r.row.masterItem!))];
  const items = new Map(
    (
      await tx
        .select({ id: masterItems.id, name: masterItems.name })
        .from(masterItems)
        .where(inArray(masterItems.name, names))
    ).map((m) => [m.name, m.id]),
  );
  const values = rows.map(({ row, supplierId }) => {
    const masterItemId = items.get(row.masterItem!);
    if (!masterItemId) throw badInput(`No master item named "${row.masterItem}"`, 'masterItem');
    return {
      sku: row.sku!,
      masterItemId,
      supplierId,
      name: row.name,
      description: row.description ?? null,
      price: row.price.toFixed(2),
      asin: row.asin ?? null,
      gtin: row.gtin ?? null,
      imageUrl: row.imageUrl ?? null,
      productUrl: row.url ?? null,
      type: row.type ?? 'AFFILIATE',
      status: row.status ?? 'pending',
      metadata: {
        ...row.metadata!,
        ...(row.brand ? { brand: row.brand } : {}),
        ...(row.model ? { model: row.model } : {}),
      },
      scenarios: row.scenarios ?? null,
      timeframes: row.timeframes ?? null,
      demographics: row.demographics ?? null,
      locations: row.locations ?? null,
      fitStatus: 'confirmed' as const,
    };
  });
  const idBySku = new Map<string, string>();
  for (const batch of batches(values)) {
    const written = await tx
      .insert(specificProducts)
      .values(batch)
      .onConflictDoUpdate({
        target: specificProducts.sku,
        set: takeExcluded(specificProducts, [
          'masterItemId',
          'supplierId',
          'name',
          'description',
          'price',
          'asin',
          'gtin',
          'imageUrl',
          'productUrl',
          'type',
          'status',
          'metadata',
          'scenarios',
          'timeframes',
          'demographics',
          'locations',
          'fitStatus',
        ]),
      })
      .returning({ id: specificProducts.id, sku: specificProducts.sku });
    for (const w of written) idBySku.set(w.sku!, w.id);
  }
  const links: Link[] = rows.map(({ id, row }) => ({
    listingId: id,
    productId: idBySku.get(row.sku!)!,
    masterItemId: items.get(row.masterItem!)!,
  }));
  values.forEach((v, i) => {
    index.add({
      id: links[i]!.productId,
      masterItemId: v.masterItemId,
      name: v.name,
      brand: v.metadata.brand ?? null,
      sku: v.sku,
      asin: v.asin,
      gtin: v.gtin,
    });
  });
  await linkListings(tx, links, now, null, 'accepted');
  return links.map((l) => l.productId);
}
