import { purgeExpiredSessions } from '../services/accounts/index.ts';
import { ANONYMISE_AFTER_DAYS, anonymiseOldActivity } from '../services/analytics/activity.ts';
import type { Db } from '../services/database.ts';
import type { Queue } from './queue.ts';

export const SESSION_PURGE_JOB = 'session-purge';
export const ACTIVITY_ANONYMISE_JOB = 'activity-anonymise';

/**
 * The server's housekeeping as scheduled jobs, replacing the per-process timers: expired sessions deleted
 * hourly, activity older than 90 days anonymised daily. A schedule fires one job per slot whatever the number
 * of processes, and the job runs on one worker (FOR UPDATE SKIP LOCKED, src/jobs/queue.ts). Both are
 * idempotent deletes/updates, so a retried job (pg-boss retries a handler that threw) is harmless.
 */
export async function registerHousekeeping(queue: Queue, db: Db, log: (line: string) => void): Promise<void> {
  await queue.createQueue(SESSION_PURGE_JOB);
  await queue.createQueue(ACTIVITY_ANONYMISE_JOB);
  await queue.schedule(SESSION_PURGE_JOB, '0 * * * *', {}, { retryLimit: 2 });
  await queue.schedule(ACTIVITY_ANONYMISE_JOB, '30 3 * * *', {}, { retryLimit: 2 });
  await queue.work(SESSION_PURGE_JOB, async () => {
    const count = await purgeExpiredSessions(db, new Date());
    if (count > 0) log(`purged ${count} expired session${count === 1 ? '' : 's'}`);
  });
  await queue.work(ACTIVITY_ANONYMISE_JOB, async () => {
    const count = await anonymiseOldActivity(db, new Date());
    if (count > 0) log(`anonymised ${count} activity rows older than ${ANONYMISE_AFTER_DAYS} days`);
  });
  // Once at start too, as the timers did (a server down at 03:30 still anonymises that day).
  await queue.send(ACTIVITY_ANONYMISE_JOB, {});
}
