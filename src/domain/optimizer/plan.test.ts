import { describe, expect, it } from 'vitest';
import { budgetToCents, buildProblem, priorityWeights } from './model.ts';
import { fitBudget, trimWaste } from './plan.ts';
import type { Candidate, Need } from './types.ts';

const needs: Need[] = [{ key: 'cooking-fuel', quantity: 10, priority: 1 }];
const candidates: Candidate[] = [
  // Its own supply is not a need here: it covers nothing, but the fuel cannot burn without it.
  {
    productId: 'stove',
    name: 'Propane stove',
    price: 30,
    covers: [{ supply: 'cooking-stove', amount: 1 }],
    tags: ['burner:propane'],
  },
  {
    productId: 'fuel',
    name: 'Propane cylinder',
    price: 5,
    covers: [{ supply: 'cooking-fuel', amount: 2 }],
    tags: ['fuel:propane'],
    requires: ['burner:propane'],
  },
  { productId: 'tabs', name: 'Fuel tabs', price: 1, covers: [{ supply: 'cooking-fuel', amount: 1 }] },
];

describe('trimWaste and fitBudget keep requirements met', () => {
  it('trimWaste keeps the last provider a bought dependent relies on, and drops it once nothing depends on it', () => {
    const problem = buildProblem(needs, candidates, budgetToCents(1000));
    expect(trimWaste(problem, [2, 5, 0])).toEqual([1, 5, 0]);
    // Tabs cover the need alone: the fuel is waste, and then so is the stove.
    expect(trimWaste(problem, [1, 2, 10])).toEqual([0, 0, 10]);
  });

  it('fitBudget drops dependents before their provider, or both together', () => {
    const problem = buildProblem(needs, candidates, budgetToCents(40));
    const x = fitBudget(problem, [1, 5, 0], priorityWeights(problem));
    // $55 over a $40 budget: three cylinders go, the stove stays for the two left.
    expect(x).toEqual([1, 2, 0]);
    const tight = buildProblem(needs, candidates, budgetToCents(20));
    // Nothing with the stove fits $20: stove and fuel go together rather than leaving fuel alone.
    expect(fitBudget(tight, [1, 5, 0], priorityWeights(tight))).toEqual([0, 0, 0]);
  });
});
