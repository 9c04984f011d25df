import { tool, zodSchema } from 'ai';
import { missingForPlan } from '../src/domain/household-draft.ts';
import { describeEdit } from '../src/domain/household-edits.ts';
import { editHouseholdFor } from '../src/services/accounts/profiles.ts';
import { actorFor, attempt, type ToolContext } from './context.ts';
import { householdEdits } from './household-input.ts';

/** Built once: the SDK caches the JSON schema a Schema object carries. */
const updateHouseholdInput = zodSchema(householdEdits);

/** Changes what is known about the household by edits, so a correction changes only what it names. */
export function updateHouseholdTool(ctx: ToolContext) {
  return tool({
    description:
      'CHANGES DATA. Edits the household on the profile (or this conversation when anonymous): set location, ' +
      'duration, budget, mobility, scenarios; addMembers / changeMembers / removeMembers (match by role such as ' +
      '"grandma", "wife", "me", or by kind/age); addPets / changePets / removePets; headCount for "we are 5". ' +
      'Send only what the person stated or corrected; use `members` (replaces everyone) only when they describe ' +
      'the whole household. Returns `changed` (say it), the household now, anything unmatched, and what a plan ' +
      'still needs.',
    inputSchema: updateHouseholdInput,
    execute: (edits) =>
      attempt(async () => {
        const result = await editHouseholdFor(ctx.db, actorFor(ctx), ctx.conversationId, edits);
        return {
          changed: describeEdit(result),
          changes: result.changes.length,
          unmatched: result.unmatched,
          household: result.draft,
          missing: missingForPlan(result.draft),
        };
      }),
  });
}
