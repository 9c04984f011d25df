import { index, integer, pgTable, text, timestamp, unique, uuid, vector } from 'drizzle-orm/pg-core';
import { EMBEDDING_DIMENSIONS } from './products.ts';

/** Preparedness guidance written by the team, each document citing its source organization. */
export const guidanceDocuments = pgTable('guidance_documents', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  source: text('source').notNull(),
  sourceUrl: text('source_url'),
  topics: text('topics').array(),
  scenarios: text('scenarios').array(),
  body: text('body').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
});

export const guidanceChunks = pgTable(
  'guidance_chunks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => guidanceDocuments.id, { onDelete: 'cascade' }),
    chunkIndex: integer('chunk_index').notNull(),
    content: text('content').notNull(),
    embedding: vector('embedding', { dimensions: EMBEDDING_DIMENSIONS }),
    embeddingModel: text('embedding_model'),
  },
  (t) => [
    unique('guidance_chunks_document_chunk_unique').on(t.documentId, t.chunkIndex),
    // m 32 / ef_construction 128 rather than pgvector's 16 / 64: short natural-language queries land far from
    // every vector, and the denser graph lifts their recall@10 (bench/search.ts, npm run bench:search).
    index('idx_guidance_chunks_embedding')
      .using('hnsw', t.embedding.op('vector_cosine_ops'))
      .with({ m: 32, ef_construction: 128 }),
  ],
);
