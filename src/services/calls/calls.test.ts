import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import { expertCalls, profiles } from '../../db/schema/index.ts';
import { createUser } from '../accounts/users.ts';
import { AppError } from '../errors.ts';
import { bookExpertCall, cancelExpertCall, listExpertCalls, quarterOf } from './calls.ts';

let database: Database;
const NOW = new Date('2030-01-10T12:00:00Z');
let n = 0;

async function user(tier: 'FREE' | 'BASIC' | 'PRO') {
  n += 1;
  const { id } = await createUser(database.db, { email: `caller${n}@example.com` });
  await database.db.update(profiles).set({ subscriptionTier: tier }).where(eq(profiles.id, id));
  return id;
}

async function call(values: Partial<typeof expertCalls.$inferInsert> = {}) {
  const [row] = await database.db
    .insert(expertCalls)
    .values({
      callType: 'FOUNDER_GROUP',
      title: `Call ${++n}`,
      scheduledDate: new Date('2030-01-20T17:00:00Z'),
      tierRequired: 'BASIC',
      maxAttendees: 2,
      ...values,
    })
    .returning();
  return row!.id;
}

const code = (c: string) => (e: unknown) => e instanceof AppError && e.code === c;

beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('expert calls', () => {
  it('checks the tier: founder calls need Basic, expert and 1-on-1 calls Pro', async () => {
    const founder = await call();
    const expert = await call({ callType: 'EXPERT_GROUP', tierRequired: 'BASIC' });
    await expect(bookExpertCall(database.db, await user('FREE'), founder, NOW)).rejects.toSatisfy(
      code('TIER_LIMIT'),
    );
    const basic = await user('BASIC');
    expect(await bookExpertCall(database.db, basic, founder, NOW)).toMatchObject({
      alreadyBooked: false,
      seatsLeft: 1,
    });
    await expect(bookExpertCall(database.db, basic, expert, NOW)).rejects.toSatisfy(code('TIER_LIMIT'));
    expect(await bookExpertCall(database.db, await user('PRO'), expert, NOW)).toMatchObject({
      alreadyBooked: false,
    });
  });

  it('fills to capacity and no further; booking twice books once', async () => {
    const id = await call({ maxAttendees: 2 });
    const a = await user('BASIC');
    const b = await user('BASIC');
    await bookExpertCall(database.db, a, id, NOW);
    expect(await bookExpertCall(database.db, a, id, NOW)).toMatchObject({
      alreadyBooked: true,
      seatsLeft: 1,
    });
    expect(await bookExpertCall(database.db, b, id, NOW)).toMatchObject({
      alreadyBooked: false,
      seatsLeft: 0,
    });
    await expect(bookExpertCall(database.db, await user('BASIC'), id, NOW)).rejects.toSatisfy(
      code('CONFLICT'),
    );
    await cancelExpertCall(database.db, b, id);
    expect(await bookExpertCall(database.db, await user('BASIC'), id, NOW)).toMatchObject({ seatsLeft: 0 });
  });

  it('concurrent bookings never exceed capacity', async () => {
    const id = await call({ maxAttendees: 3 });
    const people = await Promise.all(Array.from({ length: 6 }, () => user('BASIC')));
    const results = await Promise.allSettled(people.map((p) => bookExpertCall(database.db, p, id, NOW)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(
      results
        .filter((r) => r.status === 'rejected')
        .every((r) => code('CONFLICT')((r as PromiseRejectedResult).reason)),
    ).toBe(true);
    const [listed] = (await listExpertCalls(database.db, people[0]!, { now: NOW, limit: 50 })).filter(
      (c) => c.id === id,
    );
    expect(listed!.seatsLeft).toBe(0);
  });

  it('keeps the 1-on-1 quota per quarter', async () => {
    const pro = await user('PRO');
    const first = await call({
      callType: 'ONE_ON_ONE',
      tierRequired: 'PRO',
      maxAttendees: 1,
      scheduledDate: new Date('2030-02-01T15:00:00Z'),
    });
    const second = await call({
      callType: 'ONE_ON_ONE',
      tierRequired: 'PRO',
      maxAttendees: 1,
      scheduledDate: new Date('2030-03-01T15:00:00Z'),
    });
    const nextQuarter = await call({
      callType: 'ONE_ON_ONE',
      tierRequired: 'PRO',
      maxAttendees: 1,
      scheduledDate: new Date('2030-04-02T15:00:00Z'),
    });
    await bookExpertCall(database.db, pro, first, NOW);
    await expect(bookExpertCall(database.db, pro, second, NOW)).rejects.toSatisfy(code('TIER_LIMIT'));
    expect(await bookExpertCall(database.db, pro, nextQuarter, NOW)).toMatchObject({ alreadyBooked: false });
    expect(quarterOf(new Date('2030-05-15T00:00:00Z')).map((d) => d.toISOString().slice(0, 10))).toEqual([
      '2030-04-01',
      '2030-07-01',
    ]);
  });

  it('refuses past, cancelled and unknown calls; lists upcoming ones with my bookings', async () => {
    const basic = await user('BASIC');
    const past = await call({ scheduledDate: new Date('2029-12-01T00:00:00Z') });
    const cancelled = await call({ status: 'CANCELLED' });
    await expect(bookExpertCall(database.db, basic, past, NOW)).rejects.toSatisfy(code('CONFLICT'));
    await expect(bookExpertCall(database.db, basic, cancelled, NOW)).rejects.toSatisfy(code('CONFLICT'));
    await expect(
      bookExpertCall(database.db, basic, '00000000-0000-4000-8000-000000000000', NOW),
    ).rejects.toSatisfy(code('NOT_FOUND'));
    const open = await call();
    await bookExpertCall(database.db, basic, open, NOW);
    const listed = await listExpertCalls(database.db, basic, { now: NOW, limit: 100 });
    expect(listed.find((c) => c.id === open)).toMatchObject({
      booked: true,
      seatsLeft: 1,
      tierRequired: 'BASIC',
    });
    expect(listed.some((c) => c.id === past || c.id === cancelled)).toBe(false);
    expect(listed.every((c, i) => i === 0 || listed[i - 1]!.scheduledDate <= c.scheduledDate)).toBe(true);
  });
});
