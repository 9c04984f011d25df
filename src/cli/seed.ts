import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { seedAll } from '../services/catalog/seed.ts';
import { SeedFileError } from '../services/catalog/seed-files.ts';
import { createEmbedder } from '../services/embeddings/index.ts';

/** `npm run db:seed`: migrate, then load every seed file idempotently; counts go to stderr. */
const config = loadConfig();
const database = await openDatabase(config.database);
try {
  await runMigrations(database);
  const embedder = createEmbedder(config.embeddings);
  const started = Date.now();
  const counts = await seedAll(database, embedder);
  console.error(`seeded (${database.kind}, embedder ${embedder.name}) in ${Date.now() - started} ms:`);
  for (const [table, n] of Object.entries(counts)) console.error(`  ${table.padEnd(18)} ${n}`);
} catch (error) {
  if (error instanceof SeedFileError) {
    console.error(`seed refused, nothing written: ${error.message}`);
    process.exitCode = 1;
  } else throw error;
} finally {
  await database.close();
}
