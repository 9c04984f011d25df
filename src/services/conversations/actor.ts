import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
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
  if (actor.userId !== null && !uuidPattern.test(actor.userId))
    throw new TypeError('withActor needs a user id that is a UUID');
  return db.transaction(async (tx) => {
    // One round trip: the acting user (or anonymous key), then the role, local to this transaction
    // (set_config('role', …, true) is SET LOCAL ROLE), as db/with-user.ts does in two.
    await tx.execute(
      sql`select set_config('app.user_id', ${actor.userId ?? ''}, true),
                 set_config('app.anonymous_key', ${actor.userId === null ? actor.anonymousKey : ''}, true),
                 set_config('role', 'app_user', true)`,
    );
    return work(tx);
  });
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
