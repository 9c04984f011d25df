import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { specificProducts } from '../../db/schema/products.ts';
import { createOfflineEmbedder } from '../embeddings/offline.ts';
import { buildPlan } from '../plans/build-plan.ts';
import {
  DEFAULT_PRICE_MAX_AGE_DAYS,
  forgetCatalogCandidates,
  loadCatalogCandidates,
  priceUnconfirmed,
  setPriceMaxAgeDays,
} from '../plans/catalog-candidates.ts';
import { importFeed } from './import.ts';
import { parseFeed } from './parse-feed.ts';

const embedder = createOfflineEmbedder();
const REQUEST = {
  location: 'Tampa, FL',
  members: [{ kind: 'adult', ageYears: 35 }],
  durationDays: 3,
  scenarios: ['hurricane'],
  budget: 200,
};

/** A second seller's listing of a shipped product, merged by its sku (an exact key). */
const offer = (sku: string, price: string, date: string, stock: string) =>
  `name,price,currency,sku,seller,observed_at,in_stock\n"listing of ${sku}",${price},USD,${sku},Second Seller,${date},${stock}\n`;

describe('prices that move', () => {
  let database: Database;
  beforeEach(async () => {
    database = await freshDatabase();
  });
  afterEach(async () => {
    await database.close();
  });

  it('config defaults PRICE_MAX_AGE_DAYS to the planner default; a price is unconfirmed past it', () => {
    expect(loadConfig({}).catalog.priceMaxAgeDays).toBe(DEFAULT_PRICE_MAX_AGE_DAYS);
    const now = new Date('2026-12-04T12:00:00Z');
    expect(priceUnconfirmed({ priceObservedAt: '2026-11-22' }, 180, now)).toBe(false);
    expect(priceUnconfirmed({ priceObservedAt: '2026-05-01' }, 180, now)).toBe(true);
    expect(priceUnconfirmed({ priceObservedAt: null }, 180, now)).toBe(true);
    expect(priceUnconfirmed({ priceObservedAt: '2020-01-01' }, 0, now)).toBe(false);
  });

  it('a plan uses the latest in-stock offer, with the day it was observed; a seller selling out falls back to the next in-stock offer', async () => {
    const [p] = await database.db
      .select()
      .from(specificProducts)
      .where(eq(specificProducts.sku, 'RP-COM-101'));
    await importFeed(
      database.db,
      embedder,
      parseFeed(offer('RP-COM-101', '54.00', '2026-12-02', 'yes'), 'csv'),
      { feed: 'second' },
    );
    let c = (await loadCatalogCandidates(database.db)).find((x) => x.productId === p!.id)!;
    expect([c.price, c.priceObservedAt]).toEqual([54, '2026-12-02']);
    // The second seller sells out: the shipped listing (2026-11-22, in stock) is the latest in-stock offer again.
    await importFeed(
      database.db,
      embedder,
      parseFeed(offer('RP-COM-101', '54.00', '2026-12-03', 'no'), 'csv'),
      { feed: 'second' },
    );
    forgetCatalogCandidates(database.db);
    c = (await loadCatalogCandidates(database.db)).find((x) => x.productId === p!.id)!;
    expect([c.price, c.priceObservedAt]).toEqual([Number(p!.price), p!.metadata!.priceObservedAt]);
  });

  // Greedy, so the three plans differ only by the prices allowed, not by the exact solve's time limit under load.
  it('the optimizer does not buy a price older than the limit unless the person allows it', async () => {
    const now = new Date('2026-12-04T12:00:00Z');
    const fresh = await buildPlan({ db: database.db }, REQUEST, { now, strategy: 'greedy' });
    expect(fresh.items.length).toBeGreaterThan(0);
    expect(fresh.items.every((i) => i.priceObservedAt)).toBe(true);
    // With a 180-day limit (a deployment that imports feeds), a year on every shipped price is unconfirmed:
    // nothing is bought, and the plan says why.
    setPriceMaxAgeDays(database.db, 180);
    const later = new Date('2027-12-04T12:00:00Z');
    const stale = await buildPlan({ db: database.db }, REQUEST, { now: later, strategy: 'greedy' });
    expect(stale.items).toEqual([]);
    const allowed = await buildPlan({ db: database.db }, REQUEST, {
      now: later,
      allowUnconfirmedPrices: true,
      strategy: 'greedy',
    });
    expect(allowed.items.map((i) => i.productId)).toEqual(fresh.items.map((i) => i.productId));
    // PRICE_MAX_AGE_DAYS=0 (the default), as the runtime sets it on the database handle: no limit.
    setPriceMaxAgeDays(database.db, 0);
    const unlimited = await buildPlan({ db: database.db }, REQUEST, { now: later, strategy: 'greedy' });
    expect(unlimited.items.map((i) => i.productId)).toEqual(fresh.items.map((i) => i.productId));
  });
});
