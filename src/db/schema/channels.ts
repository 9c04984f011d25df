import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { type ConversationChannel, channelValuesSql } from './conversations.ts';
import { users } from './users.ts';

export const inboundStatuses = ['pending', 'processing', 'replied', 'done', 'failed'] as const;
export type InboundStatus = (typeof inboundStatuses)[number];

/**
 * Each Telegram update or inbound SMS, stored before the webhook answers (src/services/channels/inbound.ts):
 * one insert, and the unique (channel, delivery_id) makes a redelivered update_id / MessageSid a no-op. A
 * worker claims pending rows, runs the turn, keeps the reply here until it is sent. This durable table is
 * what the check-ins issue's job queue (pg-boss) takes over later. System role only (drizzle/0009).
 */
export const inboundUpdates = pgTable(
  'inbound_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: text('channel').$type<ConversationChannel>().notNull(),
    /** The provider's id of this delivery: Telegram update_id, Twilio MessageSid. */
    deliveryId: text('delivery_id').notNull(),
    /** The chat id or phone number to answer (personal data: never logged in full). */
    externalId: text('external_id').notNull(),
    text: text('text').notNull(),
    status: text('status').$type<InboundStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** Not claimed before this time (a retry's back-off). */
    availableAt: timestamp('available_at', { withTimezone: true }).notNull().defaultNow(),
    /** A claim's lease: a row still `processing` after it was claimed by a worker that died. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** The reply once the turn ran, so a failed send is retried without running the turn again. */
    reply: jsonb('reply').$type<Record<string, unknown>>(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    unique('inbound_updates_channel_delivery_unique').on(t.channel, t.deliveryId),
    index('idx_inbound_updates_claim').on(t.status, t.availableAt),
    index('idx_inbound_updates_sender').on(t.channel, t.externalId, t.createdAt),
    check('inbound_updates_channel_check', sql`${t.channel} in (${channelValuesSql})`),
    check(
      'inbound_updates_status_check',
      sql`${t.status} in ('pending', 'processing', 'replied', 'done', 'failed')`,
    ),
  ],
);

/**
 * A short-lived, single-use code that joins a Telegram chat or phone number to a web account (or the
 * reverse). Only its SHA-256 is stored, as for session tokens. System role only.
 */
export const linkCodes = pgTable(
  'link_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('idx_link_codes_user').on(t.userId)],
);

export const turnOutcomes = ['allowed', 'noticed', 'silenced'] as const;
export type TurnOutcome = (typeof turnOutcomes)[number];

/**
 * Every turn asked for, per identity (a channel identity's id, a web user or a guest key's hash): what the
 * turn rate limit counts, shared by every instance (src/services/channels/turn-limit.ts). System role only.
 */
export const turnEvents = pgTable(
  'turn_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subject: text('subject').notNull(),
    outcome: text('outcome').$type<TurnOutcome>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('idx_turn_events_subject').on(t.subject, t.createdAt),
    check('turn_events_outcome_check', sql`${t.outcome} in ('allowed', 'noticed', 'silenced')`),
  ],
);
