import type { Database } from '../../src/db/client.ts';
import { openDatabase } from '../../src/db/client.ts';
import { runMigrations } from '../../src/db/migrate.ts';
import { seedAll } from '../../src/services/catalog/seed.ts';
import { createOfflineEmbedder } from '../../src/services/embeddings/offline.ts';

/**
 * One in-memory PGlite per run, migrated and seeded as the tests' template is (test/global-setup.ts), but
 * without vitest's `inject`: the eval runs as a plain script too. Plans only read, so one database serves
 * every case.
 */
export async function evalDatabase(): Promise<Database> {
  const database = await openDatabase({ kind: 'pglite' });
  await runMigrations(database);
  await seedAll(database, createOfflineEmbedder());
  return database;
}
