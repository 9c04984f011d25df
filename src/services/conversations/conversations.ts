import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  aiRuns,
  type ConversationChannel,
  channelIdentities,
  conversations,
  messages,
} from '../../db/schema/index.ts';
import type { GeneratedKit } from '../../domain/generated-kit.ts';
import { notFound } from '../errors.ts';
import { type Actor, anonymousKeyHash, withActor } from './actor.ts';

export type Conversation = typeof conversations.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type NewAiRun = Omit<typeof aiRuns.$inferInsert, 'id' | 'createdAt' | 'estimatedCostUsd'> & {
  estimatedCostUsd: number | null;
};

export async function getConversation(db: Db, actor: Actor, conversationId: string): Promise<Conversation> {
  return withActor(db, actor, async (tx) => {
    const [row] = await tx.select().from(conversations).where(eq(conversations.id, conversationId)).limit(1);
    if (!row) throw notFound('Conversation');
    return row;
  });
}

export async function listConversations(db: Db, actor: Actor, limit = 20) {
  return withActor(db, actor, (tx) =>
    tx
      .select({
        id: conversations.id,
        channel: conversations.channel,
        title: conversations.title,
        updatedAt: conversations.updatedAt,
      })
      .from(conversations)
      .orderBy(desc(conversations.updatedAt))
      .limit(limit),
  );
}

export async function listMessages(db: Db, actor: Actor, conversationId: string, limit = 100) {
  return withActor(db, actor, async (tx) =>
    (
      await tx
        .select()
        .from(messages)
        .where(eq(messages.conversationId, conversationId))
        .orderBy(desc(messages.seq))
        .limit(limit)
    ).reverse(),
  );
}

/** The household facts gathered in an anonymous thread (signed-in users keep theirs on the profile). */
export async function getConversationHousehold(db: Db, actor: Actor, conversationId: string) {
  return withActor(db, actor, async (tx) => {
    const [row] = await tx
      .select({ household: conversations.household })
      .from(conversations)
      .where(eq(conversations.id, conversationId))
      .limit(1);
    if (!row) throw notFound('Conversation');
    return row.household;
  });
}

export async function setConversationHousehold(
  db: Db,
  actor: Actor,
  conversationId: string,
  household: Record<string, unknown>,
): Promise<void> {
  await withActor(db, actor, async (tx) => {
    const updated = await tx
      .update(conversations)
      .set({ household, updatedAt: sql`now()` })
      .where(eq(conversations.id, conversationId))
      .returning({ id: conversations.id });
    if (updated.length === 0) throw notFound('Conversation');
  });
}

/** Keeps the plan just built on the thread, so an anonymous visitor sees it before creating an account. */
export async function setDraftPlan(db: Db, actor: Actor, conversationId: string, kit: GeneratedKit) {
  await withActor(db, actor, async (tx) => {
    const updated = await tx
      .update(conversations)
      .set({ draftPlan: kit, updatedAt: sql`now()` })
      .where(eq(conversations.id, conversationId))
      .returning({ id: conversations.id });
    if (updated.length === 0) throw notFound('Conversation');
  });
}

export async function getDraftPlan(
  db: Db,
  actor: Actor,
  conversationId: string,
): Promise<GeneratedKit | null> {
  return withActor(db, actor, async (tx) => {
    const [row] = await tx
      .select({ draftPlan: conversations.draftPlan })
      .from(conversations)
      .where(eq(conversations.id, conversationId))
      .limit(1);
    if (!row) throw notFound('Conversation');
    return row.draftPlan ?? null;
  });
}

/** Only a signed-in user's thread can point at a saved plan (row-level security refuses the rest). */
export async function setConversationPlan(db: Db, userId: string, conversationId: string, planId: string) {
  await withActor(db, { userId }, (tx) =>
    tx.update(conversations).set({ planId }).where(eq(conversations.id, conversationId)),
  );
}

export async function listAiRuns(db: Db, actor: Actor, conversationId: string) {
  return withActor(db, actor, (tx) =>
    tx.select().from(aiRuns).where(eq(aiRuns.conversationId, conversationId)).orderBy(asc(aiRuns.createdAt)),
  );
}

/**
 * When an anonymous visitor signs up, their threads become theirs. Runs as the system role: the key
 * proves the session (it is the secret the channel kept; threads store its hash), and only threads without
 * a user move. The threads and their runs move in one transaction, so a failure leaves neither half-moved.
 * Returns the threads claimed.
 */
export async function claimAnonymousConversations(
  db: Db,
  anonymousKey: string,
  userId: string,
): Promise<{ id: string; household: Record<string, unknown>; draftPlan: GeneratedKit | null }[]> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(conversations)
      .set({ userId, anonymousKey: null, updatedAt: sql`now()` })
      .where(
        and(eq(conversations.anonymousKey, anonymousKeyHash(anonymousKey)), isNull(conversations.userId)),
      )
      .returning({
        id: conversations.id,
        household: conversations.household,
        draftPlan: conversations.draftPlan,
      });
    if (rows.length > 0) {
      await tx
        .update(aiRuns)
        .set({ userId })
        .where(
          and(
            inArray(
              aiRuns.conversationId,
              rows.map((r) => r.id),
            ),
            isNull(aiRuns.userId),
          ),
        );
    }
    return rows.map((r) => ({ ...r, draftPlan: r.draftPlan ?? null }));
  });
}

// ---------------------------------------------------------------------------------------------
// Channel identities: (channel, external id) → user and current conversation, in one place.
// Looked up before anyone is known, so these run as the system role.

export type ChannelIdentity = typeof channelIdentities.$inferSelect;

/** The identity for a chat or phone number, created on first contact (race-free: a unique constraint). */
export async function resolveChannelIdentity(
  db: Db,
  channel: ConversationChannel,
  externalId: string,
): Promise<ChannelIdentity> {
  await db.insert(channelIdentities).values({ channel, externalId }).onConflictDoNothing();
  const [row] = await db
    .select()
    .from(channelIdentities)
    .where(and(eq(channelIdentities.channel, channel), eq(channelIdentities.externalId, externalId)))
    .limit(1);
  return row!;
}

export async function setIdentityConversation(db: Db, identityId: string, conversationId: string) {
  await db
    .update(channelIdentities)
    .set({ conversationId, updatedAt: sql`now()` })
    .where(eq(channelIdentities.id, identityId));
}

/** Joins a chat or phone number to an account (after a link code was confirmed); the old thread is left behind. */
export async function linkChannelIdentity(
  db: Db,
  channel: ConversationChannel,
  externalId: string,
  userId: string,
): Promise<ChannelIdentity> {
  const [row] = await db
    .insert(channelIdentities)
    .values({ channel, externalId, userId })
    .onConflictDoUpdate({
      target: [channelIdentities.channel, channelIdentities.externalId],
      set: { userId, conversationId: null, updatedAt: sql`now()` },
    })
    .returning();
  return row!;
}

/** The anonymous key a channel identity uses until it is linked to an account. */
export function identityAnonymousKey(identity: Pick<ChannelIdentity, 'channel' | 'externalId' | 'id'>) {
  return `${identity.channel}:${identity.id}`;
}
