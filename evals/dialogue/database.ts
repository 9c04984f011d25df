import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, openDatabase } from '../../src/db/client.ts';
import { runMigrations } from '../../src/db/migrate.ts';
import { seedAll } from '../../src/services/catalog/seed.ts';
import { createOfflineEmbedder } from '../../src/services/embeddings/offline.ts';

const root = new URL('../../', import.meta.url);

/** Every file under a folder, recursively, for the cache key. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .sort();
}

/**
 * The cache key of a migrated, seeded database: the migrations and the seed data. Seeding embeds the whole
 * catalog (tens of seconds on two shared cores); a dump keyed by what went into it is reused between runs
 * and rebuilt as soon as a migration or a seed file changes.
 */
function templateKey(): string {
  const hash = createHash('sha256');
  for (const dir of ['drizzle', 'data', 'src/db/schema', 'src/services/catalog']) {
    for (const file of filesUnder(new URL(dir, root).pathname)) {
      hash.update(file);
      hash.update(readFileSync(file));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * An in-memory PGlite, migrated and seeded exactly as the test suite's template (test/global-setup.ts):
 * migrations, then the full seed with the offline embedder. The same approach without vitest's inject.
 */
export async function seededDatabase(log: (line: string) => void = () => {}): Promise<Database> {
  const dir = join(tmpdir(), 'readyplan-dialogue-evals');
  const file = join(dir, `template-${templateKey()}.tar`);
  if (existsSync(file)) {
    return openDatabase({ kind: 'pglite', loadDataDir: new Blob([readFileSync(file)]) });
  }
  const started = performance.now();
  const database = await openDatabase({ kind: 'pglite' });
  await runMigrations(database);
  await seedAll(database, createOfflineEmbedder());
  const dump = await database.pglite!.dumpDataDir('none');
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  log(`migrated and seeded a template database in ${Math.round(performance.now() - started)} ms (cached)`);
  await database.close();
  return openDatabase({ kind: 'pglite', loadDataDir: new Blob([readFileSync(file)]) });
}
