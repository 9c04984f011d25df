import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.ts';
import { type Database, openDatabase } from './db/client.ts';
import { migrationState, runMigrations } from './db/migrate.ts';
import { hasCatalog } from './services/catalog/counts.ts';
import type { Embedder } from './services/embeddings/embedder.ts';
import type { Logger } from './services/logger.ts';
import { setPriceMaxAgeDays } from './services/plans/catalog-prices.ts';
import { setBillingEnabled } from './services/tiers/tiers.ts';

export type OpenDatabaseOptions = {
  logger: Logger;
  /** Load the seed data when the catalog is empty. */
  seed: boolean;
  /** The embedder to seed with, asked for only when there is seeding to do. */
  embedder: () => Embedder | Promise<Embedder>;
};

/**
 * The configured database, migrated and (when its catalog is empty) seeded: the part of the runtime every
 * entry point needs, and all that `plan` needs. A warm start pays for one query beyond opening: the
 * migrations are applied only when some are missing, and the seed code, the seed snapshot and the embedder
 * are loaded only for a database that needs them (importing them costs about a second of a short command).
 * A first start of an embedded database loads the seed snapshot when it is current (seed-snapshot.ts).
 */
export async function openMigratedDatabase(config: Config, options: OpenDatabaseOptions): Promise<Database> {
  const { logger } = options;
  const snapshot = options.seed ? await firstStartSnapshot(config, logger) : null;
  const database = await openDatabase(
    snapshot && config.database.kind === 'pglite'
      ? { ...config.database, loadDataDir: snapshot }
      : config.database,
  );
  try {
    // Billing off (no Stripe configured) means self-hosted: every account gets the top tier's rights.
    setBillingEnabled(database.db, config.stripe !== null);
    setPriceMaxAgeDays(database.db, config.catalog.priceMaxAgeDays);
    if (!(await migrationState(database)).upToDate) await runMigrations(database);
    if (snapshot) {
      const { refreshSnapshotDates } = await import('./services/catalog/seed-snapshot.ts');
      await refreshSnapshotDates(database);
      logger.info('created the database from the seed snapshot');
    }
    if (options.seed && !(await hasCatalog(database.db))) {
      const { seedAll } = await import('./services/catalog/seed.ts');
      const seeded = await seedAll(database, await options.embedder());
      logger.info({ seeded }, 'seeded the catalog');
    }
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * The seed snapshot for a first start: an embedded database whose data directory was never created,
 * seeded with the offline embedder (the snapshot's vectors are its), when the snapshot is current.
 * Otherwise null, and the start migrates and seeds.
 */
async function firstStartSnapshot(config: Config, logger: Logger): Promise<Blob | null> {
  const db = config.database;
  if (db.kind !== 'pglite' || !db.dataDir || db.dataDir.startsWith('memory://')) return null;
  if (config.embeddings.kind !== 'offline' || existsSync(join(db.dataDir, 'PG_VERSION'))) return null;
  const { currentSeedSnapshot } = await import('./services/catalog/seed-snapshot.ts');
  const snapshot = currentSeedSnapshot();
  if ('tar' in snapshot) return snapshot.tar;
  logger.info(`first start without the seed snapshot (${snapshot.unusable}): migrating and seeding`);
  return null;
}
