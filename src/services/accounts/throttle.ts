import { and, asc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { type LoginOutcome, loginAttempts } from '../../db/schema/index.ts';
import { AppError } from '../errors.ts';

/**
 * Login throttling over `login_attempts`. Within a 15-minute window a sign-in is refused when there were
 * 5 failures for this email from this address since its last success (guessing one account), 20 from this
 * address for any email (trying many accounts), or 50 for this email from anywhere (a distributed guess).
 * Refused attempts are recorded as `throttled` and not counted, so waiting always lifts the block.
 *
 * Count-and-record is atomic: `reserveLoginAttempt` takes transaction-scoped advisory locks
 * (pg_advisory_xact_lock) on the email, then on the address, counts, and records a `pending` attempt before
 * the password is checked; pending attempts count as failures until `settleLoginAttempt` says otherwise. So
 * 20 parallel guesses cannot all pass the gate: the sixth waits for the lock, then sees five. Locks are
 * always taken email first, then address, so two attempts never wait on each other in a cycle.
 */
export const LOGIN_LIMITS = { windowMinutes: 15, perEmailAndIp: 5, perIp: 20, perEmail: 50 } as const;

export class LoginThrottledError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(
      'RATE_LIMITED',
      // No mention of a reset here: whether one is offered depends on the deployment (SMTP_URL); the
      // sign-in page adds it when it is.
      `Too many failed sign-in attempts. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
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

/** Serialises attempts on one email and one address until the transaction ends (see the module comment). */
async function lockAttempts(tx: Tx, email: string, ip: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`login-email:${email}`}, 0))`);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`login-ip:${ip}`}, 0))`);
}

/** Seconds this email/address pair must wait (0: may try now); pending attempts count as failures. */
async function waitSeconds(tx: Tx, email: string, ip: string, now: Date): Promise<number> {
  const windowMs = LOGIN_LIMITS.windowMinutes * 60 * 1000;
  const since = new Date(now.getTime() - windowMs);
  const rows = await tx
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
        inArray(loginAttempts.outcome, ['success', 'failure', 'pending']),
        or(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip)),
      ),
    )
    .orderBy(asc(loginAttempts.createdAt));
  type Row = (typeof rows)[number];
  const lastSuccess = (match: (r: Row) => boolean) =>
    rows
      .filter((r) => r.outcome === 'success' && match(r))
      .at(-1)
      ?.at.getTime() ?? 0;
  const failures = (match: (r: Row) => boolean, after = 0) =>
    rows.filter((r) => r.outcome !== 'success' && match(r) && r.at.getTime() > after).map((r) => r.at);

  const pair = (r: Row) => r.email === email && r.ip === ip;
  const byEmail = (r: Row) => r.email === email;
  return Math.max(
    blockedFor(failures(pair, lastSuccess(pair)), LOGIN_LIMITS.perEmailAndIp, windowMs, now),
    blockedFor(
      failures((r) => r.ip === ip),
      LOGIN_LIMITS.perIp,
      windowMs,
      now,
    ),
    blockedFor(failures(byEmail, lastSuccess(byEmail)), LOGIN_LIMITS.perEmail, windowMs, now),
  );
}

/**
 * Checks the limits and records this attempt as `pending`, atomically; returns the attempt's id for
 * `settleLoginAttempt`. Throws LoginThrottledError (429) when the pair may not try now, after recording a
 * `throttled` attempt (committed: the error is thrown once the transaction has ended).
 */
export async function reserveLoginAttempt(
  db: Db,
  email: string,
  ip: string,
  now = new Date(),
): Promise<string> {
  const reserved = await db.transaction(async (tx) => {
    await lockAttempts(tx, email, ip);
    const wait = await waitSeconds(tx, email, ip, now);
    const outcome: LoginOutcome = wait > 0 ? 'throttled' : 'pending';
    const [row] = await tx
      .insert(loginAttempts)
      .values({ email, ip, outcome, createdAt: now })
      .returning({ id: loginAttempts.id });
    return { id: row!.id, wait };
  });
  if (reserved.wait > 0) throw new LoginThrottledError(reserved.wait);
  return reserved.id;
}

/** Records how a reserved attempt ended. */
export async function settleLoginAttempt(db: Db, attemptId: string, outcome: 'success' | 'failure') {
  await db.update(loginAttempts).set({ outcome }).where(eq(loginAttempts.id, attemptId));
}

/** Throws LoginThrottledError (429) when this email/address pair may not try now; records nothing otherwise. */
export async function assertLoginAllowed(db: Db, email: string, ip: string, now = new Date()): Promise<void> {
  const wait = await db.transaction(async (tx) => {
    await lockAttempts(tx, email, ip);
    const seconds = await waitSeconds(tx, email, ip, now);
    if (seconds > 0)
      await tx.insert(loginAttempts).values({ email, ip, outcome: 'throttled', createdAt: now });
    return seconds;
  });
  if (wait > 0) throw new LoginThrottledError(wait);
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
