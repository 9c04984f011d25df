import { z } from 'zod';
import { DEFAULT_AGE, KIND_AGE_RANGES, type MemberKind } from '../src/domain/plan-input.ts';
import { SCENARIO_IDS } from '../src/domain/scenarios.ts';
import type { HouseholdPatch } from '../src/services/profiles/profiles.ts';

/** The household as a model states it: light, every detail optional; normalized before it is stored. */
export const memberInput = z.object({
  kind: z
    .enum(['adult', 'teen', 'child', 'infant', 'senior'])
    .describe('adult 18+, senior 60+, teen 13-19, child 1-12, infant under 2'),
  ageYears: z
    .number()
    .min(0)
    .max(120)
    .optional()
    .describe('Age in years if known; decimals for infants (0.5 = six months)'),
  sex: z.enum(['m', 'f']).optional().describe('m or f if known (calorie tables and hygiene differ)'),
  pregnant: z.boolean().optional().describe('Pregnant (adds calories and water)'),
  nursing: z.boolean().optional().describe('Breastfeeding (adds calories and water)'),
  medicalNeeds: z
    .array(z.string().min(1).max(80))
    .max(10)
    .optional()
    .describe('Medical needs, e.g. "insulin", "oxygen"'),
  mobilityLimited: z.boolean().optional().describe('Has limited mobility (affects evacuation)'),
  dailyMedications: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(80).describe('Medication name'),
        dosesPerDay: z.number().positive().max(48).describe('Doses per day'),
      }),
    )
    .max(10)
    .optional()
    .describe('Daily prescriptions to stock'),
});

export const petInput = z.object({
  species: z.enum(['dog', 'cat', 'other']).describe('dog, cat or other'),
  weightLb: z.number().positive().max(400).describe('Weight in pounds (water and food scale with it)'),
});

export const scenarioInput = z.enum(SCENARIO_IDS);

export const householdFields = {
  location: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Where they live: "City, ST", a ZIP code, "lat,lon" or a state'),
  members: z
    .array(memberInput)
    .min(1)
    .max(30)
    .optional()
    .describe('Everyone in the household; replaces the stored list, so include everyone'),
  pets: z.array(petInput).max(20).optional().describe('All pets; replaces the stored list ([] for none)'),
  scenarios: z
    .array(scenarioInput)
    .max(12)
    .optional()
    .describe('Hazards to plan for; location hazards are added automatically'),
  durationDays: z
    .number()
    .int()
    .min(3)
    .max(3650)
    .optional()
    .describe('How long to be self-sufficient, in days (3 to 3650)'),
  mobility: z
    .enum(['BUG_OUT', 'SHELTER_IN_PLACE'])
    .optional()
    .describe('BUG_OUT to evacuate, SHELTER_IN_PLACE to stay home'),
  budget: z
    .number()
    .min(0)
    .max(10_000_000)
    .optional()
    .describe('Total to spend now, US dollars; 0 means needs only'),
  monthlyBudget: z
    .number()
    .min(0)
    .max(1_000_000)
    .optional()
    .describe('Monthly spending for a purchase schedule, US dollars'),
  skills: z
    .array(z.string().min(1).max(60))
    .max(50)
    .optional()
    .describe('Skill ids they already have, e.g. "first-aid"'),
};

export const householdInput = z.object(householdFields);
export type HouseholdInput = z.infer<typeof householdInput>;

function kindForAge(age: number, preferred: MemberKind): MemberKind {
  const r = KIND_AGE_RANGES[preferred];
  if (age >= r.min && age < r.max) return preferred;
  if (age < 1) return 'infant';
  if (age < 13) return 'child';
  if (age < 18) return 'teen';
  return age >= 65 ? 'senior' : 'adult';
}

/** Fills what the planner needs (ages by kind) and fixes a kind that contradicts the age given. */
export function normalizeHousehold(input: HouseholdInput): HouseholdPatch {
  const patch: HouseholdPatch = {};
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined && key !== 'members') (patch as Record<string, unknown>)[key] = value;
  }
  if (input.members) {
    patch.members = input.members.map((m) => {
      const age = m.ageYears ?? DEFAULT_AGE[m.kind];
      const kind = kindForAge(age, m.kind);
      const female = m.pregnant || m.nursing ? 'f' : (m.sex ?? null);
      const canCarry = female === 'f' && age >= 12;
      return {
        kind,
        ageYears: age,
        sex: female,
        pregnant: canCarry && (m.pregnant ?? false),
        nursing: canCarry && (m.nursing ?? false),
        medicalNeeds: m.medicalNeeds ?? [],
        mobilityLimited: m.mobilityLimited ?? false,
        dailyMedications: m.dailyMedications ?? [],
      };
    });
  }
  return patch;
}
