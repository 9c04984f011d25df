import { buildPlanTool } from './build-plan.ts';
import { calcRationsTool } from './calc-rations.ts';
import { checkTierTool } from './check-tier.ts';
import type { ToolContext } from './context.ts';
import { bookExpertCallTool, listExpertCallsTool } from './expert-calls.ts';
import { findSkillResourcesTool } from './find-skill-resources.ts';
import { getPlanTool } from './get-plan.ts';
import { listInventoryTool } from './list-inventory.ts';
import { matchBundlesTool } from './match-bundles.ts';
import { notificationPreferencesTool } from './notification-preferences.ts';
import { presentChoicesTool } from './present-choices.ts';
import { savePlanTool } from './save-plan.ts';
import { searchGuidanceTool } from './search-guidance.ts';
import { searchProductsTool } from './search-products.ts';
import { updateHouseholdTool } from './update-household.ts';
import { updateInventoryTool } from './update-inventory.ts';

export type { ToolContext } from './context.ts';
export type { PlanSummary } from './plan-summary.ts';

/** Every tool, bound to one conversation's context (its user, thread and channel). */
export function createTools(ctx: ToolContext) {
  return {
    updateHousehold: updateHouseholdTool(ctx),
    buildPlan: buildPlanTool(ctx),
    savePlan: savePlanTool(ctx),
    getPlan: getPlanTool(ctx),
    calcRations: calcRationsTool(ctx),
    searchProducts: searchProductsTool(ctx),
    matchBundles: matchBundlesTool(ctx),
    updateInventory: updateInventoryTool(ctx),
    listInventory: listInventoryTool(ctx),
    searchGuidance: searchGuidanceTool(ctx),
    findSkillResources: findSkillResourcesTool(ctx),
    listExpertCalls: listExpertCallsTool(ctx),
    bookExpertCall: bookExpertCallTool(ctx),
    checkTier: checkTierTool(ctx),
    notificationPreferences: notificationPreferencesTool(ctx),
    presentChoices: presentChoicesTool(),
  };
}
