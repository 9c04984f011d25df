import { sql } from 'drizzle-orm';
import { check, integer, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { SMS_STATUSES, type SmsStatus } from '../../domain/sms-statuses.ts';

/**
 * The latest delivery status of each SMS we sent, from the send itself and Twilio's status callbacks
 * (src/services/messaging/sms-deliveries.ts). Callbacks may arrive out of order, so `status_rank` keeps a
 * late "sent" from overwriting "delivered". No phone number and no text: the sid is enough to ask Twilio.
 * System role only (drizzle/0011).
 */
export const smsDeliveries = pgTable(
  'sms_deliveries',
  {
    messageSid: text('message_sid').primaryKey(),
    status: text('status').$type<SmsStatus>().notNull(),
    statusRank: smallint('status_rank').notNull(),
    /** Twilio's error code for failed and undelivered messages (twilio.com/docs/api/errors). */
    errorCode: integer('error_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'sms_deliveries_status_check',
      sql`${t.status} in (${sql.raw(SMS_STATUSES.map((status) => `'${status}'`).join(', '))})`,
    ),
  ],
);
