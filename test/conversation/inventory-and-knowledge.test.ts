import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSms } from '../../src/channels/sms/render.ts';
import { listInventory } from '../../src/services/inventory/index.ts';
import { getLatestPlan } from '../../src/services/plans/index.ts';
import { type Harness, harness, makeUser, PUBLIC_URL, person } from './support.ts';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(async () => {
  await h.close();
});

const water = (rows: Awaited<ReturnType<typeof listInventory>>) =>
  Math.round(
    rows
      .filter((r) => r.supplyKey === 'water-storage')
      .reduce((s, r) => s + (r.quantityOwned ?? 0) * Number(r.unitAmount), 0) * 100,
  ) / 100;

describe('inventory by conversation', () => {
  it('records purchases, use and counts in the plan units and states the new days of supply', async () => {
    const userId = await makeUser(h.database, 'BASIC');
    const me = person(h, { userId });
    await me.say('2 adults in Tampa, FL, $200');
    const kit = (await getLatestPlan(h.database.db, userId))!.reportData;
    const perDay = kit.rationPlan.water.gallonsPerDay;

    const chili = await me.say('bought 24 cans of chili, expire March 2027');
    expect(chili.tools).toEqual(['updateInventory']);
    expect(chili.run.toolCalls[0]!.input).toEqual({
      changes: [{ action: 'add', item: 'chili', quantity: 24, unit: 'can', expires: '2027-03-31' }],
    });
    const rows = await listInventory(h.database.db, userId);
    expect(rows).toEqual([
      expect.objectContaining({
        name: 'cans of chili',
        supplyKey: 'food-kcal',
        quantityOwned: 24,
        unitAmount: '450',
        expirationDate: '2027-03-31',
      }),
    ]);
    expect(chili.reply.text).toMatch(/\+10,800 kcal/);
    expect(chili.reply.text).toMatch(/assuming a 15 oz can of chili ≈ 450 kcal/);
    const foodDays = Math.floor(10_800 / kit.rationPlan.food.kcalPerDay);
    expect(chili.reply.text).toContain(`food ${foodDays} of`);

    const cases = await me.say('picked up 2 cases of water');
    expect(water(await listInventory(h.database.db, userId))).toBeCloseTo(6.34, 2);
    expect(cases.reply.text).toMatch(/24 half-liter/);
    expect(cases.reply.text).toContain(`water ${Math.floor(6.34 / perDay)} of`);

    const used = await me.say('used 2 gallons of water');
    expect(used.run.toolCalls[0]!.input).toEqual({
      changes: [{ action: 'remove', item: 'water', quantity: 2, unit: 'gallon' }],
    });
    expect(water(await listInventory(h.database.db, userId))).toBeCloseTo(4.34, 2);
    expect(used.reply.text).toMatch(/now 4\.34 gal/);
    expect(used.reply.text).toContain(`water ${Math.floor(4.34 / perDay)} of`);

    await me.say('we have 3 flashlights');
    await me.say('we have 2 flashlights');
    const lights = (await listInventory(h.database.db, userId)).filter((r) => r.supplyKey === 'flashlight');
    expect(lights.reduce((s, r) => s + (r.quantityOwned ?? 0) * Number(r.unitAmount), 0)).toBe(2);
  });

  it('without inventory tracking (Free, anonymous) notes what they have and points to Basic', async () => {
    const userId = await makeUser(h.database);
    const free = person(h, { userId }, 'sms');
    const said = await free.say('bought a case of water');
    expect(said.reply.text).toMatch(/^Noted/);
    expect(said.reply.text).toMatch(/Basic/);
    expect(renderSms(said.reply, { moreUrl: `${PUBLIC_URL}/plan` }).text).toContain(`${PUBLIC_URL}/pricing`);
    // Kept on the household, not in the tracked inventory.
    expect(await listInventory(h.database.db, userId)).toEqual([]);
    const anon = person(h, { anonymousKey: 'anon-inventory-test' });
    const a = await anon.say('we have 3 flashlights');
    expect(a.reply.text).toMatch(/^Noted/);
  });
});

describe('knowledge answers', () => {
  it.each([
    ['how do I make creek water safe?', /water/i],
    ['What should I do during an earthquake?', /earthquake|drop|cover/i],
    ['how do I keep food safe when the power goes out?', /food|refrigerator|freezer/i],
  ])('%s → cites the source organization', async (question, topic) => {
    const me = person(h, { userId: await makeUser(h.database) });
    const said = await me.say(question);
    expect(said.tools).toEqual(['searchGuidance']);
    expect(said.reply.text).toMatch(/^According to \*\*[^*]+\*\*/);
    expect(said.reply.text).toMatch(/Source: /);
    expect(said.reply.text).toMatch(topic);
    const org = /^According to \*\*([^*]+)\*\*/.exec(said.reply.text)![1]!;
    expect(org).toMatch(
      /CDC|FEMA|Ready\.gov|Red Cross|EPA|NOAA|National Weather Service|USDA|FDA|American|NIH|WHO|Department/,
    );
  });
});
