import type { Db } from '../../db/client.ts';
import { errorSummary } from '../error-summary.ts';
import { purgeExpiredSessions } from './sessions.ts';

export const SESSION_PURGE_INTERVAL_MS = 60 * 60 * 1000;

export type SessionPurge = {
  /** The first purge, run at once (tests await it). */
  first: Promise<number>;
  /** Stops the timer and waits for a purge under way, so the database can close after. */
  stop(): Promise<void>;
};

/**
 * Deletes expired sessions now and then every hour, in the server process. There is no job queue yet; this
 * is a plain timer, unref'd so it never keeps the process alive, and stopped with the server. Lookups ignore
 * expired sessions anyway: purging only keeps the table (and what a leaked copy would hold) small. Several
 * processes each purging is harmless (a delete of what is already gone).
 */
export function startSessionPurge(
  db: Db,
  options: { intervalMs?: number; log?: (line: string) => void; now?: () => Date } = {},
): SessionPurge {
  const now = options.now ?? (() => new Date());
  let running: Promise<number> | null = null;
  const run = (): Promise<number> => {
    // One purge at a time: a slow database must not pile up overlapping deletes.
    running ??= purgeExpiredSessions(db, now())
      .then((count) => {
        if (count > 0) options.log?.(`purged ${count} expired session${count === 1 ? '' : 's'}`);
        return count;
      })
      .catch((error: unknown) => {
        options.log?.(`session purge failed: ${JSON.stringify(errorSummary(error))}`);
        return 0;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const first = run();
  const timer = setInterval(run, options.intervalMs ?? SESSION_PURGE_INTERVAL_MS);
  timer.unref();
  return {
    first,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
