import { and, eq, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { profiles, users } from '../../db/schema/index.ts';
import { withUser } from '../../db/with-user.ts';
import { AppError } from '../errors.ts';

/**
 * Creating an account is the one write that has no acting user yet, so it runs as the system role;
 * everything after it goes through withUser.
 */
export async function createUser(
  db: Db,
  input: { email: string; passwordHash?: string | null; fullName?: string | null },
): Promise<{ id: string; email: string }> {
  const email = input.email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email, passwordHash: input.passwordHash ?? null })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, email: users.email });
    if (!user)
      throw new AppError('CONFLICT', 'An account with that email already exists', { field: 'email' });
    await tx.insert(profiles).values({ id: user.id, email, fullName: input.fullName ?? null });
    return user;
  });
}

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  return row ?? null;
}

/**
 * Replaces a password hash (a rehash at a higher cost after a good sign-in). Runs as the system role: app_user
 * may not write password_hash (drizzle/0008). Only if the hash is still the one checked, so a password changed
 * meanwhile is never overwritten with the old one.
 */
export async function replacePasswordHash(
  db: Db,
  userId: string,
  previous: string | null,
  next: string,
): Promise<boolean> {
  const updated = await db
    .update(users)
    .set({ passwordHash: next })
    .where(
      and(
        eq(users.id, userId),
        previous === null ? isNull(users.passwordHash) : eq(users.passwordHash, previous),
      ),
    )
    .returning({ id: users.id });
  return updated.length === 1;
}

export async function getProfile(db: Db, userId: string) {
  return withUser(db, userId, async (tx) => {
    const [row] = await tx.select().from(profiles).where(eq(profiles.id, userId)).limit(1);
    return row ?? null;
  });
}
