import { and, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { passwordResetTokens, sessions, users } from '../../db/schema/index.ts';
import { takeTurn } from '../channels/turn-limit.ts';
import { AppError, badInput } from '../errors.ts';
import type { Mailer } from '../mail/mailer.ts';
import { parseInput } from '../validation.ts';
import { newPasswordSchema, passwordWeakness } from './password-policy.ts';
import { hashPassword } from './passwords.ts';
import { emailSchema } from './sign-in.ts';
import { recordLoginAttempt } from './throttle.ts';
import { hashToken, newToken } from './tokens.ts';

/**
 * Password reset by e-mail. The link carries a random 32-byte token; only its SHA-256 is stored
 * (password_reset_tokens, drizzle/0014), so a copy of the database resets nobody's password. A token
 * lasts 30 minutes and works once: it is spent by one conditional UPDATE (unused and unexpired), so two
 * uses at once cannot both succeed. Asking again replaces the earlier link. A reset ends every session
 * of the account (whoever had the old password is signed out) and lifts the sign-in lockout for it.
 *
 * No account enumeration: a known and an unknown address get the same answer, and the account is looked
 * up and the mail sent after the answer, so the time taken does not tell either.
 */
export const RESET_TOKEN_MINUTES = 30;

/** Asking for resets: per client address (someone trying many addresses) and per e-mail (mail bombing). */
export const RESET_LIMITS = {
  perIp: { turns: 10, windowMs: 60 * 60 * 1000 },
  perEmail: { turns: 3, windowMs: 60 * 60 * 1000 },
} as const;

export class ResetThrottledError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(
      'RATE_LIMITED',
      `Too many password resets have been asked for from your network. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
    );
    this.name = 'ResetThrottledError';
  }
}

const requestSchema = z.object({ email: emailSchema });

const resetSchema = z.object({
  token: z
    .string({ message: 'This reset link is incomplete. Open the link from the e-mail again.' })
    .min(20, 'This reset link is incomplete. Open the link from the e-mail again.')
    .max(200, 'This reset link is not valid. Ask for a new one.'),
  password: newPasswordSchema,
});

const EXPIRED = 'This reset link has expired or has already been used. Ask for a new one below.';

export type ResetDeps = {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
  /** Where a failed delivery is reported (the answer has already gone). */
  log: (message: string, detail?: unknown) => void;
};

function resetMail(to: string, link: string) {
  return {
    to,
    subject: 'Reset your ReadyPlan password',
    text: [
      'Someone (we hope you) asked to reset the password of your ReadyPlan account.',
      '',
      `To choose a new password, open this link within ${RESET_TOKEN_MINUTES} minutes:`,
      link,
      '',
      'The link works once. If you did not ask for this, ignore this e-mail: your password stays as it is.',
    ].join('\n'),
  };
}

/**
 * Starts a reset for the address, if it has an account, and sends the link. Answers the same whether or
 * not it has one; the e-mail goes out after this returns (`delivery`, for tests to await).
 */
export async function requestPasswordReset(
  deps: ResetDeps,
  input: unknown,
  client: { ip: string; now?: Date },
): Promise<{ delivery: Promise<void> }> {
  const { email } = parseInput(requestSchema, input);
  const now = client.now ?? new Date();
  const byIp = await takeTurn(deps.db, `reset-ip:${client.ip}`, RESET_LIMITS.perIp, now);
  if (byIp.outcome !== 'allowed') throw new ResetThrottledError(byIp.retryAfterSeconds);
  // Past the per-address limit nothing is sent, and the answer stays the same (it must not tell).
  const byEmail = await takeTurn(deps.db, `reset-email:${email}`, RESET_LIMITS.perEmail, now);
  if (byEmail.outcome !== 'allowed') return { delivery: Promise.resolve() };
  // Everything that depends on whether the account exists happens after the answer, so its timing is the
  // same for both. A failure is logged as a summary (the logger redacts addresses); the person can ask again.
  const delivery = startReset(deps, email, now).catch((error: unknown) => {
    deps.log('password reset: the link could not be made or sent', error);
  });
  return { delivery };
}

/** Makes the link (replacing earlier ones) and mails it, if the address has an account. */
async function startReset(deps: ResetDeps, email: string, now: Date): Promise<void> {
  const link = await resetLinkFor(deps.db, deps.publicUrl, email, now);
  if (link) await deps.mailer.send(resetMail(email, link));
}

/**
 * A reset link for the account with this address (replacing earlier links), or null when there is none.
 * The in-query token keeps it out of request logs, which record the path only. Also what an operator
 * hands a person by hand when this deployment sends no e-mail (`npm run admin:reset-link`).
 */
export async function resetLinkFor(db: Db, publicUrl: string, email: string, now = new Date()) {
  const address = email.trim().toLowerCase();
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, address)).limit(1);
  if (!user) return null;
  const token = newToken();
  await db.transaction(async (tx) => {
    // A new link replaces the earlier ones.
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.userId, user.id), isNull(passwordResetTokens.usedAt)));
    await tx.insert(passwordResetTokens).values({
      userId: user.id,
      tokenHash: hashToken(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_TOKEN_MINUTES * 60 * 1000),
    });
  });
  return `${publicUrl}/reset-password?token=${token}`;
}

/** Whether a reset link can still be used (to show the form, or say it has expired). */
export async function resetTokenUsable(db: Db, token: string, now = new Date()): Promise<boolean> {
  if (token.length < 20 || token.length > 200) return false;
  const [row] = await db
    .select({ id: passwordResetTokens.id })
    .from(passwordResetTokens)
    .where(
      and(
        eq(passwordResetTokens.tokenHash, hashToken(token)),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, now),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * Sets a new password with a reset token: the policy first (a weak password leaves the link usable), then
 * the token is spent, the hash replaced, every session of the account ended and the sign-in lockout for
 * the address lifted (a success recorded). Returns the account, for the caller to sign it in.
 */
export async function resetPassword(
  db: Db,
  input: unknown,
  client: { ip: string; now?: Date },
): Promise<{ id: string; email: string }> {
  const { token, password } = parseInput(resetSchema, input);
  const now = client.now ?? new Date();
  const tokenHash = hashToken(token);
  const [pending] = await db
    .select({ email: users.email })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(
      and(
        eq(passwordResetTokens.tokenHash, tokenHash),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, now),
      ),
    )
    .limit(1);
  if (!pending) throw badInput(EXPIRED, 'token');
  const weakness = passwordWeakness(password, pending.email);
  if (weakness) throw badInput(`Password ${weakness}`, 'password');
  const passwordHash = await hashPassword(password);

  const user = await db.transaction(async (tx) => {
    const [spent] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResetTokens.tokenHash, tokenHash),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.expiresAt, now),
        ),
      )
      .returning({ userId: passwordResetTokens.userId });
    if (!spent) return null;
    const [updated] = await tx
      .update(users)
      .set({ passwordHash })
      .where(eq(users.id, spent.userId))
      .returning({ id: users.id, email: users.email });
    await tx.delete(sessions).where(eq(sessions.userId, spent.userId));
    return updated ?? null;
  });
  if (!user) throw badInput(EXPIRED, 'token');
  await recordLoginAttempt(db, user.email, client.ip, 'success', now);
  return user;
}
