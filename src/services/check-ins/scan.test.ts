import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import { communicationPreferences, outbox, profiles } from '../../db/schema/index.ts';
import { isQuietHour, localParts } from '../../domain/check-ins/index.ts';
import { createUser } from '../accounts/users.ts';
import { addInventoryItem } from '../inventory/items.ts';
import { setBillingEnabled } from '../tiers/index.ts';
import { scanCheckIns } from './scan.ts';

let database: Database;
const users: Record<string, string> = {};
const zones = { la: 'America/Los_Angeles', berlin: 'Europe/Berlin', tokyo: 'Asia/Tokyo' } as const;

async function user(
  key: string,
  tier: 'FREE' | 'PRO',
  prefs: Partial<typeof communicationPreferences.$inferInsert>,
) {
  const db = database.db;
  const id = (await createUser(db, { email: `${key}@example.com` })).id;
  await db.update(profiles).set({ subscriptionTier: tier }).where(eq(profiles.id, id));
  await db
    .insert(communicationPreferences)
    .values({ userId: id, messageType: 'check_in', frequency: 'daily', ...prefs });
  await addInventoryItem(db, id, {
    name: 'cans of chili',
    quantityOwned: 20,
    quantityNeeded: 20,
    expirationDate: '2026-03-20',
  });
  await addInventoryItem(db, id, {
    name: 'rice',
    quantityOwned: 2,
    quantityNeeded: 2,
    expirationDate: '2026-02-01',
  });
  await addInventoryItem(db, id, {
    name: 'water',
    quantityOwned: 4,
    quantityNeeded: 4,
    expirationDate: '2030-01-01',
  });
  users[key] = id;
}

beforeAll(async () => {
  database = await freshDatabase();
  setBillingEnabled(database.db, true);
  await user('la', 'PRO', { timeZone: zones.la, localHour: 9 });
  // 22:00 is inside quiet hours: Berlin gets it at 08:00.
  await user('berlin', 'PRO', { timeZone: zones.berlin, localHour: 22 });
  await user('tokyo', 'PRO', { timeZone: zones.tokyo, localHour: 18 });
  await user('free', 'FREE', { timeZone: zones.tokyo, localHour: 18 });
  await user('out', 'PRO', { timeZone: zones.tokyo, localHour: 18, optedOut: true });
  await user('snoozed', 'PRO', {
    timeZone: zones.tokyo,
    localHour: 18,
    snoozedUntil: new Date('2026-03-07T12:00:00Z'),
  });
});
afterAll(() => database.close());

describe('check-in scan on a controlled clock', () => {
  it('sends each entitled user one check-in per local day at their hour, across the LA DST change', async () => {
    const seen = new Set<string>();
    const sent: { userId: string; key: string; at: Date }[] = [];
    // Hourly scans from 6 to 8 March 2026 (UTC); Los Angeles springs forward on the 8th.
    for (let h = 0; h < 72; h += 1) {
      const now = new Date(Date.UTC(2026, 2, 6, h));
      await scanCheckIns(database.db, now);
      for (const r of await database.db.select().from(outbox)) {
        if (seen.has(r.id)) continue;
        seen.add(r.id);
        sent.push({ userId: r.userId, key: r.idempotencyKey, at: now });
      }
    }
    for (const [key, zone, hour] of [
      ['la', zones.la, 9],
      ['berlin', zones.berlin, 8],
      ['tokyo', zones.tokyo, 18],
    ] as const) {
      const mine = sent.filter((s) => s.userId === users[key]);
      expect(mine.map((s) => s.key)).toEqual(
        ['2026-03-06', '2026-03-07', '2026-03-08'].map((d) => `check_in:${users[key]}:${d}`),
      );
      for (const { at } of mine) {
        expect(localParts(at, zone).hour).toBe(hour);
        expect(isQuietHour(localParts(at, zone).hour)).toBe(false);
      }
    }
    expect(sent.filter((s) => s.userId === users.free)).toHaveLength(0);
    expect(sent.filter((s) => s.userId === users.out)).toHaveLength(0);
    expect(sent.filter((s) => s.userId === users.snoozed).map((s) => s.key)).toEqual([
      `check_in:${users.snoozed}:2026-03-08`,
    ]);
  });

  it('lists what to use this week before what expired, with the numbers a reply refers to', async () => {
    const [row] = await database.db
      .select()
      .from(outbox)
      .where(eq(outbox.userId, users.tokyo as string))
      .limit(1);
    const payload = row?.payload as { lines: { number: number; name: string }[]; text: string };
    expect(payload.lines.map((l) => [l.number, l.name])).toEqual([
      [1, 'cans of chili'],
      [2, 'rice'],
    ]);
    expect(payload.text).toMatch(
      /Use this week:\n1\. cans of chili[\s\S]*Already expired:\n2\. 2 rice expired/,
    );
    expect(payload.text).not.toContain('water');
    // The quick actions are said once (the shipped templates carried a second hint before drizzle/0019).
    expect(payload.text.match(/\bReply USED\b/g)).toHaveLength(1);
  });

  it('a second scan in the same period enqueues nothing (one check-in per period)', async () => {
    const now = new Date('2026-03-08T09:10:00Z');
    const before = (await database.db.select().from(outbox)).length;
    expect((await scanCheckIns(database.db, now)).enqueued).toBe(0);
    expect(await database.db.select().from(outbox)).toHaveLength(before);
  });
});
