import { eq } from 'drizzle-orm';
import { type CommunicationLogStatus, outbox } from '../../db/schema/index.ts';
import type { Db } from '../database.ts';
import { logDelivery } from './outbox.ts';

/** Twilio's statuses as the communication log counts them; the rest (queued, sending, …) add nothing. */
const LOG_STATUS: Record<string, CommunicationLogStatus> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  failed: 'failed',
  undelivered: 'failed',
};

/**
 * A provider's status callback for a message the outbox sent (found by the provider's id): written to the
 * communication log. A callback for any other message (a turn's inline reply) changes nothing here.
 * Returns whether it belonged to an outbox message.
 */
export async function recordOutboxProviderStatus(
  db: Db,
  providerMessageId: string,
  status: string,
  errorCode: number | null,
  now: Date = new Date(),
): Promise<boolean> {
  const logStatus = LOG_STATUS[status];
  if (!logStatus) return false;
  const [row] = await db
    .select({ id: outbox.id, channel: outbox.channel })
    .from(outbox)
    .where(eq(outbox.providerMessageId, providerMessageId));
  if (!row) return false;
  await logDelivery(db, {
    outboxId: row.id,
    channel: row.channel,
    status: logStatus,
    error: errorCode === null ? null : `provider error ${errorCode}`,
    providerMessageId,
    at: now,
  });
  return true;
}
