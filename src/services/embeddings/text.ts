/**
 * Text analysis shared by the offline embedder and the search explanations: normalise, split, drop stop
 * words, reduce each word to a canonical stem, and expand preparedness synonyms. Pure and deterministic; any
 * change to the output here changes the vectors, so bump OFFLINE_EMBEDDER_VERSION in offline.ts with it.
 */
import { LEMMA_LIST, LOW_INFORMATION_LIST, NEGATORS, STOP_WORD_LIST, SYNONYM_LIST } from './vocabulary.ts';

/** Lower-case, strip accents, keep letters and digits; hyphenated words split ("freeze-dried" → freeze dried). */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/(\d)[.,](\d)/g, '$1$2')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

const irregular: Record<string, string> = {
  knives: 'knife',
  leaves: 'leaf',
  children: 'child',
  feet: 'foot',
  teeth: 'tooth',
  mice: 'mouse',
  women: 'woman',
  men: 'man',
  people: 'person',
  shelves: 'shelf',
  halves: 'half',
  loaves: 'loaf',
  lives: 'life',
  fed: 'feed',
  ate: 'eat',
  eaten: 'eat',
  drank: 'drink',
  kept: 'keep',
  lit: 'light',
  built: 'build',
  dried: 'dry',
  dries: 'dry',
};

/** A light English stemmer: plurals, the common verb endings and a final e; never shorter than three letters. */
export function stem(word: string): string {
  const known = irregular[word];
  if (known) return stem(known);
  if (word.length <= 3 || /^\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is|ys|as|os)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) {
    w = w.slice(0, -3);
    if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  } else if (w.endsWith('ied') && w.length > 4) {
    w = `${w.slice(0, -3)}y`;
  } else if (w.endsWith('ed') && w.length > 4 && !w.endsWith('eed')) {
    w = w.slice(0, -2);
    if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  }
  // "store", "stores", "stored" and "storing" all end as "stor".
  if (w.length > 3 && w.endsWith('e') && !w.endsWith('ee')) w = w.slice(0, -1);
  return w;
}

const STOP_WORDS = new Set(STOP_WORD_LIST);

const LEMMAS = new Map<string, string>();
for (const [from, to] of Object.entries(LEMMA_LIST)) {
  const target = stem(to);
  LEMMAS.set(from, target);
  if (!LEMMAS.has(stem(from))) LEMMAS.set(stem(from), target);
}

/** The canonical form of one word: its family's stem when the vocabulary joins it to one, else its stem. */
export function canonical(word: string): string {
  const direct = LEMMAS.get(word);
  if (direct) return direct;
  const s = stem(word);
  return LEMMAS.get(s) ?? s;
}

/** Canonical form of a phrase: its words' canonical forms joined by a space ("first aid" → "first aid"). */
export function canonicalPhrase(phrase: string): string {
  return words(phrase)
    .filter((w) => !STOP_WORDS.has(w))
    .map(canonical)
    .join(' ');
}

const LOW_INFORMATION = new Set(LOW_INFORMATION_LIST.map(canonical));

const SYNONYMS = new Map<string, [string, number][]>();
for (const [key, list] of Object.entries(SYNONYM_LIST)) {
  const k = canonicalPhrase(key);
  const out = SYNONYMS.get(k) ?? [];
  for (const entry of list) {
    const [phrase, weight] = typeof entry === 'string' ? [entry, 0.5] : entry;
    const term = canonicalPhrase(phrase);
    if (term && term !== k && !out.some(([t]) => t === term)) out.push([term, weight]);
  }
  SYNONYMS.set(k, out);
}

export type Term = { term: string; surface: string; weight: number; negated: boolean };

const NEGATOR_SET = new Set(NEGATORS);
/** How many content words after "without"/"no" are what the text lacks rather than what it is about. */
const NEGATION_REACH = 2;
const NEGATED_WEIGHT = 0.3;

/**
 * Content terms in order: canonical forms, stop words removed; low-information words and numbers weigh less,
 * and the words right after a negator ("without power") weigh little and bring no synonyms.
 */
export function contentTerms(text: string): Term[] {
  const out: Term[] = [];
  let negate = 0;
  for (const surface of words(text)) {
    if (NEGATOR_SET.has(surface)) {
      negate = NEGATION_REACH;
      continue;
    }
    if (STOP_WORDS.has(surface)) continue;
    if (surface.length < 2 && !/^\d$/.test(surface)) continue;
    const term = canonical(surface);
    const negated = negate > 0;
    if (negate > 0) negate--;
    let weight = LOW_INFORMATION.has(term) ? 0.35 : /^\d+$/.test(term) ? 0.3 : 1;
    if (negated) weight *= NEGATED_WEIGHT;
    out.push({ term, surface, weight, negated });
  }
  return out;
}

/** Related terms (possibly two-word phrases) for a canonical term or two-term phrase, with weights below 1. */
export function expansions(term: string): readonly (readonly [string, number])[] {
  return SYNONYMS.get(term) ?? [];
}

/** Every canonical term a text mentions, with the terms its synonyms bring in: what search explanations compare. */
export function conceptSet(text: string): Set<string> {
  const terms = contentTerms(text);
  const set = new Set<string>();
  const add = (term: string) => {
    set.add(term);
    for (const part of term.split(' ')) set.add(part);
  };
  terms.forEach(({ term, negated }, i) => {
    add(term);
    if (negated) return;
    for (const [related] of expansions(term)) add(related);
    const next = terms[i + 1];
    if (next && !next.negated) for (const [related] of expansions(`${term} ${next.term}`)) add(related);
  });
  return set;
}
