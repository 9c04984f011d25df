import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { migrationState, runMigrations } from '../db/migrate.ts';

const config = loadConfig();
const database = await openDatabase(config.database);
try {
  await runMigrations(database);
  const state = await migrationState(database);
  console.error(`migrations: ${state.applied} of ${state.available} applied (${database.kind})`);
} finally {
  await database.close();
}
