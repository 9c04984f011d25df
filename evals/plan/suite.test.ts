import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import type { PlanInput } from '../../src/domain/index.ts';
import { buildPlan } from '../../src/services/plans/index.ts';
import { freshDatabase } from '../../test/support/db.ts';
import { CASES } from './cases.ts';
import { type Catalog, loadCatalog } from './catalog.ts';
import { type Engine, runCase } from './suite.ts';
import type { PlanView } from './view.ts';

/**
 * The suite must catch a broken planner: the same cases run on the real plan service and on engines broken
 * on purpose (water halved; fit checks off; a summer kids' bag slipped into a Montana winter plan), and the
 * gates that guard those rules pass on the first and fail on the others.
 */
let database: Database;
let catalog: Catalog;
const built = new Map<string, Promise<unknown>>();

beforeAll(async () => {
  database = await freshDatabase();
  catalog = await loadCatalog(database.db);
});
afterAll(async () => {
  await database?.close();
});

/** The real engine, each request built once (the broken engines below start from the same plan). */
const real: Engine = (input) => {
  const key = JSON.stringify(input);
  if (!built.has(key)) built.set(key, buildPlan({ db: database.db }, input));
  return built.get(key)!.then((plan) => structuredClone(plan));
};

/** Halves the ration plan's water and every line that stores water, as a planner with a 0.5 gal/person/day rule would. */
const waterHalved: Engine = async (input) => {
  const plan = (await real(input)) as PlanView;
  const water = plan.rationPlan.water;
  water.gallonsPerDay /= 2;
  water.totalGallons /= 2;
  for (const m of plan.household.members) m.waterGallonsPerDay /= 2;
  for (const s of plan.supplies) if (s.key === 'water-storage' || s.key === 'water-carry') s.quantity /= 2;
  for (const item of plan.items) {
    if (!item.covers.includes('water-storage')) continue;
    const quantity = Math.max(1, Math.floor(item.quantity / 2));
    for (const p of item.provides ?? []) p.amount = (p.amount * quantity) / item.quantity;
    item.quantity = quantity;
    item.lineTotal = Math.round(quantity * item.unitPrice * 100) / 100;
  }
  plan.budget.spent = Math.round(plan.items.reduce((s, i) => s + i.lineTotal, 0) * 100) / 100;
  return plan;
};

const fitOff: Engine = (input: PlanInput) => buildPlan({ db: database.db }, input, { fitCheck: false });

/** A planner that ignores fit, made deterministic: two Coleman Kids' 50°F bags for a Montana couple in winter. */
const kidsBagInjected: Engine = async (input) => {
  const plan = (await real(input)) as PlanView;
  const bag = catalog.products.find((p) => /kids'? 50°F/i.test(p.name))!;
  plan.items.push({
    productId: bag.id,
    name: bag.name,
    quantity: 2,
    unitPrice: bag.price,
    lineTotal: 2 * bag.price,
    covers: ['sleeping-bag'],
    provides: [{ supply: 'sleeping-bag', amount: 2, unit: 'count' }],
  });
  return plan;
};

const byId = (id: string) => CASES.find((c) => c.id === id)!;
const status = async (engine: Engine, id: string, gate: string) =>
  (await runCase(byId(id), engine, catalog)).gates[gate]!;

describe('plan eval suite on broken engines', () => {
  it.each(['nyc-couple-3d-grid', 'i9-chicago-adults-kids-bag', 'houston-pregnant-heat'])(
    'water halved: the CDC/Ready.gov water rule fails on %s, and passes on the real plan',
    async (id) => {
      expect((await status(real, id, 'rules.water')).status).toBe('pass');
      const broken = await status(waterHalved, id, 'rules.water');
      expect(broken.status).toBe('fail');
      expect(broken.message).toMatch(/gal\/day < 1|< 1 gal\/person\/day/);
    },
  );

  it("fit off (injected): a kids' 50°F bag for Montana adults fails the rating and child-size gates", async () => {
    const id = 'i9-montana-winter-kids-bag';
    const good = await runCase(byId(id), real, catalog);
    expect(good.gates['fit.sleeping-rating']!.status).not.toBe('fail');
    expect(good.gates['fit.child-size']!.status).not.toBe('fail');
    const bad = await runCase(byId(id), kidsBagInjected, catalog);
    expect(bad.gates['fit.sleeping-rating']).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/50°F/),
    });
    expect(bad.gates['fit.child-size']).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/for 0 children/),
    });
  });

  it('fit off (buildPlan fitCheck: false): the fit gates that pass on the real plans fail on some of them', async () => {
    const ids = [
      'i9-montana-winter-kids-bag',
      'i9-miami-snow-shovel',
      'i9-paris-noaa-radio',
      'i9-bugout-bucket-toilet',
    ];
    const fitGates = (r: Awaited<ReturnType<typeof runCase>>) =>
      Object.entries(r.gates)
        .filter(([id, g]) => id.startsWith('fit.') && g.status === 'fail')
        .map(([id]) => id);
    const failures: string[] = [];
    for (const id of ids) {
      expect(fitGates(await runCase(byId(id), real, catalog)), `${id} on the real engine`).toEqual([]);
      failures.push(...fitGates(await runCase(byId(id), fitOff, catalog)).map((g) => `${id} ${g}`));
    }
    expect(failures.length).toBeGreaterThan(0);
  });

  it('an engine that plans for an impossible household (a pregnant man) fails rules.impossible-members', async () => {
    const accepting: Engine = async (input) => ({ planned: input });
    expect(
      (await runCase(byId('reject-pregnant-man'), real, catalog)).gates['rules.impossible-members']!.status,
    ).toBe('pass');
    expect(
      (await runCase(byId('reject-pregnant-man'), accepting, catalog)).gates['rules.impossible-members'],
    ).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/built a plan/),
    });
  });
});
