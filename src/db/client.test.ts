import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/support/db.ts';
import type { Database } from './client.ts';
import { migrationState } from './migrate.ts';
import { rowsOf } from './rows.ts';

describe('embedded database from the test template', () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(() => database.close());

  it('has every migration applied and pgvector available', async () => {
    const state = await migrationState(database);
    expect(state.upToDate).toBe(true);
    expect(state.applied).toBeGreaterThanOrEqual(3);
    const rows = rowsOf<{ d: number }>(
      await database.db.execute(sql`select '[1,0,0]'::vector <=> '[0,1,0]'::vector as d`),
    );
    expect(Number(rows[0]?.d)).toBeCloseTo(1);
  });
});
