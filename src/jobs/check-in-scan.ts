import { scanCheckIns } from '../services/check-ins/index.ts';
import type { Db } from '../services/database.ts';
import type { Queue } from './queue.ts';

export const CHECK_IN_SCAN_JOB = 'check-in-scan';

/**
 * The check-in scan as a pg-boss job, every 15 minutes: each user's slot is an hour, so a quarter-hour pass
 * finds it well inside the schedule's grace. A scan that runs twice (two workers, a retry) enqueues nothing
 * new: the outbox's unique idempotency key `check_in:<user>:<period>` refuses the second copy.
 */
export async function registerCheckInScan(
  queue: Queue,
  db: Db,
  options: { now?: () => Date; log?: (message: string) => void } = {},
): Promise<void> {
  const now = options.now ?? (() => new Date());
  await queue.createQueue(CHECK_IN_SCAN_JOB);
  await queue.schedule(CHECK_IN_SCAN_JOB, '*/15 * * * *');
  await queue.work(CHECK_IN_SCAN_JOB, async () => {
    const result = await scanCheckIns(db, now());
    options.log?.(`check-in scan: ${result.due} due, ${result.enqueued} enqueued`);
  });
}
