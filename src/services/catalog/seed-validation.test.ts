import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import { scheduledAt } from '../calls/seed.ts';
import { createOfflineEmbedder } from '../embeddings/offline.ts';
import { catalogCounts } from './counts.ts';
import { seedAll } from './seed.ts';
import { defaultDataDir, loadSeedData, SeedFileError } from './seed-files.ts';

/** A small, valid data folder in the real formats, which each test may break in one place. */
function writeFixture(dir: string) {
  const cover = (supply: string, amount: number) => [{ supply, amount }];
  const meta = (extra: Record<string, unknown>) => ({
    brand: 'Acme',
    weightLb: 1.5,
    dimensionsIn: { l: 10, w: 4, h: 3 },
    shelfLifeMonths: 60,
    priceObservedAt: '2026-11-22',
    ...extra,
  });
  const files: Record<string, unknown> = {
    'catalog/categories.json': [
      { slug: 'fx-water', name: 'Water', description: 'Water', parent: null },
      { slug: 'fx-water-treatment', name: 'Water treatment', description: null, parent: 'fx-water' },
      { slug: 'fx-water-filters', name: 'Filters', description: 'Filters', parent: 'fx-water-treatment' },
      { slug: 'fx-light', name: 'Light', description: 'Light', parent: null },
    ],
    'catalog/suppliers.json': [
      {
        key: 'fx-acme',
        name: 'Fixture Acme',
        fulfillmentType: 'AFFILIATE',
        websiteUrl: 'https://example.com',
        contactInfo: null,
      },
    ],
    'catalog/master-items.json': [
      {
        name: 'Fixture gravity filter',
        category: 'fx-water-filters',
        description: 'Gravity-fed water filter for untreated creek and lake water.',
        supplyKey: 'water-filtration',
        status: 'active',
        timeframes: ['72h'],
        demographics: ['all'],
        locations: ['all'],
        scenarios: ['hurricane'],
      },
      {
        name: 'Fixture lantern',
        category: 'fx-light',
        description: 'Battery lantern for lighting a room during an outage.',
        supplyKey: 'lantern',
        status: 'active',
        timeframes: ['72h'],
        demographics: ['all'],
        locations: ['all'],
        scenarios: ['grid-down'],
      },
    ],
    'catalog/products/fixture.json': [
      {
        sku: 'FX-FILTER-1',
        masterItem: 'Fixture gravity filter',
        supplier: 'fx-acme',
        name: 'Acme gravity filter 2 gal',
        description: 'Filters 1,000 gallons.',
        price: 59.99,
        asin: null,
        imageUrl: null,
        productUrl: 'https://example.com/filter',
        type: 'AFFILIATE',
        status: 'pending',
        metadata: meta({
          gallonsFiltered: 1000,
          covers: cover('water-filtration', 1000),
          fit: { use: 'carry' },
        }),
      },
      {
        sku: 'FX-LANTERN-1',
        masterItem: 'Fixture lantern',
        supplier: 'fx-acme',
        name: 'Acme LED lantern',
        description: '300 lumens.',
        price: 24.5,
        asin: null,
        imageUrl: null,
        productUrl: null,
        type: 'AFFILIATE',
        status: 'pending',
        metadata: meta({
          shelfLifeMonths: null,
          covers: cover('lantern', 1),
          fit: { power: ['batteries'], takesBatteries: ['D'], use: 'any' },
        }),
      },
    ],
    'catalog/bundles.json': [
      {
        slug: 'fx-bundle',
        name: 'Fixture bundle',
        description: 'Two things.',
        scenarios: ['hurricane'],
        minPeople: 1,
        maxPeople: 4,
        gender: ['any'],
        ageGroups: ['adult'],
        climates: ['temperate'],
        items: [
          { sku: 'FX-FILTER-1', quantity: 1, optional: false },
          { sku: 'FX-LANTERN-1', quantity: 2, optional: true },
        ],
      },
    ],
  };
  for (const [path, value] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), JSON.stringify(value, null, 2));
  }
  mkdirSync(join(dir, 'skills'), { recursive: true });
  mkdirSync(join(dir, 'calls'), { recursive: true });
  cpSync(
    join(defaultDataDir, 'skills', 'skills-resources.json'),
    join(dir, 'skills', 'skills-resources.json'),
  );
  cpSync(join(defaultDataDir, 'calls', 'expert-calls.json'), join(dir, 'calls', 'expert-calls.json'));
  cpSync(join(defaultDataDir, 'guidance'), join(dir, 'guidance'), { recursive: true });
  return files;
}

function edit(dir: string, path: string, change: (value: never) => void) {
  const files = writeFixture(dir);
  const value = structuredClone(files[path]) as never;
  change(value);
  writeFileSync(join(dir, path), JSON.stringify(value));
}

function failure(dir: string): SeedFileError {
  try {
    loadSeedData(dir);
  } catch (error) {
    if (error instanceof SeedFileError) return error;
    throw error;
  }
  throw new Error('expected the seed data to be refused');
}

describe('seed files are validated at load, naming the file and the field', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'readyplan-seed-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts the fixture', () => {
    writeFixture(dir);
    const data = loadSeedData(dir);
    expect(data.products).toHaveLength(2);
    expect(data.guidance.length).toBeGreaterThan(0);
  });

  it('names a wrong field type', () => {
    edit(dir, 'catalog/products/fixture.json', (rows: { price: unknown }[]) => {
      rows[1]!.price = 'cheap';
    });
    const error = failure(dir);
    expect(error.file.endsWith(join('catalog', 'products', 'fixture.json'))).toBe(true);
    expect(error.field).toBe('[1].price');
  });

  it('names an unknown supply key deep in the metadata', () => {
    edit(dir, 'catalog/products/fixture.json', (rows: { metadata: { covers: { supply: string }[] } }[]) => {
      rows[0]!.metadata.covers[0]!.supply = 'unicorns';
    });
    const error = failure(dir);
    expect(error.field).toBe('[0].metadata.covers[0].supply');
    expect(error.message).toMatch(/supply key/);
  });

  it('names a broken reference between files', () => {
    edit(dir, 'catalog/bundles.json', (rows: { items: { sku: string }[] }[]) => {
      rows[0]!.items[1]!.sku = 'NO-SUCH-SKU';
    });
    const error = failure(dir);
    expect(error.file.endsWith(join('catalog', 'bundles.json'))).toBe(true);
    expect(error.field).toBe('[0].items[1].sku');
  });

  it('refuses duplicate natural keys and category cycles', () => {
    edit(dir, 'catalog/master-items.json', (rows: { name: string }[]) => {
      rows[1]!.name = rows[0]!.name;
    });
    expect(failure(dir).field).toBe('[1].name');
    edit(dir, 'catalog/categories.json', (rows: { parent: string | null }[]) => {
      rows[0]!.parent = 'fx-water-filters';
    });
    expect(failure(dir).message).toMatch(/cycle/);
  });

  it('names a missing file and a malformed guidance front matter', () => {
    writeFixture(dir);
    rmSync(join(dir, 'catalog', 'suppliers.json'));
    expect(failure(dir).message).toMatch(/suppliers\.json: file not found/);
    writeFixture(dir);
    writeFileSync(
      join(dir, 'guidance', 'zz-broken.md'),
      '---\nid: zz-broken\ntitle: Broken\n---\n\nToo short.',
    );
    const error = failure(dir);
    expect(error.file.endsWith('zz-broken.md')).toBe(true);
    expect(error.field).toBe('source');
    rmSync(join(dir, 'guidance', 'zz-broken.md'));
  });
});

describe('product fit and catalog honesty are validated at load', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'readyplan-seed-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  type Row = {
    sku: string;
    status: string;
    asin: string | null;
    productUrl: string | null;
    metadata: Record<string, unknown> & { fit?: Record<string, unknown>; covers: { supply: string }[] };
  };
  const products = 'catalog/products/fixture.json';

  it('refuses a product covering a fit-relevant supply with no fit, naming file, sku and field', () => {
    edit(dir, products, (rows: Row[]) => {
      delete rows[1]!.metadata.fit;
    });
    const error = failure(dir);
    expect(error.file.endsWith(join('catalog', 'products', 'fixture.json'))).toBe(true);
    expect(error.field).toBe('[1].metadata.fit');
    expect(error.message).toMatch(/sku FX-LANTERN-1: required for a product covering lantern/);
  });

  it('names the missing fit field a supply needs: a sleeping bag without a rating', () => {
    edit(dir, products, (rows: Row[]) => {
      rows[1]!.metadata.covers = [{ supply: 'sleeping-bag', amount: 1 } as never];
      rows[1]!.metadata.fit = { size: 'adult' };
    });
    const error = failure(dir);
    expect(error.field).toBe('[1].metadata.fit.tempRatingF');
    expect(error.message).toMatch(/sku FX-LANTERN-1: required for a product covering sleeping-bag/);
  });

  it('refuses a bad fit value: an unknown fuel, food groups that do not sum to 1', () => {
    edit(dir, products, (rows: Row[]) => {
      rows[1]!.metadata.fit = { power: ['batteries'], burns: ['diesel'] };
    });
    let error = failure(dir);
    expect(error.field).toBe('[1].metadata.fit.burns[0]');
    expect(error.message).toMatch(/^.*sku FX-LANTERN-1: /);
    edit(dir, products, (rows: Row[]) => {
      rows[0]!.metadata.covers = [{ supply: 'food-kcal', amount: 2000 } as never];
      rows[0]!.metadata.fit = {
        foodGroups: { grains: 0.5, protein: 0.3 },
        readyToEat: true,
        needsCooking: false,
        canned: false,
      };
    });
    error = failure(dir);
    expect(error.field).toBe('[0].metadata.fit.foodGroups');
    expect(error.message).toMatch(/sku FX-FILTER-1: food-group shares must sum to 1/);
  });

  it("refuses 'verified' without an ASIN and a verification date, and accepts it with both", () => {
    edit(dir, products, (rows: Row[]) => {
      rows[0]!.status = 'verified';
    });
    const error = failure(dir);
    expect(error.field).toBe('[0].asin');
    expect(error.message).toMatch(/sku FX-FILTER-1: status 'verified' needs an ASIN and metadata.verifiedAt/);
    edit(dir, products, (rows: Row[]) => {
      rows[0]!.status = 'verified';
      rows[0]!.asin = 'B0TESTASIN';
    });
    expect(failure(dir).field).toBe('[0].metadata.verifiedAt');
    edit(dir, products, (rows: Row[]) => {
      rows[0]!.status = 'verified';
      rows[0]!.asin = 'B0TESTASIN';
      rows[0]!.metadata.verifiedAt = '2026-11-30';
    });
    expect(loadSeedData(dir).products[0]!.status).toBe('verified');
  });

  it("refuses a store's home page as a product link and a price without its date", () => {
    edit(dir, products, (rows: Row[]) => {
      rows[0]!.productUrl = 'https://midlandusa.com/';
    });
    let error = failure(dir);
    expect(error.field).toBe('[0].productUrl');
    expect(error.message).toMatch(/home page/);
    edit(dir, products, (rows: Row[]) => {
      rows[0]!.productUrl = 'https://midlandusa.com/search?q=ER310';
      delete rows[0]!.metadata.priceObservedAt;
    });
    error = failure(dir);
    expect(error.field).toBe('[0].metadata.priceObservedAt');
  });
});

describe('the real catalog', () => {
  const data = loadSeedData();
  it('claims no product verified, dates every price and fits every product', () => {
    expect(data.products.filter((p) => p.status === 'verified')).toEqual([]);
    expect(data.products.every((p) => p.metadata.priceObservedAt && p.metadata.fit)).toBe(true);
  });
  it('has food of at least five kinds for a no-cook two weeks, across all DGA groups', () => {
    const noCook = data.products.filter(
      (p) => p.metadata.fit?.readyToEat && p.metadata.covers.some((c) => c.supply === 'food-kcal'),
    );
    expect(noCook.length).toBeGreaterThanOrEqual(15);
    const groups = new Set(noCook.flatMap((p) => Object.keys(p.metadata.fit?.foodGroups ?? {})));
    expect([...groups].sort()).toEqual([
      'dairy',
      'fats-oils',
      'fruits',
      'grains',
      'protein',
      'sugars',
      'vegetables',
    ]);
  });
  it('has sleeping bags for every design low, for adults and children', () => {
    const bags = data.products.filter((p) => p.metadata.covers.some((c) => c.supply === 'sleeping-bag'));
    const coldest = (size: string) =>
      Math.min(...bags.filter((b) => b.metadata.fit?.size === size).map((b) => b.metadata.fit!.tempRatingF!));
    expect(coldest('adult')).toBeLessThanOrEqual(-15);
    // No kids' bag is rated below 20°F; in colder places children get adult bags (fitLimit counts them).
    expect(coldest('child')).toBeLessThanOrEqual(20);
  });
});

describe('seeding a small data folder', () => {
  let database: Database;
  let dir: string;
  const embedder = createOfflineEmbedder();
  beforeAll(async () => {
    database = await freshDatabase();
    dir = mkdtempSync(join(tmpdir(), 'readyplan-seed-'));
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes nothing when one file is bad (one transaction, validated first)', async () => {
    const before = await catalogCounts(database.db);
    edit(dir, 'catalog/products/fixture.json', (rows: { sku: string }[]) => {
      rows[1]!.sku = 'has spaces';
    });
    await expect(seedAll(database, embedder, { dataDir: dir })).rejects.toThrow(/fixture\.json: \[1\]\.sku/);
    expect(await catalogCounts(database.db)).toEqual(before);
  });

  it('upserts on natural keys: a changed price updates the row, the bundle total follows', async () => {
    writeFixture(dir);
    const first = await seedAll(database, embedder, { dataDir: dir });
    edit(dir, 'catalog/products/fixture.json', (rows: { price: number }[]) => {
      rows[0]!.price = 49.99;
    });
    const second = await seedAll(database, embedder, { dataDir: dir });
    expect(second).toEqual(first);
    const bundle = await database.db.query.bundles.findFirst({
      where: (b, { eq }) => eq(b.slug, 'fx-bundle'),
    });
    expect(bundle?.totalEstimatedPrice).toBe('49.99');
  });
});

describe('expert call dates', () => {
  it('puts a call at the local hour in its time zone, days after the seeding day', () => {
    const now = new Date('2026-03-06T15:00:00Z');
    // 10 days later is 2026-03-16, after the US switch to daylight time (EDT, UTC-4).
    expect(scheduledAt(now, 10, 19, 'America/New_York').toISOString()).toBe('2026-03-16T23:00:00.000Z');
    expect(scheduledAt(now, 0, 9, 'America/Los_Angeles').toISOString()).toBe('2026-03-06T17:00:00.000Z');
    expect(scheduledAt(now, -14, 12, 'Europe/London').toISOString()).toBe('2026-02-20T12:00:00.000Z');
  });
});
