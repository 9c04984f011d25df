import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/**
 * Keys for the HTTP API (the related pricing-dashboard design). Only the SHA-256 of a key is stored; the key
 * is shown once when made. The owner lists and revokes their keys under row-level security (drizzle/0012);
 * the lookup by hash runs before anyone is known, as the system role.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The key's first characters, shown in lists so people can tell keys apart. */
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('idx_api_keys_user').on(t.userId)],
);

/** One row per request made with an API key. System role only. */
export const apiLogs = pgTable(
  'api_logs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    apiKeyId: uuid('api_key_id').references(() => apiKeys.id, { onDelete: 'set null' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    method: text('method').notNull(),
    path: text('path').notNull(),
    status: integer('status').notNull(),
    durationMs: integer('duration_ms').notNull(),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('idx_api_logs_created').on(t.createdAt), index('idx_api_logs_key').on(t.apiKeyId)],
);

export const securityAlertKinds = [
  'REPEATED_FAILED_LOGINS',
  'INVALID_WEBHOOK_SIGNATURE',
  'RATE_LIMIT_BREACH',
] as const;
export type SecurityAlertKind = (typeof securityAlertKinds)[number];

/**
 * What an admin should look at. `subject` never holds an e-mail or a full address in clear: the services
 * store a short hash or a masked form. System role only.
 */
export const securityAlerts = pgTable(
  'security_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<SecurityAlertKind>().notNull(),
    severity: text('severity').$type<'low' | 'medium' | 'high'>().notNull(),
    subject: text('subject').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [index('idx_security_alerts_created').on(t.createdAt)],
);
