import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import type { ProductMetadata } from '../../db/schema/products.ts';
import { badInput, notFound } from '../errors.ts';
import { parseInput } from '../validation.ts';

export const customBundleSchema = z.object({
  bundleSlug: z.string().trim().min(1),
  removeOptional: z.array(z.string().trim().min(1)).default([]),
  substitutions: z
    .array(z.object({ fromSku: z.string().trim().min(1), toSku: z.string().trim().min(1) }))
    .default([]),
});

export type CustomBundleInput = z.input<typeof customBundleSchema>;

/**
 * One line of a customised bundle, shaped like order_items / external_transactions record it: a substitute has
 * isOriginalProduct false and originalSpecificProductId pointing at the product the bundle listed.
 */
export type CustomBundleLine = {
  specificProductId: string;
  sku: string;
  name: string;
  masterItem: string | null;
  supplyKey: string | null;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
  isOptional: boolean;
  isOriginalProduct: boolean;
  originalSpecificProductId: string | null;
  originalSku: string | null;
  /** For a substitute: why it was accepted, and how its coverage compares with the original's. */
  substitution: { reason: string; coverage: string | null } | null;
};

export type CustomBundlePrice = {
  bundleId: string;
  slug: string;
  name: string;
  lines: CustomBundleLine[];
  removed: { sku: string; name: string; quantity: number; lineTotal: number }[];
  /** Every listed item, optional ones included, at catalog prices. */
  originalTotal: number;
  /** Only the required items, as bundles.total_estimated_price states it. */
  requiredTotal: number;
  total: number;
  difference: number;
};

type ProductRow = {
  id: string;
  sku: string;
  name: string;
  price: string | null;
  master_item_id: string | null;
  master_item: string | null;
  supply_key: string | null;
  metadata: ProductMetadata | null;
};

const cents = (n: number) => Math.round(n * 100);
const dollars = (c: number) => c / 100;

function covered(p: ProductRow, supply: string | null, quantity: number): number | null {
  if (!supply) return null;
  const cover = p.metadata?.covers?.find((c) => c.supply === supply);
  return cover ? cover.amount * quantity : null;
}

/**
 * Prices a bundle after removing optional items and substituting products. A substitute must serve the same
 * master item as the product it replaces, or the same supply key; anything else is refused with the reason.
 */
export async function priceCustomBundle(db: DbOrTx, input: CustomBundleInput): Promise<CustomBundlePrice> {
  const want = parseInput(customBundleSchema, input);
  const bundle = rowsOf<{ id: string; slug: string; name: string; total_estimated_price: string | null }>(
    await db.execute(
      sql`select id, slug, name, total_estimated_price::text from bundles where slug = ${want.bundleSlug}`,
    ),
  )[0];
  if (!bundle) throw notFound(`Bundle "${want.bundleSlug}"`);

  const productColumns = sql`sp.id, sp.sku, sp.name, sp.price::text as price, sp.master_item_id,
    mi.name as master_item, mi.supply_key, sp.metadata`;
  const items = rowsOf<ProductRow & { quantity: number; is_optional: boolean }>(
    await db.execute(sql`
      select ${productColumns}, bi.quantity, bi.is_optional
      from bundle_items bi
      join specific_products sp on sp.id = bi.specific_product_id
      left join master_items mi on mi.id = sp.master_item_id
      where bi.bundle_id = ${bundle.id}
      order by bi.is_optional, sp.sku`),
  );
  const bySku = new Map(items.map((i) => [i.sku, i]));

  const removed = new Set<string>();
  want.removeOptional.forEach((sku, i) => {
    const item = bySku.get(sku);
    const field = `removeOptional[${i}]`;
    if (!item) throw badInput(`${sku} is not in the bundle "${bundle.name}"`, field);
    if (!item.is_optional) {
      throw badInput(
        `${item.name} (${sku}) is a required item of "${bundle.name}" and cannot be removed`,
        field,
      );
    }
    removed.add(sku);
  });

  const toSkus = [...new Set(want.substitutions.map((s) => s.toSku))];
  const substitutes = new Map(
    (toSkus.length === 0
      ? []
      : rowsOf<ProductRow>(
          await db.execute(sql`
            select ${productColumns} from specific_products sp
            left join master_items mi on mi.id = sp.master_item_id
            where sp.sku in (${sql.join(
              toSkus.map((s) => sql`${s}`),
              sql`, `,
            )})`),
        )
    ).map((p) => [p.sku, p]),
  );

  const replacement = new Map<string, { to: ProductRow; reason: string }>();
  want.substitutions.forEach(({ fromSku, toSku }, i) => {
    const field = `substitutions[${i}]`;
    const from = bySku.get(fromSku);
    if (!from) throw badInput(`${fromSku} is not in the bundle "${bundle.name}"`, `${field}.fromSku`);
    if (removed.has(fromSku))
      throw badInput(`${fromSku} is both removed and substituted`, `${field}.fromSku`);
    if (replacement.has(fromSku)) throw badInput(`${fromSku} is substituted twice`, `${field}.fromSku`);
    const to = substitutes.get(toSku);
    if (!to) throw badInput(`No product with SKU ${toSku}`, `${field}.toSku`);
    if (to.id === from.id) throw badInput(`${toSku} is already the product in the bundle`, `${field}.toSku`);
    let reason: string;
    if (to.master_item_id !== null && to.master_item_id === from.master_item_id) {
      reason = `same item: both are ${from.master_item}`;
    } else if (to.supply_key !== null && to.supply_key === from.supply_key) {
      reason = `same need: both serve ${from.supply_key} (${from.master_item} → ${to.master_item})`;
    } else {
      throw badInput(
        `${to.name} (${toSku}) cannot replace ${from.name} (${fromSku}): it is a ${to.master_item ?? 'product'}` +
          ` serving ${to.supply_key ?? 'no supply key'}, while the bundle needs a ${from.master_item ?? 'product'}` +
          ` serving ${from.supply_key ?? 'no supply key'}; a substitute must serve the same item or the same need`,
        `${field}.toSku`,
      );
    }
    replacement.set(fromSku, { to, reason });
  });

  const lines: CustomBundleLine[] = [];
  const removedLines: CustomBundlePrice['removed'] = [];
  let originalCents = 0;
  let requiredCents = 0;
  let totalCents = 0;
  for (const item of items) {
    const quantity = Number(item.quantity);
    const listed = cents(Number(item.price ?? 0)) * quantity;
    originalCents += listed;
    if (!item.is_optional) requiredCents += listed;
    if (removed.has(item.sku)) {
      removedLines.push({ sku: item.sku, name: item.name, quantity, lineTotal: dollars(listed) });
      continue;
    }
    const sub = replacement.get(item.sku);
    const product = sub?.to ?? item;
    const unit = cents(Number(product.price ?? 0));
    totalCents += unit * quantity;
    let coverage: string | null = null;
    if (sub) {
      const supply = item.supply_key;
      const before = covered(item, supply, quantity);
      const after = covered(sub.to, supply, quantity);
      if (before !== null && after !== null && before !== after) {
        coverage = `${supply}: ${after} instead of ${before}${after < before ? ' (less than the original)' : ''}`;
      }
    }
    lines.push({
      specificProductId: product.id,
      sku: product.sku,
      name: product.name,
      masterItem: product.master_item,
      supplyKey: product.supply_key,
      quantity,
      unitPrice: dollars(unit),
      lineTotal: dollars(unit * quantity),
      isOptional: item.is_optional,
      isOriginalProduct: !sub,
      originalSpecificProductId: sub ? item.id : null,
      originalSku: sub ? item.sku : null,
      substitution: sub ? { reason: sub.reason, coverage } : null,
    });
  }

  return {
    bundleId: bundle.id,
    slug: bundle.slug,
    name: bundle.name,
    lines,
    removed: removedLines,
    originalTotal: dollars(originalCents),
    requiredTotal: dollars(requiredCents),
    total: dollars(totalCents),
    difference: dollars(totalCents - originalCents),
  };
}
