import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { channelIdentities, profiles, users } from '../../db/schema/index.ts';
import { type Channel, isChannel } from '../../domain/channels.ts';
import { claimAnonymousConversations, identityAnonymousKey } from '../conversations/conversations.ts';
import { badInput } from '../errors.ts';

/**
 * (channel, external id) → user, in one place. A Telegram chat or phone number is a user from its first
 * message: a users row without a password (and its profile), so it has one plan and one inventory like any
 * account, and a link code can later fold it into a web account (link-codes.ts). Looked up before anyone is
 * known, so these run as the system role.
 */
export type ChannelUser = { identityId: string; userId: string; conversationId: string | null };

/** Longest external id accepted: Telegram chat ids and E.164 numbers are far shorter. */
const EXTERNAL_ID_MAX = 128;

export function checkExternalId(
  channel: unknown,
  externalId: unknown,
): { channel: Channel; externalId: string } {
  if (!isChannel(channel)) throw badInput('channel must be web, telegram or sms', 'channel');
  if (typeof externalId !== 'string' || externalId.trim() === '')
    throw badInput('externalId is required', 'externalId');
  if (externalId.length > EXTERNAL_ID_MAX)
    throw badInput(`externalId is longer than ${EXTERNAL_ID_MAX} characters`, 'externalId');
  return { channel, externalId: externalId.trim() };
}

/**
 * Stand-in address for a user who arrived by chat or text (users.email is required and unique). The
 * `.invalid` top-level domain is reserved (RFC 2606), so nothing is ever sent to it; the identity id makes it
 * unique and says nothing about the chat id or number.
 */
export function channelUserEmail(channel: Channel, identityId: string): string {
  return `${channel}-${identityId}@channel.readyplan.invalid`;
}

/**
 * The user behind a chat or number, created with the identity on first contact. Race-free on a real server:
 * the unique (channel, external_id) constraint makes one identity row, and `SELECT … FOR UPDATE` makes a
 * second first message wait while the first creates the user, then find it.
 */
export async function identifyChannelUser(
  db: Db,
  channelValue: Channel,
  externalIdValue: string,
): Promise<ChannelUser> {
  const { channel, externalId } = checkExternalId(channelValue, externalIdValue);
  if (channel === 'web') throw badInput('the web keeps its own sign-in, not a channel identity', 'channel');
  const created = await db.transaction(async (tx) => {
    await tx.insert(channelIdentities).values({ channel, externalId }).onConflictDoNothing();
    const [identity] = await tx
      .select()
      .from(channelIdentities)
      .where(and(eq(channelIdentities.channel, channel), eq(channelIdentities.externalId, externalId)))
      .for('update');
    if (!identity) throw new Error('channel identity vanished while it was being created');
    if (identity.userId)
      return {
        identityId: identity.id,
        userId: identity.userId,
        conversationId: identity.conversationId,
        fresh: false,
      };
    const email = channelUserEmail(channel, identity.id);
    const [user] = await tx.insert(users).values({ email, passwordHash: null }).returning({ id: users.id });
    await tx.insert(profiles).values({ id: user!.id, email: null });
    await tx
      .update(channelIdentities)
      .set({ userId: user!.id, updatedAt: sql`now()` })
      .where(eq(channelIdentities.id, identity.id));
    return {
      identityId: identity.id,
      userId: user!.id,
      conversationId: identity.conversationId,
      fresh: true,
    };
  });
  // An identity made before every chat had a user kept its threads under an anonymous key: they move over.
  if (created.fresh)
    await claimAnonymousConversations(
      db,
      identityAnonymousKey({ ...created, id: created.identityId, channel, externalId }),
      created.userId,
    );
  return { identityId: created.identityId, userId: created.userId, conversationId: created.conversationId };
}

/** The chats and numbers joined to a user, oldest first (the one a person reached us on first leads). */
export async function listUserIdentities(db: DbOrTx, userId: string) {
  return db
    .select({
      id: channelIdentities.id,
      channel: channelIdentities.channel,
      externalId: channelIdentities.externalId,
      conversationId: channelIdentities.conversationId,
    })
    .from(channelIdentities)
    .where(eq(channelIdentities.userId, userId))
    .orderBy(asc(channelIdentities.createdAt));
}

/** Points the identity at the thread it continues (after a turn started a new one). */
export async function setCurrentConversation(db: Db, identityId: string, conversationId: string | null) {
  await db
    .update(channelIdentities)
    .set({ conversationId, updatedAt: sql`now()` })
    .where(eq(channelIdentities.id, identityId));
}

/** Whether a user signed up with a password (a web account) or arrived by chat or text. */
export async function hasPassword(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ has: sql<boolean>`${users.passwordHash} is not null` })
    .from(users)
    .where(eq(users.id, userId));
  return row?.has ?? false;
}

/**
 * A chat id or phone number as logs may show it: the channel and its last 3 characters. The full value is
 * personal data and never goes to a log.
 */
export function redactExternalId(externalId: string): string {
  const tail = externalId.slice(-3);
  return externalId.length <= 3 ? '…' : `…${tail}`;
}
