import { z } from 'zod';
import {
  type DraftMember,
  type DraftPet,
  DraftPetSchema,
  MemberInputSchema,
} from './household-draft-schema.ts';
import { MemberConditionSchema, MemberKindSchema, MobilitySchema } from './plan-input.ts';
import { ScenarioIdSchema } from './scenarios.ts';

/**
 * The household changed by operations, never rebuilt: add, change or remove a member or a pet, set a field.
 * A correction names what it changes ("grandma is 78", "make that $200") and everything else stays.
 */

export const MemberMatchSchema = z
  .object({
    role: z.string().trim().toLowerCase().min(1).max(40).optional().describe('e.g. "grandma", "wife", "me"'),
    kind: MemberKindSchema.optional(),
    ageYears: z.number().min(0).max(120).optional(),
    position: z.number().int().min(1).max(30).optional().describe('1-based position in the household list'),
  })
  .describe('Which member: by role, kind, age or position (the first that fits)');
export type MemberMatch = z.infer<typeof MemberMatchSchema>;

const MemberSetSchema = MemberInputSchema.pick({
  role: true,
  kind: true,
  ageYears: true,
  sex: true,
  pregnant: true,
  nursing: true,
  mobilityLimited: true,
}).partial();

export const MemberChangeSchema = z.object({
  match: MemberMatchSchema,
  set: MemberSetSchema.optional().describe('Facts that change; others stay'),
  addConditions: z.array(MemberConditionSchema).max(10).optional(),
  removeConditions: z.array(MemberConditionSchema).max(10).optional(),
});

export const PetMatchSchema = z
  .object({
    species: z.enum(['dog', 'cat', 'other']).optional(),
    breed: z.string().trim().toLowerCase().optional(),
    weightLb: z.number().positive().max(400).optional(),
    position: z.number().int().min(1).max(20).optional().describe('1-based position among the pets'),
  })
  .describe('Which pet: by species, breed, weight or position');

export const HouseholdEditsSchema = z.object({
  location: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Where they live: "City, ST", a ZIP code, "lat,lon", a state, or a place abroad'),
  durationDays: z.number().int().min(3).max(3650).optional().describe('Days to be self-sufficient (3-3650)'),
  budget: z.number().min(0).max(10_000_000).optional().describe('Total to spend now, USD; 0 = needs only'),
  monthlyBudget: z.number().min(0).max(1_000_000).optional().describe('Monthly spending, USD'),
  mobility: MobilitySchema.optional().describe('BUG_OUT to evacuate, SHELTER_IN_PLACE to stay home'),
  scenarios: z.array(ScenarioIdSchema).max(12).optional().describe('Replaces the chosen hazards'),
  addScenarios: z.array(ScenarioIdSchema).max(12).optional(),
  removeScenarios: z.array(ScenarioIdSchema).max(12).optional(),
  addSkills: z.array(z.string().trim().min(1).max(60)).max(20).optional().describe('Skill ids they have'),
  members: z
    .array(MemberInputSchema)
    .min(1)
    .max(30)
    .optional()
    .describe('Replaces EVERYONE: only when the person describes the whole household'),
  addMembers: z.array(MemberInputSchema).max(20).optional().describe('People joining the household'),
  changeMembers: z.array(MemberChangeSchema).max(20).optional().describe('Corrections to known people'),
  removeMembers: z.array(MemberMatchSchema).max(20).optional().describe('People leaving the household'),
  headCount: z
    .number()
    .int()
    .min(1)
    .max(30)
    .optional()
    .describe('"we are 5": after the other edits, adds adults or removes the last listed to reach it'),
  pets: z.array(DraftPetSchema).max(20).optional().describe('Replaces ALL pets ([] for none)'),
  addPets: z.array(DraftPetSchema).max(20).optional(),
  changePets: z
    .array(z.object({ match: PetMatchSchema, set: DraftPetSchema.partial() }))
    .max(20)
    .optional(),
  removePets: z.array(PetMatchSchema).max(20).optional(),
});
export type HouseholdEditsInput = z.input<typeof HouseholdEditsSchema>;

export type HouseholdChange =
  | { type: 'member-added'; member: DraftMember }
  | { type: 'member-removed'; member: DraftMember }
  | { type: 'member-changed'; before: DraftMember; after: DraftMember }
  | { type: 'members-replaced'; members: DraftMember[] }
  | { type: 'pet-added'; pet: DraftPet }
  | { type: 'pet-removed'; pet: DraftPet }
  | { type: 'pet-changed'; before: DraftPet; after: DraftPet }
  | { type: 'pets-replaced'; pets: DraftPet[] }
  | { type: 'field'; field: FieldName; before: unknown; after: unknown };

export type FieldName =
  | 'location'
  | 'durationDays'
  | 'budget'
  | 'monthlyBudget'
  | 'mobility'
  | 'scenarios'
  | 'skills';
