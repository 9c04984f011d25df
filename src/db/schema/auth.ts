import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/**
 * A signed-in browser. The cookie holds a random token; only its SHA-256 is stored, so a copy of the
 * database cannot be replayed as a login. Looked up before anyone is known, so lookups run as the system
 * role; the user may list and end their own sessions under row-level security (drizzle/0006).
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    userAgent: text('user_agent'),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('idx_sessions_user').on(t.userId), index('idx_sessions_expires').on(t.expiresAt)],
);

/** `pending`: recorded before the password is checked, so parallel attempts count each other (throttle.ts). */
export const loginOutcomes = ['success', 'failure', 'throttled', 'pending'] as const;
export type LoginOutcome = (typeof loginOutcomes)[number];

/**
 * Every sign-in attempt, by email (as typed, lower-cased) and client address: the record login throttling
 * counts. Keyed by email rather than user, since most failed attempts name no account; system role only.
 */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    outcome: text('outcome').$type<LoginOutcome>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('idx_login_attempts_email').on(t.email, t.createdAt),
    index('idx_login_attempts_ip').on(t.ip, t.createdAt),
    check(
      'login_attempts_outcome_check',
      sql`${t.outcome} in ('success', 'failure', 'throttled', 'pending')`,
    ),
  ],
);

/**
 * A password reset asked for by e-mail (services/accounts/password-reset.ts). The link carries a random
 * token; only its SHA-256 is stored, so a copy of the database cannot reset anyone's password. Single use
 * (`used_at`), short-lived (`expires_at`); the system's alone: read before anyone is signed in (drizzle/0014).
 */
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('idx_password_reset_tokens_user').on(t.userId, t.createdAt)],
);
