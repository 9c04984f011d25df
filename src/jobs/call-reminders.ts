import { enqueueCallReminders } from '../services/check-ins/index.ts';
import type { Db } from '../services/database.ts';
import type { Queue } from './queue.ts';

export const CALL_REMINDERS_JOB = 'call-reminders';

/**
 * Expert call reminders as a pg-boss job, every 5 minutes, so a reminder goes out at most 5 minutes after its
 * moment. Two runs at once are harmless: the outbox's unique key `call_reminder:<user>:<call>:<24h|1h>`.
 */
export async function registerCallReminders(
  queue: Queue,
  db: Db,
  options: { now?: () => Date; log?: (message: string) => void } = {},
): Promise<void> {
  const now = options.now ?? (() => new Date());
  await queue.createQueue(CALL_REMINDERS_JOB);
  await queue.schedule(CALL_REMINDERS_JOB, '*/5 * * * *');
  await queue.work(CALL_REMINDERS_JOB, async () => {
    const enqueued = await enqueueCallReminders(db, now());
    options.log?.(`call reminders: ${enqueued} enqueued`);
  });
}
