import { loadConfig } from '../config.ts';
import { migrationState } from '../db/migrate.ts';
import { openRuntime } from '../runtime.ts';

/** `npm run db:migrate`: the runtime applies the migrations on opening; this reports where they stand. */
const runtime = await openRuntime(loadConfig(), { seed: false });
try {
  const state = await migrationState(runtime.database);
  runtime.logger.info(
    `migrations: ${state.applied} of ${state.available} applied (${runtime.database.kind})`,
  );
} finally {
  await runtime.close();
}
