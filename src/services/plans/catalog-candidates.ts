import { eq, gt, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { bundleItems, bundles, categories, masterItems, specificProducts } from '../../db/schema/index.ts';
import type { Candidate } from '../../domain/optimizer/index.ts';
import { bundleSystemTags, type ProductFit, ProductFitSchema, systemTags } from '../../domain/product-fit.ts';
import { currentOffers } from './catalog-prices.ts';

export {
  DEFAULT_PRICE_MAX_AGE_DAYS,
  priceMaxAgeDays,
  priceUnconfirmed,
  setPriceMaxAgeDays,
} from './catalog-prices.ts';

export type CatalogCandidate = Candidate & {
  productUrl: string | null;
  masterItem: string | null;
  category: string | null;
  shelfLifeMonths: number | null;
  /** What decides fit (src/domain/product-fit.ts); undefined for a bundle (its parts carry theirs). */
  fit?: ProductFit;
  /** Shipping weight per unit, lb (a bundle: the sum of its parts), for bug-out carry limits. */
  weightLb: number | null;
  /** Packed volume per unit in liters, from metadata.dimensionsIn (a bundle: the sum of its parts). */
  volumeL: number | null;
  /**
   * Day the price was last observed (ISO date), so a plan can label it: "price as of 2026-11-15" — the latest
   * in-stock offer's last sighting (product_offers), else the day the catalog's price was written down.
   */
  priceObservedAt: string | null;
  /** Calories per unit from the label (kcal per serving × servings), when the listing states them. */
  labelKcal: number | null;
  /** System tags provided and required (systemTags()); always set, possibly empty. */
  tags: string[];
  requires: string[];
  /** For a bundle: the products in it, per bundle bought, with what decides their fit. */
  parts?: {
    productId: string;
    name: string;
    quantity: number;
    unitPrice: number;
    productUrl: string | null;
    fit?: ProductFit;
    /** The supply keys the part covers (for checkBundleFit). */
    supplies: string[];
    weightLb: number | null;
    priceObservedAt: string | null;
  }[];
};

type Cover = { supply: string; amount: number };

function labelKcal(metadata: Record<string, unknown> | null | undefined): number | null {
  const perServing = positiveNumber(metadata?.kcalPerServing);
  const servings = positiveNumber(metadata?.servings);
  return perServing !== null && servings !== null ? perServing * servings : null;
}

function validCovers(covers: unknown): Cover[] {
  if (!Array.isArray(covers)) return [];
  return covers.filter(
    (c): c is Cover =>
      typeof c === 'object' &&
      c !== null &&
      typeof c.supply === 'string' &&
      typeof c.amount === 'number' &&
      c.amount > 0,
  );
}

/**
 * Every product (and every bundle, priced from its non-optional items) that covers some planner supply:
 * what the optimizer chooses from. The catalog changes rarely and a plan reads all of it, so the result is
 * kept per database handle for a minute — derived data any process can rebuild, never state to share.
 */
const cache = new WeakMap<object, { at: number; value: Promise<CatalogCandidate[]> }>();
const TTL_MS = 60_000;

/** Drops the cached candidates after a catalog edit (a retired product must not reach the next plan). */
export function forgetCatalogCandidates(db: DbOrTx): void {
  cache.delete(db);
}

export function loadCatalogCandidates(db: DbOrTx, now = Date.now()): Promise<CatalogCandidate[]> {
  const hit = cache.get(db);
  if (hit && now - hit.at < TTL_MS) return hit.value;
  const value = readCandidates(db);
  cache.set(db, { at: now, value });
  value.catch(() => cache.delete(db));
  return value;
}

async function readCandidates(db: DbOrTx): Promise<CatalogCandidate[]> {
  const products = await db
    .select({
      id: specificProducts.id,
      name: specificProducts.name,
      price: specificProducts.price,
      metadata: specificProducts.metadata,
      productUrl: specificProducts.productUrl,
      masterItem: masterItems.name,
      category: categories.slug,
      retiredAt: specificProducts.retiredAt,
      fitStatus: specificProducts.fitStatus,
    })
    .from(specificProducts)
    .leftJoin(masterItems, eq(specificProducts.masterItemId, masterItems.id))
    .leftJoin(categories, eq(masterItems.categoryId, categories.id))
    .where(gt(specificProducts.price, '0'));
  const offers = await currentOffers(db);
  const withheld = new Set<string>();
  const candidates: CatalogCandidate[] = [];
  type Known = {
    covers: Cover[];
    price: number;
    name: string;
    productUrl: string | null;
    fit?: ProductFit;
    weightLb: number | null;
    volumeL: number | null;
    priceObservedAt: string | null;
    tags: string[];
    requires: string[];
  };
  const byId = new Map<string, Known>();
  for (const p of products) {
    const offer = offers.get(p.id);
    // Retired products stay for old plans but are never offered; a fit no person has confirmed is not planned
    // with; a product out of stock everywhere it is sold is not offered. A bundle holding one is left out too.
    if (p.retiredAt !== null || p.fitStatus !== 'confirmed' || offer === 'out') {
      withheld.add(p.id);
      continue;
    }
    const covers = validCovers(p.metadata?.covers);
    const price = offer ? offer.price : Number(p.price);
    // Seeding validated the fit; a row written some other way without a valid one simply has none.
    const parsed = ProductFitSchema.safeParse(p.metadata?.fit);
    const fit = parsed.success ? parsed.data : undefined;
    const system = systemTags(
      fit,
      covers.map((c) => c.supply),
    );
    const known: Known = {
      covers,
      price,
      name: p.name,
      productUrl: p.productUrl,
      fit,
      weightLb: positiveNumber(p.metadata?.weightLb),
      volumeL: volumeLiters(p.metadata?.dimensionsIn),
      priceObservedAt: offer ? offer.seen : isoDate(p.metadata?.priceObservedAt),
      ...system,
    };
    byId.set(p.id, known);
    if (covers.length === 0) continue;
    candidates.push({
      productId: p.id,
      name: p.name,
      price,
      covers,
      productUrl: p.productUrl,
      masterItem: p.masterItem,
      category: p.category,
      shelfLifeMonths: typeof p.metadata?.shelfLifeMonths === 'number' ? p.metadata.shelfLifeMonths : null,
      labelKcal: labelKcal(p.metadata),
      fit,
      weightLb: known.weightLb,
      volumeL: known.volumeL,
      priceObservedAt: known.priceObservedAt,
      tags: known.tags,
      requires: known.requires,
    });
  }

  const rows = await db
    .select({
      bundleId: bundles.id,
      slug: bundles.slug,
      name: bundles.name,
      productId: bundleItems.specificProductId,
      quantity: bundleItems.quantity,
    })
    .from(bundleItems)
    .innerJoin(bundles, eq(bundleItems.bundleId, bundles.id))
    .where(sql`${bundleItems.isOptional} = false and ${isNotNull(bundleItems.specificProductId)}`);
  // A bundle whose required part cannot be offered (retired, unconfirmed, out of stock) cannot be bought whole.
  const incomplete = new Set(rows.filter((r) => withheld.has(r.productId)).map((r) => r.bundleId));
  type Kit = {
    name: string;
    slug: string;
    price: number;
    covers: Map<string, number>;
    parts: NonNullable<CatalogCandidate['parts']>;
    system: { tags: string[]; requires: string[] }[];
    weightLb: number | null;
    volumeL: number | null;
    observed: (string | null)[];
  };
  const kits = new Map<string, Kit>();
  for (const row of rows) {
    const product = byId.get(row.productId);
    if (!product || incomplete.has(row.bundleId)) continue;
    const kit: Kit = kits.get(row.bundleId) ?? {
      name: row.name,
      slug: row.slug,
      price: 0,
      covers: new Map(),
      parts: [],
      system: [],
      weightLb: 0,
      volumeL: 0,
      observed: [],
    };
    kit.price += product.price * row.quantity;
    kit.parts.push({
      productId: row.productId,
      name: product.name,
      quantity: row.quantity,
      unitPrice: product.price,
      productUrl: product.productUrl,
      fit: product.fit,
      supplies: product.covers.map((c) => c.supply),
      weightLb: product.weightLb,
      priceObservedAt: product.priceObservedAt,
    });
    kit.system.push({ tags: product.tags, requires: product.requires });
    kit.weightLb =
      kit.weightLb === null || product.weightLb === null
        ? null
        : kit.weightLb + product.weightLb * row.quantity;
    kit.volumeL =
      kit.volumeL === null || product.volumeL === null ? null : kit.volumeL + product.volumeL * row.quantity;
    kit.observed.push(product.priceObservedAt);
    for (const c of product.covers)
      kit.covers.set(c.supply, (kit.covers.get(c.supply) ?? 0) + c.amount * row.quantity);
    kits.set(row.bundleId, kit);
  }
  for (const [bundleId, kit] of kits) {
    if (kit.covers.size === 0 || kit.price <= 0) continue;
    candidates.push({
      productId: bundleId,
      bundleId,
      name: `${kit.name} (bundle)`,
      price: Math.round(kit.price * 100) / 100,
      labelKcal: null,
      covers: [...kit.covers].map(([supply, amount]) => ({ supply, amount })),
      productUrl: null,
      masterItem: null,
      category: 'bundle',
      shelfLifeMonths: null,
      weightLb: kit.weightLb === null ? null : Math.round(kit.weightLb * 100) / 100,
      volumeL: kit.volumeL === null ? null : Math.round(kit.volumeL * 10) / 10,
      priceObservedAt: oldestDate(kit.observed),
      ...bundleSystemTags(kit.system),
      parts: kit.parts,
    });
  }
  return candidates;
}

function positiveNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

const LITERS_PER_CUBIC_INCH = 0.016387;

function volumeLiters(d: unknown): number | null {
  if (typeof d !== 'object' || d === null) return null;
  const { l, w, h } = d as Record<string, unknown>;
  const dims = [l, w, h].map(positiveNumber);
  if (dims.some((x) => x === null)) return null;
  return Math.round((dims as number[]).reduce((a, b) => a * b, 1) * LITERS_PER_CUBIC_INCH * 1000) / 1000;
}

function isoDate(value: unknown): string | null {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

/** A bundle's price is as old as its oldest part's; unknown if any part's date is unknown. */
function oldestDate(dates: (string | null)[]): string | null {
  if (dates.length === 0 || dates.some((d) => d === null)) return null;
  return [...(dates as string[])].sort()[0] ?? null;
}
