import { eq, sql } from 'drizzle-orm';
import type { Database, Db } from '../db/client.ts';
import { migrationState } from '../db/migrate.ts';
import { rowsOf } from '../db/rows.ts';
import { profiles } from '../db/schema/index.ts';

/** Tables whose row counts /health reports: enough to see that the catalog is seeded and users exist. */
const countedTables = [
  'users',
  'categories',
  'suppliers',
  'master_items',
  'specific_products',
  'bundles',
  'skills_resources',
  'expert_calls',
  'guidance_documents',
  'mission_reports',
  'inventory_items',
] as const;

export async function getHealth(database: Database, channels: Record<string, boolean> = {}) {
  const migrations = await migrationState(database);
  const rowCounts: Record<string, number> = {};
  if (migrations.applied > 0) {
    const selects = countedTables
      .map((t) => `select '${t}' as name, count(*)::int as n from ${t}`)
      .join(' union all ');
    for (const row of rowsOf<{ name: string; n: number }>(await database.db.execute(sql.raw(selects)))) {
      rowCounts[row.name] = Number(row.n);
    }
  }
  return {
    status: migrations.upToDate ? ('ok' as const) : ('degraded' as const),
    database: database.kind,
    migrations,
    rowCounts,
    channels,
  };
}

/** Whether the account may see the health details (profiles.role, which only the system role writes). */
export async function isAdministrator(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ role: profiles.role }).from(profiles).where(eq(profiles.id, userId));
  return row?.role === 'ADMIN';
}
