import { and, count, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { aiRuns } from '../../db/schema/index.ts';
import { dayOf } from './entitlements.ts';
import { assertMessageQuota, checkTier, type TierStatus } from './tiers.ts';

/**
 * The daily message quota: every agent turn is recorded in ai_runs (one per message answered), so today's
 * runs are today's messages. Counted by the system role: the quota is the system's rule, not the user's data.
 * Throws TierLimitError when the quota is used up.
 */
export async function requireMessageQuota(db: Db, userId: string, now = new Date()): Promise<TierStatus> {
  const status = await checkTier(db, userId, now);
  const [from, to] = dayOf(now);
  const [row] = await db
    .select({ n: count() })
    .from(aiRuns)
    .where(and(eq(aiRuns.userId, userId), gte(aiRuns.createdAt, from), lt(aiRuns.createdAt, to)));
  assertMessageQuota(status, Number(row?.n ?? 0));
  return status;
}
