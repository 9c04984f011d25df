import type { ProductMetadata } from '../../db/schema/products.ts';
import { contentTerms, expansions } from '../embeddings/text.ts';

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

/** What the ranking reads of a search's input. */
type RankOptions = {
  q: string;
  categorySlug?: string;
  scenario?: string;
  climate?: string;
  maxPrice?: number;
  status?: string;
  inStock?: boolean;
};

/** One row of the search statement: a product with its master item and that item's distance to the query. */
export type SearchRow = {
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

/** Products best first: the item's similarity, nudged by the product's own match, one item's extras yielding. */
export function rank(rows: SearchRow[], options: RankOptions): ProductSearchResult[] {
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
