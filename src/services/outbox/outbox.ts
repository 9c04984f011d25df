import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/rows.ts';
import {
  type CommunicationLogStatus,
  communicationLog,
  type MessageType,
  type OutboundChannel,
  outbox,
  users,
} from '../../db/schema/index.ts';
import type { Db } from '../database.ts';

export type OutboxRow = typeof outbox.$inferSelect;

export type EnqueueInput = {
  userId: string;
  type: MessageType;
  /** The period this message belongs to (e.g. an ISO week "2026-W49", a call id + "24h"). */
  periodKey: string;
  /** null/absent: the best channel the user has, resolved when sent. */
  channel?: OutboundChannel | null;
  payload: Record<string, unknown>;
  /** Not sent before this time (default: now). */
  notBefore?: Date;
};

export const idempotencyKey = (input: Pick<EnqueueInput, 'userId' | 'type' | 'periodKey'>) =>
  `${input.type}:${input.userId}:${input.periodKey}`;

/**
 * Writes an outbound message to the outbox before anything is sent. The unique idempotency key
 * (type, user, period) with ON CONFLICT DO NOTHING makes a duplicate job — a scan run twice, a retried
 * pg-boss job — a no-op: it never creates a second message. Returns the new row's id, or null when the
 * message was already there.
 */
export async function enqueueOutbound(db: Db, input: EnqueueInput): Promise<string | null> {
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(outbox)
      .values({
        userId: input.userId,
        type: input.type,
        channel: input.channel ?? null,
        idempotencyKey: idempotencyKey(input),
        payload: input.payload,
        ...(input.notBefore ? { nextAttemptAt: input.notBefore } : {}),
      })
      .onConflictDoNothing({ target: outbox.idempotencyKey })
      .returning({ id: outbox.id });
    const id = inserted[0]?.id ?? null;
    if (id)
      await tx
        .insert(communicationLog)
        .values({ outboxId: id, channel: input.channel ?? null, status: 'queued' });
    return id;
  });
}

/**
 * Claims up to `limit` due messages for one sender: status 'sending', the attempt counted and a lease set, all
 * in one UPDATE … RETURNING BEFORE the provider is called. Two senders on one database never claim the same
 * row: the candidates are locked with FOR UPDATE SKIP LOCKED (the second skips what the first holds), and the
 * outer UPDATE re-checks the status.
 */
export async function claimDue(
  db: Db,
  options: { now: Date; leaseMs: number; limit: number },
): Promise<OutboxRow[]> {
  const until = new Date(options.now.getTime() + options.leaseMs).toISOString();
  const result = await db.execute(sql`
    update outbox set status = 'sending', attempts = attempts + 1, locked_until = ${until}
    where id in (
      select id from outbox
      where status = 'queued' and next_attempt_at <= ${options.now.toISOString()}
      order by next_attempt_at
      limit ${options.limit}
      for update skip locked
    ) and status = 'queued'
    returning id`);
  const ids = rowsOf<{ id: string }>(result).map((r) => r.id);
  if (ids.length === 0) return [];
  return db.select().from(outbox).where(inArray(outbox.id, ids));
}

/** The provider accepted the message: its id kept, the row done, the log told. */
export async function markSent(
  db: Db,
  row: Pick<OutboxRow, 'id'>,
  sent: { channel: OutboundChannel | null; providerMessageId: string | null; now: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(outbox)
      .set({
        status: 'sent',
        channel: sent.channel,
        providerMessageId: sent.providerMessageId,
        sentAt: sent.now,
        lockedUntil: null,
        lastError: null,
      })
      // Not only from 'sending': a provider slower than the lease may answer after another sender settled the
      // row as failed; the provider's acceptance is the truth, so the row says sent.
      .where(and(eq(outbox.id, row.id), ne(outbox.status, 'sent')));
    await tx.insert(communicationLog).values({
      outboxId: row.id,
      channel: sent.channel,
      status: 'sent',
      providerMessageId: sent.providerMessageId,
      at: sent.now,
    });
  });
}

/** Writes one step of a message's delivery to the log (queued, sent, delivered, failed). */
export async function logDelivery(
  db: Db,
  entry: {
    outboxId: string;
    channel: OutboundChannel | null;
    status: CommunicationLogStatus;
    error?: string | null;
    providerMessageId?: string | null;
    at: Date;
  },
): Promise<void> {
  await db.insert(communicationLog).values({
    outboxId: entry.outboxId,
    channel: entry.channel,
    status: entry.status,
    error: entry.error ?? null,
    providerMessageId: entry.providerMessageId ?? null,
    at: entry.at,
  });
}

/** The address an e-mail for this user goes to (null when the user is gone). Never logged. */
export async function recipientEmail(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row?.email ?? null;
}
