import { tool, zodSchema } from 'ai';
import { updateHouseholdFor } from '../src/services/profiles/profiles.ts';
import { actorFor, attempt, type ToolContext } from './context.ts';
import { householdInput, normalizeHousehold } from './household-input.ts';
import { missingForPlan } from './plan-summary.ts';

/** Saves what the person said about their household, so nobody is asked twice. */
/** Built once: the SDK caches the JSON schema a Schema object carries. */
const updateHouseholdInput = zodSchema(householdInput);

export function updateHouseholdTool(ctx: ToolContext) {
  return tool({
    description:
      'CHANGES DATA. Saves household facts the person stated or corrected (location, members, pets, scenarios, ' +
      'duration, mobility, budget, skills) to their profile (or to this conversation when anonymous). Send only ' +
      'the fields that changed; a members or pets list replaces the stored one. Returns the household and ' +
      'what a plan still needs.',
    inputSchema: updateHouseholdInput,
    execute: (input) =>
      attempt(async () => {
        const household = await updateHouseholdFor(
          ctx.db,
          actorFor(ctx),
          ctx.conversationId,
          normalizeHousehold(input),
        );
        return { household, missing: missingForPlan(household) };
      }),
  });
}
