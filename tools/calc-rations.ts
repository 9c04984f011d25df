import { tool, zodSchema } from 'ai';
import { memberForPlan, PLAN_DEFAULTS } from '../src/domain/household-draft.ts';
import { applyHouseholdEdits } from '../src/domain/household-edits.ts';
import { resolveLocation } from '../src/domain/location.ts';
import { HouseholdSchema } from '../src/domain/plan-input.ts';
import { calcRations } from '../src/domain/rations.ts';
import { getHouseholdFor } from '../src/services/accounts/profiles.ts';
import { badInput } from '../src/services/errors.ts';
import { actorFor, attempt, type ToolContext } from './context.ts';
import { householdEdits } from './household-input.ts';
import { plainText } from './plan-summary.ts';

/** Water and food for the household over a duration, from the published rules (no saving). */
const calcRationsInput = zodSchema(
  householdEdits.pick({
    members: true,
    addMembers: true,
    pets: true,
    addPets: true,
    durationDays: true,
    location: true,
    scenarios: true,
  }),
);

export function calcRationsTool(ctx: ToolContext) {
  return tool({
    description:
      'Read-only. Calculates water (gallons/day and total) and food (kcal/day and total) for the household over ' +
      'a duration from published rules (Ready.gov/FEMA, Dietary Guidelines), with the rule cited. Omitted ' +
      'fields come from the saved household. Use these numbers; never compute rations yourself.',
    inputSchema: calcRationsInput,
    execute: (input) =>
      attempt(async () => {
        const stored = await getHouseholdFor(ctx.db, actorFor(ctx), ctx.conversationId);
        const household = applyHouseholdEdits(stored, input).draft;
        if (!household.members?.length) {
          throw badInput(
            'who is in the household? Give members (or save them with updateHousehold) first',
            'members',
          );
        }
        const location = resolveLocation(household.location ?? '');
        const durationDays = household.durationDays ?? PLAN_DEFAULTS.durationDays;
        const rations = calcRations(
          HouseholdSchema.parse({
            members: household.members.map(memberForPlan),
            pets: (household.pets ?? []).map((p) => ({ species: p.species, weightLb: p.weightLb })),
          }),
          durationDays,
          location.climate,
          household.scenarios ?? [],
        );
        return {
          durationDays,
          climate: location.climate,
          water: {
            gallonsPerDay: rations.water.gallonsPerDay,
            totalGallons: rations.water.totalGallons,
            storageGallons: rations.water.storageGallons,
            storageDays: rations.water.storageDays,
            adjustments: rations.water.adjustments.map(plainText),
            basis: plainText(rations.water.basis),
          },
          food: {
            kcalPerDay: rations.food.kcalPerDay,
            totalKcal: rations.food.totalKcal,
            basis: plainText(rations.food.basis),
          },
          members: rations.members.map((m) => ({
            label: m.label,
            kcalPerDay: m.kcalPerDay,
            waterGallonsPerDay: m.waterGallonsPerDay,
          })),
          pets: rations.pets.map((p) => ({
            species: p.species,
            weightLb: p.weightLb,
            waterGallonsPerDay: p.waterGallonsPerDay,
            foodLbPerDay: p.foodLbPerDay,
          })),
        };
      }),
  });
}
