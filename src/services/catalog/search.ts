import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { SCENARIO_IDS } from '../../domain/scenarios.ts';
import { type Embedder, embedOne, toVectorLiteral } from '../embeddings/embedder.ts';
import { AppError, badInput } from '../errors.ts';
import { parseInput } from '../validation.ts';
import { CLIMATE_TAGS, climateTags, oneOf, SEARCH_CLIMATES } from './climate.ts';
import { heaviestDims, ROWS_PER_DIM } from './search-dims.ts';
import { EF_SEARCH, EXACT_SCAN_MAX_ROWS, efSearchFor, queryKind } from './search-plan.ts';
import { type ProductSearchResult, rank, type SearchRow } from './search-rank.ts';

export type { ProductSearchResult };

/** The database handle searches take (a transaction works too), named here so channels need not import db. */
export type SearchDb = DbOrTx;

export const productSearchSchema = z.object({
  q: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'),
  limit: z.number().int().min(1).max(50).default(10),
  categorySlug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a category slug such as water-storage')
    .optional(),
  scenario: oneOf(SCENARIO_IDS).optional(),
  climate: oneOf(SEARCH_CLIMATES).optional(),
  maxPrice: z.number().nonnegative().optional(),
  status: z.enum(['verified', 'pending'], { message: 'must be verified or pending' }).optional(),
  inStock: z.boolean().optional(),
});

export type ProductSearchInput = z.input<typeof productSearchSchema>;

/**
 * hnsw.ef_search for a natural-language query (guidance search uses it too); searchProducts picks per query kind
 * (search-plan.ts, measured by npm run bench:search).
 */
export const SEARCH_EF_SEARCH = EF_SEARCH['natural-language'];

/**
 * How a search found its nearest items: an exact scan of the rows the filters leave, the HNSW graph walk, or the
 * walk with the top-dimension lists beside it (natural-language queries).
 */
export type SearchPlan = 'exact' | 'hnsw' | 'hnsw+top-dims';

/** Master items fetched from the index per request: enough for the page plus room for the product ranking. */
const candidateCount = (limit: number) => Math.min(100, Math.max(12, limit * 2));

/** Whether a tag list admits a value: listed, or the list says "all"/"any", or the list is empty. */
const admits = (column: SQL, value: string) =>
  sql`(${column} is null or cardinality(${column}) = 0 or ${column} && array[${value}, 'all', 'any']::text[])`;

/** The same rule as suitsClimate() in climate.ts, in SQL. */
const suitsClimate = (column: SQL, climate: string) => {
  const wanted = climateTags(climate);
  return sql`(${column} is null or ${column} && array['any', 'all']::text[]
    or not (${column} && ${`{${CLIMATE_TAGS.join(',')}}`}::text[])
    ${wanted.length > 0 ? sql`or ${column} && ${`{${wanted.join(',')}}`}::text[]` : sql``})`;
};

/**
 * Semantic search over master items joined to their products, with filters: the nearest master items by cosine
 * distance come from an exact scan when the filters (or a small catalog) leave few of them (search-plan.ts:
 * EXACT_SCAN_MAX_ROWS), otherwise from the HNSW index at the query kind's ef_search (iterative scan, so filters do
 * not starve the page), natural-language queries adding the top of their heaviest dimensions' lists
 * (search-dims.ts) and ranking the union by the exact distance; then their products are ranked best first.
 * Products whose latest offer says out of stock are left out when `inStock` is set; a product with no offer
 * observed yet counts as available.
 */
export async function searchProducts(
  db: DbOrTx,
  embedder: Embedder,
  input: ProductSearchInput,
): Promise<ProductSearchResult[]> {
  return (await searchProductsPlanned(db, embedder, input)).results;
}

/**
 * searchProducts, also saying which plan found the nearest items (for tests and diagnostics). `exactScanMaxRows`
 * overrides the measured threshold, so a test can force either plan on a small catalog.
 */
export async function searchProductsPlanned(
  db: DbOrTx,
  embedder: Embedder,
  input: ProductSearchInput,
  tuning: { exactScanMaxRows?: number } = {},
): Promise<{ plan: SearchPlan; results: ProductSearchResult[] }> {
  const options = parseInput(productSearchSchema, input);
  const embedding = await embedOne(embedder, options.q);
  const vector = toVectorLiteral(embedding);
  const k = candidateCount(options.limit);

  const productFilter = (sp: string): SQL => {
    const p = sql.raw(sp);
    const parts: SQL[] = [];
    if (options.maxPrice !== undefined) parts.push(sql`${p}.price <= ${options.maxPrice}`);
    if (options.status) parts.push(sql`${p}.status = ${options.status}`);
    if (options.inStock) {
      parts.push(sql`coalesce((select o.in_stock from product_offers o where o.specific_product_id = ${p}.id
        order by o.observed_at desc limit 1), true)`);
    }
    if (options.scenario) {
      parts.push(
        sql`(${admits(sql.raw('mi.scenarios'), options.scenario)} or ${options.scenario} = any(${p}.scenarios))`,
      );
    }
    return parts.length ? sql.join([sql``, ...parts], sql` and `) : sql``;
  };

  const itemFilters: SQL[] = [sql`mi.embedding_model = ${embedder.name}`, sql`mi.status = 'active'`];
  if (options.categorySlug) itemFilters.push(sql`mi.category_id in (select id from subtree)`);
  if (options.climate) itemFilters.push(suitsClimate(sql.raw('mi.locations'), options.climate));

  const subtree = sql`subtree as (
      select id from categories where slug = ${options.categorySlug ?? null}
      union all
      select c.id from categories c join subtree s on c.parent_id = s.id
    )`;
  const conditions = sql`${sql.join(itemFilters, sql` and `)}
        and exists (select 1 from specific_products sp where sp.master_item_id = mi.id ${productFilter('sp')})`;
  const matching = sql`from master_items mi where ${conditions}`;

  const rows = await db.transaction(async (tx) => {
    if (options.categorySlug) {
      const found = rowsOf(
        await tx.execute(sql`select 1 from categories where slug = ${options.categorySlug}`),
      );
      if (found.length === 0) throw badInput(`No category "${options.categorySlug}"`, 'categorySlug');
    }
    const plan = await choosePlan(
      tx,
      subtree,
      matching,
      tuning.exactScanMaxRows ?? EXACT_SCAN_MAX_ROWS,
      options.q,
    );
    // The exact plan measures every matching row (reached through the category index where there is one): the
    // distances are computed once in a subquery that OFFSET 0 keeps from being merged into the outer query, so
    // the ORDER BY is over a plain column the HNSW index cannot serve. The top-dimensions plan ranks the walk's
    // candidates together with the top of the query's heaviest dimensions' lists (search-dims.ts) the same way,
    // fetched by primary key: as a join the planner hashes the candidates and scans the whole table.
    const walk = sql`select mi.id ${matching} order by mi.embedding <=> ${vector}::vector limit ${k}`;
    const nearest =
      plan === 'exact'
        ? sql`select id, distance from (select mi.id, mi.embedding <=> ${vector}::vector as distance
            ${matching} offset 0) f order by distance limit ${k}`
        : plan === 'hnsw+top-dims'
          ? sql`select id, distance from (select mi.id, mi.embedding <=> ${vector}::vector as distance
            from master_items mi where mi.id = any(array((${walk}) union ${topDimsCandidates(embedding)}))
              and ${conditions} offset 0) f order by distance limit ${k}`
          : sql`select mi.id, mi.embedding <=> ${vector}::vector as distance
            ${matching} order by mi.embedding <=> ${vector}::vector limit ${k}`;
    if (plan !== 'exact') {
      // ef_search bounds the candidate list the graph walk keeps; iterative scan resumes the walk when filters
      // reject rows, so a filtered page still fills (pgvector 0.8). Both apply to this transaction only.
      await tx.execute(
        sql`select set_config('hnsw.ef_search', ${String(efSearchFor(options.q, k))}, true),
                   set_config('hnsw.iterative_scan', 'relaxed_order', true)`,
      );
    }
    const found = rowsOf<SearchRow>(
      await tx.execute(sql`
    with recursive ${subtree},
    nearest as (${nearest})
    select sp.id as product_id, sp.sku, sp.name as product_name, sp.description as product_description,
      sp.price::text as price, sp.type, sp.status, sp.product_url, sp.image_url, sp.metadata,
      sp.scenarios as product_scenarios, mi.id as master_item_id, mi.name as master_item,
      mi.description as master_description, mi.scenarios as master_scenarios, mi.supply_key,
      c.name as category, c.slug as category_slug, s.name as supplier, n.distance
    from nearest n
    join master_items mi on mi.id = n.id
    join specific_products sp on sp.master_item_id = mi.id
      and sp.retired_at is null and sp.fit_status = 'confirmed' ${productFilter('sp')}
    left join categories c on c.id = mi.category_id
    left join suppliers s on s.id = sp.supplier_id
    order by n.distance, sp.id`),
    );
    return { plan, found };
  });

  if (rows.found.length === 0) await assertEmbedded(db, embedder);
  return { plan: rows.plan, results: rank(rows.found, options).slice(0, options.limit) };
}

/**
 * Exact scan or the index, by how many master items the filters leave (all of them without filters): counted,
 * but only up to the threshold (LIMIT stops the count there), so a broad filter or a large catalog costs a few
 * thousand cheap row checks and never a distance. A count rather than the planner's estimate, because PGlite
 * never analyzes on its own and a category subtree's size is invisible to the planner's statistics. Above the
 * threshold a natural-language query also reads the top-dimension lists; a product-like one walks the graph only.
 */
async function choosePlan(
  tx: DbOrTx,
  subtree: SQL,
  matching: SQL,
  maxRows: number,
  q: string,
): Promise<SearchPlan> {
  const counted = rowsOf<{ n: number }>(
    await tx.execute(sql`with recursive ${subtree}
      select count(*)::int as n from (select 1 ${matching} limit ${maxRows + 1}) f`),
  )[0];
  if (Number(counted?.n ?? 0) <= maxRows) return 'exact';
  return queryKind(q) === 'natural-language' ? 'hnsw+top-dims' : 'hnsw';
}

/** The rows at the top of the query's heaviest dimensions' lists (drizzle/0010, search-dims.ts). */
const topDimsCandidates = (embedding: readonly number[]) =>
  sql`select x.master_item_id as id from unnest(${`{${heaviestDims(embedding).join(',')}}`}::smallint[]) q(dim),
    lateral (select t.master_item_id from master_item_top_dims t where t.dim = q.dim
      order by t.magnitude desc limit ${ROWS_PER_DIM}) x`;

/** An empty answer because the catalog was embedded by another embedder is an operator's problem: say so. */
async function assertEmbedded(db: DbOrTx, embedder: Embedder): Promise<void> {
  const counted = rowsOf<{ mine: number; total: number }>(
    await db.execute(sql`select count(*) filter (where embedding_model = ${embedder.name})::int as mine,
      count(*)::int as total from master_items`),
  )[0];
  if (counted && Number(counted.total) > 0 && Number(counted.mine) === 0) {
    throw new AppError(
      'UNAVAILABLE',
      `The catalog has no vectors from the configured embedder (${embedder.name}) yet; run npm run db:backfill-embeddings`,
    );
  }
}
