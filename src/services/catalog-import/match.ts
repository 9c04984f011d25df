import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { type MatchCandidate, masterItems, specificProducts } from '../../db/schema/products.ts';
import { type Embedder, toVectorLiteral } from '../embeddings/embedder.ts';
import type { FeedRow } from './feed-row.ts';
import { proposeFit } from './propose-fit.ts';

/** Candidates kept per listing for the reviewer. */
export const TOP_CANDIDATES = 3;
/** Word overlap (Jaccard) between a listing and a product of its best master item that makes it a near-duplicate. */
export const NEAR_DUPLICATE_OVERLAP = 0.6;

type KnownProduct = { id: string; masterItemId: string | null; name: string; brand: string | null };

/**
 * The exact keys of every product (GTIN, ASIN, SKU, brand + model) and the products of each master item, read
 * once per import and kept current as the import creates products.
 */
export class ProductIndex {
  readonly byKey = new Map<string, KnownProduct>();
  readonly byMaster = new Map<string, KnownProduct[]>();

  static async load(db: DbOrTx): Promise<ProductIndex> {
    const index = new ProductIndex();
    const rows = await db
      .select({
        id: specificProducts.id,
        masterItemId: specificProducts.masterItemId,
        name: specificProducts.name,
        gtin: specificProducts.gtin,
        asin: specificProducts.asin,
        sku: specificProducts.sku,
        brand: sql<string | null>`${specificProducts.metadata}->>'brand'`,
        model: sql<string | null>`${specificProducts.metadata}->>'model'`,
      })
      .from(specificProducts);
    for (const r of rows) index.add(r);
    return index;
  }

  add(
    p: KnownProduct & {
      gtin?: string | null;
      asin?: string | null;
      sku?: string | null;
      model?: string | null;
    },
  ) {
    for (const key of productKeys(p)) this.byKey.set(key, p);
    if (p.masterItemId && !this.byMaster.get(p.masterItemId)?.some((q) => q.id === p.id))
      this.byMaster.set(p.masterItemId, [...(this.byMaster.get(p.masterItemId) ?? []), p]);
  }
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** The exact keys a product or listing is known by, strongest first. */
export function productKeys(p: {
  gtin?: string | null;
  asin?: string | null;
  sku?: string | null;
  brand?: string | null;
  model?: string | null;
}): string[] {
  const keys: string[] = [];
  if (p.gtin) keys.push(`gtin:${p.gtin}`);
  if (p.asin) keys.push(`asin:${p.asin}`);
  if (p.sku) keys.push(`sku:${p.sku}`);
  if (p.brand && p.model) keys.push(`model:${norm(p.brand)}|${norm(p.model)}`);
  return keys;
}

const words = (s: string) => new Set(norm(s).match(/[a-z0-9]+/g) ?? []);
function overlap(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  let both = 0;
  for (const w of x) if (y.has(w)) both++;
  return both / Math.max(1, x.size + y.size - both);
}

/** The text a listing is embedded from: what it is called, by whom, and what it says of itself. */
export const listingText = (row: FeedRow) =>
  [row.name, row.brand ? `Brand: ${row.brand}` : '', row.description ?? ''].filter(Boolean).join('\n');

type Nearest = { i: number; id: string; name: string; supply_key: string | null; score: number };

/**
 * The nearest master items to each text, by the embedder the search uses and pgvector's cosine distance (the
 * HNSW index), in one statement for the whole batch.
 */
export async function nearestMasterItems(
  db: DbOrTx,
  embedder: Embedder,
  texts: string[],
  k = TOP_CANDIDATES,
): Promise<Nearest[][]> {
  if (texts.length === 0) return [];
  const vectors = await embedder.embed(texts);
  const queries = vectors.map((v, i) => ({ i, v: toVectorLiteral(v) }));
  const rows = rowsOf<Nearest>(
    await db.execute(sql`
      with q as materialized (
        -- Cast once per query text: a cast inside the ORDER BY would parse the text again for every item.
        select x.i, x.v::vector as v from jsonb_to_recordset(${JSON.stringify(queries)}::jsonb) as x(i int, v text)
      )
      select q.i, m.id, m.name, m.supply_key, 1 - m.distance as score
      from q cross join lateral (
        select id, name, supply_key, embedding <=> q.v as distance from master_items
        where embedding_model = ${embedder.name} and status = 'active' and embedding is not null
        order by embedding <=> q.v limit ${k}
      ) m
      order by q.i, m.distance`),
  );
  const out: Nearest[][] = texts.map(() => []);
  for (const r of rows) out[r.i]!.push({ ...r, score: Number(r.score) });
  return out;
}

export type MatchOutcome = { merged: number; waiting: number; mergedProductIds: string[] };

type Pending = { id: string; row: FeedRow };

/**
 * Matches queued listings: an exact key (GTIN, ASIN, SKU, brand + model) of an existing product merges the
 * listing into it at once (its offers join the product's history); anything else gets its top master-item
 * candidates with scores (a master item the row names first, then the nearest by embedding), a flag when it
 * looks like a product already in the catalog, and the fit its text suggests — and waits for a person.
 */
export async function matchListings(
  tx: DbOrTx,
  embedder: Embedder,
  index: ProductIndex,
  pending: Pending[],
  now: Date,
): Promise<MatchOutcome> {
  const outcome: MatchOutcome = { merged: 0, waiting: 0, mergedProductIds: [] };
  const rest: Pending[] = [];
  const links: Link[] = [];
  for (const p of pending) {
    const key = productKeys(p.row).find((k) => index.byKey.has(k));
    if (!key) {
      rest.push(p);
      continue;
    }
    const product = index.byKey.get(key)!;
    links.push({ listingId: p.id, productId: product.id, masterItemId: product.masterItemId });
    outcome.mergedProductIds.push(product.id);
  }
  await linkListings(tx, links, now, null, 'merged');
  outcome.merged = links.length;
  if (rest.length === 0) return outcome;

  const named = rest.map((p) => p.row.masterItem).filter((n): n is string => !!n);
  const namedItems = new Map(
    named.length === 0
      ? []
      : (
          await tx
            .select({ id: masterItems.id, name: masterItems.name, supplyKey: masterItems.supplyKey })
            .from(masterItems)
            .where(inArray(masterItems.name, [...new Set(named)]))
        ).map((m) => [m.name, m]),
  );
  const nearest = await nearestMasterItems(
    tx,
    embedder,
    rest.map((p) => listingText(p.row)),
  );
  const updates = rest.map((p, i) => {
    const candidates: MatchCandidate[] = [];
    const namedItem = p.row.masterItem ? namedItems.get(p.row.masterItem) : undefined;
    if (namedItem)
      candidates.push({ masterItemId: namedItem.id, name: namedItem.name, score: 1, via: 'key' });
    for (const n of nearest[i] ?? []) {
      if (candidates.length >= TOP_CANDIDATES) break;
      if (candidates.some((c) => c.masterItemId === n.id)) continue;
      candidates.push({
        masterItemId: n.id,
        name: n.name,
        score: Math.round(n.score * 1e4) / 1e4,
        via: 'embedding',
      });
    }
    const best = candidates[0];
    const supplyKey =
      namedItem?.supplyKey ?? nearest[i]?.find((n) => n.id === best?.masterItemId)?.supply_key ?? null;
    const near = best
      ? (index.byMaster.get(best.masterItemId) ?? [])
          .map((q) => ({ q, o: overlap(q.name, p.row.name) }))
          .filter((x) => x.o >= NEAR_DUPLICATE_OVERLAP)
          .sort((a, b) => b.o - a.o)[0]?.q
      : undefined;
    const proposal = proposeFit({
      name: p.row.name,
      description: p.row.description ?? null,
      packSize: p.row.packSize ?? null,
      supplyKey,
    });
    return {
      id: p.id,
      masterItemId: best?.masterItemId ?? null,
      candidates,
      proposedFit: proposal,
      nearDuplicateOf: near?.id ?? null,
    };
  });
  await tx.execute(sql`
    update scraped_queue q set
      status = 'DONE', review = 'waiting', processed_at = ${now.toISOString()}::timestamptz,
      attempts = q.attempts + 1, master_item_id = v.master_item_id, candidates = v.candidates,
      proposed_fit = v.proposed_fit, near_duplicate_of = v.near_duplicate_of
    from jsonb_to_recordset(${JSON.stringify(
      updates.map((u) => ({
        id: u.id,
        master_item_id: u.masterItemId,
        candidates: u.candidates,
        proposed_fit: u.proposedFit,
        near_duplicate_of: u.nearDuplicateOf,
      })),
    )}::jsonb) as v(id uuid, master_item_id uuid, candidates jsonb, proposed_fit jsonb, near_duplicate_of uuid)
    where q.id = v.id`);
  outcome.waiting += updates.length;
  return outcome;
}

export type Link = { listingId: string; productId: string; masterItemId: string | null };

/**
 * Links listings (and their price history) to products, in two statements however many; `by` is the person who
 * decided, null for an exact key or a trusted feed.
 */
export async function linkListings(
  tx: DbOrTx,
  links: Link[],
  now: Date,
  by: string | null,
  review: 'merged' | 'accepted' | 'created',
): Promise<void> {
  if (links.length === 0) return;
  const json = JSON.stringify(links.map((l) => ({ l: l.listingId, p: l.productId, m: l.masterItemId })));
  await tx.execute(sql`
    update scraped_queue q set status = 'DONE', review = ${review}, specific_product_id = v.p, master_item_id = v.m,
      processed_at = ${now.toISOString()}::timestamptz, near_duplicate_of = null,
      reviewed_by = coalesce(${by}::uuid, q.reviewed_by),
      reviewed_at = case when ${by}::uuid is null then q.reviewed_at else ${now.toISOString()}::timestamptz end
    from jsonb_to_recordset(${json}::jsonb) as v(l uuid, p uuid, m uuid) where q.id = v.l`);
  await tx.execute(sql`
    update product_offers o set specific_product_id = v.p
    from jsonb_to_recordset(${json}::jsonb) as v(l uuid, p uuid, m uuid)
    where o.listing_id = v.l and o.specific_product_id is distinct from v.p`);
}
