import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { backfillEmbeddings } from '../services/embeddings/backfill.ts';
import { createEmbedder } from '../services/embeddings/index.ts';

/**
 * `npm run db:backfill-embeddings [-- --all]`: re-embeds master items and guidance passages whose vectors
 * another embedder wrote, with the configured one (after switching OPENAI_API_KEY on or off).
 */
const config = loadConfig();
const database = await openDatabase(config.database);
try {
  await runMigrations(database);
  const embedder = createEmbedder(config.embeddings);
  const started = Date.now();
  const result = await backfillEmbeddings(database.db, embedder, {
    all: process.argv.includes('--all'),
    onProgress: (message) => console.error(message),
  });
  console.error(
    `backfill with ${embedder.name} done in ${Date.now() - started} ms: ${result.masterItems} master items, ` +
      `${result.guidanceDocuments} guidance documents (${result.guidanceChunks} passages)`,
  );
} finally {
  await database.close();
}
