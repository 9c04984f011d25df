import { getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';

const BATCH = 250;

/** Rows in groups small enough for one statement's parameters. */
export function batches<T>(rows: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * `set` for ON CONFLICT DO UPDATE that takes every given column from the proposed row (`excluded`), except the
 * key and the columns the database owns (id, created_at).
 */
export function takeExcluded<T extends PgTable>(table: T, keys: string[]): Record<string, SQL> {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const set: Record<string, SQL> = {};
  for (const key of keys) {
    const column = columns[key];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    set[key] = sql.raw(`excluded."${column.name}"`);
  }
  return set;
}

/**
 * Inserts or updates rows matched on a natural key that has no unique constraint in the schema (e.g. a skills
 * resource's url and title), in one statement: the rows travel as one JSON parameter. Run it inside the seed's
 * transaction, which holds an advisory lock, so two seeds never interleave and duplicate a key.
 */
export async function upsertByNaturalKey<T extends PgTable>(
  db: DbOrTx,
  table: T,
  keyColumns: (keyof T['$inferInsert'] & string)[],
  rows: T['$inferInsert'][],
  options: { touch?: string } = {},
): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = Object.keys(rows[0]!).filter((k) => columns[k]);
  const name = (k: string) => `"${columns[k]!.name}"`;
  const json = rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      const v = (row as Record<string, unknown>)[k];
      out[columns[k]!.name] = v instanceof Date ? v.toISOString() : v;
    }
    return out;
  });
  const tableName = `"${getTableName(table)}"`;
  const list = keys.map(name).join(', ');
  const fromV = keys.map((k) => `v.${name(k)}`).join(', ');
  const match = (left: string) =>
    keyColumns.map((k) => `${left}.${name(k)} is not distinct from v.${name(k)}`).join(' and ');
  const touch = options.touch ? `, "${options.touch}" = now()` : '';
  await db.execute(sql`
    with v as (select * from jsonb_populate_recordset(null::${sql.raw(tableName)}, ${JSON.stringify(json)}::jsonb)),
    updated as (
      update ${sql.raw(tableName)} t set (${sql.raw(list)}) = (${sql.raw(fromV)})${sql.raw(touch)}
      from v where ${sql.raw(match('t'))}
    )
    insert into ${sql.raw(tableName)} (${sql.raw(list)})
    select ${sql.raw(fromV)} from v
    where not exists (select 1 from ${sql.raw(tableName)} t where ${sql.raw(match('t'))})`);
}
