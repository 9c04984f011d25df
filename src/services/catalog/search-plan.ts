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
 * hnsw.ef_search per kind, from the bench's runs at 50,000 rows. Product-like queries sit among their neighbours
 * and reach recall 0.98–1.0 at 40–64. Natural-language queries alone climb slowly with ef while time grows with
 * it (0.896 at 200, 0.929 at 600, CPU p95 7 and 17 ms): one- and two-word queries' true ten nearest are spread
 * over several distant clusters the walk does not all reach (0.82 at 200). So searchProducts adds the top of the
 * query's heaviest dimensions' lists (search-dims.ts: 8 lists, 100 rows each) and ranks the union by the exact
 * distance: 0.953–0.957 at ef 100, 0.944–0.973 at 200 and 0.979–0.984 at 300 over four builds (HNSW draws its
 * levels at random, so builds differ), hence 300. Its CPU p95 is 20 ms (18 ms at 200): README "Search speed".
 */
export const EF_SEARCH: Record<QueryKind, number> = {
  'product-like': 64,
  'natural-language': 300,
};

/**
 * At or below this many matching master items (all of them, without filters) the search is an exact scan, above it
 * the HNSW index (iterative scan when filtered). An exact scan costs one distance per matching row (2.9 µs of CPU
 * here, vectors inline), so its time grows with the count; the filtered graph walk costs more the rarer matches
 * are, because it passes over non-matching neighbours, and its recall stays at 0.86–0.93. The bench's selectivity
 * sweep (0.5–20% of 50,000 rows) finds the exact scan faster at p50 up to 964 rows and HNSW from 2,445 (in four
 * runs), and the exact scan's CPU p95 reaching 20 ms at ~5,800 rows (~2,700 with vectors in TOAST); 1,500 leaves
 * room for the count that picks the plan.
 * A row count, not a share: the scan's cost is per matching row at any table size, while in a larger table the
 * same count is a rarer filter and a harder case for the graph walk. The 605-item seed catalog is always scanned.
 */
export const EXACT_SCAN_MAX_ROWS = 1_500;

export function queryKind(q: string): QueryKind {
  return contentTerms(q).length >= PRODUCT_LIKE_MIN_TERMS ? 'product-like' : 'natural-language';
}

/** ef_search for a query: its kind's, and never fewer than twice the candidates the page needs. */
export function efSearchFor(q: string, candidates: number): number {
  return Math.min(1000, Math.max(EF_SEARCH[queryKind(q)], candidates * 2));
}
