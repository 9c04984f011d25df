import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import { checkBundleFit, checkFit, type FitContext } from '../../domain/product-fit.ts';
import { type CatalogCandidate, loadCatalogCandidates } from './catalog-candidates.ts';

const montanaAdults: FitContext = {
  climate: 'cold',
  scenarios: ['winter-storm'],
  durationDays: 14,
  mobility: 'SHELTER_IN_PLACE',
  country: 'US',
  members: [
    { kind: 'adult', ageYears: 40 },
    { kind: 'adult', ageYears: 38 },
  ],
  pets: [{ species: 'dog', weightLb: 60 }],
};

describe('catalog candidates carry fit, weight, price date and system tags', () => {
  let database: Database;
  let candidates: CatalogCandidate[];
  const byName = (part: string) => {
    const found = candidates.find((c) => c.name.includes(part));
    if (!found) throw new Error(`no candidate named like ${part}`);
    return found;
  };
  beforeAll(async () => {
    database = await freshDatabase();
    candidates = await loadCatalogCandidates(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  it('gives every product its parsed fit, weight and the date its price was written', () => {
    const products = candidates.filter((c) => !c.bundleId);
    expect(products.length).toBeGreaterThan(500);
    for (const c of products) {
      expect(c.fit, c.name).toBeDefined();
      expect(c.weightLb, c.name).toBeGreaterThan(0);
      expect(c.volumeL, c.name).toBeGreaterThan(0);
      expect(c.priceObservedAt, c.name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('names the part that keeps a bundle out of a plan', () => {
    const r = checkBundleFit(
      [
        { name: 'Jug', fit: { use: 'home' }, supplies: ['water-storage'] },
        { ...byName("Coleman Kids' 50°F"), supplies: ['sleeping-bag'], weightLb: undefined },
      ],
      montanaAdults,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/^Coleman Kids' 50°F Sleeping Bag: /);
  });

  it('gives volume in liters from the box dimensions', () => {
    // The Osprey Talon 33 is listed at 21 x 11 x 10 in: 2,310 cu in = 37.9 L.
    const talon = byName('Osprey Talon 33');
    expect(talon.fit?.capacityL).toBe(33);
    expect(talon.volumeL).toBeCloseTo(37.85, 2);
  });

  it('lets checkFit refuse the kids 50°F bag and the cat food for Montana adults with a dog', () => {
    const kidsBag = byName("Coleman Kids' 50°F");
    expect(checkFit(kidsBag.fit, ['sleeping-bag'], montanaAdults, kidsBag.weightLb ?? undefined).ok).toBe(
      false,
    );
    const catFood = byName('Cat Chow Complete Dry Cat Food, 15 lb');
    expect(checkFit(catFood.fit, ['pet-food'], montanaAdults).ok).toBe(false);
    const dogFood = byName('Pedigree Complete Nutrition Adult');
    expect(checkFit(dogFood.fit, ['pet-food'], montanaAdults).ok).toBe(true);
  });

  it('tags stoves and fuels so hexamine never pairs with propane, and a can opener needs canned food', () => {
    const propane = byName('Coleman Propane Gas Cylinders, 16.4 oz, 2-Pack');
    expect(propane.tags).toContain('fuel:propane');
    expect(propane.requires).toEqual(['burner:propane']);
    // A 20 lb grill tank needs an appliance that takes one (a dual-fuel generator's hose), not a 1 lb-cylinder heater.
    expect(byName('Blue Rhino Propane').requires).toEqual(['burner:propane-tank']);
    expect(byName('Mr. Heater Little Buddy').tags).not.toContain('burner:propane-tank');
    const coghlans = byName("Coghlan's Folding Stove");
    expect(coghlans.requires).toEqual(['fuel:alcohol|hexamine']);
    expect(propane.tags).not.toContain(coghlans.requires[0]);
    expect(byName('Esbit Pocket Stove').requires).toEqual([]);
    expect(byName('OXO Good Grips').requires).toEqual(['canned-food']);
    expect(byName('Dinty Moore Beef Stew').tags).toEqual(['canned-food']);
  });

  it('gives a bundle the union of its parts’ tags and only the requirements its parts leave open', () => {
    const bundles = candidates.filter((c) => c.bundleId);
    expect(bundles.length).toBeGreaterThan(0);
    const partTags = (b: CatalogCandidate) =>
      new Set(b.parts!.flatMap((p) => candidates.find((c) => c.productId === p.productId)?.tags ?? []));
    for (const b of bundles) {
      const tags = partTags(b);
      // Parts that cover no supply (an adapter hose) are not candidates but add their tags too.
      for (const t of tags) expect(b.tags).toContain(t);
      for (const r of b.requires) expect(tags.has(r)).toBe(false);
      const weight = b.parts!.reduce((sum, p) => sum + (p.weightLb ?? 0) * p.quantity, 0);
      expect(b.weightLb).toBeCloseTo(weight, 1);
      expect(b.priceObservedAt).toBe(b.parts!.map((p) => p.priceObservedAt!).sort()[0]);
    }
  });
});
