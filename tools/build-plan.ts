import { tool, zodSchema } from 'ai';
import { careNotes, missingForPlan, PLAN_DEFAULTS, planRequestOf } from '../src/domain/household-draft.ts';
import { applyHouseholdEdits } from '../src/domain/household-edits.ts';
import { getHouseholdFor } from '../src/services/accounts/profiles.ts';
import { getDraftPlan, setDraftPlan } from '../src/services/conversations/conversations.ts';
import { badInput } from '../src/services/errors.ts';
import { listInventory, ownedSupplies } from '../src/services/inventory/index.ts';
import { buildPlan } from '../src/services/plans/index.ts';
import { actorFor, attempt, type ToolContext } from './context.ts';
import { householdEdits } from './household-input.ts';
import { headline, summarizePlan } from './plan-summary.ts';

export { PLAN_DEFAULTS };

/** Built once: the SDK caches the JSON schema a Schema object carries. */
const buildPlanInput = zodSchema(householdEdits);

/** Builds the plan with the planning engine from the saved household (plus edits for this plan only). */
export function buildPlanTool(ctx: ToolContext) {
  return tool({
    description:
      'Builds a complete readiness plan with the planning engine (rations, supplies, products within budget, ' +
      'readiness, skills, phases) from the saved household; edits given here apply to this plan only (save ' +
      'household changes with updateHousehold). Keeps the plan on this conversation but does NOT save it to the ' +
      `account (use savePlan). Needs a location and the members. Defaults: ${PLAN_DEFAULTS.durationDays} days, ` +
      `shelter in place, $${PLAN_DEFAULTS.budget} budget. Returns the plan's numbers and, when a plan was built ` +
      'before in this conversation, its previous headline numbers: quote them, never compute your own.',
    inputSchema: buildPlanInput,
    execute: (edits) =>
      attempt(async () => {
        const actor = actorFor(ctx);
        const stored = await getHouseholdFor(ctx.db, actor, ctx.conversationId);
        const household = applyHouseholdEdits(stored, edits).draft;
        const missing = missingForPlan(household);
        if (missing.length > 0) throw badInput(`a plan needs ${missing.join(' and ')} first`, missing[0]);
        const { request, defaultsUsed } = planRequestOf(household);
        const before = await getDraftPlan(ctx.db, actor, ctx.conversationId);
        const kit = await buildPlan(
          { db: ctx.db, solver: ctx.solver },
          { ...request, owned: await ownedFor(ctx, household.owned ?? []) },
        );
        await setDraftPlan(ctx.db, actor, ctx.conversationId, kit);
        return {
          plan: summarizePlan(kit, null, { draftUrl: `${ctx.publicUrl}/plans/draft/${ctx.conversationId}` }),
          previous: before ? headline(before) : null,
          care: careNotes(household.members ?? []),
          defaultsUsed,
          saved: false,
          signedIn: ctx.userId !== null,
        };
      }),
  });
}

/** Tracked inventory when there is any, else what the person said they have (kept on the household). */
async function ownedFor(ctx: ToolContext, stated: { supplyKey: string; quantity: number }[]) {
  const tracked = ctx.userId ? ownedSupplies(await listInventory(ctx.db, ctx.userId)) : [];
  return tracked.length > 0 ? tracked : stated;
}
