import type { Db } from '../services/database.ts';
import { backfillEmbeddings } from '../services/embeddings/backfill.ts';
import type { Embedder } from '../services/embeddings/index.ts';
import type { Queue } from './queue.ts';

export const EMBEDDING_BACKFILL_JOB = 'embedding-backfill';

/**
 * Re-embedding as a queued job (the service does the work, src/services/embeddings/backfill.ts): sent with
 * `queue.send(EMBEDDING_BACKFILL_JOB, { all })` after the embedder changed. Each batch commits on its own, so
 * a job cut short by a restart resumes where it stopped when pg-boss retries it. A singleton key keeps one
 * queued at a time.
 */
export async function registerEmbeddingBackfill(
  queue: Queue,
  db: Db,
  embedder: Embedder,
  log: (message: string) => void = () => {},
): Promise<void> {
  await queue.createQueue(EMBEDDING_BACKFILL_JOB);
  await queue.work<{ all?: boolean }>(EMBEDDING_BACKFILL_JOB, async ([job]) => {
    const result = await backfillEmbeddings(db, embedder, { all: job?.data.all === true, onProgress: log });
    log(
      `embedding backfill with ${embedder.name}: ${result.masterItems} master items, ${result.guidanceChunks} passages`,
    );
  });
}
