import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import { createOfflineEmbedder } from '../embeddings/offline.ts';
import { searchGuidance } from '../guidance/search.ts';
import relevanceSet from './relevance-set-tuning.json' with { type: 'json' };
import { searchProducts } from './search.ts';

/**
 * recall@5 of the offline embedder on natural queries (relevance-set-tuning.json): for each query, the share of its
 * expected answers found in the first five (capped at five expected), averaged over all queries. Products are
 * judged by the first five distinct master items searchProducts returns; guidance by the documents of the first
 * five passages searchGuidance returns.
 */
describe('search relevance with the offline embedder', () => {
  let database: Database;
  const embedder = createOfflineEmbedder();
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(() => database.close());

  it('has at least 30 queries', () => {
    expect(relevanceSet.products.length + relevanceSet.guidance.length).toBeGreaterThanOrEqual(30);
  });

  it('reaches recall@5 of at least 0.8', async () => {
    const lines: string[] = [];
    const score = (q: string, got: string[], expected: string[]) => {
      const found = got.filter((g) => expected.includes(g)).length;
      const recall = found / Math.min(5, expected.length);
      if (recall < 1)
        lines.push(
          `  ${recall.toFixed(2)}  "${q}" → ${got.map((g) => (expected.includes(g) ? `✓${g}` : `✗${g}`)).join(' | ')}`,
        );
      return recall;
    };

    const productScores: number[] = [];
    for (const { q, expected } of relevanceSet.products) {
      const results = await searchProducts(database.db, embedder, { q, limit: 30 });
      const items = [...new Set(results.map((r) => r.masterItem))].slice(0, 5);
      productScores.push(score(q, items, expected));
    }
    const guidanceScores: number[] = [];
    for (const { q, expected } of relevanceSet.guidance) {
      const passages = await searchGuidance(database.db, embedder, q, 5);
      const documents = [...new Set(passages.map((p) => p.slug))];
      guidanceScores.push(score(q, documents, expected));
    }

    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const all = mean([...productScores, ...guidanceScores]);
    console.log(
      `offline embedder recall@5: ${all.toFixed(3)} over ${productScores.length + guidanceScores.length} queries ` +
        `(products ${mean(productScores).toFixed(3)} over ${productScores.length}, guidance ` +
        `${mean(guidanceScores).toFixed(3)} over ${guidanceScores.length})\nqueries below 1:\n${lines.join('\n')}`,
    );
    expect(all).toBeGreaterThanOrEqual(0.8);
    expect(mean(productScores)).toBeGreaterThanOrEqual(0.8);
    expect(mean(guidanceScores)).toBeGreaterThanOrEqual(0.8);
  });

  it('cites the source organization of every guidance passage', async () => {
    const passages = await searchGuidance(database.db, embedder, 'how much bleach per gallon of water', 3);
    expect(passages).toHaveLength(3);
    for (const p of passages) {
      expect(p.source.length).toBeGreaterThan(0);
      expect(p.title.length).toBeGreaterThan(0);
      expect(p.content.length).toBeGreaterThan(50);
      expect(p.score).toBeGreaterThan(0);
    }
    expect(passages[0]!.slug).toBe('water-treatment-boiling');
    expect(passages[0]!.source).toBe('CDC');
  });
});
