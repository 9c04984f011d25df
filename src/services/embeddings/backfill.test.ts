import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { searchProducts } from '../catalog/search.ts';
import { searchGuidance } from '../guidance/search.ts';
import { backfillEmbeddings } from './backfill.ts';
import { EMBEDDING_DIMENSIONS, type Embedder } from './embedder.ts';
import { createOfflineEmbedder, embedOffline } from './offline.ts';

/** A second, different embedder (vectors of the reversed text), standing in for a switch to another model. */
const other: Embedder = {
  name: 'test-reversed-v1',
  dimensions: EMBEDDING_DIMENSIONS,
  embed: async (texts) => texts.map((t) => embedOffline([...t].reverse().join(''))),
};

describe('backfill after switching embedders', () => {
  let database: Database;
  const offline = createOfflineEmbedder();
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(() => database.close());

  const models = async () =>
    rowsOf<{ model: string; n: number }>(
      await database.db.execute(sql`select embedding_model as model, count(*)::int as n from (
        select embedding_model from master_items union all select embedding_model from guidance_chunks) x
        group by 1 order by 1`),
    );
  const vectorOf = async (name: string) =>
    rowsOf<{ v: string }>(
      await database.db.execute(sql`select embedding::text as v from master_items where name = ${name}`),
    )[0]!.v;

  it('re-embeds every row written by another embedder, once, and never mixes the two', async () => {
    const seeded = await vectorOf('Squeeze Water Filter');
    const first = await backfillEmbeddings(database.db, other);
    expect(first.masterItems).toBeGreaterThanOrEqual(150);
    expect(first.guidanceDocuments).toBeGreaterThanOrEqual(30);
    expect((await models()).map((m) => m.model)).toEqual([other.name]);

    // The old embedder finds no vectors of its own and says so rather than comparing across models.
    await expect(searchProducts(database.db, offline, { q: 'water filter' })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
    expect(await searchGuidance(database.db, offline, 'boil water', 3)).toEqual([]);
    expect(await searchProducts(database.db, other, { q: 'water filter', limit: 3 })).toHaveLength(3);

    expect(await backfillEmbeddings(database.db, other)).toEqual({
      masterItems: 0,
      guidanceDocuments: 0,
      guidanceChunks: 0,
    });

    // Back to the offline embedder: the same text as the seed embedded, so the same vector comes back.
    const back = await backfillEmbeddings(database.db, offline);
    expect(back.masterItems).toBe(first.masterItems);
    expect(back.guidanceChunks).toBe(first.guidanceChunks);
    expect(await vectorOf('Squeeze Water Filter')).toBe(seeded);
  });

  it('touches only the stale rows', async () => {
    await database.db.execute(
      sql`update master_items set embedding_model = 'something-else' where name in ('Wool Blanket', 'Tourniquet')`,
    );
    await database.db.execute(sql`update master_items set embedding = null where name = 'Duct Tape'`);
    const result = await backfillEmbeddings(database.db, offline);
    expect(result).toEqual({ masterItems: 3, guidanceDocuments: 0, guidanceChunks: 0 });
    expect((await models()).map((m) => m.model)).toEqual([offline.name]);
  });
});
