import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import { outbox, profiles } from '../../db/schema/index.ts';
import { isQuietHour, localParts } from '../../domain/check-ins/index.ts';
import { createUser } from '../accounts/users.ts';
import { addInventoryItem } from '../inventory/items.ts';
import { setBillingEnabled } from '../tiers/index.ts';
import { listPreferences, savePreferences } from './preferences.ts';
import { scanCheckIns } from './scan.ts';

/**
 * Weekly check-ins on a chosen weekday, on a controlled clock: hourly scans over two weeks, three users in
 * three zones. Los Angeles chose Sundays at 18:00 — which is Monday 01:00 or 02:00 UTC, so a scan that read
 * the weekday in UTC would send on the wrong day.
 */
let database: Database;
const ids: Record<string, string> = {};

async function user(key: string, edit: Record<string, unknown>) {
  const db = database.db;
  const id = (await createUser(db, { email: `weekday-${key}@example.com` })).id;
  await db.update(profiles).set({ subscriptionTier: 'PRO' }).where(eq(profiles.id, id));
  await savePreferences(db, id, { messageType: 'check_in', ...edit });
  await addInventoryItem(db, id, {
    name: 'cans of soup',
    quantityOwned: 6,
    quantityNeeded: 6,
    expirationDate: '2026-03-25',
  });
  ids[key] = id;
}

beforeAll(async () => {
  database = await freshDatabase();
  setBillingEnabled(database.db, true);
  // A weekday alone makes the schedule weekly (the service fills the frequency in).
  await user('la', { timeZone: 'America/Los_Angeles', localHour: 18, weekday: 0 });
  await user('tokyo', { timeZone: 'Asia/Tokyo', localHour: 18, frequency: 'weekly' });
  await user('berlin', { timeZone: 'Europe/Berlin', localHour: 23, frequency: 'weekly', weekday: 3 });
});
afterAll(() => database.close());

describe('weekly check-ins on the chosen local weekday', () => {
  it('stores the weekday and makes the schedule weekly; refuses a weekday on a daily schedule', async () => {
    const [checkIn] = await listPreferences(database.db, ids.la as string);
    expect(checkIn).toMatchObject({ weekday: 0, frequency: 'weekly', localHour: 18 });
    await expect(
      savePreferences(database.db, ids.la as string, {
        messageType: 'check_in',
        weekday: 2,
        frequency: 'daily',
      }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'weekday' });
    await expect(
      savePreferences(database.db, ids.la as string, { messageType: 'check_in', weekday: 7 }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'weekday' });
    const [after] = await listPreferences(database.db, ids.la as string);
    expect(after).toMatchObject({ weekday: 0, frequency: 'weekly' });
  });

  it('sends on their Sunday at their hour, not on Monday, once per ISO week', async () => {
    const seen = new Set<string>();
    const sent: { userId: string; key: string; at: Date }[] = [];
    // 5 to 18 March 2026 (UTC), hourly; Los Angeles springs forward on Sunday the 8th.
    for (let h = 0; h < 14 * 24; h += 1) {
      const now = new Date(Date.UTC(2026, 2, 5, h));
      await scanCheckIns(database.db, now);
      for (const r of await database.db.select().from(outbox)) {
        if (seen.has(r.id)) continue;
        seen.add(r.id);
        sent.push({ userId: r.userId, key: r.idempotencyKey, at: now });
      }
    }
    const of = (key: string, zone: string) =>
      sent
        .filter((s) => s.userId === ids[key])
        .map((s) => {
          const local = localParts(s.at, zone);
          return {
            key: s.key.split(':')[2],
            weekday: local.weekday,
            hour: local.hour,
            utcDay: s.at.getUTCDay(),
          };
        });
    expect(of('la', 'America/Los_Angeles')).toEqual([
      // Sunday 8 March 18:00 PDT = Monday 01:00 UTC; Sunday 15 March likewise.
      { key: '2026-W10', weekday: 0, hour: 18, utcDay: 1 },
      { key: '2026-W11', weekday: 0, hour: 18, utcDay: 1 },
    ]);
    // No weekday: the first day of each week at 18:00 Tokyo time (Thursday the 5th, then Mondays).
    expect(of('tokyo', 'Asia/Tokyo')).toEqual([
      { key: '2026-W10', weekday: 4, hour: 18, utcDay: 4 },
      { key: '2026-W11', weekday: 1, hour: 18, utcDay: 1 },
      { key: '2026-W12', weekday: 1, hour: 18, utcDay: 1 },
    ]);
    // Wednesdays at 23:00 is inside quiet hours: it moves to 08:00 that Wednesday, never into the night.
    const berlin = of('berlin', 'Europe/Berlin');
    expect(berlin.map((b) => [b.key, b.weekday, b.hour])).toEqual([
      ['2026-W11', 3, 8],
      ['2026-W12', 3, 8],
    ]);
    for (const [key, zone] of [
      ['la', 'America/Los_Angeles'],
      ['tokyo', 'Asia/Tokyo'],
      ['berlin', 'Europe/Berlin'],
    ] as const)
      for (const s of of(key, zone)) expect(isQuietHour(s.hour)).toBe(false);
  });
});
