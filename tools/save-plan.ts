import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import { getDraftPlan, setConversationPlan } from '../src/services/conversations/conversations.ts';
import { badInput } from '../src/services/errors.ts';
import { savePlan } from '../src/services/plans/index.ts';
import { actorFor, attempt, needsAccount, planUrl, type ToolContext } from './context.ts';
import { summarizePlan } from './plan-summary.ts';

/** Saves the plan built in this conversation to the account. */
/** Built once: the SDK caches the JSON schema a Schema object carries. */
const savePlanInput = zodSchema(
  z.object({}).describe('No input: it saves the plan built in this conversation'),
);

export function savePlanTool(ctx: ToolContext) {
  return tool({
    description:
      'CHANGES DATA. Saves the plan last built in this conversation (buildPlan) to the account and returns its ' +
      'link. On the Free tier the account keeps one plan, so a new one replaces it. Anonymous people are asked ' +
      'to create an account.',
    inputSchema: savePlanInput,
    execute: async () => {
      if (!ctx.userId) return needsAccount(ctx, 'Saving a plan');
      const userId = ctx.userId;
      return attempt(async () => {
        const kit = await getDraftPlan(ctx.db, actorFor(ctx), ctx.conversationId);
        if (!kit) throw badInput('there is no plan in this conversation yet: build one first', 'plan');
        const saved = await savePlan(ctx.db, userId, kit);
        await setConversationPlan(ctx.db, userId, ctx.conversationId, saved.id);
        const url = planUrl(ctx, saved.id);
        return { ...saved, planId: saved.id, url, plan: summarizePlan(kit, { planId: saved.id, url }) };
      });
    },
  });
}
