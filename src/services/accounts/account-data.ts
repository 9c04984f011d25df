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
import { PASSWORD_MAX } from './password-policy.ts';
import { verifyPassword } from './passwords.ts';
import { reserveLoginAttempt, settleLoginAttempt } from './throttle.ts';

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
  confirm: z
    .string({ message: 'Type your email address in the confirmation box to delete the account.' })
    .trim()
    .toLowerCase(),
  password: z
    .string({ message: 'Enter your password to confirm the deletion.' })
    .min(1, 'Enter your password to confirm the deletion.')
    .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters long`),
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
  if (!account) throw new AppError('NOT_FOUND', 'Your account was not found. Please sign in again.');
  if (confirm !== account.email)
    throw badInput(
      'The email address you typed does not match this account’s. Type it exactly as shown to confirm the deletion.',
      'confirm',
    );
  const attempt = await reserveLoginAttempt(db, account.email, client.ip, client.now ?? new Date());
  let ok = false;
  try {
    ok = await verifyPassword(password, account.passwordHash);
  } finally {
    await settleLoginAttempt(db, attempt, ok ? 'success' : 'failure');
  }
  if (!ok) throw badInput('That password is not right. Enter the password you sign in with.', 'password');
  await withUser(db, userId, (tx) => tx.delete(users).where(eq(users.id, userId)));
  // login_attempts belongs to the system role (no user owns a failed attempt), so it is cleared apart.
  await db.delete(loginAttempts).where(eq(loginAttempts.email, account.email));
}
