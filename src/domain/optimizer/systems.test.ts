import { describe, expect, it } from 'vitest';
import { type Candidate, type Need, type OptimizeResult, optimize, type Priority } from './index.ts';
import { mulberry32, pick, randInt, syntheticInstance } from './synthetic.ts';

// Restated on purpose (not imported): the urgent parts come first, then critical, important, useful.
const WEIGHT = { 1: 10_000, 2: 100, 3: 1 } as const;

const unitsOf = (result: OptimizeResult, candidates: readonly Candidate[]) =>
  candidates.map((c) => result.items.find((i) => i.productId === c.productId)?.quantity ?? 0);

/** Independent check: every bought candidate's required tags are owned or provided by a bought candidate. */
function unmetRequirements(
  candidates: readonly Candidate[],
  x: readonly number[],
  owned: readonly string[] = [],
) {
  const provided = new Set(owned);
  candidates.forEach((c, j) => {
    if (x[j]! > 0) for (const t of c.tags ?? []) provided.add(t);
  });
  return candidates.filter((c, j) => x[j]! > 0 && (c.requires ?? []).some((t) => !provided.has(t)));
}

/** [urgent parts covered (sum of fractions), priority-weighted coverage]: compared lexicographically. */
function score(
  needs: readonly Need[],
  candidates: readonly Candidate[],
  x: readonly number[],
): [number, number] {
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
  return [urgent, total === 0 ? 1 : got / total];
}

const notBetter = (a: [number, number], b: [number, number]) =>
  a[0] < b[0] - 1e-9 || (a[0] <= b[0] + 1e-9 && a[1] <= b[1] + 1e-9);

/** Brute force with requirements: the lexicographic best (urgent, coverage), then the lowest spend. */
function bruteForce(needs: Need[], candidates: Candidate[], budget: number, owned: string[]) {
  const cents = candidates.map((c) => Math.round(c.price * 100));
  const x = candidates.map(() => 0);
  let best = { score: [-1, -1] as [number, number], spentCents: 0 };
  const visit = (j: number, left: number) => {
    if (j === candidates.length) {
      if (unmetRequirements(candidates, x, owned).length > 0) return;
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

const KEYS = ['water-storage', 'food-kcal', 'cooking-fuel', 'cooking-stove', 'can-opener'];
const TAGS = ['burner', 'fuel', 'canned'];

/** Small instances where tags and requirements bind: a few products over a few needs, some owned tags. */
function smallSystemInstance(seed: number) {
  const rand = mulberry32(seed);
  const keys = KEYS.slice(0, randInt(rand, 2, 4));
  const needs: Need[] = keys.map((key) => {
    const quantity = randInt(rand, 2, 12);
    return {
      key,
      quantity,
      priority: randInt(rand, 1, 3) as Priority,
      ...(rand() < 0.4 ? { urgentQuantity: randInt(rand, 1, quantity) } : {}),
    };
  });
  const candidates = Array.from({ length: randInt(rand, 2, 4) }, (_, p): Candidate => {
    const tags = TAGS.filter(() => rand() < 0.35);
    // 'missing' is provided by nobody: a product requiring it can never be bought.
    const requires = [...TAGS, 'missing'].filter(() => rand() < 0.3);
    return {
      productId: `p${p}`,
      name: `Product ${p}`,
      price: randInt(rand, 200, 1500) / 100,
      covers: [{ supply: pick(rand, keys), amount: pick(rand, [1, 2, 2.5, 3]) }],
      ...(tags.length > 0 ? { tags } : {}),
      ...(requires.length > 0 ? { requires } : {}),
      ...(rand() < 0.2 ? { maxQuantity: randInt(rand, 1, 3) } : {}),
    };
  });
  const satisfiedTags = TAGS.filter(() => rand() < 0.15);
  return { needs, candidates, satisfiedTags, budget: randInt(rand, 0, 4000) / 100 };
}

describe('system requirements: exact against brute force', () => {
  it('finds the lexicographic optimum (urgent parts, coverage, spend) with requirements on 150 small instances', async () => {
    let dependentsBought = 0;
    let blocked = 0;
    for (let seed = 5000; seed < 5150; seed++) {
      const inst = smallSystemInstance(seed);
      const reference = bruteForce(inst.needs, inst.candidates, inst.budget, inst.satisfiedTags);
      const exact = await optimize({ ...inst, strategy: 'exact' });
      const x = unitsOf(exact, inst.candidates);
      expect(exact.optimal, `seed ${seed}`).toBe(true);
      expect(unmetRequirements(inst.candidates, x, inst.satisfiedTags), `seed ${seed}`).toEqual([]);
      const s = score(inst.needs, inst.candidates, x);
      expect(s[0], `seed ${seed}`).toBeCloseTo(reference.score[0], 9);
      expect(s[1], `seed ${seed}`).toBeCloseTo(reference.score[1], 9);
      expect(Math.round(exact.spent * 100), `seed ${seed}`).toBe(reference.spentCents);

      const greedy = await optimize({ ...inst, strategy: 'greedy' });
      const g = unitsOf(greedy, inst.candidates);
      expect(unmetRequirements(inst.candidates, g, inst.satisfiedTags), `seed ${seed}`).toEqual([]);
      expect(notBetter(score(inst.needs, inst.candidates, g), s), `seed ${seed}`).toBe(true);
      expect(greedy.spent).toBeLessThanOrEqual(inst.budget);

      if (inst.candidates.some((c, j) => x[j]! > 0 && (c.requires ?? []).length > 0)) dependentsBought++;
      // A product worth buying that its requirement keeps out (the unconstrained optimum would differ).
      const free = bruteForce(
        inst.needs,
        inst.candidates.map(({ requires: _, ...c }) => c),
        inst.budget,
        [],
      );
      if (free.score[0] > reference.score[0] + 1e-9 || free.score[1] > reference.score[1] + 1e-9) blocked++;
    }
    // The instances must exercise both sides: dependents bought with providers, and requirements that bind.
    expect(dependentsBought).toBeGreaterThan(15);
    expect(blocked).toBeGreaterThan(15);
  });
});

describe('system requirements: realistic random instances', () => {
  it('gives the same plan with dominance pruning switched off', async () => {
    for (let seed = 31; seed <= 33; seed++) {
      const inst = syntheticInstance(seed, {
        needs: 30,
        candidates: 200,
        budget: 400,
        systems: true,
        urgent: true,
      });
      const pruned = await optimize({ ...inst, strategy: 'exact' });
      const plain = await optimize({ ...inst, strategy: 'exact', prune: false });
      expect(pruned.stats.candidatesAfterPruning).toBeLessThan(plain.stats.candidatesAfterPruning);
      expect(pruned.coverage, `seed ${seed}`).toBeCloseTo(plain.coverage, 9);
      expect(pruned.spent, `seed ${seed}`).toBe(plain.spent);
    }
  });

  it('never buys fuel without its stove, a can opener without canned food or a battery without its device (exact and greedy)', async () => {
    let dependents = 0;
    let greedyLost = 0;
    // Seeds whose exact solves take about a second (others take several) and that do buy dependents.
    for (const seed of [3, 4, 5, 10, 11, 12]) {
      const inst = syntheticInstance(seed, {
        needs: 30,
        candidates: 250,
        // Budgets that reach past the critical needs, so stoves, fuel and cells get bought at all.
        budget: 600 + seed * 150,
        systems: true,
        urgent: true,
      });
      const exact = await optimize({ ...inst, strategy: 'exact', timeLimitSeconds: 20 });
      const greedy = await optimize({ ...inst, strategy: 'greedy' });
      for (const r of [exact, greedy]) {
        const x = unitsOf(r, inst.candidates);
        expect(unmetRequirements(inst.candidates, x), `seed ${seed} ${r.strategy}`).toEqual([]);
        expect(r.spent).toBeLessThanOrEqual(inst.budget);
        // Kerosene has no burner in these instances: its fuel can never be bought.
        expect(
          r.items.some((i) =>
            inst.candidates.find((c) => c.productId === i.productId)?.tags?.includes('fuel:kerosene'),
          ),
        ).toBe(false);
        dependents += inst.candidates.filter((c, j) => x[j]! > 0 && (c.requires ?? []).length > 0).length;
      }
      const e = score(inst.needs, inst.candidates, unitsOf(exact, inst.candidates));
      const g = score(inst.needs, inst.candidates, unitsOf(greedy, inst.candidates));
      if (exact.optimal) {
        expect(notBetter(g, e), `seed ${seed}`).toBe(true);
        if (g[0] < e[0] - 1e-9 || g[1] < e[1] - 1e-9) greedyLost++;
      }
    }
    expect(dependents).toBeGreaterThan(10);
    // Greedy is a heuristic: it must actually lose somewhere, or the comparison above proves nothing.
    expect(greedyLost).toBeGreaterThan(0);
  });
});

const stove: Candidate = {
  productId: 'stove',
  name: 'Propane camp stove',
  price: 30,
  covers: [{ supply: 'cooking-stove', amount: 1 }],
  tags: ['burner:propane', 'cooks'],
  requires: ['fuel:propane'],
};
const propane: Candidate = {
  productId: 'propane',
  name: '16 oz propane cylinder (2 h)',
  price: 5,
  covers: [{ supply: 'cooking-fuel', amount: 2 }],
  tags: ['fuel:propane'],
  requires: ['burner:propane'],
};
const hexamine: Candidate = {
  productId: 'hexamine',
  name: 'Hexamine tablets (3 h)',
  price: 2,
  covers: [{ supply: 'cooking-fuel', amount: 3 }],
  tags: ['fuel:hexamine'],
  requires: ['burner:hexamine'],
};
const cooking: Need[] = [
  { key: 'cooking-stove', quantity: 1, priority: 1 },
  { key: 'cooking-fuel', quantity: 10, priority: 1 },
];
const ids = (r: OptimizeResult) => r.items.map((i) => i.productId).sort();

describe('system requirements: stoves, fuel, can openers', () => {
  for (const strategy of ['exact', 'greedy'] as const) {
    it(`${strategy}: buys a stove and its fuel together when the pair is affordable, neither when it is not`, async () => {
      const candidates = [stove, propane, hexamine];
      const pair = await optimize({ needs: cooking, candidates, budget: 35, strategy });
      expect(ids(pair)).toEqual(['propane', 'stove']);
      // $34 buys the stove or fuel, never both: nothing may be bought (hexamine has no burner either).
      const short = await optimize({ needs: cooking, candidates, budget: 34, strategy });
      expect(short.items).toEqual([]);
      expect(short.spent).toBe(0);
      // Enough for everything: 5 cylinders cover 10 h; the cheaper hexamine is still never bought.
      const full = await optimize({ needs: cooking, candidates, budget: 500, strategy });
      expect(unitsOf(full, candidates)).toEqual([1, 5, 0]);
    });

    it(`${strategy}: with an owned propane stove, buys the fuel alone`, async () => {
      const owned = await optimize({
        needs: [{ key: 'cooking-fuel', quantity: 10, priority: 1 }],
        candidates: [stove, propane, hexamine],
        budget: 25,
        satisfiedTags: ['burner:propane'],
        strategy,
      });
      expect(unitsOf(owned, [stove, propane, hexamine])).toEqual([0, 5, 0]);
      const notOwned = await optimize({
        needs: [{ key: 'cooking-fuel', quantity: 10, priority: 1 }],
        candidates: [stove, propane, hexamine],
        budget: 25,
        strategy,
      });
      expect(notOwned.items).toEqual([]);
      // The stove is no need of its own here: it is bought only so that the fuel can be.
      const withStove = await optimize({
        needs: [{ key: 'cooking-fuel', quantity: 10, priority: 1 }],
        candidates: [stove, propane, hexamine],
        budget: 55,
        strategy,
      });
      expect(unitsOf(withStove, [stove, propane, hexamine])).toEqual([1, 5, 0]);
    });

    it(`${strategy}: buys a can opener only with canned food`, async () => {
      const needs: Need[] = [
        { key: 'food-kcal', quantity: 6000, priority: 1 },
        { key: 'can-opener', quantity: 1, priority: 1 },
      ];
      const bars: Candidate = {
        productId: 'bars',
        name: 'Ration bars (3,600 kcal)',
        price: 9,
        covers: [{ supply: 'food-kcal', amount: 3600 }],
      };
      const chili: Candidate = {
        productId: 'chili',
        name: 'Canned chili (800 kcal)',
        price: 3,
        covers: [{ supply: 'food-kcal', amount: 800 }],
        tags: ['canned-food'],
      };
      const opener: Candidate = {
        productId: 'opener',
        name: 'Can opener',
        price: 4,
        covers: [{ supply: 'can-opener', amount: 1 }],
        requires: ['canned-food'],
      };
      const withoutCans = await optimize({ needs, candidates: [bars, opener], budget: 100, strategy });
      expect(ids(withoutCans)).toEqual(['bars']);
      expect(withoutCans.leftOut).toEqual([
        expect.objectContaining({
          key: 'can-opener',
          code: 'no-product',
          reason: expect.stringMatching(/canned-food/),
        }),
      ]);
      for (let budget = 0; budget <= 40; budget += 1) {
        const r = await optimize({ needs, candidates: [bars, chili, opener], budget, strategy });
        const [, cans, openers] = unitsOf(r, [bars, chili, opener]);
        if (openers! > 0) expect(cans, `budget ${budget}`).toBeGreaterThan(0);
      }
      // Enough money: the opener is worth a can of chili.
      const rich = await optimize({ needs, candidates: [bars, chili, opener], budget: 40, strategy });
      expect(unitsOf(rich, [bars, chili, opener])[2]).toBe(1);
    });
  }
});

describe('urgent parts first', () => {
  const needs: Need[] = [
    { key: 'water-storage', quantity: 30, priority: 1, urgentQuantity: 9 },
    { key: 'food-kcal', quantity: 30_000, priority: 1, urgentQuantity: 6000 },
    { key: 'flashlight', quantity: 1, priority: 1 },
  ];
  const candidates: Candidate[] = [
    { productId: 'water', name: '1 gal jug', price: 1, covers: [{ supply: 'water-storage', amount: 1 }] },
    { productId: 'food', name: 'Ration bars', price: 10, covers: [{ supply: 'food-kcal', amount: 2000 }] },
    { productId: 'light', name: 'Flashlight', price: 5, covers: [{ supply: 'flashlight', amount: 1 }] },
  ];

  for (const strategy of ['exact', 'greedy'] as const) {
    it(`${strategy}: covers the first 72 hours of water and food before any other critical need`, async () => {
      // $39 is exactly 9 gal + 6,000 kcal: nothing may go to the flashlight or to more water.
      const tight = await optimize({ needs, candidates, budget: 39, strategy });
      expect(unitsOf(tight, candidates)).toEqual([9, 3, 0]);
      const water = tight.perNeed.find((p) => p.key === 'water-storage')!;
      expect(water).toMatchObject({ needed: 30, covered: 9, urgentNeeded: 9, urgentCovered: 9 });
      expect(tight.perNeed.map((p) => p.key)).toEqual(['water-storage', 'food-kcal', 'flashlight']);
      expect(tight.leftOut.map((l) => l.key)).toEqual(['water-storage', 'food-kcal', 'flashlight']);
      // Without urgent parts the same money goes to water and the flashlight first (better coverage per dollar).
      const plain = needs.map(({ urgentQuantity: _, ...n }) => n);
      const flat = await optimize({ needs: plain, candidates, budget: 39, strategy });
      expect(unitsOf(flat, candidates)[1]).toBeLessThan(3);
      expect(unitsOf(flat, candidates)[2]).toBe(1);
    });
  }
});
