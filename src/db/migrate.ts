import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import journal from '../../drizzle/meta/_journal.json' with { type: 'json' };
import type { Database } from './client.ts';
import { rowsOf } from './rows.ts';

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Applies the generated migrations in drizzle/; re-running is a no-op. */
export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    await migratePostgres(database.db as unknown as PostgresJsDatabase, { migrationsFolder });
  }
}

export type MigrationState = { applied: number; available: number; upToDate: boolean };

export async function migrationState(database: Database): Promise<MigrationState> {
  const available = journal.entries.length;
  const exists = await database.db.execute(
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!rowsOf<{ present: boolean }>(exists)[0]?.present)
    return { applied: 0, available, upToDate: available === 0 };
  const counted = await database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  const applied = Number(rowsOf<{ n: number }>(counted)[0]?.n ?? 0);
  return { applied, available, upToDate: applied >= available };
}
