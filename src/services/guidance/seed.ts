import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { guidanceChunks, guidanceDocuments } from '../../db/schema/knowledge.ts';
import type { SeedData } from '../catalog/seed-schemas.ts';
import { batches, takeExcluded } from '../catalog/upsert.ts';
import type { Embedder } from '../embeddings/embedder.ts';
import { chunkEmbeddingText, chunkGuidance } from './documents.ts';

type Guidance = SeedData['guidance'];
export type GuidancePassage = { slug: string; index: number; content: string; vector: number[] };

/** Splits every guidance document into passages and embeds them (before the seed's transaction opens). */
export async function prepareGuidance(embedder: Embedder, guidance: Guidance): Promise<GuidancePassage[]> {
  const rows: { slug: string; index: number; content: string; text: string }[] = [];
  for (const doc of guidance) {
    (await chunkGuidance(doc.body)).forEach((chunk, index) => {
      rows.push({ slug: doc.id, index, content: chunk.content, text: chunkEmbeddingText(doc.title, chunk) });
    });
  }
  const vectors = await embedder.embed(rows.map((r) => r.text));
  return rows.map((r, i) => ({ slug: r.slug, index: r.index, content: r.content, vector: vectors[i]! }));
}

/** The guidance documents of data/guidance/, upserted on their slug, and their passages replaced. */
export async function seedGuidance(
  tx: DbOrTx,
  embedder: Embedder,
  data: Guidance,
  passages: GuidancePassage[],
): Promise<void> {
  const docRows = await tx
    .insert(guidanceDocuments)
    .values(
      data.map((g) => ({
        slug: g.id,
        title: g.title,
        source: g.source,
        sourceUrl: g.sourceUrl,
        topics: g.topics,
        scenarios: g.scenarios,
        body: g.body,
      })),
    )
    .onConflictDoUpdate({
      target: guidanceDocuments.slug,
      set: takeExcluded(guidanceDocuments, ['title', 'source', 'sourceUrl', 'topics', 'scenarios', 'body']),
    })
    .returning({ id: guidanceDocuments.id, slug: guidanceDocuments.slug });
  const documentId = new Map(docRows.map((r) => [r.slug, r.id]));
  // Chunks are derived from the body: replaced as a whole, so a shorter document leaves no stale tail.
  if (docRows.length > 0) {
    await tx.delete(guidanceChunks).where(
      inArray(
        guidanceChunks.documentId,
        docRows.map((r) => r.id),
      ),
    );
  }
  for (const batch of batches(passages)) {
    await tx.insert(guidanceChunks).values(
      batch.map((c) => ({
        documentId: documentId.get(c.slug)!,
        chunkIndex: c.index,
        content: c.content,
        embedding: c.vector,
        embeddingModel: embedder.name,
      })),
    );
  }
}
