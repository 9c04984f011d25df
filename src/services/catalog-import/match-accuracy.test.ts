import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import { scrapedQueue } from '../../db/schema/products.ts';
import { createOfflineEmbedder } from '../embeddings/offline.ts';
import { feedRowSchema } from './feed-row.ts';
import { importFeed } from './import.ts';
import labelled from './match-labelled-set.json' with { type: 'json' };
import type { ParsedFeed } from './parse-feed.ts';

/**
 * Matching accuracy on a labelled set of listing titles written for this test (retail-style titles with brand,
 * size and pack words; none copied from the catalog's product names), each with the master item a person would
 * file it under. Every title goes through the import as a feed row, and the stored top candidates are scored.
 */
describe('matching queued listings to master items', () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it(`puts the right master item first for at least 90% of ${labelled.length} labelled titles`, async () => {
    expect(labelled.length).toBeGreaterThanOrEqual(100);
    const feed: ParsedFeed = {
      rows: labelled.map((l, i) => ({
        line: i + 2,
        row: feedRowSchema.parse({
          name: l.title,
          brand: l.brand,
          price: 10,
          seller: 'Labelled Set',
          url: `https://shop.example/labelled/${i}`,
          observedAt: '2026-12-01',
        }),
      })),
      problems: [],
    };
    const summary = await importFeed(database.db, createOfflineEmbedder(), feed, { feed: 'labelled' });
    expect(summary.matched.waiting).toBe(labelled.length);
    const rows = await database.db
      .select({ url: scrapedQueue.url, candidates: scrapedQueue.candidates })
      .from(scrapedQueue);
    const byUrl = new Map(rows.map((r) => [r.url, r.candidates ?? []]));
    let top1 = 0;
    let top3 = 0;
    const misses: string[] = [];
    labelled.forEach((l, i) => {
      const names = byUrl.get(`https://shop.example/labelled/${i}`)!.map((c) => c.name);
      if (names[0] === l.masterItem) top1++;
      else misses.push(`${l.title} → ${names[0]} (want ${l.masterItem})`);
      if (names.slice(0, 3).includes(l.masterItem)) top3++;
    });
    const share = (n: number) => Math.round((n / labelled.length) * 1000) / 10;
    console.info(
      `matching: top-1 ${share(top1)}%, top-3 ${share(top3)}% of ${labelled.length} titles; misses:\n  ${misses.join('\n  ')}`,
    );
    expect(top1 / labelled.length).toBeGreaterThanOrEqual(0.9);
  });
});
