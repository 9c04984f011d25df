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
 * hnsw.ef_search per kind: the smallest setting in the bench's sweep meeting recall@10 ≥ 0.95 with p95 < 20 ms,
 * with a step of margin for natural language (its recall climbs slowly: 0.948 at 400, 0.968 at 800).
 */
export const EF_SEARCH: Record<QueryKind, number> = {
  'product-like': 64,
  'natural-language': 500,
};

/**
 * Below this many matching master items the filtered search is an exact scan, above it the HNSW index with
 * iterative scan. An exact scan costs one distance per matching row, so its time grows with the count; the
 * filtered graph walk costs more the rarer matches are, because it must pass over non-matching neighbours. The
 * bench's selectivity sweep (exact vs HNSW at 0.5–20% of 50,000 rows) puts the crossing between these counts;
 * the threshold is kept as a row count, not a share, because the scan's cost is per matching row at any table
 * size, while at a larger table the same count is a rarer filter and an even worse case for the graph walk.
 */
export const EXACT_SCAN_MAX_ROWS = 2_500;

export function queryKind(q: string): QueryKind {
  return contentTerms(q).length >= PRODUCT_LIKE_MIN_TERMS ? 'product-like' : 'natural-language';
}

/** ef_search for a query: its kind's, and never fewer than twice the candidates the page needs. */
export function efSearchFor(q: string, candidates: number): number {
  return Math.min(1000, Math.max(EF_SEARCH[queryKind(q)], candidates * 2));
}
