import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { SEARCH_EF_SEARCH } from '../catalog/search.ts';
import { type Embedder, embedOne, toVectorLiteral } from '../embeddings/embedder.ts';
import { badInput } from '../errors.ts';

export type GuidancePassage = {
  documentId: string;
  slug: string;
  title: string;
  /** The organization whose public guidance the document summarises (its citation). */
  source: string;
  sourceUrl: string | null;
  topics: string[];
  chunkIndex: number;
  content: string;
  /** Cosine similarity between the query and the passage, 0–1. */
  score: number;
};

/** At most this many passages from one document, so one long document does not crowd out the rest. */
const PER_DOCUMENT = 2;

/**
 * The guidance passages nearest a question, best first, each with its document's title and source
 * organization to cite. Uses the HNSW index on guidance_chunks, restricted to this embedder's vectors.
 */
export async function searchGuidance(
  db: DbOrTx,
  embedder: Embedder,
  q: string,
  limit = 5,
): Promise<GuidancePassage[]> {
  const question = q.trim();
  if (question === '') throw badInput('q must not be empty', 'q');
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw badInput('limit must be 1 to 50', 'limit');
  const vector = toVectorLiteral(await embedOne(embedder, question));
  const k = limit * 4;
  const rows = await db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('hnsw.ef_search', ${String(Math.max(SEARCH_EF_SEARCH, k * 2))}, true),
                 set_config('hnsw.iterative_scan', 'relaxed_order', true)`,
    );
    return rowsOf<{
      document_id: string;
      slug: string;
      title: string;
      source: string;
      source_url: string | null;
      topics: string[] | null;
      chunk_index: number;
      content: string;
      distance: number;
    }>(
      await tx.execute(sql`
        with nearest as (
          select id, embedding <=> ${vector}::vector as distance
          from guidance_chunks
          where embedding_model = ${embedder.name}
          order by embedding <=> ${vector}::vector
          limit ${k}
        )
        select d.id as document_id, d.slug, d.title, d.source, d.source_url, d.topics, ch.chunk_index,
          ch.content, n.distance
        from nearest n
        join guidance_chunks ch on ch.id = n.id
        join guidance_documents d on d.id = ch.document_id
        order by n.distance, ch.id`),
    );
  });
  const perDocument = new Map<string, number>();
  const out: GuidancePassage[] = [];
  for (const r of rows) {
    const taken = perDocument.get(r.document_id) ?? 0;
    if (taken >= PER_DOCUMENT) continue;
    perDocument.set(r.document_id, taken + 1);
    out.push({
      documentId: r.document_id,
      slug: r.slug,
      title: r.title,
      source: r.source,
      sourceUrl: r.source_url,
      topics: r.topics ?? [],
      chunkIndex: Number(r.chunk_index),
      content: r.content,
      score: Math.round((1 - Number(r.distance)) * 10_000) / 10_000,
    });
    if (out.length >= limit) break;
  }
  return out;
}
