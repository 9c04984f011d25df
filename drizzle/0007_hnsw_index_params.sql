DROP INDEX "idx_guidance_chunks_embedding";--> statement-breakpoint
DROP INDEX "idx_master_items_embedding";--> statement-breakpoint
CREATE INDEX "idx_guidance_chunks_embedding" ON "guidance_chunks" USING hnsw ("embedding" vector_cosine_ops) WITH (m=32,ef_construction=128);--> statement-breakpoint
CREATE INDEX "idx_master_items_embedding" ON "master_items" USING hnsw ("embedding" vector_cosine_ops) WITH (m=32,ef_construction=128);