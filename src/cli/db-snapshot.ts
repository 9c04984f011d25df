import { openDatabase } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { seedAll } from '../services/catalog/seed.ts';
import { writeSeedSnapshot } from '../services/catalog/seed-snapshot.ts';
import { createOfflineEmbedder } from '../services/embeddings/index.ts';

/**
 * `npm run db:snapshot`: rebuilds snapshot/ (the seed snapshot a first start loads; see
 * services/catalog/seed-snapshot.ts) from a new in-memory database, migrated and seeded with the offline
 * embedder. Run it after changing a migration, a seed file or the seed code; a test says when it is due.
 */
const started = Date.now();
const database = await openDatabase({ kind: 'pglite' });
try {
  await runMigrations(database);
  await seedAll(database, createOfflineEmbedder());
  const manifest = await writeSeedSnapshot(database);
  process.stderr.write(
    `snapshot/seed.tar.br: ${(manifest.bytes / 1e6).toFixed(1)} MB, digest ${manifest.digest.slice(0, 12)}, ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
} finally {
  await database.close();
}
