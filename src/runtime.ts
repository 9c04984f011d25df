import type { LanguageModelV3 } from '@ai-sdk/provider';
import { createModel } from '../agents/index.ts';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { openMigratedDatabase } from './open-database.ts';
import { type SessionPurge, startSessionPurge } from './services/accounts/index.ts';
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
  /** Stops what the runtime started (the session purge, the solver workers) and closes the database. */
  close(): Promise<void>;
};

export type RuntimeOptions = {
  /** Load the seed data when the catalog is empty (default). The seed command loads it itself. */
  seed?: boolean;
  /**
   * Housekeeping the server does and one-off commands do not: expired sessions deleted now and hourly, and
   * activity older than 90 days anonymised daily (until the job queue of the check-ins issue schedules both).
   */
  purgeSessions?: boolean;
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
  const solver = createSolverPool(logger);
  try {
    if (options.purgeSessions) {
      sessionPurge = startSessionPurge(database.db, { log: (line) => logger.info(line) });
      anonymiser = startActivityAnonymiser(database.db, { log: (line) => logger.info(line) });
    }
    const model = createModel(config.model);
    const close = async () => {
      await sessionPurge?.stop();
      await anonymiser?.stop();
      await solver.close();
      await database.close();
    };
    return { config, logger, database, embedder, model, solver, sessionPurge, close };
  } catch (error) {
    await sessionPurge?.stop();
    await anonymiser?.stop();
    await solver.close();
    await database.close();
    throw error;
  }
}
