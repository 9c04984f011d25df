import type { Db, Tx } from '../../db/client.ts';
import { withUser } from '../../db/with-user.ts';
import { hashToken } from '../accounts/tokens.ts';
import { badInput } from '../errors.ts';

/**
 * Who a conversation acts for: a signed-in user, or an anonymous session identified by an unguessable
 * key that its channel keeps (a web session cookie, an unlinked Telegram chat, a phone number).
 */
export type Actor = { userId: string; anonymousKey?: undefined } | { userId: null; anonymousKey: string };

/**
 * The one place an Actor is made: the user when there is one, else the anonymous session, whose key must
 * be unguessable (at least 8 characters) — bad input naming anonymousKey otherwise.
 */
export function actorOf(userId: string | null | undefined, anonymousKey?: string | null): Actor {
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
 * anonymous session with app.anonymous_key set to its key's hash, which sees only its own anonymous
 * conversations, their messages and runs — and nothing user-owned; a blank key sees nothing.
 */
export function withActor<T>(db: Db, actor: Actor, work: (tx: Tx) => Promise<T>): Promise<T> {
  return withUser(
    db,
    actor.userId ?? (actor.anonymousKey ? { anonymousKeyHash: anonymousKeyHash(actor.anonymousKey) } : null),
    work,
  );
}
