import { and, asc, eq, ilike, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { bundleItems, bundles } from '../../db/schema/bundles.ts';
import { masterItems, specificProducts } from '../../db/schema/products.ts';
import { AppError, badInput, notFound } from '../errors.ts';
import { forgetCatalogCandidates } from '../plans/catalog-candidates.ts';
import { parseInput } from '../validation.ts';
import { recordCatalogChange } from './audit.ts';
import { bundleEditSchema, productEditSchema, retireSchema } from './curate-schemas.ts';
import { checkFitComplete } from './fit-rules.ts';

/** Products for the admin page, by name; retired ones included (marked) so they can be found. */
export async function listProducts(db: Db, options: { q?: string; limit?: number } = {}) {
  return db
    .select({
      id: specificProducts.id,
      sku: specificProducts.sku,
      name: specificProducts.name,
      price: specificProducts.price,
      masterItem: masterItems.name,
      fitStatus: specificProducts.fitStatus,
      retiredAt: specificProducts.retiredAt,
      metadata: specificProducts.metadata,
    })
    .from(specificProducts)
    .leftJoin(masterItems, eq(specificProducts.masterItemId, masterItems.id))
    .where(options.q ? ilike(specificProducts.name, `%${options.q.replace(/[%_\\]/g, '\\$&')}%`) : undefined)
    .orderBy(asc(specificProducts.name))
    .limit(Math.min(options.limit ?? 50, 200));
}

async function lockedProduct(tx: Db | Parameters<Parameters<Db['transaction']>[0]>[0], id: string) {
  const [row] = await tx.select().from(specificProducts).where(eq(specificProducts.id, id)).for('update');
  if (!row) throw notFound('Product');
  return row;
}

/**
 * Edits a product: the fields given change, the fit and covers are checked by the planner's schema, and
 * `confirmFit` makes the product plannable (its fit must then state what its supplies need). Logged before/after.
 */
export async function updateProduct(db: Db, by: string, productId: string, input: unknown) {
  const edit = parseInput(productEditSchema, input, 'product');
  const after = await db.transaction(async (tx) => {
    const before = await lockedProduct(tx, productId);
    if (edit.masterItemId) {
      const [m] = await tx
        .select({ id: masterItems.id })
        .from(masterItems)
        .where(eq(masterItems.id, edit.masterItemId));
      if (!m) throw badInput('No master item with that id.', 'masterItemId');
    }
    const metadata = { ...(before.metadata ?? {}) };
    if (edit.fit) metadata.fit = edit.fit;
    if (edit.covers) metadata.covers = edit.covers;
    if (edit.confirmFit) checkFitComplete(metadata.fit ?? {}, metadata.covers ?? []);
    const [row] = await tx
      .update(specificProducts)
      .set({
        ...(edit.name !== undefined ? { name: edit.name } : {}),
        ...(edit.description !== undefined ? { description: edit.description } : {}),
        ...(edit.price !== undefined ? { price: edit.price.toFixed(2) } : {}),
        ...(edit.productUrl !== undefined ? { productUrl: edit.productUrl } : {}),
        ...(edit.status !== undefined ? { status: edit.status } : {}),
        ...(edit.masterItemId ? { masterItemId: edit.masterItemId } : {}),
        metadata,
        // A changed fit is proposed again unless this edit confirms it.
        ...(edit.confirmFit
          ? { fitStatus: 'confirmed' as const }
          : edit.fit || edit.covers
            ? { fitStatus: 'proposed' as const }
            : {}),
      })
      .where(eq(specificProducts.id, productId))
      .returning();
    await recordCatalogChange(tx, by, {
      action: 'product.edit',
      entity: 'specific_products',
      id: productId,
      before,
      after: row,
    });
    return row!;
  });
  forgetCatalogCandidates(db);
  return after;
}

/** Retires a product: kept (old plans name it and still render), never offered to a new plan or bundle again. */
export async function retireProduct(db: Db, by: string, productId: string, input: unknown) {
  const { reason } = parseInput(retireSchema, input, 'retire');
  await db.transaction(async (tx) => {
    const before = await lockedProduct(tx, productId);
    if (before.retiredAt) throw new AppError('CONFLICT', 'This product is already retired.');
    const [after] = await tx
      .update(specificProducts)
      .set({ retiredAt: new Date(), retiredReason: reason })
      .where(eq(specificProducts.id, productId))
      .returning({ retiredAt: specificProducts.retiredAt, retiredReason: specificProducts.retiredReason });
    await recordCatalogChange(tx, by, {
      action: 'product.retire',
      entity: 'specific_products',
      id: productId,
      before: { retiredAt: null },
      after,
    });
  });
  forgetCatalogCandidates(db);
}

export async function listBundles(db: Db) {
  const rows = await db
    .select({
      id: bundles.id,
      slug: bundles.slug,
      name: bundles.name,
      itemId: bundleItems.id,
      productId: bundleItems.specificProductId,
      product: specificProducts.name,
      quantity: bundleItems.quantity,
      optional: bundleItems.isOptional,
      retiredAt: specificProducts.retiredAt,
    })
    .from(bundles)
    .leftJoin(bundleItems, eq(bundleItems.bundleId, bundles.id))
    .leftJoin(specificProducts, eq(bundleItems.specificProductId, specificProducts.id))
    .orderBy(asc(bundles.name), asc(specificProducts.name));
  const out = new Map<
    string,
    {
      id: string;
      slug: string;
      name: string;
      items: {
        productId: string;
        product: string | null;
        quantity: number;
        optional: boolean;
        retired: boolean;
      }[];
    }
  >();
  for (const r of rows) {
    const b = out.get(r.id) ?? { id: r.id, slug: r.slug, name: r.name, items: [] };
    if (r.productId)
      b.items.push({
        productId: r.productId,
        product: r.product,
        quantity: r.quantity!,
        optional: r.optional!,
        retired: r.retiredAt !== null,
      });
    out.set(r.id, b);
  }
  return [...out.values()];
}

/**
 * Edits a bundle's name, description and items (replaced as a whole: nothing refers to bundle_items rows); the
 * estimated price is recomputed from the items every buyer gets. A retired product cannot be put in a bundle.
 */
export async function updateBundle(db: Db, by: string, bundleId: string, input: unknown) {
  const edit = parseInput(bundleEditSchema, input, 'bundle');
  const result = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(bundles).where(eq(bundles.id, bundleId)).for('update');
    if (!before) throw notFound('Bundle');
    const beforeItems = await tx.select().from(bundleItems).where(eq(bundleItems.bundleId, bundleId));
    let total = before.totalEstimatedPrice;
    if (edit.items) {
      const ids = [...new Set(edit.items.map((i) => i.productId))];
      if (ids.length !== edit.items.length)
        throw badInput('A product is listed twice in the bundle.', 'items');
      const products = await tx
        .select({ id: specificProducts.id, price: specificProducts.price })
        .from(specificProducts)
        .where(and(inArray(specificProducts.id, ids), isNull(specificProducts.retiredAt)));
      const price = new Map(products.map((p) => [p.id, Number(p.price ?? 0)]));
      edit.items.forEach((item, i) => {
        if (!price.has(item.productId))
          throw badInput('No such product, or it is retired.', `items.${i}.productId`);
      });
      await tx.delete(bundleItems).where(eq(bundleItems.bundleId, bundleId));
      await tx.insert(bundleItems).values(
        edit.items.map((i) => ({
          bundleId,
          specificProductId: i.productId,
          quantity: i.quantity,
          isOptional: i.optional,
        })),
      );
      const cents = edit.items
        .filter((i) => !i.optional)
        .reduce((sum, i) => sum + Math.round(price.get(i.productId)! * 100) * i.quantity, 0);
      total = (cents / 100).toFixed(2);
    }
    const [after] = await tx
      .update(bundles)
      .set({
        ...(edit.name ? { name: edit.name } : {}),
        ...(edit.description ? { description: edit.description } : {}),
        totalEstimatedPrice: total,
      })
      .where(eq(bundles.id, bundleId))
      .returning();
    await recordCatalogChange(tx, by, {
      action: 'bundle.edit',
      entity: 'bundles',
      id: bundleId,
      before: { ...before, items: beforeItems },
      after: { ...after, items: edit.items ?? beforeItems },
    });
    return after!;
  });
  forgetCatalogCandidates(db);
  return result;
}
