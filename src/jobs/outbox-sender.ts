import type { OutboundChannel } from '../db/schema/index.ts';
import type { Db } from '../services/database.ts';
import {
  claimDue,
  DEFAULT_RETRY,
  markAttemptFailed,
  markSent,
  type OutboxRow,
  type RetryPolicy,
  settleExpiredLeases,
} from '../services/outbox/index.ts';
import type { Queue } from './queue.ts';

/** Hands one message to its provider; resolves once the provider accepted it (with its id when it gives one). */
export type Send = (
  row: OutboxRow,
) => Promise<{ channel: OutboundChannel | null; providerMessageId: string | null }>;

export type SenderOptions = {
  send: Send;
  now?: () => Date;
  /** Jitter's source (injected so tests assert the back-off schedule). */
  random?: () => number;
  policy?: RetryPolicy;
  /** How long a claim holds before another sender treats the row as abandoned. */
  leaseMs?: number;
  batch?: number;
  log?: (message: string, detail?: unknown) => void;
};

export type SenderRun = { sent: number; retried: number; failed: number; settled: number };

/**
 * One pass of the outbound sender: rows a dead sender left 'sending' are settled (never resent blindly, see
 * settleExpiredLeases), then due rows are claimed — marked 'sending' with the attempt counted BEFORE the
 * provider is called — sent, and marked sent with the provider's id, or scheduled again with back-off.
 * At-most-once after the provider accepted: the only path back to 'queued' is a send that threw, i.e. the
 * provider refused the message or was not reached.
 */
export async function sendDueMessages(db: Db, options: SenderOptions): Promise<SenderRun> {
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const policy = options.policy ?? DEFAULT_RETRY;
  const run: SenderRun = { sent: 0, retried: 0, failed: 0, settled: 0 };
  const settled = await settleExpiredLeases(db, now());
  run.settled = settled.sent + settled.failed;
  const rows = await claimDue(db, {
    now: now(),
    leaseMs: options.leaseMs ?? 120_000,
    limit: options.batch ?? 50,
  });
  for (const row of rows) {
    let accepted: Awaited<ReturnType<Send>>;
    try {
      accepted = await options.send(row);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const next = await markAttemptFailed(db, row, message, { now: now(), policy, random });
      if (next) run.retried += 1;
      else run.failed += 1;
      options.log?.('outbox: send failed', {
        id: row.id,
        attempt: row.attempts,
        retryAt: next?.toISOString(),
      });
      continue;
    }
    await markSent(db, row, { ...accepted, now: now() });
    run.sent += 1;
  }
  return run;
}

export const OUTBOX_SEND_JOB = 'outbox-send';

/**
 * The sender as a pg-boss job: scheduled every minute, and sent on demand (`queue.send(OUTBOX_SEND_JOB)`)
 * after an enqueue. Two of these jobs running at once on different workers is safe: each claims its own
 * rows (FOR UPDATE SKIP LOCKED in claimDue).
 */
export async function registerOutboxSender(queue: Queue, db: Db, options: SenderOptions): Promise<void> {
  await queue.createQueue(OUTBOX_SEND_JOB);
  await queue.schedule(OUTBOX_SEND_JOB, '* * * * *');
  await queue.work(OUTBOX_SEND_JOB, async () => {
    await sendDueMessages(db, options);
  });
}
