import { EMBEDDING_DIMENSIONS, type Embedder } from './embedder.ts';
import { contentTerms, expansions } from './text.ts';
/**
 * Bump with any change to this file, text.ts or vocabulary.ts: the name is stored with every vector, so a new
 * version makes `npm run db:backfill-embeddings` (and the next seed) re-embed what the old one wrote.
 */
export const OFFLINE_EMBEDDER_VERSION = 1;
export const OFFLINE_EMBEDDER_NAME = `offline-hash-v${OFFLINE_EMBEDDER_VERSION}`;

/** Relative weights of the feature kinds (tuned on the relevance set in search-relevance.test.ts). */
const WEIGHTS = {
  unigram: 1,
  bigram: 0.7,
  synonym: 1,
  charGrams: 0.35,
};

/** 32-bit FNV-1a, then a murmur finaliser so nearby strings spread over all dimensions and both signs. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function addFeature(vector: Float64Array, feature: string, weight: number): void {
  const h = hash(feature);
  const index = h % EMBEDDING_DIMENSIONS;
  const sign = (h >>> 31) & 1 ? -1 : 1;
  vector[index] = (vector[index] ?? 0) + sign * weight;
}

/** The features of one text with their summed weights (before hashing), exported for tests and tuning. */
export function features(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const add = (feature: string, weight: number) => out.set(feature, (out.get(feature) ?? 0) + weight);
  const addTerm = (term: string, weight: number, kind: 'w' | 's') => {
    if (term.includes(' ')) {
      add(`b:${term}`, weight * WEIGHTS.bigram);
      for (const part of term.split(' ')) add(`w:${part}`, weight * 0.5);
    } else {
      add(`w:${term}`, weight * (kind === 'w' ? WEIGHTS.unigram : WEIGHTS.synonym));
    }
  };
  const terms = contentTerms(text);
  terms.forEach((t, i) => {
    addTerm(t.term, t.weight, 'w');
    if (!t.negated) for (const [related, w] of expansions(t.term)) addTerm(related, w * t.weight, 's');
    const next = terms[i + 1];
    if (next && !t.negated && !next.negated) {
      const pair = `${t.term} ${next.term}`;
      add(`b:${pair}`, Math.min(t.weight, next.weight) * WEIGHTS.bigram);
      for (const [related, w] of expansions(pair)) addTerm(related, w, 's');
    }
    // Character trigrams of the surface word catch spellings and word forms the stemmer misses.
    if (t.surface.length >= 5) {
      const padded = `<${t.surface}>`;
      const grams = padded.length - 2;
      for (let j = 0; j < grams; j++)
        add(`c:${padded.slice(j, j + 3)}`, (t.weight * WEIGHTS.charGrams) / Math.sqrt(grams));
    }
  });
  return out;
}

/** A deterministic embedding of one text: hashed, sublinearly weighted features, L2-normalised. */
export function embedOffline(text: string): number[] {
  const vector = new Float64Array(EMBEDDING_DIMENSIONS);
  const feats = features(text);
  if (feats.size === 0) feats.set('empty:', 1);
  for (const [feature, weight] of feats) {
    // Repetition counts, but less and less: 1 → 1, 2 → 1.69, 4 → 2.39.
    const damped =
      Math.sign(weight) * (Math.abs(weight) >= 1 ? 1 + Math.log(Math.abs(weight)) : Math.abs(weight));
    addFeature(vector, feature, damped);
  }
  let norm = 0;
  for (const v of vector) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  return Array.from(vector, (v) => v / norm);
}

/** The default embedder: no network, no model file, the same vector for the same text on every machine. */
export function createOfflineEmbedder(): Embedder {
  return {
    name: OFFLINE_EMBEDDER_NAME,
    dimensions: EMBEDDING_DIMENSIONS,
    embed: async (texts) => texts.map(embedOffline),
  };
}
