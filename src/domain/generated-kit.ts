import { z } from 'zod';

/**
 * The plan as stored in mission_reports.report_data and printed by `plan --json`.
 * Fields named in docs/contracts/plan-cli.md are stable; the rest may grow.
 */
const basis = z.string().describe('The published rule this number came from, with its source');

export const hazardSchema = z.object({
  id: z.string(),
  rating: z.string(),
  expectedAnnualLoss: z.number().optional(),
  scenario: z.string().nullable().optional(),
});

export const provisionSchema = z.object({ supply: z.string(), amount: z.number(), unit: z.string() });

const shortfallSchema = z.object({
  supply: z.string(),
  name: z.string(),
  needed: z.number(),
  provided: z.number(),
  unit: z.string(),
});

export const kitItemSchema = z.object({
  productId: z.string(),
  name: z.string(),
  quantity: z.number().int().positive(),
  unitPrice: z.number().nonnegative(),
  lineTotal: z.number().nonnegative(),
  covers: z.array(z.string()),
  bundleId: z.string().nullable().optional(),
  productUrl: z.string().nullable().optional(),
  category: z.string().optional(),
  /** What the line provides in each need's unit: quantity x the product's amount per unit (plan-cli.md v2). */
  provides: z.array(provisionSchema).default([]),
  /** The date the price was observed (hand-written catalog prices are labelled, never presented as live). */
  priceObservedAt: z.string().nullable().optional(),
});

export const supplySchema = z.object({
  key: z.string().optional(),
  name: z.string(),
  category: z.string(),
  quantity: z.number(),
  unit: z.string(),
  priority: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  reason: z.string(),
  basis: z.string().optional(),
  scenarios: z.array(z.string()).optional(),
});

export const generatedKitSchema = z.object({
  title: z.string(),
  summary: z.string(),
  location: z.object({
    input: z.string(),
    state: z.string().nullable(),
    country: z.string(),
    climate: z.string(),
    hazards: z.array(hazardSchema),
    message: z.string().optional(),
  }),
  household: z.object({
    members: z.array(
      z.object({
        label: z.string(),
        ageYears: z.number(),
        sex: z.enum(['m', 'f']).nullable(),
        kcalPerDay: z.number(),
        waterGallonsPerDay: z.number(),
      }),
    ),
    pets: z.array(z.object({ species: z.string(), weightLb: z.number(), waterGallonsPerDay: z.number() })),
  }),
  durationDays: z.number().int().positive(),
  mobility: z.enum(['BUG_OUT', 'SHELTER_IN_PLACE']),
  scenarios: z.array(z.string()),
  chosenScenarios: z.array(z.string()),
  impliedScenarios: z.array(z.string()),
  rationPlan: z.object({
    water: z.object({
      gallonsPerDay: z.number(),
      totalGallons: z.number(),
      basis,
      adjustments: z.array(z.string()).default([]),
    }),
    food: z.object({
      kcalPerDay: z.number(),
      totalKcal: z.number(),
      basis,
      storage: z.array(
        z.object({
          group: z.string(),
          quantity: z.number(),
          unit: z.string(),
          weightLb: z.number().optional(),
          volumeCubicFeet: z.number().optional(),
        }),
      ),
    }),
    medications: z
      .array(z.object({ name: z.string(), quantity: z.number(), unit: z.string(), basis }))
      .default([]),
    infants: z
      .array(z.object({ name: z.string(), quantity: z.number(), unit: z.string(), basis }))
      .default([]),
    hygiene: z
      .array(z.object({ name: z.string(), quantity: z.number(), unit: z.string(), basis }))
      .default([]),
    disagreements: z
      .array(
        z.object({
          topic: z.string(),
          chosen: z.string(),
          alternatives: z.array(z.string()),
          why: z.string(),
        }),
      )
      .default([]),
  }),
  supplies: z.array(supplySchema),
  items: z.array(kitItemSchema),
  bundles: z
    .array(
      z.object({
        bundleId: z.string(),
        slug: z.string(),
        name: z.string(),
        score: z.number(),
        reasons: z.array(z.string()),
      }),
    )
    .default([]),
  budget: z.object({
    limit: z.number().nonnegative(),
    spent: z.number().nonnegative(),
    coverage: z.number().min(0).max(1),
    /** Share of each priority's needs covered by what is owned plus what the plan buys (0..1). */
    coverageByPriority: z
      .object({ critical: z.number(), important: z.number(), useful: z.number() })
      .optional(),
    strategy: z.string().optional(),
    leftOut: z.array(z.object({ key: z.string(), reason: z.string() })).default([]),
    /** needed vs owned vs bought per need, each in its own unit (plan-cli.md v2). */
    needs: z
      .array(
        z.object({
          supply: z.string(),
          name: z.string().optional(),
          priority: z.union([z.literal(1), z.literal(2), z.literal(3)]),
          needed: z.number(),
          owned: z.number(),
          bought: z.number(),
          unit: z.string(),
        }),
      )
      .default([]),
    /** The critical need least covered after buying, in its unit ("water: 11 of 35 gal"); null when none is short. */
    leastCoveredCritical: shortfallSchema.nullable().optional(),
    /** How the food calories bought spread over the DGA food groups, and the cap on any one product. */
    diet: z
      .object({
        groups: z.array(
          z.object({ group: z.string(), kcal: z.number(), share: z.number(), target: z.number() }),
        ),
        foods: z.number().int(),
        maxProductShare: z.number(),
        largestProductShare: z.number(),
        basis: z.string(),
      })
      .optional(),
    /** Catalog products left out because they do not fit this household, place or mobility (a sample, with why). */
    notFitting: z.array(z.object({ name: z.string(), reason: z.string() })).default([]),
  }),
  barterGoods: z.array(
    z.object({ name: z.string(), quantity: z.number(), unit: z.string(), why: z.string().optional() }),
  ),
  requiredSkills: z.array(z.string()),
  skillGaps: z.array(
    z.object({
      skill: z.string(),
      name: z.string().optional(),
      category: z.string().optional(),
      resources: z.array(
        z.object({ title: z.string(), url: z.string(), source: z.string().nullable().optional() }),
      ),
    }),
  ),
  readinessScore: z.number().min(0).max(100),
  readinessByCategory: z.array(z.object({ category: z.string(), score: z.number() })).default([]),
  daysOfSupply: z
    .array(
      z.object({
        category: z.string(),
        days: z.number(),
        targetDays: z.number(),
        unit: z.string(),
        have: z.number(),
        need: z.number(),
      }),
    )
    .default([]),
  simulationLog: z.array(z.object({ day: z.number().int(), text: z.string() })),
  evacuation: z.object({
    meetingPoints: z.array(z.string()),
    guidance: z.array(z.string()),
    outOfAreaContact: z.string().optional(),
  }),
  phases: z.array(
    z.object({ name: z.string(), fromDay: z.number(), toDay: z.number(), focus: z.array(z.string()) }),
  ),
  purchaseSchedule: z
    .array(
      z.object({
        month: z.number().int(),
        items: z.array(kitItemSchema),
        spent: z.number(),
        cumulativeCoverage: z.number(),
      }),
    )
    .optional(),
  basis: z.array(z.string()).default([]),
});

export type GeneratedKit = z.infer<typeof generatedKitSchema>;
export type KitItem = z.infer<typeof kitItemSchema>;
export type SupplyItem = z.infer<typeof supplySchema>;
