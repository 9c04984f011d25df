import { sql, TransactionRollbackError } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { toVectorLiteral } from '../embeddings/embedder.ts';
import { createOfflineEmbedder, embedOffline } from '../embeddings/offline.ts';
import { AppError } from '../errors.ts';
import { searchProducts, searchProductsPlanned } from './search.ts';
import { heaviestDims, TOP_DIMS_PER_ROW } from './search-dims.ts';
import { EXACT_SCAN_MAX_ROWS } from './search-plan.ts';

describe('searchProducts filters', () => {
  let database: Database;
  const embedder = createOfflineEmbedder();
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(() => database.close());

  const subtree = async (slug: string) =>
    rowsOf<{ slug: string }>(
      await database.db.execute(sql`
        with recursive t as (select id, slug from categories where slug = ${slug}
          union all select c.id, c.slug from categories c join t on c.parent_id = t.id)
        select slug from t`),
    ).map((r) => r.slug);

  it('keeps to a category subtree, however deep', async () => {
    const water = await subtree('water');
    expect(water.length).toBeGreaterThan(3);
    const results = await searchProducts(database.db, embedder, {
      q: 'stay warm at night',
      categorySlug: 'water',
      limit: 20,
    });
    expect(results).toHaveLength(20);
    for (const r of results) expect(water).toContain(r.categorySlug);
    expect(results[0]!.why.tags).toContain('category:water');
  });

  it('keeps to a scenario, a climate and a maximum price', async () => {
    const results = await searchProducts(database.db, embedder, {
      q: 'stay warm',
      scenario: 'winter-storm',
      climate: 'hot-humid',
      maxPrice: 40,
      limit: 15,
    });
    expect(results.length).toBeGreaterThan(0);
    const names = results.map((r) => r.masterItem);
    // Climate-specific cold-weather items are left out of a hot-humid search; items for any climate stay.
    expect(names).not.toContain('Chemical Hand Warmers');
    expect(names).not.toContain('Indoor-Safe Propane Heater');
    for (const r of results) {
      expect(r.price).toBeLessThanOrEqual(40);
      expect(r.scenarios).toContain('winter-storm');
    }
    const cold = await searchProducts(database.db, embedder, { q: 'stay warm', climate: 'cold', limit: 10 });
    expect(cold.map((r) => r.masterItem)).toEqual(expect.arrayContaining(['Chemical Hand Warmers']));
  });

  it('returns verified products only when asked, and drops products whose latest offer is out of stock', async () => {
    const verified = await searchProducts(database.db, embedder, {
      q: 'flashlight',
      status: 'verified',
      limit: 10,
    });
    for (const r of verified) expect(r.status).toBe('verified');

    const before = await searchProducts(database.db, embedder, { q: 'flashlight', limit: 5, inStock: true });
    const top = before[0]!;
    await database.db.execute(sql`insert into product_offers (specific_product_id, price, in_stock, observed_at)
      values (${top.productId}, 10, true, now() - interval '2 days'), (${top.productId}, 10, false, now())`);
    const after = await searchProducts(database.db, embedder, { q: 'flashlight', limit: 5, inStock: true });
    expect(after.map((r) => r.productId)).not.toContain(top.productId);
    const any = await searchProducts(database.db, embedder, { q: 'flashlight', limit: 5 });
    expect(any.map((r) => r.productId)).toContain(top.productId);
  });

  it('never offers a retired product or one whose fit is not confirmed (issue 17: retired is never offered again)', async () => {
    const [first, second] = await searchProducts(database.db, embedder, { q: 'camp stove', limit: 5 });
    await database.db.execute(
      sql`update specific_products set retired_at = now() where id = ${first!.productId}`,
    );
    await database.db.execute(
      sql`update specific_products set fit_status = 'proposed' where id = ${second!.productId}`,
    );
    const after = await searchProducts(database.db, embedder, { q: 'camp stove', limit: 20 });
    const ids = after.map((r) => r.productId);
    expect(ids).not.toContain(first!.productId);
    expect(ids).not.toContain(second!.productId);
    expect(ids.length).toBeGreaterThan(0);
  });

  it('explains each match', async () => {
    const [first] = await searchProducts(database.db, embedder, {
      q: 'something to make creek water safe',
      limit: 1,
    });
    expect(first!.why.similarity).toBeGreaterThan(0.3);
    expect(first!.why.matchedTerms).toEqual(expect.arrayContaining(['water']));
    expect(first!.why.matchedTerms.some((t) => t.startsWith('creek→'))).toBe(true);
  });

  /** The exact answer: the same statement with index scans off, so Postgres must compute every distance. */
  const exactScan = (input: Parameters<typeof searchProducts>[2]) =>
    database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_indexscan = off`);
      return (await searchProductsPlanned(tx, embedder, input, { exactScanMaxRows: 0 })).results;
    });

  it('answers a selective filter by exact scan: the same top 10 as the exact answer', async () => {
    const input = { q: 'keep food cold', categorySlug: 'food', maxPrice: 30, limit: 10 } as const;
    const matching = rowsOf<{ n: number }>(
      await database.db.execute(sql`
        with recursive t as (select id from categories where slug = 'food'
          union all select c.id from categories c join t on c.parent_id = t.id)
        select count(*)::int as n from master_items mi where mi.category_id in (select id from t)
          and exists (select 1 from specific_products sp where sp.master_item_id = mi.id and sp.price <= 30)`),
    )[0]!.n;
    expect(matching).toBeGreaterThan(10);
    expect(matching).toBeLessThanOrEqual(EXACT_SCAN_MAX_ROWS);

    const searched = await searchProductsPlanned(database.db, embedder, input);
    expect(searched.plan).toBe('exact');
    const exact = await exactScan(input);
    expect(exact).toHaveLength(10);
    expect(searched.results.map((r) => r.productId)).toEqual(exact.map((r) => r.productId));
  });

  it('scans a small catalog exactly, and walks the index when more rows match than the threshold', async () => {
    expect((await searchProductsPlanned(database.db, embedder, { q: 'keep food cold' })).plan).toBe('exact');
    // The test catalog is small, so a threshold of 10 rows stands in for a broad filter on a large one.
    const input = { q: 'keep food cold', categorySlug: 'food', maxPrice: 30, limit: 10 } as const;
    const viaIndex = await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const plan = rowsOf<{ 'QUERY PLAN': string }>(
        await tx.execute(sql`explain select id from master_items where embedding_model = ${embedder.name}
          order by embedding <=> (select embedding from master_items limit 1) limit 10`),
      );
      expect(plan.map((p) => p['QUERY PLAN']).join('\n')).toContain('idx_master_items_embedding');
      return searchProductsPlanned(tx, embedder, input, { exactScanMaxRows: 10 });
    });
    expect(viaIndex.plan).toBe('hnsw+top-dims');
    // Iterative scan fills the filtered page from the graph, and on this catalog finds the exact answer.
    expect(viaIndex.results.map((r) => r.productId)).toEqual(
      (await exactScan(input)).map((r) => r.productId),
    );
  });

  it('answers short natural-language queries through the index with the exact top 10', async () => {
    for (const q of ['lantern', 'water filter', 'baby', 'stay warm']) {
      const input = { q, limit: 10 };
      const searched = await searchProductsPlanned(database.db, embedder, input, { exactScanMaxRows: 10 });
      expect(searched.plan).toBe('hnsw+top-dims');
      expect(searched.results.map((r) => r.productId)).toEqual(
        (await exactScan(input)).map((r) => r.productId),
      );
    }
    const listing =
      'Coleman Brazos 20°F cold-weather sleeping bag, rectangular, fits adults up to 5 ft 11 in.';
    expect(
      (await searchProductsPlanned(database.db, embedder, { q: listing.repeat(2) }, { exactScanMaxRows: 10 }))
        .plan,
    ).toBe('hnsw');
  });

  it("keeps every item's top-dimension list in step with its vector (the trigger of drizzle/0010)", async () => {
    await database.db
      .transaction(async (tx) => {
        const [item] = rowsOf<{ id: string; embedding: string }>(
          await tx.execute(
            sql`select id, embedding::text as embedding from master_items order by name limit 1`,
          ),
        );
        const stored = async () =>
          rowsOf<{ dim: number }>(
            await tx.execute(sql`select dim from master_item_top_dims where master_item_id = ${item!.id}
            order by magnitude desc, abs(dim)`),
          ).map((r) => Number(r.dim));
        expect(await stored()).toEqual(heaviestDims(JSON.parse(item!.embedding), TOP_DIMS_PER_ROW));
        const other = embedOffline('hand-crank weather radio');
        await tx.execute(
          sql`update master_items set embedding = ${toVectorLiteral(other)}::vector where id = ${item!.id}`,
        );
        expect(await stored()).toEqual(heaviestDims(other, TOP_DIMS_PER_ROW));
        const total = rowsOf<{ items: number; lists: number }>(
          await tx.execute(sql`select (select count(*)::int from master_items where embedding is not null) as items,
          (select count(distinct master_item_id)::int from master_item_top_dims) as lists`),
        )[0]!;
        expect(total.lists).toBe(total.items);
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof TransactionRollbackError)) throw error;
      });
  });

  it('refuses bad input naming the field, and says when the catalog was embedded by another embedder', async () => {
    await expect(searchProducts(database.db, embedder, { q: '  ' })).rejects.toMatchObject({ field: 'q' });
    await expect(searchProducts(database.db, embedder, { q: 'x', limit: 0 })).rejects.toMatchObject({
      field: 'limit',
    });
    await expect(
      searchProducts(database.db, embedder, { q: 'x', categorySlug: 'nope' }),
    ).rejects.toMatchObject({
      field: 'categorySlug',
    });
    const other = { ...embedder, name: 'some-other-embedder' };
    const error = await searchProducts(database.db, other, { q: 'water' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('UNAVAILABLE');
    expect((error as AppError).message).toMatch(/backfill/);
  });
});
