import { describe, expect, it } from 'vitest';
import { budgetToCents, buildProblem, priorityWeights } from './model.ts';
import { reduce } from './reduce.ts';
import type { Candidate, Need } from './types.ts';

const water = (productId: string, gallons: number, price: number, maxQuantity?: number): Candidate => ({
  productId,
  name: productId,
  price,
  covers: [{ supply: 'water-storage', amount: gallons }],
  ...(maxQuantity !== undefined ? { maxQuantity } : {}),
});

describe('reduce: dominance pruning', () => {
  const needs: Need[] = [
    { key: 'water-storage', quantity: 56, priority: 1 },
    { key: 'flashlight', quantity: 2, priority: 2 },
  ];
  const candidates: Candidate[] = [
    water('container-5', 5, 20),
    water('container-5-pricier', 5, 25), // same amount, dearer: dropped
    water('jug-2.5', 2.5, 12), // smaller but cheaper than one container: kept (granularity)
    water('jug-1', 1, 4.5), // kept
    water('drum-10', 10, 39), // cheaper than 2 containers: kept
    water('drum-10-pricier', 10, 41), // 2 containers ($40) do as well: dropped
    water('cheap-but-scarce', 5, 10, 2), // cannot cover 56 gal alone, so dominates nothing: kept
    water('container-5-twin', 5, 20), // identical to container-5: the first one is kept
    { productId: 'fl', name: 'Flashlight', price: 12, covers: [{ supply: 'flashlight', amount: 1 }] },
    {
      productId: 'kit-dear',
      name: 'Kit',
      bundleId: 'k1',
      price: 35, // container $20 + flashlight $12 = $32: dropped
      covers: [
        { supply: 'water-storage', amount: 5 },
        { supply: 'flashlight', amount: 1 },
      ],
    },
    {
      productId: 'kit-good',
      name: 'Kit',
      bundleId: 'k2',
      price: 30, // cheaper than its parts: kept
      covers: [
        { supply: 'water-storage', amount: 5 },
        { supply: 'flashlight', amount: 1 },
      ],
    },
    water('too-expensive', 55, 600), // over the budget: not useful at all
  ];

  it('drops exactly the provably dominated candidates', () => {
    const problem = buildProblem(needs, candidates, budgetToCents(500));
    const reduced = reduce(problem, [priorityWeights(problem)], true);
    expect(reduced.useful).toBe(candidates.length - 1);
    expect(reduced.active.map((a) => a.candidate.source.productId)).toEqual([
      'container-5',
      'jug-2.5',
      'jug-1',
      'drum-10',
      'cheap-but-scarce',
      'fl',
      'kit-good',
    ]);
  });

  it('prunes the same with an urgent part (it is covered exactly as its need is)', () => {
    const urgent = needs.map((n) => (n.key === 'water-storage' ? { ...n, urgentQuantity: 9 } : n));
    const problem = buildProblem(urgent, candidates, budgetToCents(500));
    const reduced = reduce(problem, [priorityWeights(problem)], true);
    expect(reduced.active.map((a) => a.candidate.source.productId)).toEqual([
      'container-5',
      'jug-2.5',
      'jug-1',
      'drum-10',
      'cheap-but-scarce',
      'fl',
      'kit-good',
    ]);
  });

  it('bounds units by what could ever be useful, stock and budget', () => {
    const problem = buildProblem(needs, candidates, budgetToCents(100));
    const reduced = reduce(problem, [priorityWeights(problem)], false);
    const upper = Object.fromEntries(reduced.active.map((a) => [a.candidate.source.productId, a.upper]));
    expect(upper['container-5']).toBe(5); // $100 / $20 (12 would cover 56 gal)
    expect(upper['jug-1']).toBe(22); // $100 / $4.50
    expect(upper['cheap-but-scarce']).toBe(2); // stock
    expect(upper.fl).toBe(2); // 2 flashlights needed
    expect(upper['kit-good']).toBe(3); // $100 / $30 (12 for the water)
    expect(upper['too-expensive']).toBeUndefined();
  });
});

describe('reduce: system requirements', () => {
  const stove = (productId: string, price: number, fuel: string): Candidate => ({
    productId,
    name: productId,
    price,
    covers: [{ supply: 'cooking-stove', amount: 1 }],
    tags: [`burner:${fuel}`],
    requires: [`fuel:${fuel}`],
  });
  const fuel = (productId: string, price: number, kind: string, supply = 'cooking-fuel'): Candidate => ({
    productId,
    name: productId,
    price,
    covers: [{ supply, amount: 2 }],
    tags: [`fuel:${kind}`],
    requires: [`burner:${kind}`],
  });
  const needs: Need[] = [
    { key: 'cooking-stove', quantity: 1, priority: 1 },
    { key: 'cooking-fuel', quantity: 10, priority: 1 },
  ];
  const active = (candidates: Candidate[], satisfied: string[] = []) => {
    const problem = buildProblem(needs, candidates, budgetToCents(500), satisfied);
    return reduce(problem, [priorityWeights(problem)], true).active.map((a) => a.candidate.source.productId);
  };

  it('compares candidates only within the same tags and requirements', () => {
    const list = [
      stove('butane-stove', 20, 'butane'),
      stove('propane-stove', 35, 'propane'), // dearer, but burns other fuel: kept
      stove('propane-stove-dear', 40, 'propane'), // same system, dearer: dropped
      fuel('butane', 4, 'butane'),
      fuel('propane', 5, 'propane'),
    ];
    expect(active(list)).toEqual(['butane-stove', 'propane-stove', 'butane', 'propane']);
  });

  it('drops what can never be bought and keeps providers that cover no need', () => {
    const list = [
      fuel('kerosene', 3, 'kerosene'), // no kerosene burner anywhere: x fixed at 0
      fuel('propane', 5, 'propane'),
      // A stove whose own need is not in the plan: kept (1 unit) because the fuel needs it.
      { ...stove('propane-stove', 30, 'propane'), covers: [{ supply: 'not-a-need', amount: 1 }] },
    ];
    const needsFuelOnly = needs.slice(1);
    const problem = buildProblem(needsFuelOnly, list, budgetToCents(500));
    const reduced = reduce(problem, [priorityWeights(problem)], true);
    expect(reduced.active.map((a) => [a.candidate.source.productId, a.upper])).toEqual([
      ['propane', 5],
      ['propane-stove', 1],
    ]);
    expect(reduced.links.map((l) => [l.tag, l.providers.length, l.dependents.length]).sort()).toEqual([
      ['burner:propane', 1, 1],
      ['fuel:propane', 1, 1],
    ]);
    // Owned kerosene heater: the kerosene is fine now.
    expect(active(list, ['burner:kerosene'])).toContain('kerosene');
  });
});
