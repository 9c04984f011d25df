import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import type { ProductMetadata } from '../../db/schema/products.ts';
import { SCENARIO_IDS } from '../../domain/scenarios.ts';
import { type Embedder, embedOne, toVectorLiteral } from '../embeddings/embedder.ts';
import { contentTerms, expansions } from '../embeddings/text.ts';
import { AppError, badInput } from '../errors.ts';
import { parseInput } from '../validation.ts';
import { CLIMATE_TAGS, climateTags, oneOf, SEARCH_CLIMATES } from './climate.ts';
import { EF_SEARCH, EXACT_SCAN_MAX_ROWS, efSearchFor } from './search-plan.ts';

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

export type ProductSearchResult = {
  productId: string;
  sku: string | null;
  name: string;
  masterItem: string;
  masterItemId: string;
  category: string | null;
  categorySlug: string | null;
  supplyKey: string | null;
  price: number | null;
  supplier: string | null;
  type: string | null;
  status: string | null;
  productUrl: string | null;
  imageUrl: string | null;
  metadata: ProductMetadata;
  scenarios: string[];
  /** Ranking score (cosine similarity of the master item, adjusted for the product's own match). */
  score: number;
  why: {
    /** Cosine similarity between the query and the product's master item. */
    similarity: number;
    /** Query words found in the product or its master item; "creek→water" when a synonym made the link. */
    matchedTerms: string[];
    /** The filters the product satisfied and the scenario tags it shares with the request. */
    tags: string[];
  };
};

/**
 * hnsw.ef_search for a natural-language query (guidance search uses it too); searchProducts picks per query kind
 * (search-plan.ts, measured by npm run bench:search).
 */
export const SEARCH_EF_SEARCH = EF_SEARCH['natural-language'];

/** How a search found its nearest items: the HNSW graph walk, or an exact scan of the rows the filters leave. */
export type SearchPlan = 'hnsw' | 'exact';

/** Master items fetched from the index per request: enough for the page plus room for the product ranking. */
const candidateCount = (limit: number) => Math.min(100, Math.max(12, limit * 2));

type Row = {
  product_id: string;
  sku: string | null;
  product_name: string;
  product_description: string | null;
  price: string | null;
  type: string | null;
  status: string | null;
  product_url: string | null;
  image_url: string | null;
  metadata: ProductMetadata | null;
  product_scenarios: string[] | null;
  master_item_id: string;
  master_item: string;
  master_description: string | null;
  master_scenarios: string[] | null;
  supply_key: string | null;
  category: string | null;
  category_slug: string | null;
  supplier: string | null;
  distance: number;
};

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
 * distance come from an exact scan when the filters leave few of them (search-plan.ts: EXACT_SCAN_MAX_ROWS),
 * otherwise from the HNSW index at the query kind's ef_search (iterative scan, so filters do not starve the
 * page); then their products are ranked best first. Products whose latest offer says out of stock are left out when
 * `inStock` is set; a product with no offer observed yet counts as available.
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
  const vector = toVectorLiteral(await embedOne(embedder, options.q));
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
  const matching = sql`from master_items mi
      where ${sql.join(itemFilters, sql` and `)}
        and exists (select 1 from specific_products sp where sp.master_item_id = mi.id ${productFilter('sp')})`;
  const filtered =
    options.categorySlug !== undefined ||
    options.climate !== undefined ||
    options.scenario !== undefined ||
    options.maxPrice !== undefined ||
    options.status !== undefined ||
    options.inStock === true;

  const rows = await db.transaction(async (tx) => {
    if (options.categorySlug) {
      const found = rowsOf(
        await tx.execute(sql`select 1 from categories where slug = ${options.categorySlug}`),
      );
      if (found.length === 0) throw badInput(`No category "${options.categorySlug}"`, 'categorySlug');
    }
    const plan = filtered
      ? await choosePlan(tx, subtree, matching, tuning.exactScanMaxRows ?? EXACT_SCAN_MAX_ROWS)
      : 'hnsw';
    // The exact plan measures every matching row (reached through the category index where there is one): the
    // distances are computed once in a subquery that OFFSET 0 keeps from being merged into the outer query, so
    // the ORDER BY is over a plain column the HNSW index cannot serve.
    const nearest =
      plan === 'exact'
        ? sql`select id, distance from (select mi.id, mi.embedding <=> ${vector}::vector as distance
            ${matching} offset 0) f order by distance limit ${k}`
        : sql`select mi.id, mi.embedding <=> ${vector}::vector as distance
            ${matching} order by mi.embedding <=> ${vector}::vector limit ${k}`;
    if (plan === 'hnsw') {
      // ef_search bounds the candidate list the graph walk keeps; iterative scan resumes the walk when filters
      // reject rows, so a filtered page still fills (pgvector 0.8). Both apply to this transaction only.
      await tx.execute(
        sql`select set_config('hnsw.ef_search', ${String(efSearchFor(options.q, k))}, true),
                   set_config('hnsw.iterative_scan', 'relaxed_order', true)`,
      );
    }
    const found = rowsOf<Row>(
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
    join specific_products sp on sp.master_item_id = mi.id ${productFilter('sp')}
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
 * Exact scan or HNSW for a filtered search, by how many master items the filters leave: counted, but only up to
 * the threshold (LIMIT stops the count there), so a broad filter costs a few thousand cheap row checks and never
 * a distance. A count rather than the planner's estimate, because PGlite never analyzes on its own and a
 * category subtree's size is invisible to the planner's statistics.
 */
async function choosePlan(tx: DbOrTx, subtree: SQL, matching: SQL, maxRows: number): Promise<SearchPlan> {
  const counted = rowsOf<{ n: number }>(
    await tx.execute(sql`with recursive ${subtree}
      select count(*)::int as n from (select 1 ${matching} limit ${maxRows + 1}) f`),
  )[0];
  return Number(counted?.n ?? 0) <= maxRows ? 'exact' : 'hnsw';
}

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

function explainTerms(query: string, text: string): { matched: string[]; strength: number } {
  const present = new Set(contentTerms(text).map((t) => t.term));
  const matched: string[] = [];
  let strength = 0;
  const seen = new Set<string>();
  for (const { term, surface, weight } of contentTerms(query)) {
    if (seen.has(term)) continue;
    seen.add(term);
    if (present.has(term)) {
      matched.push(surface);
      strength += weight;
      continue;
    }
    const via = expansions(term).find(([related]) => related.split(' ').every((part) => present.has(part)));
    if (via) {
      matched.push(`${surface}→${via[0]}`);
      strength += weight * via[1];
    }
  }
  return { matched, strength };
}

function rank(rows: Row[], options: z.output<typeof productSearchSchema>): ProductSearchResult[] {
  const tags: string[] = [];
  if (options.categorySlug) tags.push(`category:${options.categorySlug}`);
  if (options.climate) tags.push(`climate:${options.climate}`);
  if (options.maxPrice !== undefined) tags.push(`price≤${options.maxPrice}`);
  if (options.status) tags.push(`status:${options.status}`);
  if (options.inStock) tags.push('in-stock');

  const scored = rows.map((r) => {
    const similarity = 1 - Number(r.distance);
    const itemText = `${r.master_item} ${r.master_description ?? ''} ${r.category ?? ''}`;
    const item = explainTerms(options.q, itemText);
    const own = explainTerms(options.q, `${r.product_name} ${r.product_description ?? ''}`);
    const matched = [...new Set([...item.matched, ...own.matched])];
    const scenarios = [...new Set([...(r.master_scenarios ?? []), ...(r.product_scenarios ?? [])])];
    const rowTags = [...tags];
    if (options.scenario) rowTags.unshift(`scenario:${options.scenario}`);
    return { r, similarity, matched, own: own.strength, scenarios, rowTags };
  });

  // Within a master item, the product that itself mentions the query comes first, then verified, then cheaper.
  const byItem = new Map<string, typeof scored>();
  for (const s of scored) byItem.set(s.r.master_item_id, [...(byItem.get(s.r.master_item_id) ?? []), s]);
  const out: ProductSearchResult[] = [];
  for (const group of byItem.values()) {
    group.sort(
      (a, b) =>
        b.own - a.own ||
        Number(b.r.status === 'verified') - Number(a.r.status === 'verified') ||
        Number(a.r.price ?? Infinity) - Number(b.r.price ?? Infinity) ||
        (a.r.sku ?? '').localeCompare(b.r.sku ?? ''),
    );
    group.forEach((s, i) => {
      // A second product of the same item yields to the next item's best one unless the items are close.
      const score = s.similarity + 0.02 * Math.min(s.own, 2) - 0.04 * i;
      out.push({
        productId: s.r.product_id,
        sku: s.r.sku,
        name: s.r.product_name,
        masterItem: s.r.master_item,
        masterItemId: s.r.master_item_id,
        category: s.r.category,
        categorySlug: s.r.category_slug,
        supplyKey: s.r.supply_key,
        price: s.r.price === null ? null : Number(s.r.price),
        supplier: s.r.supplier,
        type: s.r.type,
        status: s.r.status,
        productUrl: s.r.product_url,
        imageUrl: s.r.image_url,
        metadata: s.r.metadata ?? {},
        scenarios: s.scenarios,
        score: Math.round(score * 10_000) / 10_000,
        why: {
          similarity: Math.round(s.similarity * 10_000) / 10_000,
          matchedTerms: s.matched,
          tags: s.rowTags,
        },
      });
    });
  }
  return out.sort((a, b) => b.score - a.score || a.productId.localeCompare(b.productId));
}

/** The master items nearest a query (one row per item): what the relevance test set measures. */
export async function searchMasterItems(
  db: DbOrTx,
  embedder: Embedder,
  q: string,
  limit = 5,
): Promise<{ id: string; name: string; similarity: number }[]> {
  const vector = toVectorLiteral(await embedOne(embedder, q));
  const rows = rowsOf<{ id: string; name: string; distance: number }>(
    await db.execute(sql`select id, name, embedding <=> ${vector}::vector as distance from master_items
      where embedding_model = ${embedder.name} order by embedding <=> ${vector}::vector limit ${limit}`),
  );
  return rows.map((r) => ({ id: r.id, name: r.name, similarity: 1 - Number(r.distance) }));
}
