import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { Config } from '../../../config.ts';
import type { Database } from '../../../services/database.ts';
import type { Embedder } from '../../../services/embeddings/embedder.ts';
import type { Logger } from '../../../services/logger.ts';
import type { Solver } from '../../../services/plans/solver-pool.ts';

/** What the web channel's routers are built from (wired in src/main.ts). */
export type WebRouteDeps = {
  config: Config;
  database: Database;
  embedder: Embedder;
  model: LanguageModelV3;
  logger: Logger;
  /** The runtime's solver pool, for the plans the web builds. */
  solver: Solver;
};
