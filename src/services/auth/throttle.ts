import { and, asc, eq, gt, inArray, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { type LoginOutcome, loginAttempts } from '../../db/schema/index.ts';
import { AppError } from '../errors.ts';

/**
 * Login throttling over `login_attempts`. Within a 15-minute window a sign-in is refused when there were
 * 5 failures for this email from this address since its last success (guessing one account), 20 from this
 * address for any email (trying many accounts), or 50 for this email from anywhere (a distributed guess).
 * Refused attempts are recorded as `throttled` and not counted, so waiting always lifts the block.
 */
export const LOGIN_LIMITS = { windowMinutes: 15, perEmailAndIp: 5, perIp: 20, perEmail: 50 } as const;

export class LoginThrottledError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(
      'RATE_LIMITED',
      `Too many failed sign-in attempts. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again, or reset your password.`,
      { field: 'email' },
    );
    this.name = 'LoginThrottledError';
  }
}

/** Seconds until fewer than `limit` of the (ascending) failure times remain inside the window. */
function blockedFor(failures: Date[], limit: number, windowMs: number, now: Date): number {
  if (failures.length < limit) return 0;
  const lifts = failures[failures.length - limit]!.getTime() + windowMs;
  return Math.max(1, Math.ceil((lifts - now.getTime()) / 1000));
}

/** Throws LoginThrottledError (429) when this email/address pair may not try now. */
export async function assertLoginAllowed(db: Db, email: string, ip: string, now = new Date()): Promise<void> {
  const windowMs = LOGIN_LIMITS.windowMinutes * 60 * 1000;
  const since = new Date(now.getTime() - windowMs);
  const rows = await db
    .select({
      email: loginAttempts.email,
      ip: loginAttempts.ip,
      outcome: loginAttempts.outcome,
      at: loginAttempts.createdAt,
    })
    .from(loginAttempts)
    .where(
      and(
        gt(loginAttempts.createdAt, since),
        inArray(loginAttempts.outcome, ['success', 'failure']),
        or(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip)),
      ),
    )
    .orderBy(asc(loginAttempts.createdAt));
  const lastSuccess = (match: (r: (typeof rows)[number]) => boolean) =>
    rows
      .filter((r) => r.outcome === 'success' && match(r))
      .at(-1)
      ?.at.getTime() ?? 0;
  const failures = (match: (r: (typeof rows)[number]) => boolean, after = 0) =>
    rows.filter((r) => r.outcome === 'failure' && match(r) && r.at.getTime() > after).map((r) => r.at);

  const pair = (r: (typeof rows)[number]) => r.email === email && r.ip === ip;
  const byEmail = (r: (typeof rows)[number]) => r.email === email;
  const wait = Math.max(
    blockedFor(failures(pair, lastSuccess(pair)), LOGIN_LIMITS.perEmailAndIp, windowMs, now),
    blockedFor(
      failures((r) => r.ip === ip),
      LOGIN_LIMITS.perIp,
      windowMs,
      now,
    ),
    blockedFor(failures(byEmail, lastSuccess(byEmail)), LOGIN_LIMITS.perEmail, windowMs, now),
  );
  if (wait > 0) {
    await recordLoginAttempt(db, email, ip, 'throttled', now);
    throw new LoginThrottledError(wait);
  }
}

export async function recordLoginAttempt(
  db: Db,
  email: string,
  ip: string,
  outcome: LoginOutcome,
  now = new Date(),
): Promise<void> {
  await db.insert(loginAttempts).values({ email, ip, outcome, createdAt: now });
}
