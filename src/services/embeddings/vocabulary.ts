import { z } from 'zod';
import vocabulary from './vocabulary.json' with { type: 'json' };

/**
 * The offline embedder's small hand-made vocabulary (vocabulary.json): stop words, words that say little in this
 * domain, lemmas that join word families, and a preparedness synonym map grouped by topic. Written as plain
 * words; text.ts reduces every entry to the same canonical form as the text it analyses. Editing the table
 * changes the vectors: bump OFFLINE_EMBEDDER_VERSION in offline.ts.
 */

/** A word a synonym brings to mind, at weight 0.5 unless given as [word, weight]. */
const ExpansionSchema = z.union([z.string(), z.tuple([z.string(), z.number()])]);

const VocabularySchema = z.object({
  stopWords: z.array(z.string()),
  /** Frequent in every preparedness text, so weak evidence of what a text is about. */
  lowInformation: z.array(z.string()),
  /** Words that negate the next content words: "light without power" wants light, not power. */
  negators: z.array(z.string()),
  /** Word families joined into one term (surface word → the word whose stem stands for the family). */
  lemmas: z.record(z.string(), z.string()),
  /**
   * What a word brings to mind in preparedness, by topic: "creek" means water to be filtered, "baby" means
   * infant and formula. Expanded on both sides (the embedder cannot tell a query from a document). Keys may be
   * two words ("bug out").
   */
  synonyms: z.record(z.string(), z.record(z.string(), z.array(ExpansionSchema))),
});

const words = VocabularySchema.parse(vocabulary);

export const STOP_WORD_LIST: readonly string[] = words.stopWords;
export const LOW_INFORMATION_LIST: readonly string[] = words.lowInformation;
export const NEGATORS: readonly string[] = words.negators;
export const LEMMA_LIST: Readonly<Record<string, string>> = words.lemmas;
// The topics only group the table for its readers; the embedder sees one map.
export const SYNONYM_LIST: Readonly<Record<string, z.infer<typeof ExpansionSchema>[]>> = Object.assign(
  {},
  ...Object.values(words.synonyms),
);
