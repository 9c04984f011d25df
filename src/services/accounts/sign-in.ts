import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError } from '../errors.ts';
import { parseInput } from '../validation.ts';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './passwords.ts';
import { reserveLoginAttempt, settleLoginAttempt } from './throttle.ts';
import { createUser, findUserByEmail, replacePasswordHash } from './users.ts';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

const email = z
  .string({ message: 'enter your email address' })
  .trim()
  .toLowerCase()
  .max(254, 'is too long')
  .pipe(z.email({ message: 'is not a valid email address' }));

export const signUpSchema = z.object({
  email,
  password: z
    .string({ message: 'choose a password' })
    .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
    .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`),
  fullName: z.string().trim().max(120, 'is too long').optional(),
});

export const logInSchema = z.object({
  email,
  password: z
    .string({ message: 'enter your password' })
    .min(1, 'enter your password')
    .max(PASSWORD_MAX, 'is too long'),
});

export async function signUp(db: Db, input: unknown): Promise<{ id: string; email: string }> {
  const data = parseInput(signUpSchema, input);
  return createUser(db, {
    email: data.email,
    passwordHash: await hashPassword(data.password),
    fullName: data.fullName,
  });
}

/**
 * Checks an email and password, throttled per email and client address (LoginThrottledError, 429). The
 * answer for an unknown email and a wrong password is the same, and takes as long. The attempt is recorded
 * (pending) before the password is checked, so parallel guesses count each other (throttle.ts). A hash made
 * at a lower scrypt cost is replaced by one at the current cost once the password has proved right.
 */
export async function logIn(
  db: Db,
  input: unknown,
  client: { ip: string; now?: Date },
): Promise<{ id: string; email: string }> {
  const data = parseInput(logInSchema, input);
  const now = client.now ?? new Date();
  const attempt = await reserveLoginAttempt(db, data.email, client.ip, now);
  let user: Awaited<ReturnType<typeof findUserByEmail>> = null;
  let ok = false;
  try {
    user = await findUserByEmail(db, data.email);
    ok = await verifyPassword(data.password, user?.passwordHash ?? (await dummyHash()));
  } finally {
    await settleLoginAttempt(db, attempt, ok && user ? 'success' : 'failure');
  }
  if (!ok || !user) {
    throw new AppError('UNAUTHENTICATED', 'That email and password do not match an account', {
      field: 'password',
    });
  }
  if (needsRehash(user.passwordHash)) {
    await replacePasswordHash(db, user.id, user.passwordHash, await hashPassword(data.password));
  }
  return { id: user.id, email: user.email };
}
