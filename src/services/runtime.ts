import type { Config } from '../config.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { seedIfEmpty } from './catalog/seed.ts';
import { createEmbedder, type Embedder } from './embeddings/index.ts';
import { setBillingEnabled } from './tiers/tiers.ts';

export type Runtime = { database: Database; embedder: Embedder; close(): Promise<void> };

/**
 * What every entry point (server, plan and chat commands) needs first: the configured database,
 * migrated, and seeded when it is empty. `log` gets progress lines; entry points send them to stderr.
 */
export async function openRuntime(config: Config, log: (line: string) => void = () => {}): Promise<Runtime> {
  const database = await openDatabase(config.database);
  // Billing off (no Stripe configured) means self-hosted: every account gets the top tier's rights.
  setBillingEnabled(database.db, config.stripe !== null);
  try {
    await runMigrations(database);
    const embedder = createEmbedder(config.embeddings);
    const seeded = await seedIfEmpty(database, embedder);
    if (seeded) log(`seeded the catalog: ${JSON.stringify(seeded)}`);
    return { database, embedder, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}
