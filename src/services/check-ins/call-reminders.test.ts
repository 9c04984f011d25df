import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import { callAttendance, communicationPreferences, expertCalls, outbox } from '../../db/schema/index.ts';
import { callReminderDue } from '../../domain/check-ins/index.ts';
import { createUser } from '../accounts/users.ts';
import { enqueueCallReminders } from './call-reminders.ts';

let database: Database;
const callAt = new Date('2026-06-10T18:00:00Z');
let callId: string;
const people: string[] = [];
beforeAll(async () => {
  database = await freshDatabase();
  const db = database.db;
  const [call] = await db
    .insert(expertCalls)
    .values({
      callType: 'EXPERT_GROUP',
      title: 'Water storage',
      scheduledDate: callAt,
      timezone: 'Europe/Berlin',
    })
    .returning({ id: expertCalls.id });
  callId = call?.id as string;
  for (const name of ['ana', 'ben', 'cy']) {
    const id = (await createUser(db, { email: `${name}-call@example.com` })).id;
    await db.insert(callAttendance).values({ callId, userId: id });
    people.push(id);
  }
  // cy opted out of call reminders.
  await db
    .insert(communicationPreferences)
    .values({ userId: people[2] as string, messageType: 'call_reminder', optedOut: true });
});
afterAll(() => database.close());

describe('expert call reminders', () => {
  it('picks 24 h, then 1 h, and nothing after the start', () => {
    expect(callReminderDue(callAt, new Date('2026-06-09T17:00:00Z'))).toBeNull();
    expect(callReminderDue(callAt, new Date('2026-06-09T18:00:00Z'))).toBe('24h');
    expect(callReminderDue(callAt, new Date('2026-06-10T17:10:00Z'))).toBe('1h');
    expect(callReminderDue(callAt, new Date('2026-06-10T18:00:00Z'))).toBeNull();
  });

  it('sends each registered user each reminder once, and none to who opted out', async () => {
    const db = database.db;
    // Every 5 minutes from 25 hours before the call to its start, as the job runs.
    for (let t = callAt.getTime() - 25 * 3_600_000; t <= callAt.getTime(); t += 5 * 60_000) {
      await enqueueCallReminders(db, new Date(t));
    }
    const rows = await db.select().from(outbox).where(eq(outbox.type, 'call_reminder'));
    expect(rows.map((r) => r.idempotencyKey).sort()).toEqual(
      [0, 1].flatMap((i) => ['1h', '24h'].map((k) => `call_reminder:${people[i]}:${callId}:${k}`)).sort(),
    );
    const oneHour = rows.find((r) => r.idempotencyKey.endsWith(':1h'));
    expect(oneHour?.payload).toMatchObject({
      variables: { title: 'Water storage', when: 'in 1 hour (Wed, 8:00 PM GMT+2)' },
    });
  });
});
