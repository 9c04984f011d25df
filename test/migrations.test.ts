import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.ts';
import { migrationState, migrationsFolder, runMigrations } from '../src/db/migrate.ts';
import { rowsOf } from '../src/db/rows.ts';
import { freePort } from './support/wire.ts';

const sourceDocumentTables = [
  'categories',
  'master_items',
  'specific_products',
  'suppliers',
  'product_offers',
  'scraped_queue',
  'bundles',
  'bundle_items',
  'bundle_recommendations',
  'mission_reports',
  'saved_scenarios',
  'profiles',
  'users',
  'inventory_items',
  'skills_resources',
  'expert_calls',
  'call_attendance',
  'user_activity_log',
  'billing_transactions',
  'orders',
  'order_items',
  'external_transactions',
  'shipments',
  'shipment_items',
];

/** Index names the source document lists, partial and GIN ones included. */
const sourceDocumentIndexes = [
  'idx_profiles_subscription_tier',
  'idx_profiles_stripe_customer',
  'idx_order_items_bundle',
  'idx_order_items_substitution',
  'idx_external_trans_bundle',
  'idx_external_trans_user_date',
  'idx_inventory_user',
  'idx_inventory_status',
  'idx_inventory_expiration',
  'idx_skills_by_name',
  'idx_skills_by_category',
  'idx_skills_by_scenario',
  'idx_skills_verified',
  'idx_calls_by_date',
  'idx_calls_by_type',
  'idx_calls_by_status',
  'idx_attendance_by_call',
  'idx_attendance_by_user',
  'idx_attendance_attended',
  'idx_activity_by_user',
  'idx_activity_by_type',
  'idx_activity_by_date',
  'idx_activity_metadata',
  'idx_billing_by_user',
  'idx_billing_by_date',
  'idx_billing_by_type',
  'idx_billing_by_stripe_invoice',
  'idx_master_items_embedding',
  'idx_specific_products_asin',
  'idx_specific_products_metadata',
  'idx_bundles_scenarios',
  'idx_categories_parent',
];

describe('migrations', () => {
  it('create every table of the source document (and never unmatched_items)', () => {
    const migrationSql = readdirSync(migrationsFolder)
      .filter((f) => f.endsWith('.sql'))
      .map((f) => readFileSync(`${migrationsFolder}/${f}`, 'utf8'))
      .join('\n');
    for (const table of sourceDocumentTables) expect(migrationSql).toContain(`CREATE TABLE "${table}"`);
    expect(migrationSql).not.toContain('unmatched_items');
    expect(migrationSql).toMatch(/^CREATE EXTENSION IF NOT EXISTS vector;$/m);
  });

  it('apply from scratch through postgres.js over the wire, with every index, and re-run as a no-op', async () => {
    const pglite = await PGlite.create({ extensions: { vector } });
    const port = await freePort();
    const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port, maxConnections: 10 });
    await server.start();
    const database = await openDatabase({
      kind: 'postgres',
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      max: 1,
    });
    try {
      await runMigrations(database);
      await runMigrations(database);
      const state = await migrationState(database);
      expect(state).toEqual({ applied: state.available, available: state.available, upToDate: true });
      const indexes = rowsOf<{ indexname: string; indexdef: string }>(
        await database.db.execute(
          sql`select indexname, indexdef from pg_indexes where schemaname = 'public'`,
        ),
      );
      const byName = new Map(indexes.map((i) => [i.indexname, i.indexdef]));
      for (const name of sourceDocumentIndexes) expect(byName.has(name), name).toBe(true);
      expect(byName.get('idx_master_items_embedding')).toMatch(/USING hnsw \(embedding vector_cosine_ops\)/);
      expect(byName.get('idx_order_items_substitution')).toMatch(/WHERE \(is_original_product = false\)/);
      expect(byName.get('idx_skills_by_scenario')).toMatch(/USING gin/);
      const unmatched = rowsOf<{ t: string | null }>(
        await database.db.execute(sql`select to_regclass('public.unmatched_items')::text as t`),
      );
      expect(unmatched[0]!.t).toBeNull();
    } finally {
      await database.close();
      await server.stop();
      await pglite.close();
    }
  });

  it('apply a migration whose journal time is earlier than one already applied (0015 after 0014)', async () => {
    // A database made when drizzle/ ended at 0014 (its journal time set by hand, later than 0015's).
    const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
      entries: { idx: number; when: number; tag: string }[];
    };
    const at = (tag: string) => journal.entries.find((e) => e.tag.startsWith(tag))!;
    expect(at('0015').when).toBeLessThan(at('0014').when);
    const old = mkdtempSync(join(tmpdir(), 'rp-migrations-'));
    cpSync(migrationsFolder, old, { recursive: true });
    writeFileSync(
      `${old}/meta/_journal.json`,
      JSON.stringify({ ...journal, entries: journal.entries.filter((e) => e.idx <= at('0014').idx) }),
    );
    const database = await openDatabase({ kind: 'pglite' });
    try {
      await runMigrations(database, old);
      const table = async (name: string) =>
        rowsOf<{ t: string | null }>(
          await database.db.execute(sql`select to_regclass(${name})::text as t`),
        )[0]!.t;
      expect(await table('public.communication_preferences')).toBeNull();
      expect((await migrationState(database)).upToDate).toBe(false);
      await runMigrations(database);
      expect(await table('public.communication_preferences')).toBe('communication_preferences');
      expect(await table('public.inventory_changes')).toBe('inventory_changes');
      const state = await migrationState(database);
      expect(state).toEqual({ applied: state.available, available: state.available, upToDate: true });
      const rows = async () =>
        rowsOf<{ n: number }>(
          await database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
        )[0]!.n;
      const before = await rows();
      await runMigrations(database);
      expect(await rows()).toBe(before);
    } finally {
      await database.close();
      rmSync(old, { recursive: true, force: true });
    }
  });
});
