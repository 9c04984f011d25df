import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { withUser } from '../../db/with-user.ts';
import { badInput } from '../errors.ts';

/**
 * Who a conversation acts for: a signed-in user, or an anonymous session identified by an unguessable
 * key that its channel keeps (a web session cookie, an unlinked Telegram chat, a phone number).
 */
export type Actor = { userId: string; anonymousKey?: undefined } | { userId: null; anonymousKey: string };

export function actorOf(userId: string | null, anonymousKey?: string | null): Actor {
  if (userId) return { userId };
  if (!anonymousKey || anonymousKey.trim().length < 8) {
    throw badInput('an anonymous session needs a key of at least 8 characters', 'anonymousKey');
  }
  return { userId: null, anonymousKey };
}

/**
 * Runs `work` as the actor under row-level security (drizzle/0004): a user as withUser does; an
 * anonymous session as app_user with no user id and app.anonymous_key set, which sees only its own
 * anonymous conversations, their messages and runs — and nothing user-owned.
 */
export async function withActor<T>(db: Db, actor: Actor, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (actor.userId !== null) return withUser(db, actor.userId, work);
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('app.user_id', '', true), set_config('app.anonymous_key', ${actor.anonymousKey}, true)`,
    );
    await tx.execute(sql`set local role app_user`);
    return work(tx);
  });
}
