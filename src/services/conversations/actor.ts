import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { hashToken } from '../auth/tokens.ts';
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
 * What conversations.anonymous_key stores for a key: its SHA-256, as sessions store their token's, so the
 * database alone cannot open a guest's thread (drizzle/0008 converted the rows stored before).
 */
export function anonymousKeyHash(anonymousKey: string): string {
  return hashToken(anonymousKey);
}

/**
 * Runs `work` as the actor under row-level security (drizzle/0004): a user as withUser does; an
 * anonymous session as app_user with no user id and app.anonymous_key set to its key's hash, which sees
 * only its own anonymous conversations, their messages and runs — and nothing user-owned.
 */
export async function withActor<T>(db: Db, actor: Actor, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (actor.userId !== null && !uuidPattern.test(actor.userId))
    throw new TypeError('withActor needs a user id that is a UUID');
  return db.transaction(async (tx) => {
    // One round trip: the acting user (or anonymous key), then the role, local to this transaction
    // (set_config('role', …, true) is SET LOCAL ROLE), as db/with-user.ts does in two.
    await tx.execute(
      sql`select set_config('app.user_id', ${actor.userId ?? ''}, true),
                 set_config('app.anonymous_key', ${settingFor(actor)}, true),
                 set_config('role', 'app_user', true)`,
    );
    return work(tx);
  });
}

/** The app.anonymous_key setting: the key's hash; empty (nobody, who sees nothing) for a user or a blank key. */
function settingFor(actor: Actor): string {
  return actor.userId === null && actor.anonymousKey !== '' ? anonymousKeyHash(actor.anonymousKey) : '';
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
