import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { guidanceChunks } from '../../db/schema/knowledge.ts';
import { masterItemEmbeddingText } from '../catalog/embedding-text.ts';
import { chunkEmbeddingText, chunkGuidance } from '../guidance/documents.ts';
import { type Embedder, toVectorLiteral } from './embedder.ts';

export type BackfillResult = { masterItems: number; guidanceDocuments: number; guidanceChunks: number };

export type BackfillOptions = {
  /** Texts per embed call and per update statement. */
  batchSize?: number;
  /** Re-embed everything, not only rows another embedder (or none) wrote. */
  all?: boolean;
  onProgress?: (message: string) => void;
};

/**
 * Re-embeds the rows whose vectors another embedder wrote (embedding_model differs from `embedder.name`) or
 * that have none: master items from the same text the seed embeds, and guidance documents re-chunked from their
 * body. Each batch commits on its own, so an interrupted run resumes where it stopped.
 */
export async function backfillEmbeddings(
  db: DbOrTx,
  embedder: Embedder,
  options: BackfillOptions = {},
): Promise<BackfillResult> {
  const batchSize = options.batchSize ?? 128;
  const stale = options.all
    ? sql`true`
    : sql`(embedding is null or embedding_model is distinct from ${embedder.name})`;
  const report = options.onProgress ?? (() => {});

  // Master items.
  const categories = rowsOf<{ id: string; parent_id: string | null; name: string }>(
    await db.execute(sql`select id, parent_id, name from categories`),
  );
  const byId = new Map(categories.map((c) => [c.id, c]));
  const pathOf = (id: string | null): string[] => {
    const path: string[] = [];
    const seen = new Set<string>();
    for (
      let at = id ? byId.get(id) : undefined;
      at && !seen.has(at.id);
      at = at.parent_id ? byId.get(at.parent_id) : undefined
    ) {
      seen.add(at.id);
      path.unshift(at.name);
    }
    return path;
  };
  const items = rowsOf<{
    id: string;
    name: string;
    description: string | null;
    category_id: string | null;
    supply_key: string | null;
    brands: string[] | null;
  }>(
    await db.execute(sql`
      select mi.id, mi.name, mi.description, mi.category_id, mi.supply_key,
        array(select sp.metadata->>'brand' from specific_products sp
              where sp.master_item_id = mi.id and sp.metadata->>'brand' is not null) as brands
      from master_items mi where ${stale} order by mi.name`),
  );
  for (let i = 0; i < items.length; i += batchSize) {
    const batch = items.slice(i, i + batchSize);
    const vectors = await embedder.embed(
      batch.map((m) =>
        masterItemEmbeddingText({
          name: m.name,
          description: m.description,
          categoryPath: pathOf(m.category_id),
          supplyKey: m.supply_key,
          brands: m.brands ?? [],
        }),
      ),
    );
    const json = batch.map((m, j) => ({ id: m.id, embedding: toVectorLiteral(vectors[j]!) }));
    await db.execute(sql`
      update master_items m set embedding = v.embedding::vector, embedding_model = ${embedder.name}
      from jsonb_to_recordset(${JSON.stringify(json)}::jsonb) as v(id uuid, embedding text)
      where m.id = v.id`);
    report(`master items: ${Math.min(i + batchSize, items.length)} of ${items.length}`);
  }

  // Guidance: a document with any stale chunk is re-chunked and re-embedded as a whole.
  const documents = rowsOf<{ id: string; title: string; body: string }>(
    await db.execute(sql`
      select d.id, d.title, d.body from guidance_documents d
      where exists (select 1 from guidance_chunks c where c.document_id = d.id and ${stale})
         or not exists (select 1 from guidance_chunks c where c.document_id = d.id)
      order by d.slug`),
  );
  let chunkCount = 0;
  for (const doc of documents) {
    const chunks = await chunkGuidance(doc.body);
    const vectors = await embedder.embed(chunks.map((c) => chunkEmbeddingText(doc.title, c)));
    await db.transaction(async (tx) => {
      await tx.execute(sql`delete from guidance_chunks where document_id = ${doc.id}`);
      if (chunks.length > 0) {
        await tx.insert(guidanceChunks).values(
          chunks.map((c, index) => ({
            documentId: doc.id,
            chunkIndex: index,
            content: c.content,
            embedding: vectors[index]!,
            embeddingModel: embedder.name,
          })),
        );
      }
    });
    chunkCount += chunks.length;
  }
  if (documents.length > 0) report(`guidance: ${documents.length} documents, ${chunkCount} passages`);
  return { masterItems: items.length, guidanceDocuments: documents.length, guidanceChunks: chunkCount };
}
