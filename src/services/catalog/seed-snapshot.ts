import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { seedExpertCalls } from '../calls/seed.ts';
import { OFFLINE_EMBEDDER_NAME } from '../embeddings/offline.ts';
import { expertCallSchema } from './seed-schemas.ts';

/**
 * A first start on an empty data directory spends 15–50 s creating the cluster (initdb in WebAssembly),
 * migrating and seeding. The snapshot is that result made once: the data directory of an embedded database
 * migrated and seeded with the offline embedder (PGlite's dumpDataDir, brotli-compressed), loaded in one
 * step instead. It is used only when it is current: its manifest records a digest of everything that
 * shapes it — the migrations, the seed files, the seed code (every local module the seed and the offline
 * embedder import, followed file by file) and the PGlite version — and a start whose digest differs
 * migrates and seeds as before. `npm run db:snapshot` rebuilds it; a test fails while it is stale.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
export const snapshotDir = join(root, 'snapshot');
const tarFile = join(snapshotDir, 'seed.tar.br');
const manifestFile = join(snapshotDir, 'seed.json');
/** The seed files (seed-files.ts reads them from the same place). */
const seedDataDir = join(root, 'data');

/** The modules whose code decides the seeded rows; their local imports are followed. */
const SEED_ENTRY_POINTS = ['src/services/catalog/seed.ts', 'src/services/embeddings/offline.ts'];
// Value imports only (`import type` shapes no row), static or dynamic, of a local module.
const STATIC_IMPORT = /\b(?:import|export)\s+(type\s+)?[^;'"]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]/g;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;
// The tables are the migrations' (hashed whole); the client and its lock decide no row.
const NOT_FOLLOWED = join(root, 'src/db/');

export type SnapshotManifest = {
  digest: string;
  bytes: number;
  /** What it was made from: file path (or package) → SHA-256 (or version). */
  inputs: Record<string, string>;
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(path) : [path];
    })
    .sort();
}

/** The entry points and every local module they import for its values, transitively. */
function seedModules(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file) || file.startsWith(NOT_FOLLOWED)) return;
    seen.add(file);
    if (!/\.(ts|mts|js|mjs)$/.test(file)) return; // a JSON file is hashed, not parsed
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(STATIC_IMPORT)) {
      if (!match[1]) visit(resolve(dirname(file), match[2]!));
    }
    for (const match of text.matchAll(DYNAMIC_IMPORT)) visit(resolve(dirname(file), match[1]!));
  };
  for (const entry of SEED_ENTRY_POINTS) visit(join(root, entry));
  return [...seen].sort();
}

function pgliteVersion(): string {
  const manifest = join(root, 'node_modules/@electric-sql/pglite/package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** Everything the snapshot is made from (see above), each file by its path and SHA-256. */
export function seedInputs(): Record<string, string> {
  // drizzle-kit's schema snapshots (drizzle/meta/NNNN_snapshot.json) are not applied: the SQL and journal are.
  const migrations = filesUnder(join(root, 'drizzle')).filter((f) => !/_snapshot\.json$/.test(f));
  const files = [...migrations, ...filesUnder(seedDataDir), ...seedModules()];
  const inputs: Record<string, string> = {
    '@electric-sql/pglite': pgliteVersion(),
    embedder: OFFLINE_EMBEDDER_NAME,
  };
  for (const file of files) {
    inputs[relative(root, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return inputs;
}

/** One digest of the inputs. */
export function seedInputsDigest(inputs = seedInputs()): string {
  return createHash('sha256')
    .update(JSON.stringify(Object.entries(inputs)))
    .digest('hex');
}

/** The inputs that differ from those the snapshot was made from (added, changed or gone). */
export function staleInputs(manifest: SnapshotManifest, inputs = seedInputs()): string[] {
  const names = new Set([...Object.keys(manifest.inputs), ...Object.keys(inputs)]);
  return [...names].filter((name) => manifest.inputs[name] !== inputs[name]).sort();
}

export function readSnapshotManifest(): SnapshotManifest | null {
  if (!existsSync(manifestFile)) return null;
  return JSON.parse(readFileSync(manifestFile, 'utf8')) as SnapshotManifest;
}

/** The snapshot's data directory (a tar archive) when it is current, else why not. */
export function currentSeedSnapshot(): { tar: Blob } | { unusable: string } {
  const manifest = readSnapshotManifest();
  if (!manifest || !existsSync(tarFile)) return { unusable: 'no snapshot (npm run db:snapshot makes one)' };
  const stale = staleInputs(manifest);
  if (stale.length > 0)
    return {
      unusable: `made from other migrations, seed files or seed code: ${stale.slice(0, 5).join(', ')}`,
    };
  return { tar: new Blob([brotliDecompressSync(readFileSync(tarFile))]) };
}

/**
 * After a start from the snapshot: the expert calls' dates are relative to the day of seeding ("in 3 days"),
 * so they are set again from today (an upsert on their titles), as a seed today would have set them.
 */
export async function refreshSnapshotDates(database: Database, now = new Date()): Promise<void> {
  // The calls file alone, checked as the seed checks it (the rest of the seed is in the snapshot already;
  // loading and validating every seed file would add half a second to the first start).
  const file = join(seedDataDir, 'calls', 'expert-calls.json');
  const calls = z.array(expertCallSchema).parse(JSON.parse(readFileSync(file, 'utf8')));
  await database.db.transaction((tx) => seedExpertCalls(tx, calls, now));
}

/**
 * Writes the snapshot of `database`: an embedded database just migrated and seeded with the offline
 * embedder (src/cli/db-snapshot.ts makes it). A checkpoint first, so the archive needs no WAL replay.
 */
export async function writeSeedSnapshot(database: Database): Promise<SnapshotManifest> {
  if (!database.pglite) throw new Error('a snapshot is made of the embedded database');
  await database.db.execute(sql`checkpoint`);
  const tar = Buffer.from(await (await database.pglite.dumpDataDir('none')).arrayBuffer());
  // Brotli at 9 with a 16 MB window: about half of gzip's size for this archive, and quick to decompress.
  const packed = brotliCompressSync(tar, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 9,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_SIZE_HINT]: tar.length,
    },
  });
  const inputs = seedInputs();
  const manifest: SnapshotManifest = { digest: seedInputsDigest(inputs), bytes: packed.length, inputs };
  writeFileSync(tarFile, packed);
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
