import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { type TurnLimit, takeTurn } from '../channels/turn-limit.ts';
import { AppError } from '../errors.ts';
import { parseInput } from '../validation.ts';
import { checkPasswordStrength, newPasswordSchema, PASSWORD_MAX } from './password-policy.ts';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './passwords.ts';
import { reserveLoginAttempt, settleLoginAttempt } from './throttle.ts';
import { createUser, findUserByEmail, replacePasswordHash } from './users.ts';

export { PASSWORD_MAX };

export const emailSchema = z
  .string({ message: 'enter your email address' })
  .trim()
  .toLowerCase()
  .max(254, 'is too long: an email address has at most 254 characters')
  .pipe(z.email({ message: 'must be an address like name@example.com' }));
const email = emailSchema;

/** A new account: the password must pass the policy (password-policy.ts), with the e-mail as a hint. */
export const signUpSchema = z
  .object({
    email,
    password: newPasswordSchema,
    fullName: z.string().trim().max(120, 'must be at most 120 characters long').optional(),
  })
  .superRefine(checkPasswordStrength('password', (data) => data.email));

export const logInSchema = z.object({
  email,
  password: z
    .string({ message: 'enter your password' })
    .min(1, 'enter your password')
    .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters long`),
});

/**
 * Sign-ups per client address: 20 an hour. Enough for a household, an office or a class behind one
 * address; a script making accounts in bulk stops at the 21st. Counted in Postgres by the same mechanism
 * as the chat's turn limit (services/channels/turn-limit.ts: an advisory lock serialises count-and-record),
 * so every app instance counts the same sign-ups. Refused attempts are not counted: waiting lifts it.
 */
export const SIGNUP_LIMIT: TurnLimit = { turns: 20, windowMs: 60 * 60 * 1000 };

export class SignUpThrottledError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(
      'RATE_LIMITED',
      `Too many accounts have been created from your network in the last hour. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
    );
    this.name = 'SignUpThrottledError';
  }
}

/** A new account. With `client` (the web), counted against the per-address limit once the input is valid. */
export async function signUp(
  db: Db,
  input: unknown,
  client?: { ip: string; now?: Date },
): Promise<{ id: string; email: string }> {
  const data = parseInput(signUpSchema, input);
  if (client) {
    const turn = await takeTurn(db, `signup:${client.ip}`, SIGNUP_LIMIT, client.now);
    if (turn.outcome !== 'allowed') throw new SignUpThrottledError(turn.retryAfterSeconds);
  }
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
