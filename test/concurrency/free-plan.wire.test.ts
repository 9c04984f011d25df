import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { rowsOf } from '../../src/db/rows.ts';
import { parsePeople } from '../../src/domain/index.ts';
import { createUser } from '../../src/services/accounts/users.ts';
import { buildPlan, savePlan } from '../../src/services/plans/index.ts';
import { databaseOverWire } from '../support/wire.ts';
import { openConnections } from './connections.ts';

/**
 * Twenty simultaneous saves by one free user, issued in parallel over separate postgres.js connections to
 * PGlite served over the wire. PGlite runs one transaction at a time (stack.md), so this proves the path and
 * the outcome; the guarantee on a real server comes from savePlan's row lock on the profile (see save-plan.ts).
 */
let wire: Awaited<ReturnType<typeof databaseOverWire>>;
let connections: Database[] = [];

beforeAll(async () => {
  wire = await databaseOverWire();
  connections = await openConnections(wire.url, 5);
});
afterAll(async () => {
  for (const c of connections) await c.close();
  await wire.close();
});

describe('the free tier keeps one plan under concurrency', () => {
  it('20 simultaneous saves leave exactly one plan', async () => {
    const people = parsePeople('adult:f:38,child:6');
    if (!people.ok) throw new Error(people.error);
    const user = await createUser(wire.database.db, { email: 'racer@example.com' });
    const kit = await buildPlan(
      { db: wire.database.db },
      {
        location: 'Tampa, FL',
        members: people.value,
        durationDays: 3,
        scenarios: ['hurricane'],
        budget: 100,
      },
    );
    const saves = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        savePlan(connections[i % connections.length]!.db, user.id, { ...kit, title: `Plan ${i}` }),
      ),
    );
    const [count] = rowsOf<{ n: number }>(
      await wire.database.db.execute(
        sql`select count(*)::int as n from mission_reports where user_id = ${user.id}`,
      ),
    );
    expect(count?.n).toBe(1);
    expect(new Set(saves.map((s) => s.id)).size).toBe(1);
    expect(saves.filter((s) => !s.overwritten)).toHaveLength(1);
  });
});
