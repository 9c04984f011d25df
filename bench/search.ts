/**
 * `npm run bench:search`: HNSW versus exact scan over 50,000 synthetic products' master-item vectors in a
 * temporary in-memory PGlite (never the user's data directory). Prints recall@10 and p50/p95 latency of both,
 * and their ratios, for a few hnsw.ef_search settings, plus a filtered query with iterative scan.
 *
 * Options: --rows N (default 50000), --queries N per query set (default 100), --m N, --ef-construction N.
 */
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { masterItemEmbeddingText } from '../src/services/catalog/embedding-text.ts';
import relevanceSet from '../src/services/catalog/relevance-set.json' with { type: 'json' };
import { SEARCH_EF_SEARCH } from '../src/services/catalog/search.ts';
import { loadSeedData } from '../src/services/catalog/seed-files.ts';
import { embedOffline } from '../src/services/embeddings/offline.ts';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const ROWS = arg('rows', 50_000);
const QUERIES = arg('queries', 100);
/** HNSW build parameters; the defaults are the production index's (drizzle/0007: m 32, ef_construction 128). */
const M = arg('m', 32);
const EF_CONSTRUCTION = arg('ef-construction', 128);
const EF_SEARCH = [40, 64, 100, 200, 400, 800, 1000];
/** What src/services/catalog/search.ts sets for a page of 10 (keep the two in step). */
const SEARCH_EF = SEARCH_EF_SEARCH;
const K = 10;
const log = (line: string) => process.stdout.write(`${line}\n`);

/** mulberry32: a small deterministic PRNG, so every run measures the same data. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20_240_601);
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;

// Synthetic products built from the real catalog's text (data/), so the vectors are distributed the way the
// catalog's are: each is a real product's description under a new brand and model, often with a sentence of a
// second product mixed in, embedded as a master item is (name twice, category path, description, brand).
const seed = loadSeedData();
const itemByName = new Map(seed.masterItems.map((m) => [m.name, m]));
const categoryBySlug = new Map(seed.categories.map((c) => [c.slug, c]));
const pathOf = (slug: string) => {
  const path: string[] = [];
  for (let c = categoryBySlug.get(slug); c; c = c.parent ? categoryBySlug.get(c.parent) : undefined)
    path.unshift(c.name);
  return path;
};
const brands = [...new Set(seed.products.map((p) => p.metadata.brand))];
const sentences = seed.products
  .flatMap((p) => p.description.split(/(?<=\.)\s+/))
  .filter((x) => x.length > 20);
const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const modelCode = () => `${pick([...letters])}${pick([...letters])}-${100 + Math.floor(random() * 9900)}`;

function productText(): { text: string; category: number } {
  const base = pick(seed.products);
  const item = itemByName.get(base.masterItem)!;
  const brand = pick(brands);
  const name = `${brand} ${modelCode()} ${base.name.replace(base.metadata.brand, '').trim()}`;
  const extra = random() < 0.5 ? ` ${pick(sentences)}` : '';
  const text = masterItemEmbeddingText({
    name,
    description: `${base.description}${extra} ${item.description}`,
    categoryPath: pathOf(item.category),
    supplyKey: item.supplyKey,
    brands: [brand],
  });
  return { text, category: Math.floor(random() * 50) };
}

const relevanceQueries = [...relevanceSet.products, ...relevanceSet.guidance].map((x) => x.q);
function queryText(): string {
  const shape = random();
  if (shape < 0.4) return pick(relevanceQueries);
  if (shape < 0.7) return pick(seed.masterItems).name.toLowerCase();
  const words = pick(seed.products).name.split(/\s+/);
  const start = Math.floor(random() * Math.max(1, words.length - 3));
  return words.slice(start, start + 2 + Math.floor(random() * 3)).join(' ');
}

const literal = (v: number[]) => `[${v.map((x) => x.toFixed(6)).join(',')}]`;
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const ms = (x: number) => `${x.toFixed(2)} ms`;

async function main() {
  const t0 = performance.now();
  const db = await PGlite.create({ extensions: { vector } });
  await db.exec('create extension if not exists vector');
  await db.exec(`create table bench_items (
    id int primary key, category int not null, embedding vector(768) not null, embedding_model text not null)`);

  // Embed the synthetic products with the offline embedder (the vectors search really uses), then load them
  // with COPY before any index exists.
  let tEmbed = 0;
  let tLoad = 0;
  const CHUNK = 5_000;
  for (let start = 0; start < ROWS; start += CHUNK) {
    const lines: string[] = [];
    const e0 = performance.now();
    for (let i = start; i < Math.min(ROWS, start + CHUNK); i++) {
      const p = productText();
      // Category: 50 random buckets, so a category filter keeps ~2% of rows.
      lines.push(`${i}\t${p.category}\t${literal(embedOffline(p.text))}\toffline`);
    }
    tEmbed += performance.now() - e0;
    const l0 = performance.now();
    await db.query(`copy bench_items (id, category, embedding, embedding_model) from '/dev/blob'`, [], {
      blob: new Blob([`${lines.join('\n')}\n`]),
    });
    tLoad += performance.now() - l0;
  }
  log(
    `rows: ${ROWS} (embedded in ${(tEmbed / 1000).toFixed(1)} s, loaded in ${(tLoad / 1000).toFixed(1)} s)`,
  );

  // The production index definition (hnsw, vector_cosine_ops, WITH m / ef_construction as in drizzle/0007).
  const b0 = performance.now();
  await db.exec(`set maintenance_work_mem = '512MB'`);
  await db.exec(`create index bench_items_embedding on bench_items using hnsw (embedding vector_cosine_ops)
    with (m = ${M}, ef_construction = ${EF_CONSTRUCTION})`);
  await db.exec('analyze bench_items');
  log(
    `HNSW index (m ${M}, ef_construction ${EF_CONSTRUCTION}) built in ${((performance.now() - b0) / 1000).toFixed(1)} s`,
  );

  const sqlTopK = `select id, embedding <=> $1::vector as d from bench_items where embedding_model = 'offline'
    order by embedding <=> $1::vector limit ${K}`;
  const probe = literal(embedOffline(queryText()));
  const plan = await db.query<{ 'QUERY PLAN': string }>(`explain ${sqlTopK.replaceAll('$1', `'${probe}'`)}`);
  const usesIndex = plan.rows.some((r) => r['QUERY PLAN'].includes('bench_items_embedding'));
  log(`planner uses the HNSW index for top-${K}: ${usesIndex ? 'yes' : 'NO'}`);

  type Run = { ids: number[][]; dists: number[][]; times: number[] };
  async function run(sqlText: string, setup: string[], queries: string[]): Promise<Run> {
    const ids: number[][] = [];
    const dists: number[][] = [];
    const times: number[] = [];
    await db.exec('begin');
    for (const s of setup) await db.exec(s);
    for (let i = 0; i < 5; i++) await db.query(sqlText, [queries[i]]); // warm-up
    for (const q of queries) {
      const s = performance.now();
      const r = await db.query<{ id: number; d: number }>(sqlText, [q]);
      times.push(performance.now() - s);
      ids.push(r.rows.map((row) => row.id));
      dists.push(r.rows.map((row) => Number(row.d)));
    }
    await db.exec('rollback');
    return { ids, dists, times };
  }
  /**
   * recall@K as ANN benchmarks count it: a returned row is a true neighbour when it is no farther than the exact
   * K-th distance (+1e-6), so rows tied at the K-th distance count either way. `strict` compares ids only.
   */
  const recall = (got: Run, truth: Run) => {
    let hit = 0;
    let strict = 0;
    let total = 0;
    got.ids.forEach((ids, i) => {
      const t = new Set(truth.ids[i]);
      const kth = truth.dists[i]!.at(-1) ?? Number.POSITIVE_INFINITY;
      hit += Math.min(truth.ids[i]!.length, got.dists[i]!.filter((d) => d <= kth + 1e-6).length);
      strict += ids.filter((id) => t.has(id)).length;
      total += truth.ids[i]!.length;
    });
    return { tied: hit / total, strict: strict / total };
  };

  const sets = [
    {
      name: 'product-like queries',
      about: 'held-out synthetic products, not in the table: the standard ANN benchmark method',
      queries: Array.from({ length: QUERIES }, () => literal(embedOffline(productText().text))),
    },
    {
      name: 'natural-language queries',
      about: 'the relevance set, master item names and product-name fragments: short texts far from any row',
      queries: Array.from({ length: QUERIES }, () => literal(embedOffline(queryText()))),
    },
  ];
  const summaries: string[] = [];
  for (const set of sets) {
    const exact = await run(sqlTopK, ['set local enable_indexscan = off'], set.queries);
    const exactP50 = quantile(exact.times, 0.5);
    const exactP95 = quantile(exact.times, 0.95);
    log(`\n${set.name} (${QUERIES}; ${set.about})`);
    log(`exact scan (sequential): p50 ${ms(exactP50)}, p95 ${ms(exactP95)}, recall@${K} 1.000`);
    log(`| ef_search | recall@${K} | recall@${K} by id | p50 | p95 | p50 exact/HNSW | p95 exact/HNSW |`);
    log('|---|---|---|---|---|---|---|');
    let atSearch = '';
    let best = '';
    for (const ef of EF_SEARCH) {
      const h = await run(sqlTopK, [`set local hnsw.ef_search = ${ef}`], set.queries);
      const { tied: r, strict } = recall(h, exact);
      const p50 = quantile(h.times, 0.5);
      const p95 = quantile(h.times, 0.95);
      log(
        `| ${ef} | ${r.toFixed(3)} | ${strict.toFixed(3)} | ${ms(p50)} | ${ms(p95)} | ${(exactP50 / p50).toFixed(1)}× | ${(exactP95 / p95).toFixed(1)}× |`,
      );
      const figures = `ef_search ${ef}: recall@${K} ${r.toFixed(3)}, HNSW p50 ${ms(p50)} / p95 ${ms(p95)} vs exact p50 ${ms(exactP50)} / p95 ${ms(exactP95)} (p50 ${(exactP50 / p50).toFixed(0)}×, p95 ${(exactP95 / p95).toFixed(0)}× faster)`;
      if (ef === SEARCH_EF) atSearch = figures;
      if (!best && r >= 0.95 && p95 < 20) best = figures;
    }
    summaries.push(
      `${set.name}: at ${atSearch}; smallest ef_search meeting recall ≥ 0.95 and p95 < 20 ms: ${best || 'none in this sweep'}`,
    );

    if (set === sets[1]) {
      // A filtered query (one category, ~2% of rows), the HNSW path forced (enable_seqscan off). At pgvector's
      // default ef_search (40) the graph walk runs out of candidates before it finds ten rows of the category
      // unless iterative scan resumes it; searchProducts turns iterative scan on.
      const filtered = `select id, embedding <=> $1::vector as d from bench_items where category = 7
        order by embedding <=> $1::vector limit ${K}`;
      const exactF = await run(filtered, ['set local enable_indexscan = off'], set.queries);
      const forced = (ef: number, mode: string) => [
        `set local hnsw.ef_search = ${ef}`,
        'set local enable_seqscan = off',
        `set local hnsw.iterative_scan = ${mode}`,
      ];
      const fill = (x: { ids: number[][] }) =>
        x.ids.reduce((n, ids) => n + ids.length, 0) / (x.ids.length * K);
      const line = (label: string, x: Run) =>
        `  ${label.padEnd(46)} rows returned ${(fill(x) * 100).toFixed(0)}% of ${K}, recall@${K} ${recall(x, exactF).tied.toFixed(3)}, p50 ${ms(quantile(x.times, 0.5))}, p95 ${ms(quantile(x.times, 0.95))}`;
      log(`\nfiltered top-${K} (category = 7, ~2% of rows), natural-language queries:`);
      log(line('ef_search 40, iterative scan off:', await run(filtered, forced(40, 'off'), set.queries)));
      log(
        line('ef_search 40, relaxed_order:', await run(filtered, forced(40, 'relaxed_order'), set.queries)),
      );
      const search = await run(filtered, forced(SEARCH_EF, 'relaxed_order'), set.queries);
      log(line(`ef_search ${SEARCH_EF}, relaxed_order (as searched):`, search));
      log(
        `  ${'exact scan:'.padEnd(46)} p50 ${ms(quantile(exactF.times, 0.5))}, p95 ${ms(quantile(exactF.times, 0.95))}`,
      );
    }
  }

  log(
    `\nsummary (${ROWS} rows, HNSW m ${M} / ef_construction ${EF_CONSTRUCTION}; searchProducts sets ef_search ${SEARCH_EF}):`,
  );
  for (const line of summaries) log(`  ${line}`);
  log(`total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await db.close();
}

await main();
