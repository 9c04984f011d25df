import { z } from 'zod';
import type { GeneratedKit } from '../../../domain/generated-kit.ts';
import { MemberInputSchema, normalizeMember } from '../../../domain/household-draft.ts';
import type { Db } from '../../../services/database.ts';
import { badInput } from '../../../services/errors.ts';
import { listInventory, ownedSupplies } from '../../../services/inventory/index.ts';
import { buildPlan } from '../../../services/plans/index.ts';
import type { Solver } from '../../../services/plans/solver-pool.ts';

const saveDraftSchema = z.strictObject({ conversationId: z.uuid({ message: 'must be a conversation id' }) });

/**
 * The body of POST /api/plans: `{ conversationId }` names a chat whose plan to save; anything else is a plan
 * request. The first problem is a 400 naming its field.
 */
export function readPlanBody(
  body: unknown,
): { conversationId: string } | { request: Record<string, unknown> } {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw badInput('The request body must be a JSON object.', 'body');
  if (!('conversationId' in body)) return { request: { ...(body as Record<string, unknown>) } };
  const parsed = saveDraftSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field =
    issue.code === 'unrecognized_keys' ? issue.keys[0]! : String(issue.path[0] ?? 'conversationId');
  throw badInput(
    `${field} ${issue.code === 'unrecognized_keys' ? 'is not accepted with conversationId' : issue.message}`,
    field,
  );
}

/**
 * Builds a plan from an API plan request (location, members, durationDays, budget, scenarios …, as the plan
 * command takes); what the user owns counts unless the request says what is owned.
 */
export async function buildRequestedPlan(
  { db, solver }: { db: Db; solver: Solver },
  userId: string,
  request: Record<string, unknown>,
): Promise<GeneratedKit> {
  const input = { ...request };
  // As on the plan command, a member may be given by kind alone ("adult"): the household module fills the
  // kind's typical age; anything it cannot read goes on to the planner, whose error names the field.
  if (Array.isArray(input.members)) {
    input.members = input.members.map((m: unknown) => {
      const parsed = MemberInputSchema.safeParse(m);
      return parsed.success && parsed.data.ageYears === undefined
        ? { ...(m as object), ageYears: normalizeMember(parsed.data).ageYears }
        : m;
    });
  }
  if (input.owned === undefined) input.owned = ownedSupplies(await listInventory(db, userId));
  return buildPlan({ db, solver }, input);
}
