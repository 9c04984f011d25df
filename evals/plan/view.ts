import { z } from 'zod';

/**
 * The part of the plan JSON (docs/contracts/plan-cli.md) the gates read, parsed loosely: extra fields
 * pass through and the v2 fields (`items[].provides`, `budget.needs`) are optional, so a plan from before v2
 * is judged ("missing v2 field") instead of crashing the suite.
 */
const provides = z.array(z.object({ supply: z.string(), amount: z.number(), unit: z.string().optional() }));
const item = z.looseObject({
  productId: z.string(),
  name: z.string(),
  quantity: z.number(),
  unitPrice: z.number(),
  lineTotal: z.number(),
  covers: z.array(z.string()).default([]),
  provides: provides.optional(),
});

export const PlanViewSchema = z.looseObject({
  summary: z.string().default(''),
  location: z.looseObject({
    input: z.string(),
    state: z.string().nullable(),
    country: z.string(),
    climate: z.string(),
    hazards: z
      .array(
        z.looseObject({
          id: z.string(),
          rating: z.string(),
          expectedAnnualLoss: z.number().optional(),
          scenario: z.string().nullable().optional(),
        }),
      )
      .default([]),
  }),
  household: z.looseObject({
    members: z.array(
      z.looseObject({
        label: z.string(),
        ageYears: z.number(),
        sex: z.enum(['m', 'f']).nullable(),
        kcalPerDay: z.number(),
        waterGallonsPerDay: z.number(),
      }),
    ),
    pets: z.array(z.looseObject({ species: z.string(), weightLb: z.number() })).default([]),
  }),
  durationDays: z.number(),
  scenarios: z.array(z.string()),
  rationPlan: z.looseObject({
    water: z.looseObject({ gallonsPerDay: z.number(), totalGallons: z.number() }),
    food: z.looseObject({ kcalPerDay: z.number(), totalKcal: z.number() }),
  }),
  supplies: z.array(
    z.looseObject({
      key: z.string().optional(),
      name: z.string(),
      category: z.string(),
      quantity: z.number(),
      unit: z.string(),
      priority: z.number(),
      scenarios: z.array(z.string()).optional(),
    }),
  ),
  items: z.array(item),
  budget: z.looseObject({
    limit: z.number(),
    spent: z.number(),
    coverage: z.number(),
    coverageByPriority: z.looseObject({ critical: z.number() }).optional(),
    needs: z
      .array(
        z.looseObject({
          supply: z.string(),
          priority: z.number(),
          needed: z.number(),
          owned: z.number(),
          bought: z.number(),
          unit: z.string().optional(),
        }),
      )
      .optional(),
  }),
  simulationLog: z.array(z.object({ day: z.number(), text: z.string() })).default([]),
  phases: z
    .array(
      z.looseObject({ name: z.string(), fromDay: z.number(), toDay: z.number(), focus: z.array(z.string()) }),
    )
    .default([]),
  purchaseSchedule: z
    .array(
      z.looseObject({
        month: z.number(),
        items: z.array(item),
        spent: z.number(),
        cumulativeCoverage: z.number().optional(),
      }),
    )
    .optional(),
});
export type PlanView = z.infer<typeof PlanViewSchema>;
export type PlanItem = z.infer<typeof item>;
