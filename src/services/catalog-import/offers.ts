import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { productOffers } from '../../db/schema/products.ts';
import { batches } from '../catalog/upsert.ts';
import { type Observation, sameOffer } from './listing.ts';

export type Listing = {
  id: string;
  specificProductId: string | null;
  supplierId: string | null;
  seller: string;
};
/** `changed`: the listings whose current offer is new (their product's shown price may move). */
export type OfferResult = { added: number; confirmed: number; stale: number; changed: Set<string> };

type Latest = {
  id: string;
  listing_id: string;
  price: string;
  currency: string;
  in_stock: boolean;
  observed_at: string;
  last_seen_at: string;
};

/**
 * Price history, one row per price-and-stock state of a listing: an observation equal to the listing's latest
 * offer only moves its last_seen_at forward (so re-importing a feed changes nothing), a different one becomes a
 * new row (never an overwrite), and one older than the latest known observation is history we already passed
 * and is counted as stale, not written. Runs inside the import's transaction, which holds its advisory lock, so
 * two imports never race on a listing's latest row.
 */
export async function recordObservations(
  tx: DbOrTx,
  observations: { listing: Listing; observations: Observation[] }[],
  /** Listings created in this batch: they have no offers yet, so their latest is not looked up. */
  fresh: ReadonlySet<string> = new Set(),
): Promise<OfferResult> {
  const result: OfferResult = { added: 0, confirmed: 0, stale: 0, changed: new Set() };
  if (observations.length === 0) return result;
  const ids = observations.map((o) => o.listing.id).filter((id) => !fresh.has(id));
  const latest = new Map(
    ids.length === 0
      ? []
      : rowsOf<Latest>(
          await tx.execute(sql`
        select distinct on (listing_id) id, listing_id, price, currency, in_stock, observed_at, last_seen_at
        from product_offers where listing_id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)
        order by listing_id, observed_at desc`),
        ).map((r) => [r.listing_id, r]),
  );
  const inserts: (typeof productOffers.$inferInsert)[] = [];
  const touched: { id: string; seen: string }[] = [];
  for (const { listing, observations: list } of observations) {
    const row = latest.get(listing.id);
    let current = row
      ? {
          id: row.id as string | null,
          price: Number(row.price),
          currency: row.currency,
          inStock: row.in_stock,
          observedAt: new Date(row.observed_at),
          lastSeenAt: new Date(row.last_seen_at),
        }
      : null;
    for (const o of [...list].sort((a, b) => a.observedAt.getTime() - b.observedAt.getTime())) {
      if (current && sameOffer(o, current)) {
        if (o.observedAt > current.lastSeenAt) {
          current.lastSeenAt = o.observedAt;
          if (current.id) touched.push({ id: current.id, seen: o.observedAt.toISOString() });
          else inserts.at(-1)!.lastSeenAt = o.observedAt;
          result.confirmed++;
        }
        continue;
      }
      if (current && o.observedAt <= current.lastSeenAt) {
        result.stale++;
        continue;
      }
      inserts.push({
        listingId: listing.id,
        specificProductId: listing.specificProductId,
        supplierId: listing.supplierId,
        seller: listing.seller,
        price: o.price.toFixed(2),
        currency: o.currency,
        offerUrl: o.url,
        inStock: o.inStock,
        observedAt: o.observedAt,
        lastSeenAt: o.observedAt,
      });
      current = { id: null, ...o, lastSeenAt: o.observedAt };
      result.added++;
      result.changed.add(listing.id);
    }
  }
  for (const batch of batches(inserts)) await tx.insert(productOffers).values(batch);
  if (touched.length > 0) {
    await tx.execute(sql`
      update product_offers o set last_seen_at = v.seen
      from jsonb_to_recordset(${JSON.stringify(touched)}::jsonb) as v(id uuid, seen timestamptz)
      where o.id = v.id and o.last_seen_at < v.seen`);
  }
  return result;
}

/**
 * The price we show for each product: its latest in-stock offer (each seller's current state, the freshest
 * first). Products with no in-stock offer keep their price; the planner reads stock from the offers itself.
 */
export async function refreshProductPrices(tx: DbOrTx, productIds: string[]): Promise<void> {
  if (productIds.length === 0) return;
  await tx.execute(sql`
    with current as (
      select distinct on (coalesce(listing_id, id)) specific_product_id, price, in_stock, last_seen_at
      from product_offers
      where specific_product_id in (select jsonb_array_elements_text(${JSON.stringify(productIds)}::jsonb)::uuid)
      order by coalesce(listing_id, id), observed_at desc
    ), best as (
      select distinct on (specific_product_id) specific_product_id, price from current where in_stock
      order by specific_product_id, last_seen_at desc
    )
    update specific_products sp set price = best.price from best
    where sp.id = best.specific_product_id and sp.price is distinct from best.price`);
}
