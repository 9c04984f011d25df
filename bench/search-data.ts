/**
 * The bench's synthetic catalog: products built from the real catalog's text (data/), so the vectors are
 * distributed the way the catalog's are, and the query texts of each kind. Deterministic (a seeded PRNG).
 */
import { masterItemEmbeddingText } from '../src/services/catalog/embedding-text.ts';
import relevanceSet from '../src/services/catalog/relevance-set-tuning.json' with { type: 'json' };
import { loadSeedData } from '../src/services/catalog/seed-files.ts';

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
export const random = rng(20_240_601);
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

export function productText(): string {
  const base = pick(seed.products);
  const item = itemByName.get(base.masterItem)!;
  const brand = pick(brands);
  const name = `${brand} ${modelCode()} ${base.name.replace(base.metadata.brand, '').trim()}`;
  const extra = random() < 0.5 ? ` ${pick(sentences)}` : '';
  return masterItemEmbeddingText({
    name,
    description: `${base.description}${extra} ${item.description}`,
    categoryPath: pathOf(item.category),
    supplyKey: item.supplyKey,
    brands: [brand],
  });
}

const relevanceQueries = [...relevanceSet.products, ...relevanceSet.guidance].map((x) => x.q);
export function queryText(): string {
  const shape = random();
  if (shape < 0.4) return pick(relevanceQueries);
  if (shape < 0.7) return pick(seed.masterItems).name.toLowerCase();
  const words = pick(seed.products).name.split(/\s+/);
  const start = Math.floor(random() * Math.max(1, words.length - 3));
  return words.slice(start, start + 2 + Math.floor(random() * 3)).join(' ');
}

export const literal = (v: number[]) => `[${v.map((x) => x.toFixed(6)).join(',')}]`;
