import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { sessions, users } from '../../db/schema/index.ts';
import { withUser } from '../../db/with-user.ts';
import { AppError, badInput } from '../errors.ts';
import { parseInput } from '../validation.ts';
import { newPasswordSchema, PASSWORD_MAX, passwordWeakness } from './password-policy.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { reserveLoginAttempt, settleLoginAttempt } from './throttle.ts';
import { replacePasswordHash } from './users.ts';

const changeSchema = z.object({
  current: z
    .string({ message: 'enter your current password' })
    .min(1, 'enter your current password')
    .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters long`),
  password: newPasswordSchema,
});

/**
 * A signed-in person changes their password: the current one first (checked under the sign-in throttle,
 * like any other password check — a session cookie alone is not enough), then the policy for the new one.
 * Every other session of the account ends; the one making the change stays signed in.
 */
export async function changePassword(
  db: Db,
  user: { id: string; sessionId: string },
  input: unknown,
  client: { ip: string; now?: Date },
): Promise<void> {
  const { current, password } = parseInput(changeSchema, input);
  const account = await withUser(db, user.id, async (tx) => {
    const [row] = await tx
      .select({ email: users.email, passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, user.id));
    return row ?? null;
  });
  if (!account) throw new AppError('NOT_FOUND', 'Your account was not found. Please sign in again.');
  const attempt = await reserveLoginAttempt(db, account.email, client.ip, client.now ?? new Date());
  let ok = false;
  try {
    ok = await verifyPassword(current, account.passwordHash);
  } finally {
    await settleLoginAttempt(db, attempt, ok ? 'success' : 'failure');
  }
  if (!ok) throw badInput('Current password is not right. Enter the password you sign in with.', 'current');
  const weakness = passwordWeakness(password, account.email);
  if (weakness) throw badInput(`New password ${weakness}`, 'password');
  if (!(await replacePasswordHash(db, user.id, account.passwordHash, await hashPassword(password))))
    throw new AppError('CONFLICT', 'Your password was changed meanwhile. Please sign in again.');
  await db.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, user.sessionId)));
}
