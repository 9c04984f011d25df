import type { Database } from '../../src/db/client.ts';
import { seedAll } from '../../src/services/catalog/seed.ts';
import { createOfflineEmbedder } from '../../src/services/embeddings/offline.ts';

/**
 * What every test database starts with beyond the migrations: the full seed (catalog, bundles, skills, expert
 * calls, guidance), embedded with the offline embedder. A broken seed file fails the whole run here, by name.
 */
export async function prepareTemplate(database: Database): Promise<void> {
  await seedAll(database, createOfflineEmbedder());
}
