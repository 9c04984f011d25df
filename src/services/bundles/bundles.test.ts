import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { AppError } from '../errors.ts';
import { matchBundles } from './match.ts';
import { priceCustomBundle } from './price.ts';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

describe('matchBundles', () => {
  it('ranks hurricane kits first for a Tampa family of four, and explains why', async () => {
    const matches = await matchBundles(database.db, {
      scenarios: ['hurricane', 'flood'],
      people: 4,
      ageGroups: ['adult', 'child'],
      climate: 'hot-humid',
      limit: 50,
    });
    const top = matches[0]!;
    expect(top.matchedScenarios).toEqual(['hurricane', 'flood']);
    expect(top.components).toMatchObject({ familySize: 1, climate: 1 });
    expect(top.reasons.join(' ')).toMatch(/Covers every scenario asked for: hurricane, flood/);
    expect(top.slug).toBe('hurricane-shelter-in-place');
    const rank = (slug: string) => matches.findIndex((m) => m.slug === slug);
    expect(rank('hurricane-shelter-in-place')).toBeLessThan(5);
    expect(rank('winter-storm-kit')).toBeGreaterThan(rank('hurricane-shelter-in-place'));
    // A cold-climate kit says why it fits less well here.
    const winter = matches.find((m) => m.slug === 'winter-storm-kit')!;
    expect(winter.components.climate).toBeLessThan(1);
    expect(winter.reasons.join(' ')).toMatch(/not hot-humid/);
    for (let i = 1; i < matches.length; i++)
      expect(matches[i - 1]!.score).toBeGreaterThanOrEqual(matches[i]!.score);
  });

  it('offers the infant kit only to households with an infant', async () => {
    const withBaby = await matchBundles(database.db, {
      scenarios: ['hurricane'],
      people: 3,
      ageGroups: ['adult', 'infant'],
      limit: 50,
    });
    const without = await matchBundles(database.db, {
      scenarios: ['hurricane'],
      people: 3,
      ageGroups: ['adult'],
      limit: 50,
    });
    const infantWith = withBaby.find((m) => m.slug === 'infant-kit')!;
    const infantWithout = without.find((m) => m.slug === 'infant-kit')!;
    expect(infantWith.score).toBeGreaterThan(infantWithout.score * 2);
    expect(infantWithout.reasons.join(' ')).toMatch(/household has no infant/);
  });

  it('sizes by family: a solo kit for one person, a note when the household outgrows a kit', async () => {
    const solo = await matchBundles(database.db, {
      scenarios: ['earthquake'],
      people: 1,
      ageGroups: ['adult'],
      limit: 50,
    });
    const family = solo.find((m) => m.slug === '72-hour-family-kit')!;
    expect(family.components.familySize).toBeLessThan(1);
    expect(solo.find((m) => m.slug === '72-hour-solo-kit')!.components.familySize).toBe(1);
    const big = await matchBundles(database.db, {
      scenarios: ['earthquake'],
      people: 9,
      ageGroups: ['adult'],
      limit: 50,
    });
    expect(big.find((m) => m.slug === '72-hour-family-kit')!.reasons.join(' ')).toMatch(/needs 2 of it/);
  });

  it('checks the budget', async () => {
    const matches = await matchBundles(database.db, {
      scenarios: ['grid-down'],
      people: 4,
      budget: 300,
      limit: 50,
    });
    const over = matches.filter((m) => m.withinBudget === false);
    const under = matches.filter((m) => m.withinBudget === true);
    expect(over.length).toBeGreaterThan(0);
    expect(under.length).toBeGreaterThan(0);
    expect(over[0]!.reasons.join(' ')).toMatch(/over the \$300\.00 budget/);
  });

  it('does not recommend a bundle whose required item was retired or awaits a fit check, until it is fixed', async () => {
    const input = { scenarios: ['hurricane', 'flood'], people: 4, ageGroups: ['adult', 'child'], limit: 50 };
    const before = await matchBundles(database.db, input);
    expect(before.map((m) => m.slug)).toContain('hurricane-shelter-in-place');
    const required = rowsOf<{ id: string }>(
      await database.db.execute(sql`
        select sp.id from bundle_items i join bundles b on b.id = i.bundle_id
        join specific_products sp on sp.id = i.specific_product_id
        where b.slug = 'hurricane-shelter-in-place' and not i.is_optional limit 1`),
    )[0]!.id;
    const slugs = async () => (await matchBundles(database.db, input)).map((m) => m.slug);
    try {
      await database.db.execute(sql`update specific_products set retired_at = now() where id = ${required}`);
      expect(await slugs()).not.toContain('hurricane-shelter-in-place');
      await database.db.execute(
        sql`update specific_products set retired_at = null, fit_status = 'proposed' where id = ${required}`,
      );
      expect(await slugs()).not.toContain('hurricane-shelter-in-place');
    } finally {
      await database.db.execute(
        sql`update specific_products set retired_at = null, fit_status = 'confirmed' where id = ${required}`,
      );
    }
    expect(await slugs()).toContain('hurricane-shelter-in-place');
  });

  it('refuses bad input naming the field', async () => {
    await expect(matchBundles(database.db, { scenarios: [], people: 0 })).rejects.toMatchObject({
      field: 'people',
    });
    await expect(
      matchBundles(database.db, { scenarios: ['Hurricane Season'], people: 2 }),
    ).rejects.toMatchObject({
      field: 'scenarios.0',
    });
  });
});

describe('priceCustomBundle', () => {
  type Line = {
    sku: string;
    id: string;
    optional: boolean;
    quantity: number;
    price: number;
    item: string;
    supply: string;
  };
  let lines: Line[];
  beforeAll(async () => {
    lines = rowsOf<{
      sku: string;
      id: string;
      optional: boolean;
      quantity: number;
      price: string;
      item: string;
      supply: string;
    }>(
      await database.db.execute(sql`
        select sp.sku, sp.id, bi.is_optional as optional, bi.quantity, sp.price::text as price, mi.id as item,
          mi.supply_key as supply
        from bundles b join bundle_items bi on bi.bundle_id = b.id
        join specific_products sp on sp.id = bi.specific_product_id
        join master_items mi on mi.id = sp.master_item_id
        where b.slug = '72-hour-family-kit' order by sp.sku`),
    ).map((l) => ({ ...l, price: Number(l.price), quantity: Number(l.quantity) }));
  });

  it('prices the bundle as listed', async () => {
    const priced = await priceCustomBundle(database.db, { bundleSlug: '72-hour-family-kit' });
    const listed = lines.reduce((s, l) => s + Math.round(l.price * 100) * l.quantity, 0) / 100;
    expect(priced.total).toBeCloseTo(listed, 2);
    expect(priced.originalTotal).toBeCloseTo(listed, 2);
    expect(priced.difference).toBe(0);
    const stated = rowsOf<{ p: string }>(
      await database.db.execute(
        sql`select total_estimated_price::text as p from bundles where slug = '72-hour-family-kit'`,
      ),
    )[0]!.p;
    expect(priced.requiredTotal).toBeCloseTo(Number(stated), 2);
    expect(priced.lines.every((l) => l.isOriginalProduct && l.originalSpecificProductId === null)).toBe(true);
  });

  it('removes optional items, and refuses to remove a required one', async () => {
    // The seeded kit must have both kinds of item, or this case would test nothing.
    const optional = lines.find((l) => l.optional)!;
    const required = lines.find((l) => !l.optional)!;
    expect(optional, 'the 72-hour kit has an optional item').toBeDefined();
    expect(required, 'the 72-hour kit has a required item').toBeDefined();
    const priced = await priceCustomBundle(database.db, {
      bundleSlug: '72-hour-family-kit',
      removeOptional: [optional.sku],
    });
    expect(priced.removed.map((r) => r.sku)).toEqual([optional.sku]);
    expect(priced.lines.map((l) => l.sku)).not.toContain(optional.sku);
    expect(priced.difference).toBeCloseTo(-optional.price * optional.quantity, 2);
    expect(priced.difference).toBeLessThan(0);
    const error = await priceCustomBundle(database.db, {
      bundleSlug: '72-hour-family-kit',
      removeOptional: [required.sku],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'BAD_INPUT', field: 'removeOptional[0]' });
    expect((error as Error).message).toMatch(/required item/);
  });

  it('records a substitute the way order_items does, for the same item or the same need', async () => {
    const sameItem = rowsOf<{ from: string; to: string; from_id: string; diff: string; quantity: number }>(
      await database.db.execute(sql`
        select a.sku as from, b.sku as to, a.id as from_id, (b.price - a.price)::text as diff, bi.quantity
        from bundles bu join bundle_items bi on bi.bundle_id = bu.id
        join specific_products a on a.id = bi.specific_product_id
        join specific_products b on b.master_item_id = a.master_item_id and b.id <> a.id
        where bu.slug = '72-hour-family-kit'
          and b.id not in (select specific_product_id from bundle_items where bundle_id = bu.id)
        order by a.sku, b.sku limit 1`),
    )[0]!;
    const priced = await priceCustomBundle(database.db, {
      bundleSlug: '72-hour-family-kit',
      substitutions: [{ fromSku: sameItem.from, toSku: sameItem.to }],
    });
    const line = priced.lines.find((l) => l.sku === sameItem.to)!;
    expect(line).toMatchObject({
      isOriginalProduct: false,
      originalSpecificProductId: sameItem.from_id,
      originalSku: sameItem.from,
    });
    expect(line.substitution?.reason).toMatch(/same item/);
    expect(priced.difference).toBeCloseTo(Number(sameItem.diff) * Number(sameItem.quantity), 2);
    expect(priced.lines.filter((l) => !l.isOriginalProduct)).toHaveLength(1);

    const sameNeed = rowsOf<{ from: string; to: string }>(
      await database.db.execute(sql`
        select a.sku as from, b.sku as to
        from bundles bu join bundle_items bi on bi.bundle_id = bu.id
        join specific_products a on a.id = bi.specific_product_id
        join master_items ma on ma.id = a.master_item_id
        join master_items mb on mb.supply_key = ma.supply_key and mb.id <> ma.id
        join specific_products b on b.master_item_id = mb.id
        where bu.slug = '72-hour-family-kit' order by a.sku, b.sku limit 1`),
    )[0]!;
    const byNeed = await priceCustomBundle(database.db, {
      bundleSlug: '72-hour-family-kit',
      substitutions: [{ fromSku: sameNeed.from, toSku: sameNeed.to }],
    });
    expect(byNeed.lines.find((l) => l.sku === sameNeed.to)!.substitution?.reason).toMatch(/same need/);
  });

  it('refuses a substitute that serves another need, saying why', async () => {
    const unrelated = rowsOf<{ from: string; to: string }>(
      await database.db.execute(sql`
        select a.sku as from, b.sku as to
        from bundles bu join bundle_items bi on bi.bundle_id = bu.id
        join specific_products a on a.id = bi.specific_product_id
        join master_items ma on ma.id = a.master_item_id
        join master_items mb on mb.supply_key is distinct from ma.supply_key and mb.id <> ma.id
        join specific_products b on b.master_item_id = mb.id
        where bu.slug = '72-hour-family-kit' order by a.sku, b.sku limit 1`),
    )[0]!;
    const error = await priceCustomBundle(database.db, {
      bundleSlug: '72-hour-family-kit',
      substitutions: [{ fromSku: unrelated.from, toSku: unrelated.to }],
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_INPUT', field: 'substitutions[0].toSku' });
    expect((error as Error).message).toMatch(/cannot replace .* same item or the same need/);
    await expect(priceCustomBundle(database.db, { bundleSlug: 'no-such-bundle' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('matchBundles and special needs', () => {
  it('ranks the dog kit for a household with a pet without marking down family kits for it', async () => {
    const withPet = await matchBundles(database.db, {
      scenarios: ['hurricane'],
      people: 4,
      ageGroups: ['adult', 'child', 'pet'],
      limit: 50,
    });
    const noPet = await matchBundles(database.db, {
      scenarios: ['hurricane'],
      people: 4,
      ageGroups: ['adult', 'child'],
      limit: 50,
    });
    const dog = withPet.find((m) => m.slug === 'pet-kit-dog')!;
    expect(dog.components.ageGroups).toBe(1);
    expect(dog.reasons.join(' ')).toMatch(/Made for pet, which the household has/);
    expect(noPet.find((m) => m.slug === 'pet-kit-dog')!.score).toBeLessThan(dog.score / 2);
    const family = (list: typeof withPet) =>
      list.find((m) => m.slug === '72-hour-family-kit')!.components.ageGroups;
    expect(family(withPet)).toBe(family(noPet));
  });
});
