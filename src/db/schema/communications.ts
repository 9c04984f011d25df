import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/**
 * Outbound communication, after the related wine-club design (docs/seeds/related/003): preferences per
 * user and message type, templates per type and channel, an outbox every outbound message passes through
 * (src/services/outbox/), and a log of each delivery step. Preferences are the owner's (drizzle/0016);
 * templates, outbox and log are the system's.
 */
export const messageTypes = ['check_in', 'call_reminder', 'product_news'] as const;
export type MessageType = (typeof messageTypes)[number];

export const outboundChannels = ['telegram', 'sms', 'email'] as const;
export type OutboundChannel = (typeof outboundChannels)[number];

export const outboxStatuses = ['queued', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export const communicationLogStatuses = ['queued', 'sent', 'delivered', 'failed'] as const;
export type CommunicationLogStatus = (typeof communicationLogStatuses)[number];

export const communicationPreferences = pgTable(
  'communication_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    messageType: text('message_type').$type<MessageType>().notNull(),
    /** null: the best channel the user has (Telegram, then SMS, then e-mail). */
    channel: text('channel').$type<OutboundChannel>(),
    /** The local hour (0–23) a scheduled message goes out, in `timeZone`. */
    localHour: smallint('local_hour').notNull().default(9),
    /** The local weekday a weekly message goes out (0 Sunday … 6 Saturday); null: any day the frequency allows. */
    weekday: smallint('weekday'),
    /** IANA time zone, e.g. Europe/Berlin. */
    timeZone: text('time_zone').notNull().default('UTC'),
    /** Check-ins list what expires within this many days. */
    windowDays: integer('window_days').notNull().default(30),
    frequency: text('frequency').notNull().default('weekly'),
    optedOut: boolean('opted_out').notNull().default(false),
    quietStart: time('quiet_start').notNull().default('21:00'),
    quietEnd: time('quiet_end').notNull().default('08:00'),
    snoozedUntil: timestamp('snoozed_until', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.messageType] }),
    check(
      'communication_preferences_type_check',
      sql`${t.messageType} in ('check_in', 'call_reminder', 'product_news')`,
    ),
    check('communication_preferences_channel_check', sql`${t.channel} in ('telegram', 'sms', 'email')`),
    check('communication_preferences_hour_check', sql`${t.localHour} between 0 and 23`),
    check('communication_preferences_weekday_check', sql`${t.weekday} between 0 and 6`),
    check('communication_preferences_window_check', sql`${t.windowDays} between 1 and 365`),
  ],
);

/** One body per message type and channel, with `{{variables}}`; defaults seeded from src/services/outbox/templates.ts. */
export const communicationTemplates = pgTable(
  'communication_templates',
  {
    messageType: text('message_type').$type<MessageType>().notNull(),
    channel: text('channel').$type<OutboundChannel>().notNull(),
    /** The e-mail subject; null on chat channels. */
    subject: text('subject'),
    body: text('body').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.messageType, t.channel] }),
    check(
      'communication_templates_type_check',
      sql`${t.messageType} in ('check_in', 'call_reminder', 'product_news')`,
    ),
    check('communication_templates_channel_check', sql`${t.channel} in ('telegram', 'sms', 'email')`),
  ],
);

/**
 * Every outbound message, written before it is sent. The unique idempotency key (e.g.
 * `check_in:<user>:<period>`) makes a duplicate job a no-op; `status` 'sending' with `attempts` is written
 * before the provider is called, so a restart never sends blindly again (src/services/outbox/claim.ts).
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').$type<MessageType>().notNull(),
    /** null until the sender resolves the best channel. */
    channel: text('channel').$type<OutboundChannel>(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<OutboxStatus>().notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** A 'sending' claim's lease: past it, the row is checked (not resent blindly). */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('idx_outbox_due').on(t.status, t.nextAttemptAt),
    check('outbox_status_check', sql`${t.status} in ('queued', 'sending', 'sent', 'failed')`),
    check('outbox_type_check', sql`${t.type} in ('check_in', 'call_reminder', 'product_news')`),
    check('outbox_channel_check', sql`${t.channel} in ('telegram', 'sms', 'email')`),
  ],
);

export const communicationLog = pgTable(
  'communication_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    outboxId: uuid('outbox_id')
      .notNull()
      .references(() => outbox.id, { onDelete: 'cascade' }),
    channel: text('channel').$type<OutboundChannel>(),
    status: text('status').$type<CommunicationLogStatus>().notNull(),
    error: text('error'),
    providerMessageId: text('provider_message_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('idx_communication_log_outbox').on(t.outboxId, t.at),
    index('idx_communication_log_provider').on(t.providerMessageId),
    check('communication_log_status_check', sql`${t.status} in ('queued', 'sent', 'delivered', 'failed')`),
  ],
);
