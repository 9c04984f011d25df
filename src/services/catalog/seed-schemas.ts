import { z } from 'zod';
import supplies from '../../domain/data/supplies.json' with { type: 'json' };
import { type ProductFit, ProductFitSchema } from '../../domain/product-fit.ts';
import { SCENARIO_IDS } from '../../domain/scenarios.ts';
import type { GuidanceFile } from '../guidance/documents.ts';
import { SeedFileError } from './seed-error.ts';

/** The shape of every seed file under data/, and the rules a row must keep that its shape alone cannot say. */

const supplyKeys = new Set(supplies.supplies.map((s) => s.key));

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
export function checkProduct(row: ProductSeed, file: string, index: number) {
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
