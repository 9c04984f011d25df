import { z } from 'zod';

/**
 * docs/contracts/plan-cli.md restated independently of the product's own schema, so a drift in
 * either shows up as a failing test.
 */
const scenarioId = z.enum([
  'hurricane',
  'earthquake',
  'wildfire',
  'flood',
  'tornado',
  'winter-storm',
  'extreme-heat',
  'pandemic',
  'grid-down',
  'economic-collapse',
  'civil-unrest',
  'nuclear',
]);

export const planContract = z.object({
  location: z.object({
    input: z.string(),
    state: z.string().nullable(),
    country: z.string(),
    climate: z.string(),
    hazards: z.array(z.object({ id: z.string(), rating: z.string() })),
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
  durationDays: z.number(),
  scenarios: z.array(scenarioId),
  rationPlan: z.object({
    water: z.object({ gallonsPerDay: z.number(), totalGallons: z.number(), basis: z.string().min(1) }),
    food: z.object({
      kcalPerDay: z.number(),
      totalKcal: z.number(),
      basis: z.string().min(1),
      storage: z.array(z.object({ group: z.string(), quantity: z.number(), unit: z.string() })),
    }),
  }),
  supplies: z.array(
    z.object({
      name: z.string(),
      category: z.string(),
      quantity: z.number(),
      unit: z.string(),
      priority: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      reason: z.string(),
    }),
  ),
  items: z.array(
    z.object({
      productId: z.string(),
      name: z.string(),
      quantity: z.number(),
      unitPrice: z.number(),
      lineTotal: z.number(),
      covers: z.array(z.string()),
    }),
  ),
  budget: z.object({ limit: z.number(), spent: z.number(), coverage: z.number().min(0).max(1) }),
  barterGoods: z.array(z.object({ name: z.string(), quantity: z.number(), unit: z.string() })),
  skillGaps: z.array(
    z.object({ skill: z.string(), resources: z.array(z.object({ title: z.string(), url: z.string() })) }),
  ),
  readinessScore: z.number().min(0).max(100),
  simulationLog: z.array(z.object({ day: z.number(), text: z.string() })),
  evacuation: z.object({ meetingPoints: z.array(z.string()), guidance: z.array(z.string()) }),
  phases: z.array(
    z.object({ name: z.string(), fromDay: z.number(), toDay: z.number(), focus: z.array(z.string()) }),
  ),
});
