import { ConfigError, loadConfig } from '../config.ts';
import { openMigratedDatabase } from '../open-database.ts';
import { createLogger } from '../services/logger.ts';
import { runPlanCommand } from './plan-command.ts';

/**
 * `npm run --silent plan -- …` (docs/contracts/plan-cli.md): stdout carries the plan and nothing else; logs go
 * to stderr. A plan needs only the migrated, seeded database, not the whole runtime: no model, no session
 * purge, and no solver worker (one plan with nothing else to hold up is solved on this thread; a worker
 * would load tsx and HiGHS a second time). What is not needed is not imported either.
 */
async function openForPlan() {
  const config = loadConfig();
  const database = await openMigratedDatabase(config, {
    logger: createLogger(config.logLevel),
    seed: true,
    embedder: async () => (await import('../services/embeddings/index.ts')).createEmbedder(config.embeddings),
  });
  return { database, close: () => database.close() };
}

try {
  process.exitCode = await runPlanCommand(
    process.argv.slice(2),
    { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) },
    openForPlan,
  );
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`plan: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
