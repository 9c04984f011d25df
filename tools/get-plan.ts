import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import { getDraftPlan } from '../src/services/conversations/conversations.ts';
import { notFound } from '../src/services/errors.ts';
import { getLatestPlan, getPlan } from '../src/services/plans/index.ts';
import { actorFor, attempt, planUrl, type ToolContext } from './context.ts';
import { kitOf } from './plan-access.ts';
import { summarizePlan } from './plan-summary.ts';

/** A saved plan's numbers (the latest, or one by id), or the plan built in this conversation. */
const getPlanInput = zodSchema(
  z.object({
    planId: z.uuid().optional().describe('A saved plan id; omit for the latest'),
  }),
);

export function getPlanTool(ctx: ToolContext) {
  return tool({
    description:
      "Read-only. Returns the numbers of the person's saved plan (the latest, or the one with planId), or of the " +
      'plan built in this conversation when nothing is saved. Another account’s plan is never found.',
    inputSchema: getPlanInput,
    execute: ({ planId }) =>
      attempt(async () => {
        if (ctx.userId) {
          const row = planId
            ? await getPlan(ctx.db, ctx.userId, planId)
            : await getLatestPlan(ctx.db, ctx.userId);
          if (row) {
            const id = (row as { id?: string }).id ?? planId ?? null;
            const saved = id ? { planId: id, url: planUrl(ctx, id) } : null;
            return { plan: summarizePlan(kitOf(row), saved), saved: true };
          }
          if (planId) throw notFound('Plan');
        } else if (planId) {
          throw notFound('Plan');
        }
        const draft = await getDraftPlan(ctx.db, actorFor(ctx), ctx.conversationId);
        if (!draft) throw notFound('Plan');
        return { plan: summarizePlan(draft), saved: false };
      }),
  });
}
