import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { CHANNELS, type Channel } from '../../domain/channels.ts';
import type { GeneratedKit } from '../../domain/generated-kit.ts';
import { missionReports } from './mission-reports.ts';
import { users } from './users.ts';

/** The channels column's values: the one list in the domain (a change here needs a migration of the checks). */
export const conversationChannels = CHANNELS;
export type ConversationChannel = Channel;
/** `'web', 'telegram', 'sms'` for the check constraints, written from the same list. */
export const channelValuesSql = sql.raw(CHANNELS.map((c) => `'${c}'`).join(', '));

/**
 * One thread of a conversation on one channel. A signed-in user's thread has user_id; an anonymous
 * session's has anonymous_key instead: the SHA-256 (hex) of an unguessable key the channel keeps (a web
 * cookie, an unlinked Telegram chat, a phone number not yet joined to an account). Only the hash is
 * stored, as for session tokens, so a copy of the database cannot be used to read a guest's thread.
 */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    anonymousKey: text('anonymous_key'),
    channel: text('channel').$type<ConversationChannel>().notNull(),
    title: text('title'),
    /** A deterministic digest of the turns that fell out of the bounded history. */
    summary: text('summary'),
    /** How many of the oldest messages `summary` already covers. */
    summarizedCount: integer('summarized_count').notNull().default(0),
    /** The household facts of an anonymous session (a signed-in user's live on profiles.household). */
    household: jsonb('household').$type<Record<string, unknown>>().notNull().default({}),
    /** The last plan built in this thread, kept here so anonymous visitors can see it before saving. */
    draftPlan: jsonb('draft_plan').$type<GeneratedKit>(),
    /** The saved plan (mission_reports.id) this thread last wrote or read. */
    planId: uuid('plan_id').references(() => missionReports.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('idx_conversations_user').on(t.userId, t.updatedAt),
    index('idx_conversations_anonymous').on(t.anonymousKey),
    check('conversations_channel_check', sql`${t.channel} in (${channelValuesSql})`),
    check('conversations_owner_check', sql`${t.userId} is not null or ${t.anonymousKey} is not null`),
  ],
);

export const messageRoles = ['user', 'assistant'] as const;

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    /** Insertion order: two messages may share a timestamp. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    role: text('role').$type<(typeof messageRoles)[number]>().notNull(),
    content: text('content').notNull(),
    /** Structured parts: tool calls and results of the turn, the choices offered, the plan card. */
    parts: jsonb('parts').$type<unknown[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('idx_messages_conversation').on(t.conversationId, t.seq),
    check('messages_role_check', sql`${t.role} in ('user', 'assistant')`),
  ],
);

export const aiRunStatuses = ['ok', 'error'] as const;

/** One agent turn: which model, what it cost, how long it took, which tools it called. */
export const aiRuns = pgTable(
  'ai_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    model: text('model').notNull(),
    inputTokens: integer('input_tokens').notNull().default(0),
    outputTokens: integer('output_tokens').notNull().default(0),
    latencyMs: integer('latency_ms').notNull(),
    timeToFirstTokenMs: integer('time_to_first_token_ms'),
    steps: integer('steps').notNull().default(0),
    toolCalls: jsonb('tool_calls')
      .$type<{ toolName: string; input: unknown; ok: boolean; error?: string }[]>()
      .notNull()
      .default([]),
    /** Null when the model's price is unknown (see src/conversation/pricing.ts). */
    estimatedCostUsd: numeric('estimated_cost_usd', { precision: 12, scale: 6 }),
    status: text('status').$type<(typeof aiRunStatuses)[number]>().notNull(),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('idx_ai_runs_conversation').on(t.conversationId, t.createdAt),
    index('idx_ai_runs_user').on(t.userId, t.createdAt),
    check('ai_runs_status_check', sql`${t.status} in ('ok', 'error')`),
  ],
);

/**
 * Where a Telegram chat or a phone number leads: (channel, external id) → user (once linked) and the
 * current conversation. Looked up before anyone is known, so it is read by the system role only.
 */
export const channelIdentities = pgTable(
  'channel_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: text('channel').$type<ConversationChannel>().notNull(),
    externalId: text('external_id').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('channel_identities_channel_external_id_unique').on(t.channel, t.externalId),
    index('idx_channel_identities_user').on(t.userId),
    check('channel_identities_channel_check', sql`${t.channel} in (${channelValuesSql})`),
  ],
);
