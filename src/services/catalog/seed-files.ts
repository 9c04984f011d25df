import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import supplies from '../../domain/data/supplies.json' with { type: 'json' };
import { type ProductFit, ProductFitSchema } from '../../domain/product-fit.ts';
import { SCENARIO_IDS } from '../../domain/scenarios.ts';
import { type GuidanceFile, parseGuidanceFile } from '../guidance/documents.ts';
import { SeedFileError } from './seed-error.ts';

export { SeedFileError };

/** The hand-written seed data: data/ at the root of the repository. */
export const defaultDataDir = fileURLToPath(new URL('../../../data', import.meta.url));

export const supplyKeys = new Set(supplies.supplies.map((s) => s.key));
export const supplyLabels = new Map(supplies.supplies.map((s) => [s.key, s.label]));

const text = z.string().trim().min(1);
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case slug such as water-storage');
const tags = z.array(text);
const scenarios = z.array(z.enum(SCENARIO_IDS, { message: `must be one of ${SCENARIO_IDS.join(', ')}` }));
const url = z.url();
/**
 * A link to a product: a product page or the store's search for it (a path or a query), never a bare store
 * home page, which would send the person to look for the product themselves.
 */
const productUrl = z.url().refine(
  (u) => {
    const parsed = new URL(u);
    return parsed.pathname.replace(/\/+$/, '') !== '' || parsed.search !== '';
  },
  { message: "is a store's home page: link the product page or the store's search for the product" },
);
const supplyKey = z.string().refine((k) => supplyKeys.has(k), {
  message: 'is not a supply key in src/domain/data/supplies.json',
});
const fulfillment = z.enum(['AFFILIATE', 'DROP_SHIP']);

export const categorySchema = z.strictObject({
  slug,
  name: text,
  description: z.string().nullable().optional(),
  parent: slug.nullable(),
});

export const supplierSchema = z.strictObject({
  key: slug,
  name: text,
  fulfillmentType: fulfillment,
  websiteUrl: url.nullable().optional(),
  contactInfo: z
    .strictObject({ email: z.email().optional(), phone: z.string().optional(), portalUrl: url.optional() })
    .nullable()
    .optional(),
});

export const masterItemSchema = z.strictObject({
  name: text,
  category: slug,
  description: text,
  supplyKey: supplyKey.nullable(),
  status: z.enum(['active', 'pending_review']).default('active'),
  timeframes: tags,
  demographics: tags,
  locations: tags,
  scenarios,
});

const positive = z.number().positive();
export const productMetadataSchema = z.looseObject({
  brand: text,
  weightLb: positive,
  dimensionsIn: z.strictObject({ l: positive, w: positive, h: positive }),
  shelfLifeMonths: z.number().int().positive().nullable(),
  gallons: positive.optional(),
  kcalPerServing: positive.optional(),
  servings: positive.optional(),
  gallonsFiltered: positive.optional(),
  unitCount: positive.optional(),
  covers: z.array(z.strictObject({ supply: supplyKey, amount: positive })),
  /** What decides fit (src/domain/product-fit.ts); required for the supplies in FIT_REQUIRED. */
  fit: ProductFitSchema.optional(),
  /** The day the price was written down. Hand-written prices carry the day they were written, not a live check. */
  priceObservedAt: z.iso.date({ message: 'must be an ISO date such as 2026-11-22' }),
  /** The day someone checked the listing (price, ASIN, link) by hand; required for status 'verified'. */
  verifiedAt: z.iso.date({ message: 'must be an ISO date such as 2026-11-22' }).optional(),
});

export const productSchema = z.strictObject({
  sku: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be letters, digits, dots, dashes or underscores'),
  masterItem: text,
  supplier: slug,
  name: text,
  description: text,
  price: z.number().nonnegative().multipleOf(0.01),
  asin: z
    .string()
    .regex(/^B0[0-9A-Z]{8}$|^[0-9]{9}[0-9X]$/, 'must be a real 10-character ASIN, or null')
    .nullable(),
  imageUrl: url.nullable(),
  productUrl: productUrl.nullable(),
  type: fulfillment,
  /** 'verified' only when someone checked the live listing: it needs an ASIN and metadata.verifiedAt. */
  status: z.enum(['verified', 'pending']),
  metadata: productMetadataSchema,
  scenarios: scenarios.optional(),
  timeframes: tags.optional(),
  demographics: tags.optional(),
  locations: tags.optional(),
});

export const bundleSchema = z
  .strictObject({
    slug,
    name: text,
    description: text,
    imageUrl: url.nullable().optional(),
    scenarios,
    minPeople: z.number().int().positive(),
    maxPeople: z.number().int().positive(),
    gender: tags,
    ageGroups: tags,
    climates: tags,
    items: z
      .array(z.strictObject({ sku: text, quantity: z.number().int().positive(), optional: z.boolean() }))
      .min(1),
  })
  .refine((b) => b.minPeople <= b.maxPeople, {
    message: 'minPeople must not exceed maxPeople',
    path: ['maxPeople'],
  });

export const skillResourceSchema = z.strictObject({
  skillId: slug,
  skillName: text,
  category: text,
  resourceType: z.enum(['VIDEO', 'ARTICLE', 'PDF', 'COURSE']),
  title: text,
  url,
  thumbnailUrl: url.nullable().optional(),
  author: z.string().nullable(),
  source: text,
  durationMinutes: z.number().int().positive().nullable(),
  difficulty: z.enum(['BEGINNER', 'INTERMEDIATE', 'ADVANCED']),
  summary: text,
  keyTechniques: tags,
  prerequisites: tags,
  relatedSkills: tags,
  scenarios,
  isVerified: z.boolean(),
  isFeatured: z.boolean(),
});

export const expertCallSchema = z.strictObject({
  callType: z.enum(['FOUNDER_GROUP', 'EXPERT_GROUP', 'ONE_ON_ONE']),
  title: text,
  description: text,
  scheduledInDays: z.number().int(),
  hour: z.number().int().min(0).max(23),
  durationMinutes: z.number().int().positive(),
  timezone: z.string().refine(isTimeZone, { message: 'is not an IANA time zone such as America/New_York' }),
  tierRequired: z.enum(['FREE', 'BASIC', 'PRO']),
  maxAttendees: z.number().int().positive().nullable(),
  expertName: text,
  expertBio: text,
  expertSpecialty: text,
  status: z.enum(['SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED']),
  recordingAvailable: z.boolean(),
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The fit fields a product must state for each supply it covers, because the planner's fit and system checks
 * (src/domain/product-fit.ts) read them: without a rating a sleeping bag cannot be matched to the climate,
 * without a fuel type a stove cannot be matched to its fuel, without a species pet food may go to the wrong
 * animal, without food groups the diet cannot be balanced. Supplies not listed here need no fit (a whistle or
 * duct tape fits every household), though every catalog product carries at least `use`.
 */
export const FIT_REQUIRED: Readonly<Record<string, readonly (keyof ProductFit)[]>> = {
  'sleeping-bag': ['tempRatingF', 'size'],
  'wool-blanket': ['size'],
  'cooking-stove': ['indoorSafe', 'use'],
  'cooking-fuel': ['fuel', 'use'],
  'indoor-heater': ['burns', 'indoorSafe', 'use'],
  'heater-fuel': ['fuel', 'use'],
  generator: ['indoorSafe', 'use'],
  lantern: ['power'],
  flashlight: ['power'],
  headlamp: ['power'],
  'emergency-radio': ['power', 'use'],
  'two-way-radio': ['power'],
  batteries: ['batterySize'],
  'pet-food': ['species', 'petWeightLb'],
  'pet-carrier': ['species', 'petWeightLb'],
  'pet-supplies': ['species'],
  'food-kcal': ['foodGroups', 'readyToEat', 'needsCooking', 'canned'],
  'food-grains': ['foodGroups', 'readyToEat', 'needsCooking', 'canned'],
  'food-legumes': ['foodGroups', 'readyToEat', 'needsCooking', 'canned'],
  'food-fats-oils': ['foodGroups', 'readyToEat', 'needsCooking', 'canned'],
  'food-sugars': ['foodGroups', 'readyToEat', 'needsCooking', 'canned'],
  'food-dairy': ['foodGroups', 'readyToEat', 'needsCooking', 'canned'],
  'food-variety': ['foodGroups', 'readyToEat', 'needsCooking', 'canned'],
  'infant-formula': ['readyToEat', 'needsWater'],
  'baby-food': ['readyToEat'],
  'can-opener': ['use'],
  shovel: ['use'],
  'fire-extinguisher': ['use'],
  'paper-map': ['mapOf', 'region'],
  backpack: ['size', 'use'],
  'sturdy-shoes': ['size'],
  'rain-gear': ['size'],
  'water-storage': ['use'],
  'emergency-toilet': ['use'],
  'potassium-iodide': ['onlyFor'],
};

/** Fit and honesty rules the schema alone cannot state: required fit fields, and what 'verified' needs. */
function checkProduct(row: ProductSeed, file: string, index: number) {
  const at = (field: string) => `[${index}].${field}`;
  if (row.status === 'verified' && (!row.asin || !row.metadata.verifiedAt)) {
    throw new SeedFileError(
      file,
      at(row.asin ? 'metadata.verifiedAt' : 'asin'),
      `sku ${row.sku}: status 'verified' needs an ASIN and metadata.verifiedAt (the day the live listing was checked); use 'pending'`,
    );
  }
  for (const cover of row.metadata.covers) {
    const needed = FIT_REQUIRED[cover.supply];
    if (!needed) continue;
    if (!row.metadata.fit)
      throw new SeedFileError(
        file,
        at('metadata.fit'),
        `sku ${row.sku}: required for a product covering ${cover.supply} (fields ${needed.join(', ')})`,
      );
    for (const field of needed) {
      if (row.metadata.fit[field] === undefined)
        throw new SeedFileError(
          file,
          at(`metadata.fit.${field}`),
          `sku ${row.sku}: required for a product covering ${cover.supply}`,
        );
    }
  }
}

export type CategorySeed = z.infer<typeof categorySchema>;
export type SupplierSeed = z.infer<typeof supplierSchema>;
export type MasterItemSeed = z.infer<typeof masterItemSchema>;
export type ProductSeed = z.infer<typeof productSchema>;
export type BundleSeed = z.infer<typeof bundleSchema>;
export type SkillResourceSeed = z.infer<typeof skillResourceSchema>;
export type ExpertCallSeed = z.infer<typeof expertCallSchema>;

export type SeedData = {
  categories: CategorySeed[];
  suppliers: SupplierSeed[];
  masterItems: MasterItemSeed[];
  products: ProductSeed[];
  bundles: BundleSeed[];
  skillsResources: SkillResourceSeed[];
  expertCalls: ExpertCallSeed[];
  guidance: GuidanceFile[];
};

function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
}

function readJson(file: string, shown: string): unknown {
  if (!existsSync(file)) throw new SeedFileError(shown, '', 'file not found');
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SeedFileError(shown, '', `not valid JSON (${(error as Error).message})`);
  }
}

function parseList<T extends z.ZodType>(schema: T, value: unknown, shown: string): z.infer<T>[] {
  const parsed = z.array(schema).safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // Name the product too: a field path alone sends the reader counting array entries.
    const row = Array.isArray(value) && typeof issue.path[0] === 'number' ? value[issue.path[0]] : undefined;
    const sku = typeof row?.sku === 'string' ? `sku ${row.sku}: ` : '';
    throw new SeedFileError(shown, fieldPath(issue.path), `${sku}${issue.message}`);
  }
  return parsed.data;
}

function unique<T>(rows: { row: T; file: string; index: number }[], key: (row: T) => string, field: string) {
  const seen = new Map<string, string>();
  for (const { row, file, index } of rows) {
    const k = key(row);
    const first = seen.get(k);
    if (first)
      throw new SeedFileError(file, `[${index}].${field}`, `duplicate ${field} "${k}" (first at ${first})`);
    seen.set(k, `${file}[${index}]`);
  }
}

const located = <T>(rows: T[], file: string) => rows.map((row, index) => ({ row, file, index }));

/**
 * Reads and validates every seed file under `dataDir`, then checks the references between them (a product's
 * master item and supplier, a bundle's skus, a category's parent). Throws SeedFileError at the first problem.
 */
export function loadSeedData(dataDir: string = defaultDataDir): SeedData {
  const shown = (file: string) => relative(join(dataDir, '..'), file) || file;
  const load = <T extends z.ZodType>(schema: T, ...parts: string[]) => {
    const file = join(dataDir, ...parts);
    return parseList(schema, readJson(file, shown(file)), shown(file));
  };

  const categories = load(categorySchema, 'catalog', 'categories.json');
  const suppliers = load(supplierSchema, 'catalog', 'suppliers.json');
  const masterItems = load(masterItemSchema, 'catalog', 'master-items.json');
  const bundles = load(bundleSchema, 'catalog', 'bundles.json');
  const skillsResources = load(skillResourceSchema, 'skills', 'skills-resources.json');
  const expertCalls = load(expertCallSchema, 'calls', 'expert-calls.json');

  const productsDir = join(dataDir, 'catalog', 'products');
  if (!existsSync(productsDir)) throw new SeedFileError(shown(productsDir), '', 'folder not found');
  const productFiles = readdirSync(productsDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const products: { row: ProductSeed; file: string; index: number }[] = [];
  for (const name of productFiles) {
    const file = join(productsDir, name);
    products.push(
      ...located(parseList(productSchema, readJson(file, shown(file)), shown(file)), shown(file)),
    );
  }

  const guidanceDir = join(dataDir, 'guidance');
  if (!existsSync(guidanceDir)) throw new SeedFileError(shown(guidanceDir), '', 'folder not found');
  const guidance = readdirSync(guidanceDir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((name) => {
      const file = join(guidanceDir, name);
      return parseGuidanceFile(readFileSync(file, 'utf8'), shown(file));
    });

  // Natural keys are unique, so a re-seed updates the same rows.
  const catFile = shown(join(dataDir, 'catalog', 'categories.json'));
  const supFile = shown(join(dataDir, 'catalog', 'suppliers.json'));
  const itemFile = shown(join(dataDir, 'catalog', 'master-items.json'));
  const bundleFile = shown(join(dataDir, 'catalog', 'bundles.json'));
  unique(located(categories, catFile), (c) => c.slug, 'slug');
  unique(located(suppliers, supFile), (s) => s.key, 'key');
  unique(located(suppliers, supFile), (s) => s.name, 'name');
  unique(located(masterItems, itemFile), (m) => m.name, 'name');
  unique(products, (p) => p.sku, 'sku');
  unique(
    products.filter((p) => p.row.asin),
    (p) => p.asin!,
    'asin',
  );
  unique(located(bundles, bundleFile), (b) => b.slug, 'slug');
  unique(
    located(skillsResources, shown(join(dataDir, 'skills', 'skills-resources.json'))),
    (s) => `${s.url} ${s.title}`,
    'title',
  );
  unique(located(expertCalls, shown(join(dataDir, 'calls', 'expert-calls.json'))), (c) => c.title, 'title');
  const guidanceIds = new Map<string, string>();
  for (const g of guidance) {
    const first = guidanceIds.get(g.id);
    if (first) throw new SeedFileError(g.file, 'id', `duplicate id "${g.id}" (first in ${first})`);
    guidanceIds.set(g.id, g.file);
  }

  // References between files.
  const categorySlugs = new Set(categories.map((c) => c.slug));
  categories.forEach((c, i) => {
    if (c.parent !== null && !categorySlugs.has(c.parent)) {
      throw new SeedFileError(catFile, `[${i}].parent`, `no category with slug "${c.parent}"`);
    }
  });
  const parentOf = new Map(categories.map((c) => [c.slug, c.parent]));
  categories.forEach((c, i) => {
    const seen = new Set<string>([c.slug]);
    for (let p = c.parent; p !== null; p = parentOf.get(p) ?? null) {
      if (seen.has(p))
        throw new SeedFileError(catFile, `[${i}].parent`, `the parents of "${c.slug}" form a cycle`);
      seen.add(p);
    }
  });
  masterItems.forEach((m, i) => {
    if (!categorySlugs.has(m.category)) {
      throw new SeedFileError(itemFile, `[${i}].category`, `no category with slug "${m.category}"`);
    }
  });
  const itemNames = new Set(masterItems.map((m) => m.name));
  const supplierKeys = new Set(suppliers.map((s) => s.key));
  for (const { row, file, index } of products) {
    checkProduct(row, file, index);
    if (!itemNames.has(row.masterItem)) {
      throw new SeedFileError(file, `[${index}].masterItem`, `no master item named "${row.masterItem}"`);
    }
    if (!supplierKeys.has(row.supplier)) {
      throw new SeedFileError(file, `[${index}].supplier`, `no supplier with key "${row.supplier}"`);
    }
  }
  const skus = new Set(products.map((p) => p.row.sku));
  bundles.forEach((b, i) => {
    b.items.forEach((item, j) => {
      if (!skus.has(item.sku)) {
        throw new SeedFileError(bundleFile, `[${i}].items[${j}].sku`, `no product with sku "${item.sku}"`);
      }
    });
    const inBundle = new Set<string>();
    b.items.forEach((item, j) => {
      if (inBundle.has(item.sku)) {
        throw new SeedFileError(bundleFile, `[${i}].items[${j}].sku`, `sku "${item.sku}" is listed twice`);
      }
      inBundle.add(item.sku);
    });
  });

  return {
    categories,
    suppliers,
    masterItems,
    products: products.map((p) => p.row),
    bundles,
    skillsResources,
    expertCalls,
    guidance,
  };
}
