import { createHash } from 'node:crypto';
import { and, desc, eq, gte, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { type SecurityAlertKind, securityAlerts } from '../../db/schema/index.ts';

/**
 * Security alerts for the admin page (the related pricing-dashboard design): repeated failed sign-ins,
 * invalid webhook signatures, rate-limit breaches. System role only. Subjects are never stored in clear:
 * an e-mail or address becomes a short hash, so the page can group repeats without exposing who.
 */
export const subjectOf = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 12);

const SEVERITY: Record<SecurityAlertKind, 'low' | 'medium' | 'high'> = {
  REPEATED_FAILED_LOGINS: 'medium',
  INVALID_WEBHOOK_SIGNATURE: 'high',
  RATE_LIMIT_BREACH: 'low',
};

/** One open alert per kind and subject per hour: a burst of bad requests is one line on the page, with a count. */
export async function recordSecurityAlert(
  db: DbOrTx,
  input: { kind: SecurityAlertKind; subject: string; detail?: Record<string, unknown> },
  now: Date = new Date(),
): Promise<void> {
  const subject = subjectOf(input.subject);
  const since = new Date(now.getTime() - 3_600_000);
  const [open] = await db
    .select({ id: securityAlerts.id, detail: securityAlerts.detail })
    .from(securityAlerts)
    .where(
      and(
        eq(securityAlerts.kind, input.kind),
        eq(securityAlerts.subject, subject),
        isNull(securityAlerts.resolvedAt),
        gte(securityAlerts.createdAt, since),
      ),
    )
    .limit(1);
  if (open) {
    const count = Number((open.detail as { count?: number }).count ?? 1) + 1;
    await db
      .update(securityAlerts)
      .set({ detail: { ...open.detail, ...input.detail, count } })
      .where(eq(securityAlerts.id, open.id));
    return;
  }
  await db.insert(securityAlerts).values({
    kind: input.kind,
    severity: SEVERITY[input.kind],
    subject,
    detail: { ...input.detail, count: 1 },
    createdAt: now,
  });
}

export async function listSecurityAlerts(db: DbOrTx, limit = 100) {
  return db.select().from(securityAlerts).orderBy(desc(securityAlerts.createdAt)).limit(limit);
}

export async function resolveSecurityAlert(db: DbOrTx, id: string, now: Date = new Date()): Promise<void> {
  await db.update(securityAlerts).set({ resolvedAt: now }).where(eq(securityAlerts.id, id));
}
