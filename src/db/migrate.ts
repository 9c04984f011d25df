import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import journal from '../../drizzle/meta/_journal.json' with { type: 'json' };
import type { Database } from './client.ts';
import { rowsOf } from './rows.ts';

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * Applies the migrations in drizzle/ that this database has not applied; re-running is a no-op.
 *
 * Drizzle's own migrator applies only the migrations whose journal time is later than the newest one the
 * database recorded, so a migration generated with an earlier time than one already applied (0015 was:
 * 0014's time had been set by hand) is skipped forever on every database that had 0014 — the table never
 * appears. The same bookkeeping table and rows, but the question asked per migration is "is its journal time
 * among the recorded ones?", which does not depend on the order the times happen to be in.
 *
 * One transaction (a failure leaves the database as it was) under an advisory lock, so two instances
 * starting on one Postgres server do not both apply the same migration.
 */
export async function runMigrations(database: Database, folder = migrationsFolder): Promise<void> {
  const migrations = readMigrationFiles({ migrationsFolder: folder });
  const { db } = database;
  await db.execute(sql`create schema if not exists drizzle`);
  await db.execute(sql`
    create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)
  `);
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('readyplan:migrations'))`);
    const recorded = rowsOf<{ created_at: string | number }>(
      await tx.execute(sql`select created_at from drizzle.__drizzle_migrations`),
    );
    const applied = new Set(recorded.map((r) => Number(r.created_at)));
    for (const migration of migrations) {
      if (applied.has(migration.folderMillis)) continue;
      for (const statement of migration.sql) await tx.execute(sql.raw(statement));
      await tx.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`,
      );
    }
  });
}

export type MigrationState = { applied: number; available: number; upToDate: boolean };

export async function migrationState(database: Database): Promise<MigrationState> {
  const available = journal.entries.length;
  const exists = await database.db.execute(
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!rowsOf<{ present: boolean }>(exists)[0]?.present)
    return { applied: 0, available, upToDate: available === 0 };
  const counted = await database.db.execute(
    sql`select count(distinct created_at)::int as n from drizzle.__drizzle_migrations
        where created_at = any(${`{${journal.entries.map((e) => e.when).join(',')}}`}::bigint[])`,
  );
  const applied = Number(rowsOf<{ n: number }>(counted)[0]?.n ?? 0);
  return { applied, available, upToDate: applied >= available };
}
