import { SeedFileError } from '../catalog/seed-error.ts';
import type { ProductSeed, SupplierSeed } from '../catalog/seed-schemas.ts';
import { feedRowSchema } from './feed-row.ts';
import type { ParsedFeed } from './parse-feed.ts';

/**
 * The shipped catalog's products as a trusted feed, so they enter the database the way every product does
 * (importFeed): each product is a listing of its supplier, its hand-written price an observation dated
 * metadata.priceObservedAt. The files were validated by loadSeedData; a row the feed schema still refuses is a
 * seed bug and stops the seed, naming the sku and field.
 */
export function shippedCatalogFeed(products: ProductSeed[], suppliers: SupplierSeed[]): ParsedFeed {
  const supplierName = new Map(suppliers.map((s) => [s.key, s.name]));
  const out: ParsedFeed = { rows: [], problems: [] };
  products.forEach((p, i) => {
    const parsed = feedRowSchema.safeParse({
      name: p.name,
      brand: p.metadata.brand,
      price: p.price,
      currency: 'USD',
      url: p.productUrl,
      asin: p.asin,
      description: p.description,
      seller: supplierName.get(p.supplier),
      observedAt: p.metadata.priceObservedAt,
      inStock: true,
      sku: p.sku,
      imageUrl: p.imageUrl,
      masterItem: p.masterItem,
      metadata: p.metadata,
      type: p.type,
      status: p.status,
      scenarios: p.scenarios,
      timeframes: p.timeframes,
      demographics: p.demographics,
      locations: p.locations,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new SeedFileError(
        'data/catalog/products',
        `[${i}].${issue.path.join('.')}`,
        `sku ${p.sku}: ${issue.message}`,
      );
    }
    out.rows.push({ line: i + 1, row: parsed.data });
  });
  return out;
}
