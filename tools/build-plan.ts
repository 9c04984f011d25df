import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import { setDraftPlan } from '../src/services/conversations/conversations.ts';
import { badInput } from '../src/services/errors.ts';
import { ownedSupplies } from '../src/services/inventory-statements/apply.ts';
import { buildPlan } from '../src/services/plans/index.ts';
import { getHouseholdFor, mergeHousehold, parseHouseholdPatch } from '../src/services/profiles/profiles.ts';
import { actorFor, attempt, type ToolContext } from './context.ts';
import { householdFields, normalizeHousehold } from './household-input.ts';
import { missingForPlan, summarizePlan } from './plan-summary.ts';

/** Stated to the person when they did not say: a two-week kit, sheltering in place, a starter budget. */
export const PLAN_DEFAULTS = { durationDays: 14, mobility: 'SHELTER_IN_PLACE' as const, budget: 250 };

/** Builds the plan with the planning engine from the saved household (plus any overrides). */
/** Built once: the SDK caches the JSON schema a Schema object carries. */
const buildPlanInput = zodSchema(z.object(householdFields));

export function buildPlanTool(ctx: ToolContext) {
  return tool({
    description:
      'Builds a complete readiness plan with the planning engine (rations, supplies, products within budget, ' +
      'readiness, skills, phases) from the saved household; fields given here override it for this plan. ' +
      'Keeps the plan on this conversation but does NOT save it to the account (use savePlan). Needs a ' +
      `location and the members. Defaults: ${PLAN_DEFAULTS.durationDays} days, shelter in place, ` +
      `$${PLAN_DEFAULTS.budget} budget. Returns the plan's numbers: quote them, never compute your own.`,
    inputSchema: buildPlanInput,
    execute: (input) =>
      attempt(async () => {
        const actor = actorFor(ctx);
        const stored = await getHouseholdFor(ctx.db, actor, ctx.conversationId);
        const household = mergeHousehold(stored, parseHouseholdPatch(normalizeHousehold(input)));
        const missing = missingForPlan(household);
        if (missing.length > 0) throw badInput(`a plan needs ${missing.join(' and ')} first`, missing[0]);
        const defaulted = (['durationDays', 'mobility', 'budget'] as const).filter(
          (k) => household[k] === undefined,
        );
        const kit = await buildPlan(
          { db: ctx.db },
          {
            location: household.location!,
            members: household.members!,
            pets: household.pets ?? [],
            durationDays: household.durationDays ?? PLAN_DEFAULTS.durationDays,
            scenarios: household.scenarios ?? [],
            mobility: household.mobility ?? PLAN_DEFAULTS.mobility,
            budget: household.budget ?? PLAN_DEFAULTS.budget,
            ...(household.monthlyBudget !== undefined ? { monthlyBudget: household.monthlyBudget } : {}),
            owned: ctx.userId ? await ownedSupplies(ctx.db, ctx.userId) : [],
            skills: household.skills ?? [],
          },
        );
        await setDraftPlan(ctx.db, actor, ctx.conversationId, kit);
        return {
          plan: summarizePlan(kit),
          defaultsUsed: Object.fromEntries(defaulted.map((k) => [k, PLAN_DEFAULTS[k]])),
          saved: false,
          signedIn: ctx.userId !== null,
        };
      }),
  });
}
