import { z } from 'zod';
import { ScenarioIdSchema } from './scenarios.ts';
import { isSupplyKey } from './supplies.ts';

export const MEMBER_KINDS = ['adult', 'teen', 'child', 'infant', 'senior'] as const;
export const MemberKindSchema = z.enum(MEMBER_KINDS);
export type MemberKind = z.infer<typeof MemberKindSchema>;

/** Ages a kind may take (inclusive min, exclusive max): they overlap so a 1.5-year-old may be either. */
export const KIND_AGE_RANGES: Record<MemberKind, { min: number; max: number }> = {
  infant: { min: 0, max: 2 },
  child: { min: 1, max: 13 },
  teen: { min: 13, max: 20 },
  adult: { min: 18, max: 121 },
  senior: { min: 60, max: 121 },
};

/** Used when a member is given without an age (plan-cli.md `--people`). */
export const DEFAULT_AGE: Record<MemberKind, number> = {
  adult: 35,
  teen: 15,
  child: 8,
  infant: 0.5,
  senior: 70,
};

export const ActivitySchema = z.enum(['sedentary', 'moderate', 'active']);

export const MobilitySchema = z.enum(['BUG_OUT', 'SHELTER_IN_PLACE']);
export type Mobility = z.infer<typeof MobilitySchema>;

export const MedicationSchema = z.object({
  name: z.string().trim().min(1).describe('Medication name as the household calls it'),
  dosesPerDay: z.number().positive().max(48).describe('Doses taken per day'),
});

/**
 * Medical conditions that change what a member needs (plan-cli.md v2 `--people` parts): insulin needs cold
 * storage without power and sharps disposal, oxygen and dialysis need power backup, a mobility aid changes
 * evacuation, a food allergy excludes foods. `allergy-<food>` names the food (allergy-peanut).
 */
export const MEMBER_CONDITIONS = [
  'diabetic',
  'diabetic-insulin',
  'oxygen',
  'mobility-aid',
  'dialysis',
] as const;
export const MemberConditionSchema = z.union([
  z.enum(MEMBER_CONDITIONS),
  z
    .string()
    .regex(
      /^allergy-[a-z][a-z-]*$/,
      'a condition is one of diabetic, diabetic-insulin, oxygen, mobility-aid, dialysis or allergy-<food>',
    ) as z.ZodType<`allergy-${string}`>,
]);
export type MemberCondition = z.infer<typeof MemberConditionSchema>;

/**
 * Ages at which pregnancy or nursing is accepted (inclusive). CDC/NCHS natality tables run from mothers aged
 * 10-14 to 50-54 and births past 50 are a tiny fraction, so 12-55 keeps every plausible mother while a
 * "pregnant at 70" or a pregnant 8-year-old is caught as a typo (READYPLAN_ASSUMPTION for the exact bounds).
 */
export const CHILDBEARING_AGES = { min: 12, max: 55 } as const;

export const MemberSchema = z
  .object({
    kind: MemberKindSchema,
    ageYears: z.number().min(0).max(120).describe('Age in years; decimals for infants (0.5 = six months)'),
    sex: z.enum(['m', 'f']).nullable().default(null),
    pregnant: z.boolean().default(false),
    // Unknown trimester: the 3rd-trimester increment is used (see calories.ts).
    pregnancyTrimester: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    nursing: z.boolean().default(false),
    // Disaster days mean hauling water and clearing debris, closer to DGA "moderately active" than sedentary.
    activity: ActivitySchema.default('moderate'),
    medicalNeeds: z.array(z.string().trim().min(1)).default([]),
    conditions: z.array(MemberConditionSchema).default([]),
    dailyMedications: z.array(MedicationSchema).default([]),
    mobilityLimited: z.boolean().default(false),
  })
  .superRefine((m, ctx) => {
    const range = KIND_AGE_RANGES[m.kind];
    if (m.ageYears < range.min || m.ageYears >= range.max) {
      ctx.addIssue({
        code: 'custom',
        path: ['ageYears'],
        message: `${m.kind} age ${m.ageYears} is outside ${range.min}-${range.max - 1} years`,
      });
    }
    for (const flag of ['pregnant', 'nursing'] as const) {
      if (!m[flag]) continue;
      if (m.sex === 'm') {
        ctx.addIssue({ code: 'custom', path: [flag], message: `${flag} cannot apply to a male member` });
      } else if (m.ageYears < CHILDBEARING_AGES.min || m.ageYears > CHILDBEARING_AGES.max) {
        ctx.addIssue({
          code: 'custom',
          path: [flag],
          message: `${flag} at age ${m.ageYears} is outside the plausible ${CHILDBEARING_AGES.min}-${CHILDBEARING_AGES.max} years`,
        });
      }
    }
    if (m.conditions.includes('diabetic') && m.conditions.includes('diabetic-insulin')) {
      ctx.addIssue({
        code: 'custom',
        path: ['conditions'],
        message: 'give diabetic or diabetic-insulin, not both (diabetic-insulin already means diabetic)',
      });
    }
  });
export type Member = z.infer<typeof MemberSchema>;
export type MemberInput = z.input<typeof MemberSchema>;

export const PetSchema = z.object({
  species: z.enum(['dog', 'cat', 'other']),
  weightLb: z.number().positive().max(400),
});
export type Pet = z.infer<typeof PetSchema>;

export const HouseholdSchema = z.object({
  members: z.array(MemberSchema).min(1, 'at least one household member'),
  pets: z.array(PetSchema).default([]),
});
export type Household = z.infer<typeof HouseholdSchema>;

export const OwnedItemSchema = z.object({
  supplyKey: z.string().refine(isSupplyKey, { message: 'unknown supply key (see data/supplies.json)' }),
  quantity: z.number().min(0).describe("Quantity in the supply's unit (gal, kcal, lb, count ...)"),
});
export type OwnedItem = z.infer<typeof OwnedItemSchema>;

export const PlanInputSchema = z.object({
  location: z.string().trim().min(1).describe('City and state, ZIP code, "lat,lon" or a state'),
  members: z.array(MemberSchema).min(1, 'at least one household member'),
  pets: z.array(PetSchema).default([]),
  durationDays: z.number().int().min(3).max(3650),
  scenarios: z.array(ScenarioIdSchema).default([]),
  mobility: MobilitySchema.default('SHELTER_IN_PLACE'),
  budget: z.number().min(0).describe('US dollars; 0 means needs only, no purchases'),
  monthlyBudget: z.number().min(0).optional(),
  owned: z.array(OwnedItemSchema).default([]),
  skills: z.array(z.string().trim().min(1)).default([]).describe('Skill ids the household already has'),
  setting: z.enum(['urban', 'rural']).optional().describe('Overrides the setting inferred from the location'),
});
export type PlanInput = z.infer<typeof PlanInputSchema>;
