import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { profiles, users } from '../../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import { recordSecurityAlert } from './alerts.ts';

/** Admin-only actions check profiles.role (a column only the system role writes, drizzle/0008). */
export async function requireAdmin(db: Db, userId: string): Promise<void> {
  const [row] = await db.select({ role: profiles.role }).from(profiles).where(eq(profiles.id, userId));
  if (row?.role !== 'ADMIN') throw new AppError('FORBIDDEN', 'This page is for administrators.');
}

/** `npm run admin:grant -- EMAIL`: makes the account an admin. Returns its id (the e-mail is not echoed). */
export async function grantAdmin(db: Db, email: string): Promise<string> {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()));
  if (!user) throw notFound('Account with that e-mail');
  await db.update(profiles).set({ role: 'ADMIN', updatedAt: new Date() }).where(eq(profiles.id, user.id));
  return user.id;
}

export const FAILED_LOGIN_THRESHOLD = 5;

/**
 * Repeated failed sign-ins: any e-mail or address with FAILED_LOGIN_THRESHOLD or more failures in the last
 * 15 minutes becomes an alert (subjects hashed). Reads login_attempts, which sign-in already records; run
 * when the admin page loads and on the scheduler with the other periodic jobs.
 */
export async function scanFailedLogins(db: Db, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - 15 * 60_000);
  const rows = rowsOf<{ kind: string; subject: string; n: number }>(
    await db.execute(sql`
      select 'email' as kind, email as subject, count(*)::int as n from login_attempts
        where outcome = 'failure' and created_at >= ${since} group by email having count(*) >= ${FAILED_LOGIN_THRESHOLD}
      union all
      select 'ip', ip, count(*)::int from login_attempts
        where outcome = 'failure' and created_at >= ${since} group by ip having count(*) >= ${FAILED_LOGIN_THRESHOLD}`),
  );
  for (const r of rows) {
    await recordSecurityAlert(
      db,
      {
        kind: 'REPEATED_FAILED_LOGINS',
        subject: `${r.kind}:${r.subject}`,
        detail: { by: r.kind, failures: r.n },
      },
      now,
    );
  }
  return rows.length;
}
