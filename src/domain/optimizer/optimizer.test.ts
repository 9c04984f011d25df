import { describe, expect, it } from 'vitest';
import { type Candidate, type Need, type OptimizeResult, optimize, type Priority } from './index.ts';
import { mulberry32, pick, randInt, syntheticInstance } from './synthetic.ts';

// Restated on purpose (not imported): critical needs weigh 100x important ones, which weigh 100x useful ones.
const WEIGHT = { 1: 10_000, 2: 100, 3: 1 } as const;

/** Independent reference: priority-weighted coverage of a purchase (units per candidate). */
function coverageOf(needs: Need[], candidates: Candidate[], x: number[]): number {
  let total = 0;
  let got = 0;
  for (const need of needs) {
    let covered = 0;
    candidates.forEach((c, j) => {
      for (const cover of c.covers) if (cover.supply === need.key) covered += cover.amount * x[j]!;
    });
    total += WEIGHT[need.priority];
    got += WEIGHT[need.priority] * Math.min(1, covered / need.quantity);
  }
  return total === 0 ? 1 : got / total;
}

/** Brute force: every whole-unit purchase within budget (and stock); best coverage, then lowest spend. */
function bruteForce(needs: Need[], candidates: Candidate[], budget: number) {
  const cents = candidates.map((c) => Math.round(c.price * 100));
  const budgetCents = Math.round(budget * 100);
  const x = candidates.map(() => 0);
  let best = { coverage: -1, spentCents: 0 };
  const visit = (j: number, left: number) => {
    if (j === candidates.length) {
      const coverage = coverageOf(needs, candidates, x);
      const spentCents = budgetCents - left;
      if (
        coverage > best.coverage + 1e-12 ||
        (Math.abs(coverage - best.coverage) <= 1e-12 && spentCents < best.spentCents)
      ) {
        best = { coverage, spentCents };
      }
      return;
    }
    const max = Math.min(
      candidates[j]!.maxQuantity ?? Number.POSITIVE_INFINITY,
      Math.floor(left / cents[j]!),
    );
    for (let q = 0; q <= max; q++) {
      x[j] = q;
      visit(j + 1, left - q * cents[j]!);
    }
    x[j] = 0;
  };
  visit(0, budgetCents);
  return best;
}

const KEYS = ['water-storage', 'food-kcal', 'flashlight', 'first-aid-kit', 'batteries', 'tarp'];
const AMOUNTS = [0.5, 1, 1, 2, 2.5, 3, 5];

function smallInstance(seed: number) {
  const rand = mulberry32(seed);
  const keys = KEYS.slice(0, randInt(rand, 2, 4));
  const needs: Need[] = keys.map((key) => ({
    key,
    quantity: randInt(rand, 1, 12),
    priority: randInt(rand, 1, 3) as Priority,
  }));
  const candidates: Candidate[] = Array.from({ length: randInt(rand, 2, 5) }, (_, p): Candidate => {
    const bundle = rand() < 0.25;
    const coverKeys = bundle
      ? [...new Set([pick(rand, keys), pick(rand, keys), pick(rand, keys)])]
      : [pick(rand, keys)];
    return {
      productId: `p${p}`,
      name: `Product ${p}`,
      price: randInt(rand, 200, 1500) / 100,
      covers: coverKeys.map((supply) => ({ supply, amount: pick(rand, AMOUNTS) })),
      ...(bundle ? { bundleId: `b${p}` } : {}),
      ...(rand() < 0.2 ? { maxQuantity: randInt(rand, 0, 3) } : {}),
    };
  });
  return { needs, candidates, budget: randInt(rand, 0, 4000) / 100 };
}

const cents = (usd: number) => Math.round(usd * 100);

function expectWholeUnitsWithinBudget(result: OptimizeResult, budget: number) {
  expect(cents(result.spent)).toBeLessThanOrEqual(cents(budget));
  const lines = result.items.reduce((s, i) => s + cents(i.lineTotal), 0);
  expect(lines).toBe(cents(result.spent));
  for (const item of result.items) {
    expect(Number.isInteger(item.quantity)).toBe(true);
    expect(item.quantity).toBeGreaterThan(0);
    expect(cents(item.lineTotal)).toBe(cents(item.unitPrice) * item.quantity);
  }
}

function unitsOf(result: OptimizeResult, candidates: Candidate[]): number[] {
  return candidates.map((c) => result.items.find((i) => i.productId === c.productId)?.quantity ?? 0);
}

describe('optimize: exact MIP against brute force', () => {
  const seeds = Array.from({ length: 120 }, (_, k) => 1000 + k);

  it('matches brute-force coverage and lowest spend on 120 random small instances', async () => {
    let nonTrivial = 0;
    for (const seed of seeds) {
      const inst = smallInstance(seed);
      const reference = bruteForce(inst.needs, inst.candidates, inst.budget);
      const result = await optimize({ ...inst, strategy: 'exact' });
      const x = unitsOf(result, inst.candidates);
      expect(result.strategy, `seed ${seed}`).toBe('exact');
      expect(result.optimal, `seed ${seed}`).toBe(true);
      expect(result.coverage, `seed ${seed}`).toBeCloseTo(reference.coverage, 9);
      // The reported coverage is the true coverage of the reported items.
      expect(coverageOf(inst.needs, inst.candidates, x), `seed ${seed}`).toBeCloseTo(result.coverage, 12);
      // Among optimal plans, the cheapest.
      expect(cents(result.spent), `seed ${seed}`).toBe(reference.spentCents);
      expectWholeUnitsWithinBudget(result, inst.budget);
      if (reference.coverage > 0 && reference.coverage < 1) nonTrivial++;
    }
    // The generator must produce instances where the budget actually binds.
    expect(nonTrivial).toBeGreaterThan(40);
  });

  it('gives the same answer with pruning switched off', async () => {
    for (const seed of seeds.slice(0, 60)) {
      const inst = smallInstance(seed);
      const tuned = await optimize({ ...inst, strategy: 'exact' });
      const plain = await optimize({ ...inst, strategy: 'exact', prune: false });
      expect(tuned.coverage, `seed ${seed}`).toBeCloseTo(plain.coverage, 9);
      expect(tuned.spent, `seed ${seed}`).toBe(plain.spent);
    }
  });

  it('greedy never beats exact, never exceeds the budget, and agrees with its own items', async () => {
    let strictlyWorse = 0;
    for (const seed of seeds) {
      const inst = smallInstance(seed);
      const exact = await optimize({ ...inst, strategy: 'exact' });
      const greedy = await optimize({ ...inst, strategy: 'greedy' });
      expect(greedy.strategy).toBe('greedy');
      expect(greedy.optimal).toBe(false);
      expect(greedy.coverage, `seed ${seed}`).toBeLessThanOrEqual(exact.coverage + 1e-12);
      expect(coverageOf(inst.needs, inst.candidates, unitsOf(greedy, inst.candidates))).toBeCloseTo(
        greedy.coverage,
        12,
      );
      expectWholeUnitsWithinBudget(greedy, inst.budget);
      if (greedy.coverage < exact.coverage - 1e-9) strictlyWorse++;
    }
    // Greedy is a heuristic: on some instances it must actually lose (otherwise this test proves nothing).
    expect(strictlyWorse).toBeGreaterThan(0);
  });
});

describe('optimize: budget', () => {
  it('buys nothing with budget 0, and explains every need', async () => {
    const inst = smallInstance(7);
    for (const strategy of ['exact', 'greedy', 'auto'] as const) {
      const result = await optimize({ ...inst, budget: 0, strategy });
      expect(result.items).toEqual([]);
      expect(result.spent).toBe(0);
      expect(result.coverage).toBe(0);
      expect(result.leftOut.map((l) => l.key).sort()).toEqual(inst.needs.map((n) => n.key).sort());
    }
  });

  it('never exceeds the budget on larger realistic instances (exact, greedy, auto)', async () => {
    for (const [seed, budget] of [
      [1, 150],
      [2, 499.99],
      [3, 1234.56],
    ] as const) {
      const inst = syntheticInstance(seed, { needs: 40, candidates: 300, budget });
      for (const strategy of ['exact', 'greedy', 'auto'] as const) {
        const result = await optimize({ ...inst, strategy, timeLimitSeconds: 5 });
        expectWholeUnitsWithinBudget(result, budget);
        expect(result.coverage).toBeGreaterThan(0);
        // Nearly all of a binding budget gets used: the money is not left on the table.
        expect(result.spent).toBeGreaterThan(budget * 0.9);
      }
    }
  });

  it('coverage never drops when the budget rises', async () => {
    const inst = syntheticInstance(11, { needs: 12, candidates: 60, budget: 0 });
    let previous = -1;
    let previousSpent = 0;
    for (let budget = 0; budget <= 600; budget += 25) {
      const result = await optimize({ ...inst, budget, strategy: 'exact' });
      expect(result.optimal).toBe(true);
      expect(result.coverage, `budget ${budget}`).toBeGreaterThanOrEqual(previous - 1e-12);
      expect(result.spent).toBeLessThanOrEqual(budget);
      // Same coverage as before means the cheaper earlier plan is still optimal: spend must not grow.
      if (Math.abs(result.coverage - previous) <= 1e-12) expect(result.spent).toBe(previousSpent);
      previous = result.coverage;
      previousSpent = result.spent;
    }
    expect(previous).toBeGreaterThan(0.5);
  });
});

describe('optimize: realistic water case', () => {
  const needs: Need[] = [{ key: 'water-storage', quantity: 56, priority: 1 }];
  const candidates: Candidate[] = [
    {
      productId: 'container-5gal',
      name: '5-gallon water container',
      price: 20,
      covers: [{ supply: 'water-storage', amount: 5 }],
    },
    {
      productId: 'bottles-case',
      name: 'Case of 24 × 16.9 oz bottles (3.17 gal)',
      price: 5.49,
      covers: [{ supply: 'water-storage', amount: 3.17 }],
    },
  ];

  it('covers 56 gallons with whole units at the lowest price', async () => {
    const result = await optimize({ needs, candidates, budget: 200, strategy: 'exact' });
    expect(result.coverage).toBe(1);
    const [containers, cases] = unitsOf(result, candidates);
    expect(Number.isInteger(containers) && Number.isInteger(cases)).toBe(true);
    expect(containers! * 5 + cases! * 3.17).toBeGreaterThanOrEqual(56);
    // Cheapest whole-unit way to 56 gal: 18 cases (57.06 gal) = $98.82; e.g. 11 containers + 1 case = $225.49.
    expect(result.spent).toBe(98.82);
    expect(result.leftOut).toEqual([]);
    expect(result.perNeed[0]).toMatchObject({ key: 'water-storage', needed: 56, fraction: 1 });
  });

  it('uses containers when bottles run out, and explains a short budget', async () => {
    const limited = candidates.map((c) => (c.productId === 'bottles-case' ? { ...c, maxQuantity: 4 } : c));
    const full = await optimize({ needs, candidates: limited, budget: 500, strategy: 'exact' });
    // 4 cases = 12.68 gal; 9 containers add 45 → 57.68 ≥ 56: $201.96 (vs 12 containers for $240).
    expect(unitsOf(full, limited)).toEqual([9, 4]);
    expect(full.spent).toBe(201.96);

    const short = await optimize({ needs, candidates: limited, budget: 100, strategy: 'exact' });
    expect(short.spent).toBeLessThanOrEqual(100);
    expect(short.coverage).toBeLessThan(1);
    const [entry] = short.leftOut;
    expect(entry?.code).toBe('budget');
    expect(entry?.reason).toMatch(/^budget exhausted: would cost \$\d+\.\d\d more$/);
    expect(entry?.costToComplete).toBeGreaterThan(0);
  });
});

describe('optimize: leftOut reasons', () => {
  it('says when no product covers a need and when stock runs out', async () => {
    const result = await optimize({
      needs: [
        { key: 'generator', quantity: 1, priority: 1 },
        { key: 'flashlight', quantity: 4, priority: 2 },
      ],
      candidates: [
        {
          productId: 'fl',
          name: 'Flashlight',
          price: 10,
          covers: [{ supply: 'flashlight', amount: 1 }],
          maxQuantity: 2,
        },
      ],
      budget: 1000,
      strategy: 'exact',
    });
    expect(result.leftOut).toEqual([
      expect.objectContaining({
        key: 'generator',
        code: 'no-product',
        reason: 'no catalog product covers this',
      }),
      expect.objectContaining({ key: 'flashlight', code: 'stock', shortfall: 2 }),
    ]);
    expect(result.spent).toBe(20);
  });
});

describe('optimize: the cost to finish a need only a mix covers', () => {
  it('prices the rest as a mix within each variety limit, never as an infinite amount', async () => {
    // 4,000 kcal from four foods, none more than 1,000 kcal of it (the variety cap). $4 buys the oats'
    // 1,000 kcal; no one or two foods can finish the rest, three can.
    const food = (id: string, price: number) => ({
      productId: id,
      name: id,
      price,
      covers: [{ supply: 'food-kcal', amount: 500 }],
      capGroup: id,
      capAmount: 500,
    });
    const result = await optimize({
      needs: [{ key: 'food-kcal', quantity: 4000, priority: 1 }],
      candidates: [food('oats', 2), food('rice', 3), food('beans', 4), food('lentils', 5)],
      capGroups: { oats: 1000, rice: 1000, beans: 1000, lentils: 1000 },
      budget: 4,
      strategy: 'exact',
    });
    const [entry] = result.leftOut;
    expect(entry?.code).toBe('budget');
    // Bought: 2 × oats ($4). The rest, 3,000 kcal: 2 × rice + 2 × beans + 2 × lentils = $24.
    expect(result.spent).toBe(4);
    expect(entry?.reason).toBe('budget exhausted: would cost $24.00 more');
    expect(entry?.costToComplete).toBe(24);
  });
});

describe('optimize: auto strategy', () => {
  it('falls back when HiGHS hits the time limit, and says so', async () => {
    const inst = syntheticInstance(5, { needs: 80, candidates: 4000, budget: 2000 });
    const result = await optimize({ ...inst, strategy: 'auto', timeLimitSeconds: 0.05 });
    expect(result.optimal).toBe(false);
    expect(result.note).toMatch(/time limit/);
    expect(['greedy', 'exact']).toContain(result.strategy);
    if (result.strategy === 'greedy') expect(result.note).toMatch(/greedy/);
    expectWholeUnitsWithinBudget(result, 2000);
    const greedy = await optimize({ ...inst, strategy: 'greedy' });
    expect(result.coverage).toBeGreaterThanOrEqual(greedy.coverage - 1e-12);
  });

  it('uses the exact solver when it finishes in time', async () => {
    const inst = smallInstance(3);
    const result = await optimize({ ...inst, budget: 30 });
    expect(result.requestedStrategy).toBe('auto');
    expect(result.strategy).toBe('exact');
    expect(result.optimal).toBe(true);
  });
});

describe('optimize: capped tie-break', () => {
  it('never changes coverage, only (at most) the spend', async () => {
    for (let seed = 1; seed <= 5; seed += 1) {
      const { needs, candidates } = syntheticInstance(seed, { needs: 30, candidates: 300, budget: 800 });
      const full = await optimize({ needs, candidates, budget: 800, strategy: 'exact' });
      const capped = await optimize({
        needs,
        candidates,
        budget: 800,
        strategy: 'exact',
        tieBreakSeconds: 0.001,
      });
      expect(capped.coverage).toBeCloseTo(full.coverage, 9);
      expect(capped.spent).toBeGreaterThanOrEqual(full.spent - 1e-9);
      expect(capped.spent).toBeLessThanOrEqual(800);
    }
  });
});
