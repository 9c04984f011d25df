import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { rowsOf } from '../../src/db/rows.ts';
import { expertCalls, profiles } from '../../src/db/schema/index.ts';
import { createUser } from '../../src/services/accounts/users.ts';
import { bookExpertCall } from '../../src/services/calls/index.ts';
import { AppError } from '../../src/services/errors.ts';
import { databaseOverWire } from '../support/wire.ts';
import { openConnections } from './connections.ts';

/**
 * 50 people register for a call with 10 seats at once, over separate postgres.js connections to PGlite
 * served over the wire. PGlite runs one transaction at a time (stack.md); on a real server the guarantee
 * comes from bookExpertCall's row lock on the call (SELECT … FOR UPDATE before counting, see calls.ts).
 */
let wire: Awaited<ReturnType<typeof databaseOverWire>>;
let connections: Database[] = [];
const NOW = new Date('2030-01-10T12:00:00Z');

beforeAll(async () => {
  wire = await databaseOverWire();
  connections = await openConnections(wire.url, 5);
});
afterAll(async () => {
  for (const c of connections) await c.close();
  await wire.close();
});

describe('expert call seats under concurrency', () => {
  it('50 simultaneous registrations for 10 seats book exactly 10', async () => {
    const db = wire.database.db;
    const [call] = await db
      .insert(expertCalls)
      .values({
        callType: 'FOUNDER_GROUP',
        title: 'Founders Q&A',
        scheduledDate: new Date('2030-01-20T17:00:00Z'),
        tierRequired: 'BASIC',
        maxAttendees: 10,
      })
      .returning({ id: expertCalls.id });
    const people: string[] = [];
    for (let i = 0; i < 50; i += 1) {
      const { id } = await createUser(db, { email: `seat${i}@example.com` });
      await db.update(profiles).set({ subscriptionTier: 'BASIC' }).where(eq(profiles.id, id));
      people.push(id);
    }
    const results = await Promise.allSettled(
      people.map((p, i) => bookExpertCall(connections[i % connections.length]!.db, p, call!.id, NOW)),
    );
    const booked = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(booked).toHaveLength(10);
    expect(refused.every((r) => r.reason instanceof AppError && r.reason.code === 'CONFLICT')).toBe(true);
    const [count] = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from call_attendance where call_id = ${call!.id}`),
    );
    expect(count?.n).toBe(10);
  });
});
