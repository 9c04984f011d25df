import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import { outbox, profiles } from '../../db/schema/index.ts';
import { updateHousehold } from '../accounts/profiles.ts';
import { createUser } from '../accounts/users.ts';
import { addInventoryItem } from '../inventory/items.ts';
import { setBillingEnabled } from '../tiers/index.ts';
import { listPreferences } from './preferences.ts';
import { scanCheckIns } from './scan.ts';

// A Pro user in Tampa who never opened the notification settings: the defaults (9 am, quiet 21:00–08:00) are in
// their household's zone, not UTC — 9 am UTC would be a 4 am text in Florida.
let database: Database;
let userId: string;

beforeAll(async () => {
  database = await freshDatabase();
  setBillingEnabled(database.db, true);
  const db = database.db;
  userId = (await createUser(db, { email: 'tampa@example.com' })).id;
  await db.update(profiles).set({ subscriptionTier: 'PRO' }).where(eq(profiles.id, userId));
  await updateHousehold(db, userId, {
    location: 'Tampa, FL',
    members: [{ kind: 'adult', ageYears: 40 }],
  });
  await addInventoryItem(db, userId, {
    name: 'cans of chili',
    quantityOwned: 12,
    quantityNeeded: 12,
    expirationDate: '2026-03-20',
  });
});
afterAll(() => database.close());

describe('check-ins for someone who never chose a time zone', () => {
  it("shows and uses the household state's zone", async () => {
    const prefs = await listPreferences(database.db, userId);
    expect(prefs.find((p) => p.messageType === 'check_in')).toMatchObject({
      timeZone: 'America/New_York',
      localHour: 9,
    });
    const sentAt: number[] = [];
    // Hourly scans through 6 March 2026 (UTC); Florida is on EST (UTC−5) until the 8th.
    for (let h = 0; h < 24; h += 1) {
      const now = new Date(Date.UTC(2026, 2, 6, h, 5));
      if ((await scanCheckIns(database.db, now)).enqueued > 0) sentAt.push(h);
    }
    expect(sentAt).toEqual([14]); // 9 am in Tampa
    const rows = await database.db.select().from(outbox).where(eq(outbox.userId, userId));
    expect(rows).toHaveLength(1);
  });
});
