import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import { migrationState } from '../../src/db/migrate.ts';
import { rowsOf } from '../../src/db/rows.ts';
import { openMigratedDatabase } from '../../src/open-database.ts';
import { catalogCounts } from '../../src/services/catalog/counts.ts';
import {
  readSnapshotManifest,
  seedInputsDigest,
  staleInputs,
} from '../../src/services/catalog/seed-snapshot.ts';
import { freshDatabase } from '../support/db.ts';
import { collectingLogger } from '../support/logger.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'readyplan-snapshot-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** What a seed writes, in a form two databases can be compared by: every vector and text, hashed per table. */
async function seededContent(database: Database) {
  const rows = rowsOf<Record<string, string>>(
    await database.db.execute(sql`select
      (select md5(string_agg(name || embedding::text || coalesce(embedding_model, ''), '|' order by name)) from master_items) as items,
      (select md5(string_agg(coalesce(sku, '') || name || coalesce(price::text, ''), '|' order by sku, name)) from specific_products) as products,
      (select md5(string_agg(content || embedding::text, '|' order by content)) from guidance_chunks) as chunks,
      (select md5(string_agg(title, '|' order by title)) from expert_calls) as calls`),
  );
  return rows[0];
}

async function callDates(database: Database) {
  return rowsOf<{ title: string; at: string }>(
    await database.db.execute(sql`select title, scheduled_date::text as at from expert_calls order by title`),
  ).map((r) => ({ title: r.title, at: Date.parse(r.at) }));
}

describe('the seed snapshot', () => {
  it('is current: made from these migrations, seed files and seed code (else: npm run db:snapshot)', () => {
    const manifest = readSnapshotManifest();
    expect(manifest, 'no snapshot/seed.json: run npm run db:snapshot').not.toBeNull();
    expect(staleInputs(manifest!), 'snapshot/ is stale: run npm run db:snapshot').toEqual([]);
    expect(manifest!.digest).toBe(seedInputsDigest());
  });

  it('makes a first start hold what migrating and seeding would, with the expert calls dated from today', async () => {
    const { logger, lines } = collectingLogger('info');
    const config = loadConfig({ DATA_DIR: dataDir });
    const started = await openMigratedDatabase(config, {
      logger,
      seed: true,
      embedder: () => {
        throw new Error('a start from the snapshot embeds nothing');
      },
    });
    const seeded = await freshDatabase();
    try {
      expect(lines.map((line) => JSON.parse(line).msg)).toEqual([
        'created the database from the seed snapshot',
      ]);
      expect(await migrationState(started)).toMatchObject({ upToDate: true });
      expect(await catalogCounts(started.db)).toEqual(await catalogCounts(seeded.db));
      expect(await seededContent(started)).toEqual(await seededContent(seeded));
      // The template was seeded minutes ago; the snapshot perhaps weeks ago: the dates are today's again.
      const [fromSnapshot, fromSeed] = [await callDates(started), await callDates(seeded)];
      expect(fromSnapshot.map((c) => c.title)).toEqual(fromSeed.map((c) => c.title));
      for (const [i, call] of fromSnapshot.entries()) {
        expect(Math.abs(call.at - fromSeed[i]!.at)).toBeLessThanOrEqual(24 * 3600 * 1000);
      }
    } finally {
      await started.close();
      await seeded.close();
    }

    // A second start finds the database made: no snapshot, no seed, nothing logged.
    const { logger: again, lines: secondLines } = collectingLogger('info');
    const reopened = await openMigratedDatabase(config, {
      logger: again,
      seed: true,
      embedder: () => {
        throw new Error('nothing to seed');
      },
    });
    await reopened.close();
    expect(secondLines).toEqual([]);
  });
});
