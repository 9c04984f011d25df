import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { bundleItems, bundles, externalTransactions, specificProducts } from '../../db/schema/index.ts';
import { AppError, badInput, notFound } from '../errors.ts';
import { parseInput } from '../validation.ts';
import { logActivity } from './activity.ts';

export const CLICK_SOURCES = ['BUNDLE_CHECKOUT', 'PRODUCT_PAGE', 'INVENTORY'] as const;

const clickSchema = z.object({
  productId: z.uuid({ message: 'product must be a product id (a UUID)' }),
  bundleId: z.uuid({ message: 'bundle must be a bundle id (a UUID)' }).nullish(),
  source: z
    .enum(CLICK_SOURCES, { message: `source must be one of ${CLICK_SOURCES.join(', ')}` })
    .default('PRODUCT_PAGE'),
});

export type AffiliateClick = z.input<typeof clickSchema>;

/**
 * An affiliate click: records it in external_transactions with its bundle context (the source document's
 * enhancement) and returns where to send the person — always the product's own URL from the catalog, never
 * an address taken from the request, so the redirect cannot be pointed elsewhere (no open redirect).
 * `isOriginalProduct` is derived, not trusted: true when the product is one of the bundle's own items,
 * false when the person substituted it. Written by the system role (anonymous clicks count too).
 */
export async function recordAffiliateClick(
  db: Db,
  userId: string | null,
  input: AffiliateClick,
  context: { sessionId?: string | null; userAgent?: string | null } = {},
): Promise<{ url: string; isOriginalProduct: boolean | null }> {
  const { productId, bundleId, source } = parseInput(clickSchema, input);
  const [product] = await db
    .select({ url: specificProducts.productUrl, name: specificProducts.name })
    .from(specificProducts)
    .where(eq(specificProducts.id, productId));
  if (!product) throw notFound('Product');
  const url = product.url && /^https:\/\//.test(product.url) ? product.url : null;
  if (!url) throw new AppError('NOT_FOUND', `${product.name} has no shop link.`);
  let isOriginalProduct: boolean | null = null;
  if (bundleId) {
    const [bundle] = await db.select({ id: bundles.id }).from(bundles).where(eq(bundles.id, bundleId));
    if (!bundle) throw badInput('bundle is not a known bundle', 'bundleId');
    const [own] = await db
      .select({ id: bundleItems.id })
      .from(bundleItems)
      .where(and(eq(bundleItems.bundleId, bundleId), eq(bundleItems.specificProductId, productId)))
      .limit(1);
    isOriginalProduct = Boolean(own);
  }
  await db.transaction(async (tx) => {
    await tx.insert(externalTransactions).values({
      userId,
      specificProductId: productId,
      source,
      bundleId: bundleId ?? null,
      isOriginalProduct: isOriginalProduct ?? true,
    });
    await logActivity(tx, {
      userId,
      activityType: 'PRODUCT_CLICKED',
      metadata: {
        product_id: productId,
        bundle_id: bundleId ?? null,
        source,
        is_original_product: isOriginalProduct,
      },
      sessionId: context.sessionId ?? null,
      userAgent: context.userAgent ?? null,
    });
  });
  return { url, isOriginalProduct };
}
