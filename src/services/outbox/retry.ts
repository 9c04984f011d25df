import { and, eq, lt, sql } from 'drizzle-orm';
import { outbox } from '../../db/schema/index.ts';
import type { Db } from '../database.ts';
import { logDelivery, type OutboxRow } from './outbox.ts';

export type RetryPolicy = {
  /** Attempts in all, the first included; after the last failure the message is marked failed. */
  maxAttempts: number;
  /** The delay after the first failure; doubled after each further one. */
  baseDelayMs: number;
  /** Upper bound of one delay. */
  maxDelayMs: number;
};

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 30_000, maxDelayMs: 3_600_000 };

/**
 * Exponential back-off with "equal jitter": half of base·2^(n−1) fixed, the other half random, so senders
 * that failed together (a provider outage) do not all retry in the same instant. `random` is injected so
 * tests can assert the schedule.
 */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

/**
 * A send that failed (the provider refused it, or could not be reached): back to 'queued' after the back-off,
 * or 'failed' once `maxAttempts` are spent. Returns when it is next tried (null when it failed for good).
 */
export async function markAttemptFailed(
  db: Db,
  row: Pick<OutboxRow, 'id' | 'attempts' | 'channel'>,
  error: string,
  options: { now: Date; policy: RetryPolicy; random: () => number },
): Promise<Date | null> {
  const final = row.attempts >= options.policy.maxAttempts;
  const next = final
    ? null
    : new Date(options.now.getTime() + backoffDelayMs(row.attempts, options.policy, options.random));
  await db
    .update(outbox)
    .set({
      status: final ? 'failed' : 'queued',
      lastError: error.slice(0, 500),
      lockedUntil: null,
      ...(next ? { nextAttemptAt: next } : {}),
    })
    .where(and(eq(outbox.id, row.id), eq(outbox.status, 'sending')));
  if (final)
    await logDelivery(db, {
      outboxId: row.id,
      channel: row.channel,
      status: 'failed',
      error,
      at: options.now,
    });
  return next;
}

/**
 * Rows left 'sending' past their lease: their sender died between claiming and recording. The rule is
 * at-most-once after the provider may have accepted: the attempt was marked before the provider was called,
 * so a row with a provider id was sent (recorded as such), and one without is NOT resent blindly — the
 * provider may have accepted it just before the crash. It is marked failed with the reason, for an operator
 * (or a later provider lookup) to settle. A duplicate is worse than a missed reminder for a household.
 */
export async function settleExpiredLeases(db: Db, now: Date): Promise<{ sent: number; failed: number }> {
  const stuck = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.status, 'sending'), lt(outbox.lockedUntil, now)));
  let sent = 0;
  let failed = 0;
  for (const row of stuck) {
    const accepted = row.providerMessageId !== null;
    const reason = 'sender stopped after claiming; the provider may have accepted it, so it is not resent';
    const changed = await db
      .update(outbox)
      .set(
        accepted
          ? {
              status: 'sent',
              lockedUntil: null,
              sentAt: sql`coalesce(${outbox.sentAt}, ${now.toISOString()})`,
            }
          : { status: 'failed', lockedUntil: null, lastError: reason },
      )
      .where(and(eq(outbox.id, row.id), eq(outbox.status, 'sending'), lt(outbox.lockedUntil, now)))
      .returning({ id: outbox.id });
    if (changed.length === 0) continue;
    if (accepted) sent += 1;
    else failed += 1;
    await logDelivery(db, {
      outboxId: row.id,
      channel: row.channel,
      status: accepted ? 'sent' : 'failed',
      error: accepted ? null : reason,
      providerMessageId: row.providerMessageId,
      at: now,
    });
  }
  return { sent, failed };
}
