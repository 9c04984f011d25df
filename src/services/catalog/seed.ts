import { sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { seedExpertCalls } from '../calls/seed.ts';
import type { Embedder } from '../embeddings/embedder.ts';
import { prepareGuidance, seedGuidance } from '../guidance/seed.ts';
import { seedSkillResources } from '../skills/seed.ts';
import { type CatalogCounts, catalogCounts } from './counts.ts';
import { defaultDataDir, loadSeedData } from './seed-files.ts';
import { prepareProducts, seedProducts } from './seed-products.ts';
import type { SeedData } from './seed-schemas.ts';

export type SeedOptions = {
  /** Where the data files are; the repository's data/ by default. */
  dataDir?: string;
  /** "Today" for the expert calls' relative dates. */
  now?: Date;
};

/** Everything the transaction writes, read, validated and embedded before it opens. */
type Prepared = Awaited<ReturnType<typeof prepare>>;

async function prepare(embedder: Embedder, data: SeedData) {
  const [itemVectors, passages] = await Promise.all([
    prepareProducts(embedder, data),
    prepareGuidance(embedder, data.guidance),
  ]);
  return { data, itemVectors, passages };
}

async function write(tx: DbOrTx, embedder: Embedder, prepared: Prepared, now: Date): Promise<void> {
  const { data } = prepared;
  // One seed at a time, on every engine: concurrent starts wait here, then find the rows and update them.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('readyplan:seed'))`);
  await seedProducts(tx, embedder, data, prepared.itemVectors);
  await seedSkillResources(tx, data.skillsResources);
  await seedExpertCalls(tx, data.expertCalls, now);
  await seedGuidance(tx, embedder, data.guidance, prepared.passages);
}

/**
 * Loads every seed file (validated first: a bad file fails naming the file and field, and nothing is written),
 * embeds the master items and guidance passages, and upserts every dataset — the catalog, skills resources,
 * expert calls, guidance — on natural keys in one transaction. Running it twice leaves the same rows.
 */
export async function seedAll(
  database: Database,
  embedder: Embedder,
  options: SeedOptions = {},
): Promise<CatalogCounts> {
  const prepared = await prepare(embedder, loadSeedData(options.dataDir ?? defaultDataDir));
  const now = options.now ?? new Date();
  await database.db.transaction((tx) => write(tx, embedder, prepared, now));
  return catalogCounts(database.db);
}
/** Seeds when the catalog has no master items (first start); returns the counts when it seeded, else null. */
export async function seedIfEmpty(
  database: Database,
  embedder: Embedder,
  options: SeedOptions = {},
): Promise<CatalogCounts | null> {
  const rows = rowsOf<{ n: number }>(
    await database.db.execute(sql`select count(*)::int as n from master_items`),
  );
  if (Number(rows[0]?.n ?? 0) > 0) return null;
  return seedAll(database, embedder, options);
}
