import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../src/db/client.ts';
import { categories, masterItems, specificProducts } from '../../src/db/schema/index.ts';
import { loadCatalogCandidates } from '../../src/services/plans/index.ts';
import { classify, type Traits } from './classify.ts';

/**
 * The catalog as the gates see it: every product the plan may name, with the traits that decide fit,
 * systems and diet. Traits come from `metadata.fit` when the catalog states them and otherwise from the
 * eval's own reading of the product's name (classify.ts) — the suite never asks the engine whether a
 * product fits, so an engine bug cannot hide behind its own answer.
 */
export type CatalogProduct = {
  id: string;
  sku: string | null;
  name: string;
  price: number;
  masterItem: string | null;
  category: string | null;
  covers: { supply: string; amount: number }[];
  weightLb: number | null;
  shelfLifeMonths: number | null;
  /** For a bundle: the products in it, per bundle bought. */
  parts?: { productId: string; quantity: number }[];
  traits: Traits;
};

export type Catalog = { byId: Map<string, CatalogProduct>; products: CatalogProduct[] };

type Json = Record<string, unknown>;
const productsDir = fileURLToPath(new URL('../../data/catalog/products/', import.meta.url));

/** The seed files by SKU: where `metadata.fit` is written first (the database copy may lag a re-seed). */
function seedFilesBySku(): Map<string, Json> {
  const bySku = new Map<string, Json>();
  for (const file of readdirSync(productsDir).filter((f) => f.endsWith('.json'))) {
    const rows = JSON.parse(readFileSync(productsDir + file, 'utf8')) as Json[];
    for (const row of rows) if (typeof row.sku === 'string') bySku.set(row.sku, row);
  }
  return bySku;
}

function asCovers(value: unknown): CatalogProduct['covers'] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (c): c is { supply: string; amount: number } =>
      typeof c?.supply === 'string' && typeof c?.amount === 'number' && c.amount > 0,
  );
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Reads every product (and bundle) of the database the plans were built from. */
export async function loadCatalog(db: DbOrTx): Promise<Catalog> {
  const files = seedFilesBySku();
  const rows = await db
    .select({
      id: specificProducts.id,
      sku: specificProducts.sku,
      name: specificProducts.name,
      price: specificProducts.price,
      metadata: specificProducts.metadata,
      masterItem: masterItems.name,
      category: categories.slug,
    })
    .from(specificProducts)
    .leftJoin(masterItems, eq(specificProducts.masterItemId, masterItems.id))
    .leftJoin(categories, eq(masterItems.categoryId, categories.id));
  const byId = new Map<string, CatalogProduct>();
  for (const row of rows) {
    const dbMeta = (row.metadata ?? {}) as Json;
    const fileMeta = ((row.sku ? files.get(row.sku)?.metadata : undefined) ?? {}) as Json;
    const fit = (dbMeta.fit ?? fileMeta.fit ?? null) as Json | null;
    const description = String((row.sku ? files.get(row.sku)?.description : '') ?? '');
    const meta = { ...fileMeta, ...dbMeta };
    const covers = asCovers(meta.covers);
    const base = {
      id: row.id,
      sku: row.sku,
      name: row.name,
      price: Number(row.price),
      masterItem: row.masterItem,
      category: row.category,
      covers,
      weightLb: num(meta.weightLb),
      shelfLifeMonths: num(meta.shelfLifeMonths),
    };
    byId.set(row.id, {
      ...base,
      traits: classify({
        ...base,
        description,
        fit,
        kcalPerServing: num(meta.kcalPerServing),
        servings: num(meta.servings),
      }),
    });
  }
  // Bundles are offered to the optimizer as one candidate; the plan names them by bundle id.
  for (const c of await loadCatalogCandidates(db)) {
    if (!c.bundleId || byId.has(c.productId)) continue;
    const parts = (c.parts ?? []).map((p) => ({ productId: p.productId, quantity: p.quantity }));
    const weight = parts.reduce((w, p) => w + (byId.get(p.productId)?.weightLb ?? 0) * p.quantity, 0);
    byId.set(c.productId, {
      id: c.productId,
      sku: null,
      name: c.name,
      price: c.price,
      masterItem: null,
      category: 'bundle',
      covers: c.covers,
      weightLb: weight,
      shelfLifeMonths: null,
      parts,
      traits: classify({
        id: c.productId,
        name: c.name,
        description: '',
        masterItem: null,
        category: 'bundle',
        covers: c.covers,
        weightLb: weight,
        shelfLifeMonths: null,
        fit: null,
        kcalPerServing: null,
        servings: null,
      }),
    });
  }
  return { byId, products: [...byId.values()] };
}
