import { contentTerms } from '../embeddings/text.ts';

/**
 * How searchProducts walks the index, per query kind. Every figure here comes from `npm run bench:search`
 * (bench/search.ts, 50,000 rows, the production index m 32 / ef_construction 128); the README's "Search speed"
 * section has the run. Change one only with a new run.
 */

/** The two kinds of query text the bench measures, told apart by how much text there is. */
export type QueryKind = 'product-like' | 'natural-language';

/**
 * A query with this many content terms or more reads like a product listing (a pasted name and description);
 * fewer is a natural-language request or a product name. Natural-language queries are short, so their vectors
 * hold few features and land far from every row among many near-ties: the graph walk needs a far wider beam to
 * find the true nearest ten. In the bench every relevance-set query, item name and name fragment has at most
 * 6 terms and every synthetic listing at least 20, so 12 sits well clear of both.
 */
export const PRODUCT_LIKE_MIN_TERMS = 12;

/**
 * hnsw.ef_search per kind, from the bench's sweep at 50,000 rows. Product-like queries sit among their neighbours
 * and reach recall 0.97–1.0 at 40–64. Natural-language recall climbs slowly with ef while time grows with it:
 * at 600 three builds of the same data gave recall 0.951, 0.934 and 0.936 (HNSW draws its levels at random) at
 * p95 17–21 ms, and 1000 gives 0.949–0.950 at p95 27–33 ms, so no setting meets both targets reliably; 600 keeps
 * the latency budget. The loss is in one- and two-word queries (0.87–0.88 at 600, against 0.96 for three or four
 * words), whose true ten nearest are spread over several distant clusters the walk does not all reach. A
 * different build did not help (m 48 / ef_construction 200: 0.951 at 600 for 1.7× the build time; m 16: 0.921).
 */
export const EF_SEARCH: Record<QueryKind, number> = {
  'product-like': 64,
  'natural-language': 100,
};

/**
 * At or below this many matching master items the filtered search is an exact scan, above it the HNSW index with
 * iterative scan. An exact scan costs one distance per matching row (~7.5 µs here), so its time grows with the
 * count; the filtered graph walk costs more the rarer matches are, because it passes over non-matching
 * neighbours, and its recall stays at 0.91–0.94. The bench's selectivity sweep (0.5–20% of 50,000 rows) finds
 * the exact scan faster at p50 up to 964 rows and HNSW from 2,445, and the exact scan's p95 (a fitted line, about
 * 7.5–7.9 ms per 1,000 rows) reaching 20 ms at ~1,800–2,300 rows in two runs; 1,500 leaves room for the count
 * that picks the plan.
 * A row count, not a share: the scan's cost is per matching row at any table size, while in a larger table the
 * same count is a rarer filter and a harder case for the graph walk.
 */
export const EXACT_SCAN_MAX_ROWS = 1_500;

export function queryKind(q: string): QueryKind {
  return contentTerms(q).length >= PRODUCT_LIKE_MIN_TERMS ? 'product-like' : 'natural-language';
}

/** ef_search for a query: its kind's, and never fewer than twice the candidates the page needs. */
export function efSearchFor(q: string, candidates: number): number {
  return Math.min(1000, Math.max(EF_SEARCH[queryKind(q)], candidates * 2));
}
