/**
 * The second candidate source of a natural-language search (drizzle/0010): each master item's heaviest vector
 * dimensions, kept per dimension in order of magnitude (master_item_top_dims, by a trigger). A short query's vector
 * has few heavy dimensions, and its true nearest rows are the rows heavy on those same dimensions, so reading the
 * top of each of those lists reaches neighbours the HNSW walk misses (they sit in several far-apart clusters).
 * The union with the walk's candidates is ranked by the exact distance, so this only ever adds true neighbours.
 * Every figure here comes from `npm run bench:search` (README "Search speed and scale").
 */

/** Dimensions kept per master item: the migration's `vector_top_dims(embedding, 16)`; change both together. */
export const TOP_DIMS_PER_ROW = 16;

/** How many of the query's heaviest dimensions are read, and how many rows from the top of each. */
export const QUERY_TOP_DIMS = 8;
export const ROWS_PER_DIM = 100;

/**
 * The query's heaviest dimensions as the table keys them: 1-based, negative where the component is negative
 * (a row heavy in the opposite direction is far from the query, not near it), heaviest first.
 */
export function heaviestDims(vector: readonly number[], count = QUERY_TOP_DIMS): number[] {
  return vector
    .map((x, i) => ({ key: x >= 0 ? i + 1 : -(i + 1), size: Math.abs(x) }))
    .filter((d) => d.size > 0)
    .sort((a, b) => b.size - a.size || Math.abs(a.key) - Math.abs(b.key))
    .slice(0, count)
    .map((d) => d.key);
}
