import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import { callAttendance, expertCalls, profiles, userActivityLog } from '../../db/schema/index.ts';
import { parsePeople } from '../../domain/index.ts';
import { createUser } from '../accounts/users.ts';
import { AppError } from '../errors.ts';
import { buildPlan, savePlan } from '../plans/index.ts';
import {
  bookExpertCall,
  bookingIcs,
  callForExpert,
  cancelExpertCall,
  fold,
  giveFeedback,
  icsFor,
  listExpertCalls,
  listRecordings,
  quarterOf,
  recordAttendance,
} from './index.ts';

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

describe('calendar files, attendance, feedback, recordings and what the expert sees', () => {
  it('writes RFC 5545: CRLF lines, escaped text, folded long lines', () => {
    const body = icsFor({
      uid: 'abc@readyplan',
      start: new Date('2030-01-20T17:00:00Z'),
      durationMinutes: 90,
      title: 'Water; storage, basics\\ and more',
      description: 'Line one\nLine two',
      now: NOW,
    });
    expect(body.split('\r\n').slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0']);
    expect(body.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(body.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(body).toContain('DTSTART:20300120T170000Z\r\nDTEND:20300120T183000Z\r\n');
    expect(body).toContain('SUMMARY:Water\\; storage\\, basics\\\\ and more\r\n');
    expect(body).toContain('DESCRIPTION:Line one\\nLine two\r\n');
    const folded = fold(`DESCRIPTION:${'x'.repeat(200)}`);
    expect(folded.split('\r\n').map((l) => l.length)).toEqual([75, 75, 64]);
    expect(folded.split('\r\n')[1]!.startsWith(' ')).toBe(true);
  });

  it('gives the booked person their .ics, records attendance and feedback, and lists recordings for Pro', async () => {
    const basic = await user('BASIC');
    const id = await call({ title: 'Founders, live', scheduledDate: new Date('2030-01-12T15:00:00Z') });
    await bookExpertCall(database.db, basic, id, NOW);
    const ics = await bookingIcs(database.db, basic, id, { publicUrl: 'https://rp.test', now: NOW });
    expect(ics.body).toContain('SUMMARY:Founders\\, live\r\n');
    expect(ics.body).toContain(`URL:https://rp.test/calls/${id}\r\n`);
    await expect(
      bookingIcs(database.db, await user('BASIC'), id, { publicUrl: 'https://rp.test' }),
    ).rejects.toSatisfy(code('NOT_FOUND'));

    await expect(giveFeedback(database.db, basic, id, { rating: 5 }, NOW)).rejects.toSatisfy(
      code('CONFLICT'),
    );
    const after = new Date('2030-01-12T17:00:00Z');
    await expect(giveFeedback(database.db, basic, id, { rating: 9 }, after)).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === 'BAD_INPUT' && e.field === 'rating',
    );
    await recordAttendance(database.db, id, basic, {
      joinedAt: new Date('2030-01-12T15:02:00Z'),
      leftAt: new Date('2030-01-12T15:47:00Z'),
    });
    await giveFeedback(database.db, basic, id, { rating: 4, text: 'Useful' }, after);
    const [row] = await database.db.select().from(callAttendance).where(eq(callAttendance.callId, id));
    expect(row).toMatchObject({ attended: true, durationMinutes: 45, rating: 4, feedbackText: 'Useful' });

    await database.db
      .update(expertCalls)
      .set({
        recordingUrl: 'https://video.example/rec1',
        recordingAvailableDate: new Date('2030-01-12T18:00:00Z'),
      })
      .where(eq(expertCalls.id, id));
    await expect(listRecordings(database.db, basic, after)).rejects.toSatisfy(code('TIER_LIMIT'));
    const pro = await user('PRO');
    expect((await listRecordings(database.db, pro, after)).map((r) => r.callId)).not.toContain(id);
    const later = new Date('2030-01-13T00:00:00Z');
    expect((await listRecordings(database.db, pro, later)).map((r) => r.callId)).toContain(id);
  });

  it('a booking shares the plan summary and inventory gaps; only the expert or an admin sees them', async () => {
    const people = parsePeople('adult:f:38,child:6');
    if (!people.ok) throw new Error(people.error);
    const basic = await user('BASIC');
    const kit = await buildPlan(
      { db: database.db },
      {
        location: 'Tampa, FL',
        members: people.value,
        durationDays: 3,
        scenarios: ['hurricane'],
        budget: 100,
      },
    );
    await savePlan(database.db, basic, kit);
    const id = await call({ title: 'Hurricane prep' });
    await bookExpertCall(database.db, basic, id, NOW);
    await expect(callForExpert(database.db, basic, id)).rejects.toSatisfy(code('FORBIDDEN'));
    const expert = await user('FREE');
    await database.db.update(profiles).set({ role: 'EXPERT' }).where(eq(profiles.id, expert));
    const view = await callForExpert(database.db, expert, id);
    expect(view.attendees).toHaveLength(1);
    const shared = view.attendees[0]!.shared!;
    expect(shared.plan).toMatchObject({ title: kit.title, people: 2, durationDays: 3 });
    expect(shared.gaps.length).toBeGreaterThan(0);
    expect(shared.gaps[0]).toMatchObject({ owned: 0 });
    const activity = await database.db
      .select()
      .from(userActivityLog)
      .where(eq(userActivityLog.userId, basic));
    expect(activity.map((a) => a.activityType).sort()).toEqual(['CALL_REGISTERED', 'PLAN_SAVED']);
  });
});
