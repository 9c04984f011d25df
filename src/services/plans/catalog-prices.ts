import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';

/**
 * How old a price may be before a plan calls it unconfirmed and does not buy it (unless the person allows it);
 * config.ts's PRICE_MAX_AGE_DAYS defaults to this. 0 turns the check off, and is the default: an install that
 * imports no feeds has only the shipped catalog's prices, and a limit would leave its plans with nothing to
 * buy some months after it was installed. Deployments that import feeds set a limit (e.g. 180).
 */
export const DEFAULT_PRICE_MAX_AGE_DAYS = 0;

/** The configured limit per database handle, set once where the database is opened (as billing is). */
const maxAgeByDb = new WeakMap<object, number>();

export function setPriceMaxAgeDays(db: DbOrTx, days: number): void {
  maxAgeByDb.set(db, days);
}

export function priceMaxAgeDays(db: DbOrTx): number {
  return maxAgeByDb.get(db) ?? DEFAULT_PRICE_MAX_AGE_DAYS;
}

/** Whether a candidate's price (a bundle's oldest part's) is older than `maxAgeDays`, or of unknown age. */
export function priceUnconfirmed(
  candidate: { priceObservedAt: string | null },
  maxAgeDays: number,
  now: Date,
): boolean {
  if (maxAgeDays <= 0) return false;
  if (!candidate.priceObservedAt) return true;
  return now.getTime() - Date.parse(`${candidate.priceObservedAt}T00:00:00Z`) > (maxAgeDays + 1) * 86_400_000;
}

type CurrentOffer = { product_id: string; price: string; in_stock: boolean; seen: string };

/**
 * Each product's offer to plan with: per listing its current state, then the freshest of those in stock. A
 * product with offers none of which is in stock is `out`; one with no offers at all keeps its own price.
 */
export async function currentOffers(
  db: DbOrTx,
): Promise<Map<string, { price: number; seen: string } | 'out'>> {
  const rows = rowsOf<CurrentOffer>(
    await db.execute(sql`
      select distinct on (coalesce(listing_id, id)) specific_product_id as product_id, price, in_stock,
        to_char(last_seen_at at time zone 'UTC', 'YYYY-MM-DD') as seen
      from product_offers where specific_product_id is not null
      order by coalesce(listing_id, id), observed_at desc`),
  );
  const out = new Map<string, { price: number; seen: string } | 'out'>();
  for (const r of rows) {
    const had = out.get(r.product_id);
    if (!r.in_stock) {
      if (!had) out.set(r.product_id, 'out');
      continue;
    }
    if (!had || had === 'out' || r.seen > had.seen)
      out.set(r.product_id, { price: Number(r.price), seen: r.seen });
  }
  return out;
}
