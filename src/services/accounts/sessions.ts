import { and, desc, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { sessions, users } from '../../db/schema/index.ts';
import { withUser } from '../../db/with-user.ts';
import { notFound } from '../errors.ts';
import { hashToken, newToken } from './tokens.ts';

export const SESSION_DAYS = 30;
const TOUCH_AFTER_MS = 60 * 60 * 1000;

export type SessionUser = { sessionId: string; userId: string; email: string; expiresAt: Date };

/** Starts a session for a user who has just proved who they are; returns the token for the cookie. */
export async function createSession(
  db: Db,
  userId: string,
  meta: { userAgent?: string | null; ip?: string | null; now?: Date } = {},
): Promise<{ token: string; expiresAt: Date; sessionId: string }> {
  const now = meta.now ?? new Date();
  const token = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 24 * 60 * 60 * 1000);
  // The user's expired sessions go as a new one starts (lookups ignore them anyway).
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now)));
  const [row] = await db
    .insert(sessions)
    .values({
      userId,
      tokenHash: hashToken(token),
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      ip: meta.ip ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
    })
    .returning({ id: sessions.id });
  return { token, expiresAt, sessionId: row!.id };
}

/** The user a cookie's token stands for, or null (unknown, expired). Runs as the system role: nobody is known yet. */
export async function findSession(db: Db, token: string, now = new Date()): Promise<SessionUser | null> {
  if (token.length < 20 || token.length > 200) return null;
  const [row] = await db
    .select({
      sessionId: sessions.id,
      userId: sessions.userId,
      email: users.email,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now)))
    .limit(1);
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.sessionId));
  }
  return { sessionId: row.sessionId, userId: row.userId, email: row.email, expiresAt: row.expiresAt };
}

export async function endSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** Sessions past their expiry, removed (called now and then; lookups ignore them anyway). */
export async function purgeExpiredSessions(db: Db, now = new Date()): Promise<number> {
  const gone = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
  return gone.length;
}

/** The user's own sessions (never the token hash), newest first, under row-level security. */
export async function listSessions(db: Db, userId: string) {
  return withUser(db, userId, (tx) =>
    tx
      .select({
        id: sessions.id,
        userAgent: sessions.userAgent,
        ip: sessions.ip,
        createdAt: sessions.createdAt,
        lastSeenAt: sessions.lastSeenAt,
        expiresAt: sessions.expiresAt,
      })
      .from(sessions)
      .orderBy(desc(sessions.lastSeenAt)),
  );
}

/** Ends one of the user's sessions; another user's session is not found. */
export async function revokeSession(db: Db, userId: string, sessionId: string): Promise<void> {
  await withUser(db, userId, async (tx) => {
    const gone = await tx.delete(sessions).where(eq(sessions.id, sessionId)).returning({ id: sessions.id });
    if (gone.length === 0) throw notFound('Session');
  });
}
