import { and, asc, count, desc, eq, gt, isNull, sql } from 'drizzle-orm';
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
import { type Actor, withActor } from './actor.ts';

export type Conversation = typeof conversations.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type AiRunRow = typeof aiRuns.$inferSelect;
export type NewAiRun = Omit<typeof aiRuns.$inferInsert, 'id' | 'createdAt' | 'estimatedCostUsd'> & {
  estimatedCostUsd: number | null;
};

/**
 * The thread to talk in: the given one when the actor may see it (another's id is "not found"), else a
 * new one. Every read and write below runs under row-level security as the actor.
 */
export async function openConversation(
  db: Db,
  actor: Actor,
  input: { channel: ConversationChannel; conversationId?: string | null; title?: string | null },
): Promise<Conversation> {
  return withActor(db, actor, async (tx) => {
    if (input.conversationId) {
      const [row] = await tx
        .select()
        .from(conversations)
        .where(eq(conversations.id, input.conversationId))
        .limit(1);
      if (!row) throw notFound('Conversation');
      return row;
    }
    const [row] = await tx
      .insert(conversations)
      .values({
        userId: actor.userId,
        anonymousKey: actor.userId === null ? actor.anonymousKey : null,
        channel: input.channel,
        title: input.title ?? null,
      })
      .returning();
    return row!;
  });
}

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

export type Thread = {
  conversation: Conversation;
  /** The newest `limit` messages, oldest first. */
  recent: MessageRow[];
  /** Messages older than `recent` that `conversation.summary` does not cover yet, oldest first. */
  unsummarized: MessageRow[];
  total: number;
};

/** The bounded history of a thread: the last `limit` messages, and older ones still to be summarised. */
export async function loadThread(db: Db, actor: Actor, conversationId: string, limit = 20): Promise<Thread> {
  return withActor(db, actor, async (tx) => {
    const [conversation] = await tx
      .select()
      .from(conversations)
      .where(eq(conversations.id, conversationId))
      .limit(1);
    if (!conversation) throw notFound('Conversation');
    const [counted] = await tx
      .select({ n: count() })
      .from(messages)
      .where(eq(messages.conversationId, conversationId));
    const total = Number(counted?.n ?? 0);
    const recent = (
      await tx
        .select()
        .from(messages)
        .where(eq(messages.conversationId, conversationId))
        .orderBy(desc(messages.seq))
        .limit(limit)
    ).reverse();
    const olderCount = Math.max(0, total - recent.length);
    const unsummarized =
      olderCount > conversation.summarizedCount
        ? await tx
            .select()
            .from(messages)
            .where(eq(messages.conversationId, conversationId))
            .orderBy(asc(messages.seq))
            .offset(conversation.summarizedCount)
            .limit(olderCount - conversation.summarizedCount)
        : [];
    return { conversation, recent, unsummarized, total };
  });
}

export async function appendMessage(
  db: Db,
  actor: Actor,
  conversationId: string,
  message: { role: 'user' | 'assistant'; content: string; parts?: unknown[] },
): Promise<MessageRow> {
  return withActor(db, actor, async (tx) => {
    const [row] = await tx
      .insert(messages)
      .values({ conversationId, role: message.role, content: message.content, parts: message.parts ?? [] })
      .returning();
    await tx
      .update(conversations)
      .set({ updatedAt: sql`now()` })
      .where(eq(conversations.id, conversationId));
    return row!;
  });
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

/** The assistant's last message of the thread, to map a reply such as "2" to the choice it offered. */
export async function lastAssistantMessage(db: Db, actor: Actor, conversationId: string) {
  return withActor(db, actor, async (tx) => {
    const [row] = await tx
      .select()
      .from(messages)
      .where(and(eq(messages.conversationId, conversationId), eq(messages.role, 'assistant')))
      .orderBy(desc(messages.seq))
      .limit(1);
    return row ?? null;
  });
}

export async function saveSummary(
  db: Db,
  actor: Actor,
  conversationId: string,
  summary: string,
  summarizedCount: number,
): Promise<void> {
  await withActor(db, actor, (tx) =>
    tx.update(conversations).set({ summary, summarizedCount }).where(eq(conversations.id, conversationId)),
  );
}

export async function setConversationTitle(db: Db, actor: Actor, conversationId: string, title: string) {
  await withActor(db, actor, (tx) =>
    tx
      .update(conversations)
      .set({ title })
      .where(and(eq(conversations.id, conversationId), isNull(conversations.title))),
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

export async function getDraftPlan(db: Db, actor: Actor, conversationId: string): Promise<GeneratedKit | null> {
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

export async function recordAiRun(db: Db, actor: Actor, run: NewAiRun): Promise<AiRunRow> {
  return withActor(db, actor, async (tx) => {
    const [row] = await tx
      .insert(aiRuns)
      .values({
        ...run,
        userId: actor.userId,
        estimatedCostUsd: run.estimatedCostUsd === null ? null : run.estimatedCostUsd.toFixed(6),
      })
      .returning();
    return row!;
  });
}

export async function listAiRuns(db: Db, actor: Actor, conversationId: string) {
  return withActor(db, actor, (tx) =>
    tx.select().from(aiRuns).where(eq(aiRuns.conversationId, conversationId)).orderBy(asc(aiRuns.createdAt)),
  );
}

/**
 * When an anonymous visitor signs up, their threads become theirs. Runs as the system role: the key
 * proves the session (it is the secret the channel kept), and only threads without a user move.
 * Returns the ids of the threads claimed.
 */
export async function claimAnonymousConversations(
  db: Db,
  anonymousKey: string,
  userId: string,
): Promise<{ id: string; household: Record<string, unknown>; draftPlan: GeneratedKit | null }[]> {
  const rows = await db
    .update(conversations)
    .set({ userId, anonymousKey: null, updatedAt: sql`now()` })
    .where(and(eq(conversations.anonymousKey, anonymousKey), isNull(conversations.userId)))
    .returning({ id: conversations.id, household: conversations.household, draftPlan: conversations.draftPlan });
  return rows.map((r) => ({ ...r, draftPlan: r.draftPlan ?? null }));
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

/** Count of the thread's messages newer than `seq` (used by tests and the bench). */
export async function countMessagesAfter(db: Db, actor: Actor, conversationId: string, seq: number) {
  return withActor(db, actor, async (tx) => {
    const [row] = await tx
      .select({ n: count() })
      .from(messages)
      .where(and(eq(messages.conversationId, conversationId), gt(messages.seq, seq)));
    return Number(row?.n ?? 0);
  });
}
