import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { createOfflineEmbedder } from '../embeddings/offline.ts';
import { catalogCounts } from './counts.ts';
import { seedAll, seedIfEmpty } from './seed.ts';
import { loadSeedData } from './seed-files.ts';

describe('the seeded catalog (every test database starts from it)', () => {
  let database: Database;
  const embedder = createOfflineEmbedder();
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(() => database.close());

  it('is as large as the issue asks', async () => {
    const counts = await catalogCounts(database.db);
    console.log('seed counts', counts);
    expect(counts.masterItems).toBeGreaterThanOrEqual(150);
    expect(counts.products).toBeGreaterThanOrEqual(400);
    expect(counts.suppliers).toBeGreaterThanOrEqual(8);
    expect(counts.bundles).toBeGreaterThanOrEqual(25);
    expect(counts.skillsResources).toBeGreaterThanOrEqual(80);
    expect(counts.expertCalls).toBeGreaterThanOrEqual(8);
    expect(counts.guidanceDocuments).toBeGreaterThanOrEqual(30);
    expect(counts.categoryDepth).toBeGreaterThanOrEqual(3);
    expect(counts.guidanceChunks).toBeGreaterThan(counts.guidanceDocuments);
  });

  it('matches the data files row for row', async () => {
    const data = loadSeedData();
    const counts = await catalogCounts(database.db);
    expect(counts.categories).toBe(data.categories.length);
    expect(counts.masterItems).toBe(data.masterItems.length);
    expect(counts.products).toBe(data.products.length);
    expect(counts.bundleItems).toBe(data.bundles.reduce((n, b) => n + b.items.length, 0));
    expect(counts.guidanceDocuments).toBe(data.guidance.length);
  });

  it('keeps what the planner counts coverage with: supply keys and metadata.covers, as written', async () => {
    const data = loadSeedData();
    const items = rowsOf<{ name: string; supply_key: string | null }>(
      await database.db.execute(sql`select name, supply_key from master_items`),
    );
    expect(Object.fromEntries(items.map((i) => [i.name, i.supply_key]))).toEqual(
      Object.fromEntries(data.masterItems.map((m) => [m.name, m.supplyKey])),
    );
    const products = rowsOf<{ sku: string; metadata: { covers: unknown; shelfLifeMonths: unknown } }>(
      await database.db.execute(sql`select sku, metadata from specific_products`),
    );
    const bySku = new Map(products.map((p) => [p.sku, p.metadata]));
    for (const p of data.products) {
      expect(bySku.get(p.sku)?.covers, p.sku).toEqual(p.metadata.covers);
      expect(bySku.get(p.sku)?.shelfLifeMonths, p.sku).toEqual(p.metadata.shelfLifeMonths);
    }
    const kinds = rowsOf<{ n: number }>(
      await database.db.execute(sql`select count(distinct call_type)::int as n from expert_calls`),
    );
    expect(kinds[0]!.n).toBe(3);
  });

  it('embeds every master item and guidance passage with the named embedder', async () => {
    const [row] = rowsOf<{ missing: number; models: string[] }>(
      await database.db.execute(sql`select
        ((select count(*) from master_items where embedding is null)
          + (select count(*) from guidance_chunks where embedding is null))::int as missing,
        array(select distinct embedding_model from master_items
              union select distinct embedding_model from guidance_chunks) as models`),
    );
    expect(row!.missing).toBe(0);
    expect(row!.models).toEqual([embedder.name]);
  });

  it('prices each bundle from its required items', async () => {
    const rows = rowsOf<{ slug: string; stated: string; computed: string }>(
      await database.db.execute(sql`
        select b.slug, b.total_estimated_price::text as stated,
          coalesce(sum(sp.price * bi.quantity) filter (where not bi.is_optional), 0)::numeric(12,2)::text as computed
        from bundles b join bundle_items bi on bi.bundle_id = b.id
        join specific_products sp on sp.id = bi.specific_product_id
        group by b.id`),
    );
    expect(rows.length).toBeGreaterThanOrEqual(25);
    for (const r of rows) expect(r.stated, r.slug).toBe(r.computed);
  });

  it('is idempotent: seeding again leaves the same counts, and seedIfEmpty leaves a seeded catalog alone', async () => {
    const before = await catalogCounts(database.db);
    const ids = rowsOf<{ id: string }>(
      await database.db.execute(sql`select id from specific_products order by sku`),
    );
    const started = Date.now();
    const after = await seedAll(database, embedder);
    console.log(`re-seed took ${Date.now() - started} ms`);
    expect(after).toEqual(before);
    const idsAfter = rowsOf<{ id: string }>(
      await database.db.execute(sql`select id from specific_products order by sku`),
    );
    expect(idsAfter).toEqual(ids);
    expect(await seedIfEmpty(database, embedder)).toBeNull();
  });
});

describe('first start', () => {
  it('seedIfEmpty seeds an empty database', async () => {
    const database = await freshDatabase();
    try {
      await database.db.execute(
        sql`truncate master_items, specific_products, bundles, bundle_items, categories, suppliers, guidance_documents,
          guidance_chunks, skills_resources, expert_calls cascade`,
      );
      const counts = await seedIfEmpty(database, createOfflineEmbedder());
      expect(counts?.masterItems).toBeGreaterThanOrEqual(150);
    } finally {
      await database.close();
    }
  });
});
