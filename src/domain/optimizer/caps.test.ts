import { describe, expect, it } from 'vitest';
import { overCap } from './caps.ts';
import { GreedySession } from './greedy.ts';
import {
  type Candidate,
  type Need,
  type OptimizeResult,
  optimize,
  type Priority,
  purchaseSchedule,
  type ScheduleMonth,
} from './index.ts';
import { budgetToCents, buildProblem, objectiveLevels, priorityWeights } from './model.ts';
import { fitBudget, fitCaps, trimWaste } from './plan.ts';
import { reduce } from './reduce.ts';
import { mulberry32, pick, randInt, syntheticInstance } from './synthetic.ts';

// Restated on purpose (not imported): the urgent parts come first, then critical, important, useful.
const WEIGHT = { 1: 10_000, 2: 100, 3: 1 } as const;

const unitsOf = (result: OptimizeResult, candidates: readonly Candidate[]) =>
  candidates.map((c) => result.items.find((i) => i.productId === c.productId)?.quantity ?? 0);

/** Independent check: capacity each listed group uses, by group. */
function groupUse(candidates: readonly Candidate[], x: readonly number[], caps: Record<string, number>) {
  const use: Record<string, number> = {};
  for (const g of Object.keys(caps)) use[g] = 0;
  candidates.forEach((c, j) => {
    if (c.capGroup !== undefined && c.capGroup in caps) use[c.capGroup]! += (c.capAmount ?? 0) * x[j]!;
  });
  return use;
}

/** Groups used past their capacity (beyond a relative 1e-9 for float dust). */
function overfilled(candidates: readonly Candidate[], x: readonly number[], caps: Record<string, number>) {
  const use = groupUse(candidates, x, caps);
  return Object.keys(caps).filter((g) => use[g]! > caps[g]! * (1 + 1e-9));
}

function unmetRequirements(candidates: readonly Candidate[], x: readonly number[]) {
  const provided = new Set<string>();
  candidates.forEach((c, j) => {
    if (x[j]! > 0) for (const t of c.tags ?? []) provided.add(t);
  });
  return candidates.filter((c, j) => x[j]! > 0 && (c.requires ?? []).some((t) => !provided.has(t)));
}

/** [urgent parts covered (sum of fractions), priority-weighted coverage]: compared lexicographically. */
function score(needs: readonly Need[], candidates: readonly Candidate[], x: readonly number[]) {
  let urgent = 0;
  let total = 0;
  let got = 0;
  for (const need of needs) {
    let covered = 0;
    candidates.forEach((c, j) => {
      for (const cover of c.covers) if (cover.supply === need.key) covered += cover.amount * x[j]!;
    });
    if (need.urgentQuantity) urgent += Math.min(1, covered / need.urgentQuantity);
    total += WEIGHT[need.priority];
    got += WEIGHT[need.priority] * Math.min(1, covered / need.quantity);
  }
  return [urgent, total === 0 ? 1 : got / total] as [number, number];
}

const notBetter = (a: [number, number], b: [number, number]) =>
  a[0] < b[0] - 1e-9 || (a[0] <= b[0] + 1e-9 && a[1] <= b[1] + 1e-9);

/** Every whole-unit plan within budget, stock, requirements and cap groups: best (urgent, coverage), then spend. */
function bruteForce(inst: {
  needs: Need[];
  candidates: Candidate[];
  budget: number;
  capGroups: Record<string, number>;
}) {
  const { needs, candidates, budget, capGroups } = inst;
  const cents = candidates.map((c) => Math.round(c.price * 100));
  const x = candidates.map(() => 0);
  let best = { score: [-1, -1] as [number, number], spentCents: 0 };
  const visit = (j: number, left: number) => {
    if (j === candidates.length) {
      if (unmetRequirements(candidates, x).length > 0) return;
      if (overfilled(candidates, x, capGroups).length > 0) return;
      const s = score(needs, candidates, x);
      const spentCents = Math.round(budget * 100) - left;
      const same = Math.abs(s[0] - best.score[0]) <= 1e-9 && Math.abs(s[1] - best.score[1]) <= 1e-12;
      if ((!same && !notBetter(s, best.score)) || (same && spentCents < best.spentCents))
        best = { score: s, spentCents };
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
  visit(0, Math.round(budget * 100));
  return best;
}

const KEYS = ['water-storage', 'food-kcal', 'flashlight', 'can-opener'];

/** Small instances where groups bind: a few products, some in two listed groups, one unlisted, bundles. */
function smallCapInstance(seed: number) {
  const rand = mulberry32(seed);
  const keys = KEYS.slice(0, randInt(rand, 2, 3));
  const needs: Need[] = keys.map((key) => {
    const quantity = randInt(rand, 2, 12);
    return {
      key,
      quantity,
      priority: randInt(rand, 1, 3) as Priority,
      ...(rand() < 0.3 ? { urgentQuantity: randInt(rand, 1, quantity) } : {}),
    };
  });
  const candidates = Array.from({ length: randInt(rand, 3, 5) }, (_, p): Candidate => {
    const bundle = rand() < 0.2;
    const coverKeys = bundle ? [...new Set([pick(rand, keys), pick(rand, keys)])] : [pick(rand, keys)];
    const group = pick(rand, ['g1', 'g1', 'g2', 'unlisted', undefined]);
    return {
      productId: `p${p}`,
      name: `Product ${p}`,
      price: randInt(rand, 100, 1200) / 100,
      covers: coverKeys.map((supply) => ({ supply, amount: pick(rand, [1, 2, 2.5, 3]) })),
      ...(bundle ? { bundleId: `b${p}` } : {}),
      ...(group ? { capGroup: group, capAmount: pick(rand, [0.5, 1, 2, 3]) } : {}),
      ...(rand() < 0.15 ? { tags: ['canned'] } : {}),
      ...(rand() < 0.15 ? { requires: ['canned'] } : {}),
      ...(rand() < 0.15 ? { maxQuantity: randInt(rand, 1, 3) } : {}),
    };
  });
  const capGroups = { g1: randInt(rand, 1, 12), g2: randInt(rand, 0, 6) };
  return { needs, candidates, capGroups, budget: randInt(rand, 0, 4000) / 100 };
}

describe('cap groups: exact against brute force', () => {
  it('finds the lexicographic optimum within every group on 150 small instances; greedy stays within them', async () => {
    let binding = 0;
    for (let seed = 7000; seed < 7150; seed++) {
      const inst = smallCapInstance(seed);
      const reference = bruteForce(inst);
      for (const prune of [true, false]) {
        const exact = await optimize({ ...inst, strategy: 'exact', prune });
        const x = unitsOf(exact, inst.candidates);
        expect(exact.optimal, `seed ${seed}`).toBe(true);
        expect(overfilled(inst.candidates, x, inst.capGroups), `seed ${seed}`).toEqual([]);
        const s = score(inst.needs, inst.candidates, x);
        expect(s[0], `seed ${seed}`).toBeCloseTo(reference.score[0], 9);
        expect(s[1], `seed ${seed}`).toBeCloseTo(reference.score[1], 9);
        expect(Math.round(exact.spent * 100), `seed ${seed} prune ${prune}`).toBe(reference.spentCents);
      }
      const greedy = await optimize({ ...inst, strategy: 'greedy' });
      const g = unitsOf(greedy, inst.candidates);
      expect(overfilled(inst.candidates, g, inst.capGroups), `seed ${seed}`).toEqual([]);
      expect(notBetter(score(inst.needs, inst.candidates, g), reference.score), `seed ${seed}`).toBe(true);
      // The groups must change the optimum on many instances, or this test proves nothing.
      const free = bruteForce({ ...inst, capGroups: {} });
      if (free.score[0] > reference.score[0] + 1e-9 || free.score[1] > reference.score[1] + 1e-9) binding++;
    }
    expect(binding).toBeGreaterThan(25);
  });
});

describe('cap groups: realistic random instances', () => {
  const options = { needs: 30, candidates: 200, budget: 500, systems: true, urgent: true, capGroups: true };

  it('exact and greedy never overfill a group, and the groups bind', async () => {
    let full = 0;
    for (const seed of [41, 42, 43, 44]) {
      const inst = syntheticInstance(seed, { ...options, budget: 300 + seed * 20 });
      const caps = inst.capGroups!;
      const exact = await optimize({ ...inst, strategy: 'exact', timeLimitSeconds: 20 });
      const greedy = await optimize({ ...inst, strategy: 'greedy' });
      for (const r of [exact, greedy]) {
        const x = unitsOf(r, inst.candidates);
        expect(overfilled(inst.candidates, x, caps), `seed ${seed} ${r.strategy}`).toEqual([]);
        expect(unmetRequirements(inst.candidates, x), `seed ${seed} ${r.strategy}`).toEqual([]);
        expect(r.spent).toBeLessThanOrEqual(inst.budget);
        const use = groupUse(inst.candidates, x, caps);
        // A group counts as binding when its next unit would not fit.
        full += Object.keys(caps).filter((k) =>
          inst.candidates.some(
            (c, j) => c.capGroup === k && x[j]! > 0 && use[k]! + c.capAmount! > caps[k]! * (1 + 1e-9),
          ),
        ).length;
      }
      const e = score(inst.needs, inst.candidates, unitsOf(exact, inst.candidates));
      const g = score(inst.needs, inst.candidates, unitsOf(greedy, inst.candidates));
      if (exact.optimal) expect(notBetter(g, e), `seed ${seed}`).toBe(true);
    }
    expect(full).toBeGreaterThan(10);
  });

  it('greedy stays within every group by itself (before the guards that would trim it)', async () => {
    let skipped = 0;
    for (const seed of [41, 42, 43, 44, 45, 46]) {
      const inst = syntheticInstance(seed, options);
      const problem = buildProblem(
        inst.needs,
        inst.candidates,
        budgetToCents(inst.budget),
        [],
        inst.capGroups,
      );
      const levels = objectiveLevels(problem);
      const session = new GreedySession(problem, reduce(problem, levels, true));
      for (const weights of levels) {
        await session.maximize(weights);
        expect(overCap(problem, session.x), `seed ${seed}`).toEqual([]);
      }
      // Some unit was passed over because its group was full, while others went on being bought.
      skipped += problem.candidates.filter((c) => {
        if (!c.cap || session.x[c.index]! > 0) return false;
        const g = problem.capGroups[c.cap.group]!;
        const used = problem.candidates.reduce(
          (s, d) => s + (d.cap?.group === c.cap!.group ? d.cap.amount * session.x[d.index]! : 0),
          0,
        );
        return used > 0 && used + c.cap.amount > g.capacity;
      }).length;
    }
    expect(skipped).toBeGreaterThan(10);
  });

  it('gives the same plan with dominance pruning switched off', async () => {
    for (const seed of [51, 52, 53]) {
      const inst = syntheticInstance(seed, options);
      const pruned = await optimize({ ...inst, strategy: 'exact' });
      const plain = await optimize({ ...inst, strategy: 'exact', prune: false });
      expect(pruned.stats.candidatesAfterPruning).toBeLessThan(plain.stats.candidatesAfterPruning);
      expect(pruned.coverage, `seed ${seed}`).toBeCloseTo(plain.coverage, 9);
      expect(pruned.spent, `seed ${seed}`).toBe(plain.spent);
    }
  });
});

// A family's 31 days: 186,000 kcal. Peanut butter is by far the cheapest food per kcal.
const food: Need[] = [{ key: 'food-kcal', quantity: 186_000, priority: 1 }];
const PB_CAP = 46_500; // 25% of the food
const peanutButter = (brand: string, price: number): Candidate => ({
  productId: `pb-${brand}`,
  name: `${brand} peanut butter 40 oz (6,000 kcal)`,
  price,
  covers: [{ supply: 'food-kcal', amount: 6000 }],
  // The per-product cap alone: each brand up to 25% of the food (8 jars = 48,000 kcal, rounded up).
  maxQuantity: 8,
  capGroup: 'food:Peanut Butter',
  capAmount: 6000,
});
const pantry: Candidate[] = [
  peanutButter('Jif', 6),
  peanutButter('Skippy', 6.2),
  peanutButter('Store', 5.5),
  {
    productId: 'rice',
    name: 'Rice 20 lb (32,000 kcal)',
    price: 45,
    covers: [{ supply: 'food-kcal', amount: 32_000 }],
    maxQuantity: 2,
    capGroup: 'food:Rice',
    capAmount: 32_000,
  },
  {
    productId: 'bucket',
    name: 'Freeze-dried bucket (24,000 kcal)',
    price: 90,
    covers: [{ supply: 'food-kcal', amount: 24_000 }],
  },
];
const pbKcal = (x: readonly number[]) => (x[0]! + x[1]! + x[2]!) * 6000;

describe('cap groups: three cheap brands of one food', () => {
  for (const strategy of ['exact', 'greedy'] as const) {
    it(`${strategy}: keeps the brands together within the group and buys other foods for the rest`, async () => {
      const capGroups = { 'food:Peanut Butter': PB_CAP, 'food:Rice': 46_500 };
      const free = await optimize({ needs: food, candidates: pantry, budget: 1000, strategy });
      // Without the group, per-product caps let the three brands make up about two thirds of the calories.
      expect(pbKcal(unitsOf(free, pantry))).toBeGreaterThan(0.6 * 186_000);
      const capped = await optimize({ needs: food, candidates: pantry, budget: 1000, capGroups, strategy });
      const x = unitsOf(capped, pantry);
      expect(capped.coverage).toBe(1);
      // At most 7 jars (42,000 kcal) fit in 46,500, and rice is a group of its own: one bag (32,000) fits,
      // two would not. The buckets cover the rest: 5 of them (120,000), then 6 jars of the cheapest brand
      // (36,000) are all the peanut butter still needed.
      expect(pbKcal(x)).toBeLessThanOrEqual(PB_CAP);
      expect(x).toEqual([0, 0, 6, 1, 5]);
      expect(capped.spent).toBe(6 * 5.5 + 45 + 5 * 90);
      // An unlisted group caps nothing.
      const unlisted = await optimize({
        needs: food,
        candidates: pantry,
        budget: 1000,
        capGroups: { other: 1 },
        strategy,
      });
      expect(unitsOf(unlisted, pantry)).toEqual(unitsOf(free, pantry));
    });
  }

  it('explains a need its full groups leave short (not the budget)', async () => {
    const jars = pantry.slice(0, 3);
    const r = await optimize({
      needs: food,
      candidates: jars,
      budget: 1000,
      capGroups: { 'food:Peanut Butter': PB_CAP },
    });
    // 7 jars use 42,000 of 46,500: the 4,500 left hold no jar, however much money is left.
    expect(pbKcal(unitsOf(r, jars))).toBe(42_000);
    expect(r.leftOut).toEqual([
      expect.objectContaining({
        key: 'food-kcal',
        code: 'stock',
        shortfall: 144_000,
        reason: expect.stringMatching(/variety limits \(food:Peanut Butter\).* at most 0 more of 144000/),
      }),
    ]);
  });

  it('refuses a group without an amount', async () => {
    const { capAmount: _, ...noAmount } = peanutButter('Jif', 6);
    await expect(optimize({ needs: food, candidates: [noAmount], budget: 10 })).rejects.toThrow(/capAmount/);
  });
});

describe('cap groups: the schedule', () => {
  const boughtIn = (m: ScheduleMonth, id: string) => m.items.find((i) => i.productId === id)?.quantity ?? 0;

  for (const strategy of ['exact', 'greedy'] as const) {
    it(`${strategy}: holds a group over all months together`, async () => {
      const capGroups = { 'food:Peanut Butter': PB_CAP };
      const schedule = await purchaseSchedule({
        needs: food,
        candidates: pantry,
        monthlyBudget: 30,
        months: 30,
        capGroups,
        strategy,
      });
      const jars = schedule.map(
        (m) => boughtIn(m, 'pb-Jif') + boughtIn(m, 'pb-Skippy') + boughtIn(m, 'pb-Store'),
      );
      // $30 a month buys at most 5 jars: any one month's solve alone would allow 7, the months together too.
      expect(jars.filter((n) => n > 0).length).toBeGreaterThan(1);
      expect(jars.reduce((a, b) => a + b, 0) * 6000).toBeLessThanOrEqual(PB_CAP);
      expect(jars.reduce((a, b) => a + b, 0)).toBe(7);
      expect(schedule.at(-1)!.cumulativeCoverage).toBe(1);
    });
  }

  it('never overfills a group over the months of a larger instance', async () => {
    const inst = syntheticInstance(61, {
      needs: 30,
      candidates: 200,
      budget: 0,
      urgent: true,
      capGroups: true,
    });
    for (const strategy of ['exact', 'greedy'] as const) {
      const schedule = await purchaseSchedule({ ...inst, monthlyBudget: 60, months: 8, strategy });
      const total = inst.candidates.map((c) =>
        schedule.reduce((s, m) => s + (m.items.find((i) => i.productId === c.productId)?.quantity ?? 0), 0),
      );
      expect(overfilled(inst.candidates, total, inst.capGroups!), strategy).toEqual([]);
    }
  });
});

describe('cap groups: pruning and the guards', () => {
  const water = (
    id: string,
    gallons: number,
    price: number,
    group?: string,
    amount = gallons,
  ): Candidate => ({
    productId: id,
    name: id,
    price,
    covers: [{ supply: 'water-storage', amount: gallons }],
    ...(group ? { capGroup: group, capAmount: amount } : {}),
  });
  const needs: Need[] = [{ key: 'water-storage', quantity: 40, priority: 1 }];
  const kept = (candidates: Candidate[], caps: Record<string, number>) => {
    const problem = buildProblem(needs, candidates, budgetToCents(500), [], caps);
    return reduce(problem, [priorityWeights(problem)], true).active.map((a) => a.candidate.source.productId);
  };

  it('lets a product dominate another only where the swap uses no more of any group', () => {
    const caps = { a: 20, b: 20 };
    // Uncapped and cheaper: dominates a capped twin (swapping frees the group).
    expect(kept([water('free', 5, 10), water('capped', 5, 12, 'a')], caps)).toEqual(['free']);
    // Capped and cheaper: never dominates an uncapped product, nor one of another group.
    expect(kept([water('capped', 5, 10, 'a'), water('free', 5, 12)], caps)).toEqual(['capped', 'free']);
    expect(kept([water('a5', 5, 10, 'a'), water('b5', 5, 12, 'b')], caps)).toEqual(['a5', 'b5']);
    // Same group: only when it uses no more of it per unit replaced.
    expect(kept([water('lean', 5, 10, 'a', 4), water('fat', 5, 12, 'a', 5)], caps)).toEqual(['lean']);
    expect(kept([water('fat', 5, 10, 'a', 5), water('lean', 5, 12, 'a', 4)], caps)).toEqual(['fat', 'lean']);
    // A listed group whose capacity cannot take one unit keeps its members out; an unlisted one caps nothing.
    expect(kept([water('big', 25, 50, 'a'), water('other', 25, 60, 'z')], caps)).toEqual(['other']);
  });

  it('fitCaps trims an overfilled plan to the group; trimWaste and fitBudget only lower its use', () => {
    // a2 covers 2 gal for 3 of the group: it gives the least water per unit of the group.
    const candidates = [water('a5', 5, 10, 'a'), water('a2', 2, 3, 'a', 3), water('free', 5, 20)];
    const problem = buildProblem(needs, candidates, budgetToCents(60), [], { a: 12 });
    const use = (y: number[]) => y[0]! * 5 + y[1]! * 3;
    // 3 × 5 + 2 × 3 = 21 > 12: both a2 go first, then one a5 (10 gal in 10 of the group).
    const x = fitCaps(problem, [3, 2, 0], priorityWeights(problem));
    expect(x).toEqual([2, 0, 0]);
    // Within its group already: unchanged.
    expect(fitCaps(problem, [1, 2, 4], priorityWeights(problem))).toEqual([1, 2, 4]);
    const rand = mulberry32(99);
    for (let k = 0; k < 200; k++) {
      const plan = [randInt(rand, 0, 4), randInt(rand, 0, 6), randInt(rand, 0, 10)];
      const trimmed = trimWaste(problem, plan.slice());
      const fitted = fitBudget(problem, plan.slice(), priorityWeights(problem));
      for (const y of [trimmed, fitted]) {
        expect(use(y)).toBeLessThanOrEqual(use(plan));
        for (const [j, v] of y.entries()) expect(v).toBeLessThanOrEqual(plan[j]!);
      }
    }
  });
});
