import type { LanguageModelV3 } from '@ai-sdk/provider';
import { createModel } from '../agents/index.ts';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { registerEmbeddingBackfill } from './jobs/embedding-backfill.ts';
import { registerHousekeeping } from './jobs/housekeeping.ts';
import { type Queue, startQueue, stopQueue } from './jobs/queue.ts';
import { openMigratedDatabase } from './open-database.ts';
import { purgeExpiredSessions, type SessionPurge, startSessionPurge } from './services/accounts/index.ts';
import { startActivityAnonymiser } from './services/analytics/activity.ts';
import { createEmbedder, type Embedder } from './services/embeddings/index.ts';
import { createLogger, type Logger } from './services/logger.ts';
import { createSolverPool, type SolverPool } from './services/plans/solver-pool.ts';

/**
 * The composition root: everything process-wide, built once here and passed down — the logger, the
 * migrated (and, when empty, seeded) database, the embedder, the language model and the solver pool.
 * Nothing below keeps its own instance of any of them.
 */
export type Runtime = {
  config: Config;
  logger: Logger;
  database: Database;
  embedder: Embedder;
  model: LanguageModelV3;
  solver: SolverPool;
  /** The hourly purge of expired sessions, when asked for (the server). */
  sessionPurge: SessionPurge | null;
  /** The job queue (pg-boss, src/jobs/), when asked for (the server); jobs are registered on it. */
  queue: Queue | null;
  /** Stops the queue's workers (waiting for the jobs in hand); close calls it too. Safe to call twice. */
  stopJobs(): Promise<void>;
  /** Stops what the runtime started (the session purge, the solver workers) and closes the database. */
  close(): Promise<void>;
};

export type RuntimeOptions = {
  /** Load the seed data when the catalog is empty (default). The seed command loads it itself. */
  seed?: boolean;
  /**
   * Housekeeping the server does and one-off commands do not: expired sessions deleted now and hourly, and
   * activity older than 90 days anonymised daily — as scheduled jobs when `jobs` is on, else as timers.
   */
  purgeSessions?: boolean;
  /** Start the job queue (pg-boss on this database) with the runtime's own jobs (the embedding backfill). */
  jobs?: boolean;
  /** Where log lines go; by default a logger at config.logLevel on stderr. */
  logger?: Logger;
};

/** What every entry point (server and commands) starts with. Log lines go to stderr; stdout stays the command's. */
export async function openRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const embedder = createEmbedder(config.embeddings);
  const database = await openMigratedDatabase(config, {
    logger,
    seed: options.seed ?? true,
    embedder: () => embedder,
  });
  let sessionPurge: SessionPurge | null = null;
  let anonymiser: { stop(): Promise<void> } | null = null;
  let queue: Queue | null = null;
  // Stopped once, whoever asks first (the server's drains or close).
  let queueStopped: Promise<void> | null = null;
  const stopJobs = () => {
    if (queue) queueStopped ??= stopQueue(queue);
    return queueStopped ?? Promise.resolve();
  };
  const solver = createSolverPool(logger);
  try {
    if (options.jobs) {
      queue = await startQueue(database, {
        ...(config.database.kind === 'postgres' ? { url: config.database.url } : {}),
        onError: (error) => logger.error({ err: error }, 'job queue'),
      });
      await registerEmbeddingBackfill(queue, database.db, embedder, (line) => logger.info(line));
    }
    if (options.purgeSessions && queue) {
      // Scheduled jobs (src/jobs/housekeeping.ts); the first session purge still runs here, at once.
      await registerHousekeeping(queue, database.db, (line) => logger.info(line));
      // Logged, as the timer did: a failed purge at start must not crash the server (the hourly job retries).
      const first = purgeExpiredSessions(database.db, new Date()).then(
        (count) => {
          if (count > 0) logger.info(`purged ${count} expired session${count === 1 ? '' : 's'}`);
          return count;
        },
        (error: unknown) => {
          logger.error({ err: error }, 'session purge failed');
          return 0;
        },
      );
      sessionPurge = { first, stop: () => first.then(() => {}) };
    } else if (options.purgeSessions) {
      sessionPurge = startSessionPurge(database.db, { log: (line) => logger.info(line) });
      anonymiser = startActivityAnonymiser(database.db, { log: (line) => logger.info(line) });
    }
    const model = createModel(config.model);
    const close = async () => {
      await stopJobs();
      await sessionPurge?.stop();
      await anonymiser?.stop();
      await solver.close();
      await database.close();
    };
    return { config, logger, database, embedder, model, solver, sessionPurge, queue, stopJobs, close };
  } catch (error) {
    await stopJobs();
    await sessionPurge?.stop();
    await anonymiser?.stop();
    await solver.close();
    await database.close();
    throw error;
  }
}
