import { describe, expect, it } from 'vitest';
import { computeNeeds } from '../needs.ts';
import { HouseholdSchema } from '../plan-input.ts';
import { calcRations } from '../rations.ts';
import { type PurchaseCandidate, type PurchaseRequest, purchaseProblem } from './purchase-problem.ts';
import { FOOD_72H, petFoodKey } from './virtual-needs.ts';

const household = HouseholdSchema.parse({
  members: [
    { kind: 'adult', ageYears: 40, sex: 'm' },
    { kind: 'adult', ageYears: 38, sex: 'f' },
  ],
  pets: [
    { species: 'dog', weightLb: 60 },
    { species: 'dog', weightLb: 30 },
    { species: 'cat', weightLb: 10 },
  ],
});

function request(
  durationDays: number,
  candidates: PurchaseCandidate[],
  owned: PurchaseRequest['owned'] = [],
) {
  const rations = calcRations(household, durationDays, 'temperate', ['winter-storm']);
  const needs = computeNeeds({
    household,
    durationDays,
    scenarios: ['winter-storm'],
    mobility: 'SHELTER_IN_PLACE',
    climate: 'temperate',
    rations,
  });
  return {
    needs,
    owned,
    candidates,
    rations,
    durationDays,
    mobility: 'SHELTER_IN_PLACE',
    scenarios: ['winter-storm'],
    pets: household.pets,
    fit: (c) => (c.name.includes('Kids') ? { ok: false, reason: 'child-size' } : { ok: true }),
  } satisfies PurchaseRequest;
}

const granola: PurchaseCandidate = {
  productId: 'granola',
  name: 'Granola bars, 49 pouches',
  price: 11.97,
  covers: [{ supply: 'food-kcal', amount: 9310 }],
  fit: { readyToEat: true, foodGroups: { grains: 0.7, sugars: 0.3 } },
};
const chili: PurchaseCandidate = {
  productId: 'chili',
  name: 'Chili with beans, 12 cans',
  price: 29.99,
  covers: [{ supply: 'food-variety', amount: 5460 }],
  fit: { readyToEat: true, foodGroups: { protein: 0.5, vegetables: 0.3, grains: 0.2 } },
};
const catFood: PurchaseCandidate = {
  productId: 'cat',
  name: 'Cat food 16 lb',
  price: 17.98,
  covers: [{ supply: 'pet-food', amount: 16 }],
  fit: { species: ['cat'] },
};
const dogFood: PurchaseCandidate = {
  productId: 'dog',
  name: 'Dog food 30 lb',
  price: 39.98,
  covers: [{ supply: 'pet-food', amount: 30 }],
  fit: { species: ['dog'] },
};
const kidsBag: PurchaseCandidate = {
  productId: 'bag',
  name: "Kids' 50°F sleeping bag",
  price: 25,
  covers: [{ supply: 'sleeping-bag', amount: 1 }],
};
const jug: PurchaseCandidate = {
  productId: 'jug',
  name: 'Water, 1 gal',
  price: 1.5,
  covers: [{ supply: 'water-storage', amount: 1 }],
};

describe('purchase problem', () => {
  const problem = purchaseProblem(request(14, [granola, chili, catFood, dogFood, kidsBag, jug]));
  const need = (key: string) => problem.needs.find((n) => n.key === key);
  const candidate = (id: string) => problem.candidates.find((c) => c.productId === id);

  it('caps any one food at a quarter of the calories, plus one pack', () => {
    const food = need('food-kcal')!.quantity; // 4,600 kcal/day (DGA) x 14 days
    expect(food).toBe(64_400);
    expect(candidate('granola')!.maxQuantity).toBe(Math.ceil((0.25 * food) / 9310));
  });

  it('counts canned food toward the calories of a short plan and gives it its food groups', () => {
    const covers = candidate('chili')!.covers;
    expect(covers).toContainEqual({ supply: 'food-kcal', amount: 5460 });
    expect(covers.find((c) => c.supply === 'food-kcal:group:protein')!.amount).toBeCloseTo(2730);
  });

  it('feeds the first 72 hours from ready-to-eat food before anything else', () => {
    expect(need(FOOD_72H)).toMatchObject({ quantity: 4600 * 3, urgentQuantity: 4600 * 3, priority: 1 });
    expect(candidate('granola')!.covers).toContainEqual({ supply: FOOD_72H, amount: 9310 });
    // 3 days of water at 5 gal/day (1 gal per person and per pet, CDC) comes first.
    expect(need('water-storage')!.urgentQuantity).toBe(15);
  });

  it('sizes pet food per species and gives cat food only to the cat', () => {
    const dog = need(petFoodKey('dog'))!;
    const cat = need(petFoodKey('cat'))!;
    expect(dog.quantity).toBeGreaterThan(cat.quantity * 3);
    expect(candidate('cat')!.covers).toEqual([{ supply: petFoodKey('cat'), amount: 16 }]);
    expect(candidate('dog')!.covers).toEqual([{ supply: petFoodKey('dog'), amount: 30 }]);
  });

  it('leaves out what does not fit, saying why', () => {
    expect(candidate('bag')).toBeUndefined();
    expect(problem.excluded).toContainEqual({ productId: 'bag', name: kidsBag.name, reason: 'child-size' });
  });

  it('never lets a line buy more than its need plus one pack', () => {
    expect(candidate('jug')!.maxQuantity).toBe(Math.ceil(need('water-storage')!.quantity / 1));
  });

  it('buys only the gap over owned stock, and owned stock satisfies systems', () => {
    const owned = purchaseProblem(
      request(
        14,
        [jug],
        [
          { supplyKey: 'water-storage', quantity: 60 },
          { supplyKey: 'cooking-stove', quantity: 1 },
        ],
      ),
    );
    expect(owned.needs.find((n) => n.key === 'water-storage')).toMatchObject({
      quantity: 10,
      urgentQuantity: 10,
    });
    expect(owned.satisfiedTags).toContain('cooks');
  });
});

describe('long plans', () => {
  const flour: PurchaseCandidate = {
    productId: 'flour',
    name: 'All-purpose flour, 25 lb',
    price: 14.48,
    covers: [{ supply: 'food-grains', amount: 25 }],
    shelfLifeMonths: 12,
    fit: { wholeGrain: false, needsCooking: true, foodGroups: { grains: 1 } },
  };
  const wheat: PurchaseCandidate = {
    productId: 'wheat',
    name: 'Hard red wheat, 45 lb',
    price: 84.95,
    covers: [{ supply: 'food-grains', amount: 45 }],
    shelfLifeMonths: 360,
    fit: { wholeGrain: true, needsCooking: true, foodGroups: { grains: 1 } },
  };
  const problem = purchaseProblem(request(730, [flour, wheat]));
  const grains = problem.needs.find((n) => n.key === 'food-grains')!.quantity;

  it('buys flour only for the months it keeps, and no staple above half its group', () => {
    // Flour keeps about a year: at most half of a two-year grain store (and the 50% staple cap).
    expect(problem.candidates.find((c) => c.productId === 'flour')!.maxQuantity).toBe(
      Math.ceil((grains * (360 / 730)) / 25),
    );
    expect(problem.candidates.find((c) => c.productId === 'wheat')!.maxQuantity).toBe(
      Math.ceil((0.5 * grains) / 45),
    );
  });
});

describe('ingredients are not meals', () => {
  const oil: PurchaseCandidate = {
    productId: 'oil',
    name: 'Canola oil, 48 fl oz',
    price: 4.98,
    covers: [{ supply: 'food-fats-oils', amount: 2.9 }],
    fit: { foodGroups: { 'fats-oils': 1 } },
  };
  const sugar: PurchaseCandidate = {
    productId: 'sugar',
    name: 'Sugar, 10 lb',
    price: 9.98,
    covers: [{ supply: 'food-sugars', amount: 10 }],
    fit: { foodGroups: { sugars: 1 } },
  };
  it('never counts oil or sugar toward the calories of a short plan', () => {
    const problem = purchaseProblem(request(30, [oil, sugar, granola]));
    for (const id of ['oil', 'sugar']) {
      const covers = problem.candidates.find((c) => c.productId === id)?.covers ?? [];
      expect(covers.some((c) => c.supply.startsWith('food-kcal'))).toBe(false);
    }
  });
});

describe('short plans eat easy food', () => {
  const beans: PurchaseCandidate = {
    productId: 'beans',
    name: 'Dry pinto beans, 4 lb',
    price: 4.48,
    covers: [{ supply: 'food-legumes', amount: 4 }],
    fit: { needsCooking: true, foodGroups: { protein: 1 } },
  };
  const milk: PurchaseCandidate = {
    productId: 'milk',
    name: 'Instant nonfat dry milk',
    price: 9.48,
    covers: [{ supply: 'food-dairy', amount: 1.42 }],
    fit: { needsWater: true, foodGroups: { dairy: 1 } },
  };
  it('counts just-add-water food but not dry beans toward a 30-day plan, and both in a year', () => {
    const month = purchaseProblem(request(30, [beans, milk]));
    const kcalOf = (p: typeof month, id: string) =>
      p.candidates.find((c) => c.productId === id)?.covers.find((c) => c.supply === 'food-kcal')?.amount;
    expect(kcalOf(month, 'beans')).toBeUndefined();
    expect(kcalOf(month, 'milk')).toBeCloseTo(1.42 * 1640);
    const year = purchaseProblem(request(365, [beans, milk]));
    expect(year.candidates.find((c) => c.productId === 'beans')!.covers).toContainEqual({
      supply: 'food-legumes',
      amount: 4,
    });
  });
});

describe('babies sleep without bags', () => {
  it('sizes sleeping bags and blankets for members past infancy (AAP safe sleep)', () => {
    const family = HouseholdSchema.parse({
      members: [
        { kind: 'adult', ageYears: 34 },
        { kind: 'child', ageYears: 7 },
        { kind: 'infant', ageYears: 0.5 },
      ],
    });
    const rations = calcRations(family, 14, 'cold', ['winter-storm']);
    const needs = computeNeeds({
      household: family,
      durationDays: 14,
      scenarios: ['winter-storm'],
      mobility: 'SHELTER_IN_PLACE',
      climate: 'cold',
      rations,
    });
    expect(needs.find((n) => n.key === 'sleeping-bag')?.quantity).toBe(2);
  });
});

describe('purchaseProblem: powered medical equipment', () => {
  it('puts back-up power first for a member on home oxygen (CDC Power Sources: a generator), not for others', () => {
    const withOxygen = HouseholdSchema.parse({
      members: [
        { kind: 'adult', ageYears: 72, sex: 'm', conditions: ['oxygen'] },
        { kind: 'adult', ageYears: 70, sex: 'f' },
      ],
      pets: [],
    });
    const problemFor = (h: typeof withOxygen) => {
      const rations = calcRations(h, 14, 'hot-humid', ['hurricane']);
      const needs = computeNeeds({
        household: h,
        durationDays: 14,
        scenarios: ['hurricane'],
        mobility: 'SHELTER_IN_PLACE',
        climate: 'hot-humid',
        rations,
      });
      return purchaseProblem({
        needs,
        owned: [],
        candidates: [],
        rations,
        durationDays: 14,
        mobility: 'SHELTER_IN_PLACE',
        scenarios: ['hurricane'],
        pets: [],
        fit: () => ({ ok: true }),
      }).needs.find((n) => n.key === 'generator');
    };
    expect(problemFor(withOxygen)).toMatchObject({ priority: 1, quantity: 1, urgentQuantity: 1 });
    const without = HouseholdSchema.parse({
      members: withOxygen.members.map((m) => ({ ...m, conditions: [] })),
      pets: [],
    });
    expect(problemFor(without)?.urgentQuantity).toBeUndefined();
  });
});
