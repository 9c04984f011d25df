import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import {
  aiRuns,
  billingTransactions,
  callAttendance,
  channelIdentities,
  conversations,
  externalTransactions,
  inventoryItems,
  loginAttempts,
  messages,
  missionReports,
  orderItems,
  orders,
  profiles,
  savedScenarios,
  sessions,
  shipmentItems,
  shipments,
  userActivityLog,
  users,
} from '../../db/schema/index.ts';
import { withUser } from '../../db/with-user.ts';
import { AppError, badInput } from '../errors.ts';
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

/**
 * Everything stored for the user, as JSON-ready data: read under row-level security as the user, plus
 * the rows the system keeps about them (sessions without their token hash, linked chats, sign-in attempts).
 */
export async function exportAccount(db: Db, userId: string) {
  const owned = await withUser(db, userId, async (tx) => {
    const [account] = await tx
      .select({ id: users.id, email: users.email, createdAt: users.createdAt })
      .from(users)
      .where(eq(users.id, userId));
    if (!account) throw new AppError('NOT_FOUND', 'Account not found');
    return {
      account,
      profile: (await tx.select().from(profiles).where(eq(profiles.id, userId)))[0] ?? null,
      plans: await tx.select().from(missionReports).where(eq(missionReports.userId, userId)),
      savedScenarios: await tx.select().from(savedScenarios).where(eq(savedScenarios.userId, userId)),
      inventory: await tx.select().from(inventoryItems).where(eq(inventoryItems.userId, userId)),
      conversations: await tx.select().from(conversations).where(eq(conversations.userId, userId)),
      messages: await tx
        .select({
          id: messages.id,
          conversationId: messages.conversationId,
          role: messages.role,
          content: messages.content,
          parts: messages.parts,
          createdAt: messages.createdAt,
        })
        .from(messages)
        .innerJoin(conversations, eq(conversations.id, messages.conversationId))
        .where(eq(conversations.userId, userId))
        .orderBy(messages.seq),
      aiRuns: await tx.select().from(aiRuns).where(eq(aiRuns.userId, userId)),
      callAttendance: await tx.select().from(callAttendance).where(eq(callAttendance.userId, userId)),
      activity: await tx.select().from(userActivityLog).where(eq(userActivityLog.userId, userId)),
      billingTransactions: await tx
        .select()
        .from(billingTransactions)
        .where(eq(billingTransactions.userId, userId)),
      orders: await tx.select().from(orders).where(eq(orders.userId, userId)),
      orderItems: await tx.select().from(orderItems),
      shipments: await tx.select().from(shipments),
      shipmentItems: await tx.select().from(shipmentItems),
      externalTransactions: await tx
        .select()
        .from(externalTransactions)
        .where(eq(externalTransactions.userId, userId)),
      sessions: await tx
        .select({
          id: sessions.id,
          userAgent: sessions.userAgent,
          ip: sessions.ip,
          createdAt: sessions.createdAt,
          lastSeenAt: sessions.lastSeenAt,
          expiresAt: sessions.expiresAt,
        })
        .from(sessions),
    };
  });
  const linkedChannels = await db
    .select({
      channel: channelIdentities.channel,
      externalId: channelIdentities.externalId,
      createdAt: channelIdentities.createdAt,
    })
    .from(channelIdentities)
    .where(eq(channelIdentities.userId, userId));
  const signIns = await db
    .select({ ip: loginAttempts.ip, outcome: loginAttempts.outcome, createdAt: loginAttempts.createdAt })
    .from(loginAttempts)
    .where(eq(loginAttempts.email, owned.account.email));
  return {
    exportedAt: new Date().toISOString(),
    format: 'readyplan-account-export-v1',
    ...owned,
    linkedChannels,
    signIns,
  };
}

export const deleteAccountSchema = z.object({
  confirm: z.string({ message: 'type your email address to confirm' }).trim().toLowerCase(),
  password: z
    .string({ message: 'enter your password to confirm' })
    .min(1, 'enter your password to confirm')
    .max(PASSWORD_MAX, 'is too long'),
});

/**
 * Deletes the account and everything of it: the users row goes under row-level security as the user, and
 * every user-owned table cascades from it (profiles, plans, inventory, conversations, messages, runs,
 * sessions, linked chats, billing and orders). Sign-in attempts under the email go too. The person confirms
 * by typing their email address and their password — a session cookie alone (a borrowed laptop, a stolen
 * cookie) is not enough. Password checks here count toward the sign-in throttle like any other attempt.
 */
export async function deleteAccount(
  db: Db,
  userId: string,
  confirmation: unknown,
  client: { ip: string; now?: Date },
): Promise<void> {
  const { confirm, password } = parseInput(deleteAccountSchema, confirmation);
  const account = await withUser(db, userId, async (tx) => {
    const [row] = await tx
      .select({ email: users.email, passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, userId));
    return row ?? null;
  });
  if (!account) throw new AppError('NOT_FOUND', 'Account not found');
  if (confirm !== account.email) throw badInput('type your email address exactly to confirm', 'confirm');
  const attempt = await reserveLoginAttempt(db, account.email, client.ip, client.now ?? new Date());
  let ok = false;
  try {
    ok = await verifyPassword(password, account.passwordHash);
  } finally {
    await settleLoginAttempt(db, attempt, ok ? 'success' : 'failure');
  }
  if (!ok) throw badInput('that password is not right', 'password');
  await withUser(db, userId, (tx) => tx.delete(users).where(eq(users.id, userId)));
  // login_attempts belongs to the system role (no user owns a failed attempt), so it is cleared apart.
  await db.delete(loginAttempts).where(eq(loginAttempts.email, account.email));
}
