import type { PGlite } from '@electric-sql/pglite';
import PgBoss from 'pg-boss';
import type { Database } from '../db/client.ts';

/**
 * The job queue: pg-boss 10 in the application's own database — on a Postgres server through its connection
 * string, and in process on the embedded PGlite through pg-boss's `db` option (no second connection exists).
 *
 * Several workers on one database never run a job twice: pg-boss fetches jobs with
 * `SELECT … FOR UPDATE SKIP LOCKED` and moves them to 'active' in the same statement, so a job one worker
 * fetched is skipped by every other. A job whose handler does a side effect outside the database (a message
 * to a provider) is additionally guarded by the outbox's own claim (src/services/outbox/outbox.ts).
 */
export type Queue = PgBoss;

/**
 * pg-boss's `db` adapter over PGlite. pg-boss sends multi-statement SQL without parameters (its schema
 * creation and migrations), which PGlite's extended-protocol `query` refuses; so: `query(text, values)` when
 * there are values, `exec(text)` (the last statement's rows) when there are none.
 */
export function pgliteAdapter(pglite: PGlite) {
  return {
    async executeSql(text: string, values: unknown[] = []): Promise<{ rows: unknown[] }> {
      if (values.length > 0) {
        const result = await pglite.query(text, values);
        return { rows: result.rows };
      }
      const results = await pglite.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}

export type QueueOptions = {
  /** The connection string when the database is a Postgres server (config.database.url). */
  url?: string;
  /** Connections pg-boss opens on a server (its own pool, beside the application's). */
  max?: number;
  onError?: (error: Error) => void;
};

/** Starts pg-boss on the application's database (its `pgboss` schema is created on first start). */
export async function startQueue(database: Database, options: QueueOptions = {}): Promise<Queue> {
  let boss: PgBoss;
  if (database.pglite)
    boss = new PgBoss({ db: pgliteAdapter(database.pglite), supervise: true, schedule: true });
  else if (options.url) boss = new PgBoss({ connectionString: options.url, max: options.max ?? 4 });
  else throw new Error('the job queue needs the embedded database or a DATABASE_URL');
  // pg-boss reports maintenance and worker errors as events; without a listener they would crash the process.
  boss.on('error', (error) => options.onError?.(error));
  await boss.start();
  return boss;
}

/** Stops the queue: no new fetches, waits for the handlers in hand (up to `timeoutMs`). */
export async function stopQueue(boss: Queue, timeoutMs = 10_000): Promise<void> {
  await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
}
