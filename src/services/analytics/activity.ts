import { and, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { userActivityLog } from '../../db/schema/index.ts';
import { parseInput } from '../validation.ts';

/** The source document's activity types (user_activity_log.activity_type). */
export const ACTIVITY_TYPES = [
  'REPORT_GENERATED',
  'PLAN_SAVED',
  'PLAN_EDITED',
  'BUNDLE_VIEWED',
  'BUNDLE_CUSTOMIZED',
  'PRODUCT_CLICKED',
  'SKILL_RESOURCE_VIEWED',
  'CALL_REGISTERED',
  'INVENTORY_UPDATED',
  'TIER_UPGRADED',
  /** An admin changed the catalog (issue 17): metadata holds action, entity, id, before and after. */
  'CATALOG_EDITED',
] as const;

const activitySchema = z.object({
  userId: z.uuid().nullable(),
  activityType: z.enum(ACTIVITY_TYPES),
  metadata: z.record(z.string(), z.unknown()).default({}),
  sessionId: z.string().max(200).nullish(),
  ipAddress: z.union([z.ipv4(), z.ipv6()]).nullish(),
  userAgent: z.string().max(500).nullish(),
});

export type ActivityInput = z.input<typeof activitySchema>;

/**
 * Records one activity. Written by the system role (analytics is the system's record, not something a
 * user edits); a user reads their own rows under row-level security (drizzle/0002).
 */
export async function logActivity(db: DbOrTx, input: ActivityInput): Promise<void> {
  const a = parseInput(activitySchema, input, 'activity');
  await db.insert(userActivityLog).values({
    userId: a.userId,
    activityType: a.activityType,
    metadata: a.metadata,
    sessionId: a.sessionId ?? null,
    ipAddress: a.ipAddress ?? null,
    userAgent: a.userAgent ?? null,
  });
}

export const ANONYMISE_AFTER_DAYS = 90;

/**
 * Privacy (source document: "anonymize after 90 days"): activity older than 90 days loses who did it — the
 * user, session, address and browser — and the metadata keys that could point back at a person, while
 * the type, time and the rest of the metadata stay for aggregate analytics. Idempotent; returns rows changed.
 * Meant to run daily (the job queue arrives with the scheduled check-ins; until then call it from a timer).
 */
export async function anonymiseOldActivity(db: DbOrTx, now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - ANONYMISE_AFTER_DAYS * 86_400_000);
  const rows = await db
    .update(userActivityLog)
    .set({
      userId: null,
      sessionId: null,
      ipAddress: null,
      userAgent: null,
      metadata: sql`${userActivityLog.metadata} - array['email', 'clicked_url', 'ip', 'user_agent', 'name']`,
    })
    .where(
      and(
        lt(userActivityLog.createdAt, cutoff),
        sql`(${userActivityLog.userId} is not null or ${userActivityLog.sessionId} is not null
          or ${userActivityLog.ipAddress} is not null or ${userActivityLog.userAgent} is not null)`,
      ),
    )
    .returning({ id: userActivityLog.id });
  return rows.length;
}

/** The scheduled hook: anonymises now and then every `everyMs` (daily by default) until stopped. */
export function startActivityAnonymiser(
  db: DbOrTx,
  options: { everyMs?: number; log?: (line: string) => void } = {},
): { stop(): Promise<void> } {
  const run = () =>
    anonymiseOldActivity(db).then(
      (n) => {
        if (n > 0) options.log?.(`anonymised ${n} activity rows older than ${ANONYMISE_AFTER_DAYS} days`);
      },
      (error: unknown) => options.log?.(`activity anonymiser failed: ${(error as Error).message}`),
    );
  let current = run();
  const timer = setInterval(() => {
    current = run();
  }, options.everyMs ?? 86_400_000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await current;
    },
  };
}
