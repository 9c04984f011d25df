import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { smsDeliveries } from '../../db/schema/index.ts';
import { SMS_STATUSES, type SmsStatus } from '../../domain/sms-statuses.ts';
import { badInput } from '../errors.ts';

/**
 * Delivery status of the SMS we send: the send records its first status ("queued"), Twilio's status
 * callbacks the rest. Callbacks can overtake one another, so a status only replaces one of lower or equal
 * rank — a late "sent" never hides "delivered", and a final status stays final.
 */
const RANK: Record<SmsStatus, number> = {
  accepted: 1,
  scheduled: 1,
  queued: 2,
  sending: 3,
  sent: 4,
  receiving: 4,
  received: 5,
  delivered: 5,
  undelivered: 5,
  failed: 5,
  canceled: 5,
  read: 6,
};

export function isSmsStatus(value: string): value is SmsStatus {
  return (SMS_STATUSES as readonly string[]).includes(value);
}

export type SmsDelivery = typeof smsDeliveries.$inferSelect;

export async function recordSmsStatus(
  db: Db,
  messageSid: string,
  status: string,
  errorCode: number | null = null,
): Promise<void> {
  if (!isSmsStatus(status)) throw badInput(`unknown SMS status "${status}"`, 'MessageStatus');
  const rank = RANK[status];
  // One statement, so two callbacks racing for one message cannot both win: the row lock orders them.
  await db
    .insert(smsDeliveries)
    .values({ messageSid, status, statusRank: rank, errorCode })
    .onConflictDoUpdate({
      target: smsDeliveries.messageSid,
      set: {
        status,
        statusRank: rank,
        errorCode: sql`coalesce(${errorCode}::integer, ${smsDeliveries.errorCode})`,
        updatedAt: sql`now()`,
      },
      setWhere: sql`${smsDeliveries.statusRank} <= ${rank}`,
    });
}

export async function getSmsDelivery(db: Db, messageSid: string): Promise<SmsDelivery | null> {
  const [row] = await db
    .select()
    .from(smsDeliveries)
    .where(eq(smsDeliveries.messageSid, messageSid))
    .limit(1);
  return row ?? null;
}
