import type { GeneratedKit } from '../src/domain/generated-kit.ts';
import { getDraftPlan } from '../src/services/conversations/conversations.ts';
import { getLatestPlan } from '../src/services/plans/index.ts';
import { actorFor, type ToolContext } from './context.ts';

/** The plan the conversation is about: the one built in this thread, else the user's latest saved plan. */
export async function currentKit(ctx: ToolContext): Promise<GeneratedKit | null> {
  const draft = await getDraftPlan(ctx.db, actorFor(ctx), ctx.conversationId);
  if (draft) return draft;
  if (!ctx.userId) return null;
  const latest = await getLatestPlan(ctx.db, ctx.userId);
  return latest ? kitOf(latest) : null;
}

/** The plan service returns a stored plan row or the kit itself; either way, the kit. */
export function kitOf(plan: unknown): GeneratedKit {
  const row = plan as { reportData?: GeneratedKit };
  return row.reportData ?? (plan as GeneratedKit);
}
