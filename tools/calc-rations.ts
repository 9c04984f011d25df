import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import { resolveLocation } from '../src/domain/location.ts';
import { HouseholdSchema } from '../src/domain/plan-input.ts';
import { calcRations } from '../src/domain/rations.ts';
import { badInput } from '../src/services/errors.ts';
import { getHouseholdFor, mergeHousehold, parseHouseholdPatch } from '../src/services/profiles/profiles.ts';
import { actorFor, attempt, type ToolContext } from './context.ts';
import { householdFields, normalizeHousehold } from './household-input.ts';

/** Water and food for the household over a duration, from the published rules (no saving). */
/** Built once: the SDK caches the JSON schema a Schema object carries. */
const calcRationsInput = zodSchema(
  z.object({
    members: householdFields.members,
    pets: householdFields.pets,
    durationDays: householdFields.durationDays,
    location: householdFields.location,
    scenarios: householdFields.scenarios,
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
        const household = mergeHousehold(stored, parseHouseholdPatch(normalizeHousehold(input)));
        if (!household.members?.length) {
          throw badInput(
            'who is in the household? Give members (or save them with updateHousehold) first',
            'members',
          );
        }
        const location = resolveLocation(household.location ?? '');
        const durationDays = household.durationDays ?? 14;
        const rations = calcRations(
          HouseholdSchema.parse({ members: household.members, pets: household.pets ?? [] }),
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
            adjustments: rations.water.adjustments,
            basis: rations.water.basis,
          },
          food: {
            kcalPerDay: rations.food.kcalPerDay,
            totalKcal: rations.food.totalKcal,
            basis: rations.food.basis,
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
