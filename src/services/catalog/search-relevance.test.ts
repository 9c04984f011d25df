import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import { createOfflineEmbedder } from '../embeddings/offline.ts';
import { searchGuidance } from '../guidance/search.ts';
import heldOutSet from './relevance-set-held-out.json' with { type: 'json' };
import tuningSet from './relevance-set-tuning.json' with { type: 'json' };
import { searchProducts } from './search.ts';

type RelevanceSet = {
  products: { q: string; expected: string[] }[];
  guidance: { q: string; expected: string[] }[];
};
type Recall = { all: number; products: number; guidance: number; misses: string[] };

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * recall@5 of the offline embedder on natural queries: for each query, the share of its expected answers found in
 * the first five (capped at five expected), averaged over all queries. Products are judged by the first five
 * distinct master items searchProducts returns; guidance by the documents of the first five passages
 * searchGuidance returns.
 *
 * Two sets: the tuning set (relevance-set-tuning.json), which the embedder's vocabulary and weights were tuned on,
 * so its figure flatters; and the held-out set (relevance-set-held-out.json), written blind and never used for
 * tuning, whose figure is the honest one. Tune only on the first.
 */
describe('search relevance with the offline embedder', () => {
  let database: Database;
  const embedder = createOfflineEmbedder();
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(() => database.close());

  async function recallOf(set: RelevanceSet): Promise<Recall> {
    const misses: string[] = [];
    const score = (q: string, got: string[], expected: string[]) => {
      const found = got.filter((g) => expected.includes(g)).length;
      const recall = found / Math.min(5, expected.length);
      if (recall < 1)
        misses.push(
          `  ${recall.toFixed(2)}  "${q}" → ${got.map((g) => (expected.includes(g) ? `✓${g}` : `✗${g}`)).join(' | ')}`,
        );
      return recall;
    };
    const products: number[] = [];
    for (const { q, expected } of set.products) {
      const results = await searchProducts(database.db, embedder, { q, limit: 30 });
      const items = [...new Set(results.map((r) => r.masterItem))].slice(0, 5);
      products.push(score(q, items, expected));
    }
    const guidance: number[] = [];
    for (const { q, expected } of set.guidance) {
      const passages = await searchGuidance(database.db, embedder, q, 5);
      guidance.push(score(q, [...new Set(passages.map((p) => p.slug))], expected));
    }
    return {
      all: mean([...products, ...guidance]),
      products: mean(products),
      guidance: mean(guidance),
      misses,
    };
  }

  const report = (name: string, set: RelevanceSet, r: Recall) =>
    console.log(
      `offline embedder recall@5 on the ${name} set: ${r.all.toFixed(3)} over ${set.products.length + set.guidance.length} ` +
        `queries (products ${r.products.toFixed(3)} over ${set.products.length}, guidance ${r.guidance.toFixed(3)} over ` +
        `${set.guidance.length})\nqueries below 1:\n${r.misses.join('\n')}`,
    );

  it('has at least 30 queries in each set, none in both', () => {
    for (const set of [tuningSet, heldOutSet]) {
      expect(set.products.length + set.guidance.length).toBeGreaterThanOrEqual(30);
    }
    const tuning = new Set([...tuningSet.products, ...tuningSet.guidance].map((x) => x.q.toLowerCase()));
    expect(
      [...heldOutSet.products, ...heldOutSet.guidance].filter((x) => tuning.has(x.q.toLowerCase())),
    ).toEqual([]);
  });

  it('reaches recall@5 of at least 0.8 on the tuning set', async () => {
    const r = await recallOf(tuningSet);
    report('tuning', tuningSet, r);
    expect(r.all).toBeGreaterThanOrEqual(0.8);
    expect(r.products).toBeGreaterThanOrEqual(0.8);
    expect(r.guidance).toBeGreaterThanOrEqual(0.8);
  });

  // Measured at its first run (0.784: products 0.742, guidance 0.889), below the tuning set's 0.908: the tuning
  // set's figure is partly the vocabulary learning its queries. The floors are that measurement; raise them only
  // with an embedder change made on the tuning set alone.
  it('holds the measured recall@5 on the held-out set', async () => {
    const r = await recallOf(heldOutSet);
    report('held-out', heldOutSet, r);
    expect(r.all).toBeGreaterThanOrEqual(0.78);
    expect(r.products).toBeGreaterThanOrEqual(0.74);
    expect(r.guidance).toBeGreaterThanOrEqual(0.88);
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
