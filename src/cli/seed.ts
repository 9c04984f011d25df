import { loadConfig } from '../config.ts';
import { openRuntime } from '../runtime.ts';
import { seedAll } from '../services/catalog/seed.ts';
import { SeedFileError } from '../services/catalog/seed-files.ts';

/** `npm run db:seed`: migrate, then load every seed file idempotently; counts go to the log (stderr). */
const runtime = await openRuntime(loadConfig(), { seed: false });
const { database, embedder, logger } = runtime;
try {
  const started = Date.now();
  const counts = await seedAll(database, embedder);
  logger.info(
    { database: database.kind, embedder: embedder.name, ms: Date.now() - started, counts },
    `seeded (${database.kind}, embedder ${embedder.name})`,
  );
} catch (error) {
  if (error instanceof SeedFileError) {
    logger.error(`seed refused, nothing written: ${error.message}`);
    process.exitCode = 1;
  } else throw error;
} finally {
  await runtime.close();
}
