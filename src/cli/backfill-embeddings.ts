import { loadConfig } from '../config.ts';
import { openRuntime } from '../runtime.ts';
import { backfillEmbeddings } from '../services/embeddings/backfill.ts';

/**
 * `npm run db:backfill-embeddings [-- --all]`: re-embeds master items and guidance passages whose vectors
 * another embedder wrote, with the configured one (after switching OPENAI_API_KEY on or off).
 */
const runtime = await openRuntime(loadConfig(), { seed: false });
const { database, embedder, logger } = runtime;
try {
  const started = Date.now();
  const result = await backfillEmbeddings(database.db, embedder, {
    all: process.argv.includes('--all'),
    onProgress: (message) => logger.info(message),
  });
  logger.info(
    `backfill with ${embedder.name} done in ${Date.now() - started} ms: ${result.masterItems} master items, ` +
      `${result.guidanceDocuments} guidance documents (${result.guidanceChunks} passages)`,
  );
} finally {
  await runtime.close();
}
