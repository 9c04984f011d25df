import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import { communicationPreferences, missionReports, outbox, profiles } from '../../db/schema/index.ts';
import type { GeneratedKit } from '../../domain/generated-kit.ts';
import { updateHousehold } from '../accounts/profiles.ts';
import { createUser } from '../accounts/users.ts';
import { addInventoryItem } from '../inventory/items.ts';
import { setBillingEnabled } from '../tiers/index.ts';
import { inventoryRotations, scanCheckIns } from './index.ts';

/**
 * Rotation paces from the household. Four adults in Portland, OR: the planner's rates are 4 gal of water a day
 * (1 gallon per person per day, WATER in src/domain/ration-figures.ts after CDC_KIT_WATER) and 10,400 kcal a
 * day. Half-gallon bottles go at 8 a day; 400 kcal cans of chili at 26 a day. Alone, the default is one a day.
 */
let database: Database;
const today = { year: 2026, month: 6, day: 1 };
const now = new Date('2026-06-01T09:00:00Z');

async function stockedUser(email: string) {
  const db = database.db;
  const id = (await createUser(db, { email })).id;
  await addInventoryItem(db, id, {
    name: 'half-gallon water bottles',
    supplyKey: 'water-storage',
    unitAmount: 0.5,
    quantityOwned: 40,
    expirationDate: '2026-06-10',
  });
  await addInventoryItem(db, id, {
    name: 'cans of chili',
    supplyKey: 'food-variety',
    unitAmount: 400,
    quantityOwned: 20,
    expirationDate: '2026-06-07',
  });
  await addInventoryItem(db, id, { name: 'AA batteries', quantityOwned: 8, expirationDate: '2026-06-05' });
  return id;
}

let family: string;
let planned: string;
let unknown: string;
beforeAll(async () => {
  database = await freshDatabase();
  setBillingEnabled(database.db, false);
  family = await stockedUser('rotation-family@example.com');
  await updateHousehold(database.db, family, {
    location: 'Portland, OR',
    members: [
      { kind: 'adult', ageYears: 40 },
      { kind: 'adult', ageYears: 38 },
      { kind: 'adult', ageYears: 44 },
      { kind: 'adult', ageYears: 45 },
    ],
  });
  planned = await stockedUser('rotation-plan@example.com');
  // A saved plan's ration plan wins over the profile: this one drinks 10 gal a day (a hot climate, more people).
  await database.db.insert(missionReports).values({
    userId: planned,
    title: 'plan',
    reportData: {
      rationPlan: { water: { gallonsPerDay: 10 }, food: { kcalPerDay: 4_000 } },
    } as unknown as GeneratedKit,
  });
  unknown = await stockedUser('rotation-nobody@example.com');
});
afterAll(() => database.close());

const byName = (r: Awaited<ReturnType<typeof inventoryRotations>>, name: string) =>
  r.rotations.find((x) => x.item.name === name);

describe('rotation from household consumption', () => {
  it('paces a family of four by its own daily water and calories (the profile)', async () => {
    const r = await inventoryRotations(database.db, family, today);
    expect(r.basis).toBe('household');
    expect(r.rotations.map((x) => x.item.name)).toEqual([
      'AA batteries',
      'cans of chili',
      'half-gallon water bottles',
    ]);
    // 40 bottles in 10 days at up to 8 a day: 4 a day, none wasted.
    expect(byName(r, 'half-gallon water bottles')).toMatchObject({ surplus: 0, useThisWeek: 28 });
    expect(byName(r, 'half-gallon water bottles')?.item.dailyConsumption).toBe(8);
    expect(byName(r, 'half-gallon water bottles')?.sentence).toBe(
      'Use 4 of these 40 half-gallon water bottles a day and replace them, and none will expire.',
    );
    // 20 cans in 7 days at up to 26 a day: 3 a day.
    expect(byName(r, 'cans of chili')?.item.dailyConsumption).toBe(26);
    expect(byName(r, 'cans of chili')?.sentence).toMatch(
      /^Use 3 of these 20 cans of chili a day .* none will expire/,
    );
    // Batteries belong to no eaten supply: the default of one a day.
    expect(byName(r, 'AA batteries')?.item.dailyConsumption).toBeUndefined();
  });

  it("a saved plan's rates come first", async () => {
    const r = await inventoryRotations(database.db, planned, today);
    expect(r.basis).toBe('plan');
    expect(byName(r, 'half-gallon water bottles')?.item.dailyConsumption).toBe(20);
    expect(byName(r, 'cans of chili')?.item.dailyConsumption).toBe(10);
  });

  it('knowing nothing of the household, one a day: most of the stock would expire', async () => {
    const r = await inventoryRotations(database.db, unknown, today);
    expect(r.basis).toBe('default');
    expect(byName(r, 'half-gallon water bottles')).toMatchObject({ surplus: 30 });
    expect(byName(r, 'cans of chili')).toMatchObject({ surplus: 13 });
  });

  it("the check-in carries the household's pace", async () => {
    const db = database.db;
    for (const id of [family, unknown])
      await db
        .insert(communicationPreferences)
        // A zone at UTC+0 chosen explicitly (UTC itself stands for "not chosen": the household's zone).
        .values({ userId: id, messageType: 'check_in', frequency: 'daily', timeZone: 'Africa/Abidjan' });
    await db.update(profiles).set({ subscriptionTier: 'PRO' }).where(eq(profiles.id, family));
    await scanCheckIns(db, now);
    const text = async (id: string) =>
      String((await db.select().from(outbox).where(eq(outbox.userId, id)))[0]?.payload.text);
    expect(await text(family)).toContain(
      'Use 3 of these 20 cans of chili a day and replace them, and none will expire.',
    );
    expect(await text(unknown)).toContain('13 will still expire, so give them away soon.');
  });
});
