import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { profiles } from '../../db/schema/index.ts';
import { withUser } from '../../db/with-user.ts';
import type { Actor } from '../conversations/actor.ts';
import { getConversationHousehold, setConversationHousehold } from '../conversations/conversations.ts';

/**
 * SMS consent (STOP / START). Kept beside the household facts in the profile's JSON (the thread's for a
 * number not yet joined to an account) under `smsOptOut`, which household writes preserve; a dedicated
 * column is the better home once the schema gains one.
 */
const KEY = 'smsOptOut';

/** Whether the stored household JSON (as a turn reads it) carries an opt-out. */
export function smsOptedOut(stored: unknown): boolean {
  return (
    !!stored && typeof stored === 'object' && typeof (stored as Record<string, unknown>)[KEY] === 'string'
  );
}

export async function setSmsOptOut(
  db: Db,
  actor: Actor,
  conversationId: string,
  optedOut: boolean,
  now: Date = new Date(),
): Promise<void> {
  const value = optedOut ? now.toISOString() : null;
  if (actor.userId !== null) {
    const userId = actor.userId;
    await withUser(db, userId, (tx) =>
      tx
        .update(profiles)
        .set({
          household: value
            ? sql`${profiles.household} || jsonb_build_object(${KEY}::text, ${value}::text)`
            : sql`${profiles.household} - ${KEY}::text`,
          updatedAt: sql`now()`,
        })
        .where(eq(profiles.id, userId)),
    );
    return;
  }
  const stored = ((await getConversationHousehold(db, actor, conversationId)) ?? {}) as Record<
    string,
    unknown
  >;
  const { [KEY]: _previous, ...rest } = stored;
  await setConversationHousehold(db, actor, conversationId, value ? { ...rest, [KEY]: value } : rest);
}
