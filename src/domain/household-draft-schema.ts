import { z } from 'zod';
import {
  MedicationSchema,
  MemberConditionSchema,
  MemberKindSchema,
  MobilitySchema,
  OwnedItemSchema,
  PetSchema,
} from './plan-input.ts';
import { ScenarioIdSchema } from './scenarios.ts';

// What a draft holds: each member, pet and field as stated, validated; household-draft.ts works on it.

/** A member as a person (or a model) states it: every detail but the kind optional. */
export const MemberInputSchema = z.object({
  role: z
    .string()
    .trim()
    .toLowerCase()
    .min(1)
    .max(40)
    .optional()
    .describe('Who they are to the person: me, wife, husband, partner, grandma, son, daughter, roommate …'),
  kind: MemberKindSchema.describe('adult 18+, senior 60+, teen 13-19, child 1-12, infant under 2'),
  ageYears: z
    .number()
    .min(0)
    .max(120)
    .optional()
    .describe('Age in years when said; decimals for infants (0.5 = six months)'),
  sex: z.enum(['m', 'f']).nullable().optional().describe('m or f when said'),
  pregnant: z.boolean().optional().describe('Pregnant'),
  nursing: z.boolean().optional().describe('Breastfeeding'),
  conditions: z
    .array(MemberConditionSchema)
    .max(10)
    .optional()
    .describe(
      'diabetic, diabetic-insulin (takes insulin), oxygen, mobility-aid (wheelchair, walker), dialysis, allergy-<food>',
    ),
  medicalNeeds: z.array(z.string().trim().min(1).max(80)).max(10).optional().describe('Other medical needs'),
  dailyMedications: z.array(MedicationSchema).max(10).optional().describe('Daily prescriptions to stock'),
  mobilityLimited: z.boolean().optional().describe('Limited mobility (affects evacuation)'),
});
export type MemberInput = z.input<typeof MemberInputSchema>;

/**
 * A member as stored: the age is always there for the planner; `ageAssumed` marks the kind's typical age
 * filled in because none was said, so replies never state an age nobody gave.
 */
export const DraftMemberSchema = MemberInputSchema.extend({
  ageYears: z.number().min(0).max(120),
  ageAssumed: z.boolean().optional(),
});
export type DraftMember = z.infer<typeof DraftMemberSchema>;
export const StoredMemberSchema = MemberInputSchema.extend({ ageAssumed: z.boolean().optional() });

export const DraftPetSchema = PetSchema.extend({
  breed: z.string().trim().toLowerCase().min(1).max(40).optional().describe('Breed when said, e.g. lab'),
});
export type DraftPet = z.infer<typeof DraftPetSchema>;

export const HouseholdDraftSchema = z.object({
  location: z.string().trim().min(1).max(200).optional(),
  members: z.array(DraftMemberSchema).min(1).max(30).optional(),
  pets: z.array(DraftPetSchema).max(20).optional(),
  scenarios: z.array(ScenarioIdSchema).max(12).optional(),
  durationDays: z.number().int().min(3).max(3650).optional(),
  mobility: MobilitySchema.optional(),
  budget: z.number().min(0).max(10_000_000).optional(),
  monthlyBudget: z.number().min(0).max(1_000_000).optional(),
  skills: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
  /** What they said they already have, in supply units, when no inventory is tracked for them. */
  owned: z.array(OwnedItemSchema).max(100).optional(),
});
export type HouseholdDraft = z.infer<typeof HouseholdDraftSchema>;
