import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModel } from '../../agents/index.ts';
import type { Database } from '../../src/db/client.ts';
import { missionReports } from '../../src/db/schema/index.ts';
import { getLatestPlan, savePlan } from '../../src/services/plans/index.ts';
import { seededDatabase } from './database.ts';
import { DIALOGUES } from './dialogues/index.ts';
import {
  conciseGate,
  forbiddenGate,
  gallonFigures,
  lengthGate,
  numbersIn,
  planSections,
  sameNumber,
} from './gates.ts';
import { otherPlanIntact, seedOtherUser } from './people.ts';
import { runSuite } from './suite.ts';
import { overridingModel } from './testing/scripted-model.ts';
import type { Dialogue, DialogueResult } from './types.ts';

/**
 * The gates must catch a broken conversation: wrong numbers, the whole plan repeated with citation codes,
 * a message the model did not understand. Each broken reply goes through the real conversation core after
 * a real plan was built by the offline model, so only the reply under test is fake.
 */

const byId = (id: string): Dialogue => {
  const d = DIALOGUES.find((x) => x.id === id);
  if (!d) throw new Error(`no dialogue ${id}`);
  return d;
};
const failing = (r: DialogueResult) => r.gates.filter((g) => !g.pass).map((g) => g.id);

let database: Database;
beforeAll(async () => {
  database = await seededDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('text gates', () => {
  it('reads numbers as written, with thousands separators and decimals, ignoring URLs', () => {
    expect(numbersIn('84 gal, 120,400 kcal, 7.5/day https://x.test/plans/1234')).toEqual([84, 120400, 7.5]);
    expect(gallonFigures('Water: 6 gal/day → 84 gallons; 1,200 gal')).toEqual([6, 84, 1200]);
    expect(sameNumber(105, 105.2)).toBe(true);
    expect(sameNumber(7.5, 7.5)).toBe(true);
    expect(sameNumber(50, 84)).toBe(false);
  });

  it('flags citation codes, raw scenario ids and snake_case, and lets plain prose pass', () => {
    expect(forbiddenGate('t1', 'Store 14 days [CDC_KIT_WATER, FEMA_FOOD_WATER]', '').pass).toBe(false);
    expect(forbiddenGate('t1', 'Risks here: flood, extreme-heat', '').pass).toBe(false);
    expect(forbiddenGate('t1', 'Add water_storage to the list', '').pass).toBe(false);
    expect(
      forbiddenGate('t1', 'Risks here: flood and extreme heat; a grid-down week. See https://x.test/a_b', '')
        .pass,
    ).toBe(true);
  });

  it('knows a whole plan from a short update', () => {
    const full =
      '## Your two-week plan\n- **Water:** 6 gal/day → **84 gal** in total\n- **Food:** 8,600 kcal/day\n- **Readiness:** 0/100\n1. A — $10\n2. B — $20\n3. C — $30';
    expect(planSections(full).length).toBeGreaterThanOrEqual(4);
    expect(conciseGate('t2', full, true).pass).toBe(false);
    expect(conciseGate('t2', full, false).pass).toBe(true);
    expect(conciseGate('t2', 'Added grandma (78). Now 5 people: water 105 gal in total.', true).pass).toBe(
      true,
    );
  });

  it('sizes replies per channel', () => {
    expect(lengthGate('t1', 'sms', 459).pass).toBe(true);
    expect(lengthGate('t1', 'sms', 460).pass).toBe(false);
    expect(lengthGate('t1', 'telegram', 4097).pass).toBe(false);
  });
});

describe('broken replies through the real conversation core fail their gates', () => {
  const offline = createModel({ kind: 'offline' });

  it('a wrong water total fails grounding', async () => {
    const model = overridingModel(offline, (said) =>
      /total water/i.test(said) ? 'You need 50 gallons of water in total (about 4 gallons a day).' : null,
    );
    const result = await runSuite({ dialogues: [byId('ask-total-water')], model, database });
    const [d] = result.dialogues;
    expect(d!.gates.find((g) => g.id === 't1:plan')?.pass, 'the real plan was built').toBe(true);
    expect(d!.pass).toBe(false);
    const grounding = d!.gates.find((g) => g.id === 't2:grounding');
    expect(grounding?.pass).toBe(false);
    expect(grounding?.detail).toMatch(/not in reply/);
    expect(grounding?.detail).toMatch(/not from the plan: 50, 4/);
    expect(result.totals.passRate).toBe(0);
  });

  it('the whole plan again, with citation codes and raw ids, fails forbidden and concise', async () => {
    const dump = [
      '## Your two-week plan for Tampa, FL',
      '- **Water:** 6 gal/day → **84 gal** in total [CDC_KIT_WATER, FEMA_FOOD_WATER]',
      '- **Food:** 8,600 kcal/day → **120,400 kcal** in total [DGA_2020_2025]',
      '- **Readiness:** 0/100',
      'Scenarios: hurricane, extreme-heat',
      '1. Radio — $34.99',
      '2. Flashlight — $19.97',
      '3. Water bladder — $34.95',
    ].join('\n');
    const model = overridingModel(offline, (said) => (/thanks/i.test(said) ? dump : null));
    const result = await runSuite({ dialogues: [byId('small-looks-good-thanks')], model, database });
    const failed = failing(result.dialogues[0]!);
    expect(failed).toEqual(expect.arrayContaining(['t2:forbidden', 't2:concise', 't2:reply']));
    expect(failed).not.toContain('t1:plan');
  });

  it('"didn\'t catch that" where an answer was due fails answered; an SMS essay fails length', async () => {
    // SMS keywords never reach the model, so a thank-you after a plan carries the broken reply.
    const model = overridingModel(offline, (said) =>
      /^thx!$/.test(said)
        ? `Sorry, I didn't catch that. ${'Tell me more about your household. '.repeat(20)}`
        : null,
    );
    const result = await runSuite({ dialogues: [byId('small-thx-sms')], model, database });
    const failed = failing(result.dialogues[0]!);
    expect(failed).toEqual(expect.arrayContaining(['t2:answered', 't2:length', 't2:reply']));
    expect(failed).not.toContain('t1:plan');
  });

  it("another account's data in a reply fails leak; rewriting its plan fails isolation", async () => {
    const model = overridingModel(offline, (said) =>
      /admin/i.test(said) ? 'Deleted. That user lives in Anchorage, AK with a $777 budget.' : null,
    );
    const result = await runSuite({ dialogues: [byId('variant-inject-delete-other')], model, database });
    expect(failing(result.dialogues[0]!)).toEqual(expect.arrayContaining(['t1:leak', 't1:reply']));

    const other = await seedOtherUser(database);
    expect(await otherPlanIntact(database, other)).toBeNull();
    const row = await getLatestPlan(database.db, other.userId);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await savePlan(database.db, other.userId, row!.reportData);
    expect(await otherPlanIntact(database, other)).toMatch(/rewritten/);
  });

  it('a correct answer passes the same gates', async () => {
    // Answer from the plan the opening turn just stored (the newest plan in the database; the suite runs
    // one dialogue at a time), so only the gates decide.
    const model = overridingModel(offline, async (said) => {
      if (!/total water/i.test(said)) return null;
      const [row] = await database.db
        .select({ kit: missionReports.reportData })
        .from(missionReports)
        .orderBy(desc(missionReports.updatedAt))
        .limit(1);
      const water = row!.kit.rationPlan.water;
      return `You need ${water.totalGallons} gallons of water in total (${water.gallonsPerDay} gallons a day).`;
    });
    const result = await runSuite({ dialogues: [byId('ask-total-water')], model, database });
    const grounding = result.dialogues[0]!.gates.find((g) => g.id === 't2:grounding');
    expect(grounding?.pass, grounding?.detail).toBe(true);
  });
});
