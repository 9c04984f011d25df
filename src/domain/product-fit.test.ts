import { describe, expect, it } from 'vitest';
import {
  BUG_OUT_MAX_ITEM_LB,
  bundleSystemTags,
  checkBundleFit,
  checkFit,
  designLowF,
  type FitContext,
  fitLimit,
  type ProductFit,
  ProductFitSchema,
  petsServed,
  systemTags,
} from './product-fit.ts';

const adults = [
  { kind: 'adult', ageYears: 40 },
  { kind: 'adult', ageYears: 38 },
];
const home = (over: Partial<FitContext> = {}): FitContext => ({
  climate: 'temperate',
  scenarios: [],
  durationDays: 14,
  mobility: 'SHELTER_IN_PLACE',
  country: 'US',
  members: adults,
  pets: [],
  ...over,
});

const kidsBag50: ProductFit = { tempRatingF: 50, size: 'child', use: 'any' };
const adultBag0: ProductFit = { tempRatingF: 0, size: 'adult', use: 'carry' };
const adultBag20: ProductFit = { tempRatingF: 20, size: 'adult', use: 'carry' };

describe('designLowF', () => {
  it('uses the coldest month for a winter storm, no scenario, or a long plan', () => {
    expect(designLowF('cold', ['winter-storm'], 14)).toBe(10);
    expect(designLowF('cold', [], 3)).toBe(10);
    expect(designLowF('hot-humid', ['hurricane'], 365)).toBe(45);
  });
  it('uses the warm season only for short warm-season-only plans', () => {
    expect(designLowF('hot-humid', ['hurricane', 'extreme-heat'], 14)).toBe(60);
    expect(designLowF('hot-humid', ['hurricane', 'flood'], 14)).toBe(45);
  });
});

describe('checkFit', () => {
  it('refuses a kids 50°F bag for adults in a Montana winter, and an adult 20°F bag for bugging out there', () => {
    const montana = home({ climate: 'cold', scenarios: ['winter-storm'] });
    const kids = checkFit(kidsBag50, ['sleeping-bag'], montana);
    expect(kids.ok).toBe(false);
    expect(checkFit(adultBag20, ['sleeping-bag'], montana)).toEqual({ ok: true });
    const out = checkFit(adultBag20, ['sleeping-bag'], { ...montana, mobility: 'BUG_OUT' });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.reason).toContain('10°F');
    expect(checkFit(adultBag0, ['sleeping-bag'], { ...montana, mobility: 'BUG_OUT' })).toEqual({ ok: true });
  });

  it('takes a kids 50°F bag for a child in a short Miami hurricane plan, never for adults only', () => {
    const miami = home({ climate: 'hot-humid', scenarios: ['hurricane'], durationDays: 14 });
    expect(checkFit(kidsBag50, ['sleeping-bag'], miami).ok).toBe(false);
    const withChild = { ...miami, members: [...adults, { kind: 'child', ageYears: 6 }] };
    expect(checkFit(kidsBag50, ['sleeping-bag'], withChild)).toEqual({ ok: true });
    expect(fitLimit(kidsBag50, withChild)).toBe(1);
    // A child sleeps in an adult bag, so adult bags serve the whole household.
    expect(fitLimit(adultBag0, withChild)).toBe(3);
    expect(fitLimit({ size: 'adult' }, withChild)).toBe(2);
  });

  it('refuses an unrated sleeping bag', () => {
    expect(checkFit({ size: 'adult' }, ['sleeping-bag'], home()).ok).toBe(false);
  });

  it('refuses a snow shovel in Miami, takes it for a winter storm or a cold climate', () => {
    const snow: ProductFit = { use: 'home', onlyFor: { scenarios: ['winter-storm'], coldClimate: true } };
    expect(checkFit(snow, ['shovel'], home({ climate: 'hot-humid', scenarios: ['hurricane'] })).ok).toBe(
      false,
    );
    expect(checkFit(snow, ['shovel'], home({ climate: 'temperate', scenarios: ['winter-storm'] })).ok).toBe(
      true,
    );
    expect(checkFit(snow, ['shovel'], home({ climate: 'cold' })).ok).toBe(true);
  });

  it('refuses a car fire extinguisher for a home', () => {
    const car: ProductFit = { use: 'vehicle' };
    const r = checkFit(car, ['fire-extinguisher'], home());
    expect(r.ok).toBe(false);
    expect(checkFit({ use: 'home' }, ['fire-extinguisher'], home()).ok).toBe(true);
  });

  it('refuses a NOAA weather radio in Paris', () => {
    const noaa: ProductFit = { region: 'us', takesBatteries: ['AA'] };
    expect(checkFit(noaa, ['emergency-radio'], home({ country: 'unknown' }))).toEqual({
      ok: false,
      reason: 'works only in the United States',
    });
    expect(checkFit(noaa, ['emergency-radio'], home())).toEqual({ ok: true });
  });

  it('refuses a national-park trail map as the regional road map', () => {
    expect(checkFit({ mapOf: 'park' }, ['paper-map'], home()).ok).toBe(false);
    expect(checkFit({ mapOf: 'state', region: 'us' }, ['paper-map'], home()).ok).toBe(true);
  });

  it('refuses cat food for a dog-only household, and dog food outside the dogs’ weight', () => {
    const dogs = home({ pets: [{ species: 'dog', weightLb: 60 }] });
    expect(checkFit({ species: ['cat'] }, ['pet-food'], dogs).ok).toBe(false);
    expect(checkFit({ species: ['dog'], petWeightLb: { min: 1, max: 20 } }, ['pet-food'], dogs).ok).toBe(
      false,
    );
    expect(checkFit({ species: ['dog'], petWeightLb: { min: 1, max: 200 } }, ['pet-food'], dogs).ok).toBe(
      true,
    );
    expect(
      checkFit({ species: ['rabbit'] }, ['pet-food'], home({ pets: [{ species: 'other', weightLb: 5 }] })).ok,
    ).toBe(true);
    expect(fitLimit({ species: ['dog'] }, dogs)).toBe(1);
    const mixed = [
      { species: 'dog', weightLb: 12 },
      { species: 'dog', weightLb: 80 },
      { species: 'cat', weightLb: 9 },
    ];
    expect(petsServed({ species: ['dog'], petWeightLb: { min: 1, max: 22 } }, mixed)).toEqual([mixed[0]]);
    expect(petsServed({ species: ['cat'] }, mixed)).toEqual([mixed[2]]);
    const crate = { species: ['dog' as const], petWeightLb: { min: 0, max: 70 } };
    expect(fitLimit(crate, dogs, 1, ['pet-carrier'])).toBe(1);
    expect(fitLimit(crate, { ...dogs, pets: [{ species: 'dog', weightLb: 90 }] }, 1, ['pet-carrier'])).toBe(
      0,
    );
    expect(
      fitLimit({ species: ['dog'], petWeightLb: { min: 1, max: 200 } }, dogs, 1, ['pet-food']),
    ).toBeNull();
    expect(fitLimit({ size: 'adult' }, home(), 2, ['rain-gear'])).toBe(1);
  });

  it('refuses a heater that is not indoor-safe', () => {
    expect(checkFit({ burns: ['propane'], indoorSafe: false }, ['indoor-heater'], home()).ok).toBe(false);
    expect(checkFit({ burns: ['propane'], indoorSafe: true }, ['indoor-heater'], home()).ok).toBe(true);
  });

  it('keeps home-only and heavy items out of a bug-out kit, but not carried water', () => {
    const out = home({ mobility: 'BUG_OUT' });
    expect(checkFit({ use: 'home' }, ['emergency-toilet'], out).ok).toBe(false);
    expect(checkFit({ use: 'any' }, ['food-kcal'], out, BUG_OUT_MAX_ITEM_LB + 1).ok).toBe(false);
    expect(checkFit({ use: 'carry' }, ['water-carry'], out, BUG_OUT_MAX_ITEM_LB + 20).ok).toBe(true);
    expect(checkFit({ use: 'home' }, ['emergency-toilet'], home()).ok).toBe(true);
  });

  it('names the failing part of a bundle', () => {
    const r = checkBundleFit(
      [
        { name: 'Jug', fit: { use: 'home' }, supplies: ['water-storage'] },
        { name: 'Kids bag', fit: kidsBag50, supplies: ['sleeping-bag'] },
      ],
      home(),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/^Kids bag: /);
  });
});

describe('systemTags', () => {
  it('pairs a propane stove with propane, and hexamine with neither', () => {
    const stove = systemTags({ burns: ['propane'] }, ['cooking-stove']);
    expect(stove).toEqual({ tags: ['burner:propane', 'cooks'], requires: ['fuel:propane'] });
    const propane = systemTags({ fuel: 'propane' }, ['cooking-fuel']);
    expect(propane.tags).toContain('fuel:propane');
    expect(propane.requires).toEqual(['burner:propane']);
    const hexamine = systemTags({ fuel: 'hexamine' }, ['cooking-fuel']);
    expect(hexamine.requires).toEqual(['burner:hexamine']);
    expect(stove.tags).not.toContain(hexamine.requires[0]);
    expect(hexamine.tags).not.toContain(stove.requires[0]);
  });

  it('lets a dual-fuel generator run on either fuel through one any-of tag', () => {
    const gen = systemTags({ burns: ['propane', 'gasoline'], propaneTank: true }, ['generator']);
    expect(gen.requires).toEqual(['fuel:gasoline|propane-tank']);
    expect(gen.tags).toEqual(['burner:gasoline', 'burner:propane-tank']);
    const tank = systemTags({ fuel: 'propane', propaneTank: true }, ['heater-fuel']);
    expect(tank.tags).toContain('fuel:gasoline|propane-tank');
    expect(systemTags({ fuel: 'isobutane' }, ['cooking-fuel']).tags).toEqual(['fuel:isobutane']);
  });

  it('keeps a 20 lb tank away from an appliance that takes only 1 lb cylinders', () => {
    const littleBuddy = systemTags({ burns: ['propane'] }, ['indoor-heater']);
    const tank = systemTags({ fuel: 'propane', propaneTank: true }, ['heater-fuel']);
    const cylinders = systemTags({ fuel: 'propane' }, ['heater-fuel']);
    expect(tank.requires).toEqual(['burner:propane-tank']);
    expect(littleBuddy.tags).not.toContain(tank.requires[0]);
    expect(tank.tags).not.toContain(littleBuddy.requires[0]);
    expect(cylinders.tags).toContain(littleBuddy.requires[0]);
    expect(cylinders.tags).not.toContain('fuel:gasoline|propane-tank');
    const hose = systemTags({ adapter: 'propane-tank' }, []);
    expect(hose.requires).toEqual(['burner:propane', 'fuel:propane-tank']);
    expect(hose.tags).toEqual(expect.arrayContaining(['burner:propane-tank', 'fuel:propane']));
    expect(bundleSystemTags([littleBuddy, hose, tank]).requires).toEqual([]);
    expect(bundleSystemTags([littleBuddy, tank]).requires).toEqual(['burner:propane-tank', 'fuel:propane']);
  });

  it('needs nothing for a stove sold with its fuel, a wood stove or a solar oven', () => {
    expect(
      systemTags({ burns: ['hexamine'], fuel: 'hexamine' }, ['cooking-stove', 'cooking-fuel']).requires,
    ).toEqual([]);
    expect(systemTags({ burns: ['wood'] }, ['cooking-stove']).requires).toEqual([]);
    expect(systemTags({}, ['cooking-stove'])).toEqual({ tags: ['cooks'], requires: [] });
  });

  it('buys a can opener only with canned food, cooked food only with a way to cook, wheat with a mill', () => {
    expect(systemTags({ canned: true }, ['food-variety']).tags).toEqual(['canned-food']);
    expect(systemTags({}, ['can-opener']).requires).toEqual(['canned-food']);
    expect(systemTags({ needsCooking: true, wholeGrain: true }, ['food-grains']).requires).toEqual([
      'cooks',
      'grain-mill',
    ]);
    expect(systemTags({}, ['grain-mill']).tags).toEqual(['grain-mill']);
  });

  it('pairs batteries with devices that take them; a crank radio may take them but does not need them', () => {
    expect(systemTags({ batterySize: 'AA' }, ['batteries'])).toEqual({
      tags: ['battery:AA'],
      requires: ['device:AA'],
    });
    expect(systemTags({ takesBatteries: ['AA'] }, ['flashlight'])).toEqual({
      tags: ['device:AA'],
      requires: ['battery:AA'],
    });
    expect(systemTags({}, ['emergency-radio'])).toEqual({ tags: [], requires: [] });
    expect(
      systemTags({ power: ['crank', 'solar', 'batteries'], takesBatteries: ['AA'] }, ['emergency-radio']),
    ).toEqual({ tags: ['device:AA'], requires: [] });
    expect(
      systemTags({ power: ['mains', 'batteries'], takesBatteries: ['AA'] }, ['emergency-radio']).requires,
    ).toEqual(['battery:AA']);
  });

  it('a bundle requires only what its own parts do not provide', () => {
    const kit = bundleSystemTags([
      systemTags({ burns: ['butane'] }, ['cooking-stove']),
      systemTags({ fuel: 'butane' }, ['cooking-fuel']),
      systemTags({}, ['can-opener']),
    ]);
    expect(kit.requires).toEqual(['canned-food']);
    expect(kit.tags).toEqual(['burner:butane', 'cooks', 'fuel:butane', 'fuel:butane|propane']);
  });
});

describe('ProductFitSchema', () => {
  it('refuses food-group shares that do not sum to 1, unknown fields and unknown fuels', () => {
    expect(ProductFitSchema.safeParse({ foodGroups: { grains: 0.5, protein: 0.3 } }).success).toBe(false);
    expect(ProductFitSchema.safeParse({ foodGroups: { grains: 0.7, protein: 0.3 } }).success).toBe(true);
    expect(ProductFitSchema.safeParse({ colour: 'red' }).success).toBe(false);
    expect(ProductFitSchema.safeParse({ burns: ['diesel'] }).success).toBe(false);
    expect(ProductFitSchema.safeParse({ burns: ['propane', 'hexamine'] }).success).toBe(false);
    expect(ProductFitSchema.safeParse({ burns: ['propane', 'gasoline'] }).success).toBe(false);
    expect(ProductFitSchema.safeParse({ burns: ['propane', 'gasoline'], propaneTank: true }).success).toBe(
      true,
    );
    expect(ProductFitSchema.safeParse({ fuel: 'butane', propaneTank: true }).success).toBe(false);
    expect(ProductFitSchema.safeParse({ readyToEat: true, needsCooking: true }).success).toBe(false);
    expect(ProductFitSchema.safeParse({ power: ['crank'], takesBatteries: ['AA'] }).success).toBe(false);
  });
});

describe('allergens', () => {
  it('names the allergen a food mentions, by word', async () => {
    const { mentionsAllergen } = await import('./product-fit.ts');
    expect(mentionsAllergen('Skippy Creamy Peanut Butter, 40 oz', ['peanut'])).toBe('peanut');
    expect(mentionsAllergen('Planters Lightly Salted Dry Roasted Peanuts', ['peanut'])).toBe('peanut');
    expect(mentionsAllergen('Planters Trail Mix Nuts, Seeds & Chocolate', ['tree-nut'])).toBe('tree-nut');
    expect(mentionsAllergen('Nabisco Premium Original Saltine Crackers', ['peanut', 'milk'])).toBeNull();
  });
});
