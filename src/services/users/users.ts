import { eq } from 'drizzle-orm';
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

export async function getProfile(db: Db, userId: string) {
  return withUser(db, userId, async (tx) => {
    const [row] = await tx.select().from(profiles).where(eq(profiles.id, userId)).limit(1);
    return row ?? null;
  });
}
