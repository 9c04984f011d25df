import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import { parsePeople, SKILLS } from '../../domain/index.ts';
import { createUser } from '../accounts/users.ts';
import { AppError } from '../errors.ts';
import { buildPlan, getLatestPlan, getPlan, resourcesForSkills, savePlan } from './index.ts';

let database: Database;
const people = parsePeople('adult:f:38,adult:m:40,child:6,child:9');
if (!people.ok) throw new Error(people.error);
const family = {
  location: 'Tampa, FL',
  members: people.value,
  durationDays: 14,
  scenarios: ['hurricane'],
  budget: 300,
};

beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

describe('buildPlan', () => {
  it("never buys a food that names a member's allergen (a child allergic to peanuts)", async () => {
    const allergic = parsePeople('adult:m:40,child:2,child:8:allergy-peanut');
    if (!allergic.ok) throw new Error(allergic.error);
    const kit = await buildPlan(
      { db: database.db },
      { ...family, location: 'Boulder, CO', members: allergic.value, scenarios: ['wildfire'], budget: 250 },
    );
    expect(kit.items.some((i) => i.provides.some((p) => p.supply === 'food-kcal'))).toBe(true);
    expect(kit.items.filter((i) => /peanut/i.test(i.name)).map((i) => i.name)).toEqual([]);
  });

  it('spends critical needs first: water, food, light, radio and first aid before anything optional', async () => {
    const kit = await buildPlan({ db: database.db }, family);
    const covered = new Set(kit.items.flatMap((i) => i.covers));
    for (const key of ['water-storage', 'food-kcal', 'flashlight', 'emergency-radio', 'first-aid-kit']) {
      expect(covered.has(key), key).toBe(true);
    }
    expect(kit.budget.spent).toBeLessThanOrEqual(300);
    expect(kit.scenarios.slice(0, 1)).toEqual(['hurricane']);
    expect(kit.impliedScenarios.length).toBeGreaterThan(0);
  });

  it('counts what the household owns: readiness rises and the money goes elsewhere', async () => {
    const bare = await buildPlan({ db: database.db }, family);
    const stocked = await buildPlan(
      { db: database.db },
      {
        ...family,
        owned: [
          { supplyKey: 'water-storage', quantity: 98 },
          { supplyKey: 'food-kcal', quantity: 56_000 },
        ],
      },
    );
    expect(stocked.readinessScore).toBeGreaterThan(bare.readinessScore);
    // Days of water = gallons owned ÷ the household's daily ration (CDC/Ready.gov 1 gal/person/day, heat-adjusted).
    const water = stocked.daysOfSupply.find((d) => d.category === 'water')!;
    expect(water.days).toBe(Math.floor(98 / stocked.rationPlan.water.gallonsPerDay));
    expect(stocked.items.some((i) => i.covers.includes('water-storage'))).toBe(false);
  });

  it('offers species-specific pet items only to households with that species', async () => {
    const kit = await buildPlan({ db: database.db }, { ...family, pets: [{ species: 'dog', weightLb: 30 }] });
    expect(kit.items.some((i) => /\bcat\b/i.test(i.name))).toBe(false);
  });

  it('rejects a malformed request naming the field', async () => {
    await expect(buildPlan({ db: database.db }, { ...family, durationDays: 1 })).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === 'BAD_INPUT' && e.field === 'durationDays',
    );
  });
});

describe('skill gaps', () => {
  it('every skill the planner can ask for has resources in the skills library', async () => {
    const resources = await resourcesForSkills(
      database.db,
      SKILLS.flatMap((s) => s.resourceSkillIds),
    );
    const without = SKILLS.filter(
      (s) => !s.resourceSkillIds.some((id) => (resources.get(id) ?? []).length > 0),
    );
    expect(without.map((s) => s.id)).toEqual([]);
  });
});

describe('savePlan tiers', () => {
  it('a free account keeps one plan: a new one overwrites it in place', async () => {
    const user = await createUser(database.db, { email: 'free@example.com' });
    const kit = await buildPlan({ db: database.db }, family);
    const first = await savePlan(database.db, user.id, kit);
    const second = await savePlan(database.db, user.id, { ...kit, title: 'Second plan' });
    expect(first.overwritten).toBe(false);
    expect(second).toMatchObject({ id: first.id, overwritten: true, tier: 'FREE' });
    expect((await getLatestPlan(database.db, user.id))?.title).toBe('Second plan');
  });

  it('a Basic account keeps every plan', async () => {
    const user = await createUser(database.db, { email: 'basic@example.com' });
    await database.db.execute(sql`update profiles set subscription_tier = 'BASIC' where id = ${user.id}`);
    const kit = await buildPlan({ db: database.db }, family);
    const a = await savePlan(database.db, user.id, kit);
    const b = await savePlan(database.db, user.id, kit);
    expect(a.id).not.toBe(b.id);
    expect((await getPlan(database.db, user.id, a.id)).id).toBe(a.id);
  });

  it("another user's plan is not found", async () => {
    const owner = await createUser(database.db, { email: 'owner@example.com' });
    const other = await createUser(database.db, { email: 'other@example.com' });
    const saved = await savePlan(database.db, owner.id, await buildPlan({ db: database.db }, family));
    await expect(getPlan(database.db, other.id, saved.id)).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === 'NOT_FOUND',
    );
  });
});
