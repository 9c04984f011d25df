import type { Server } from 'node:http';
import { createModel } from '../agents/index.ts';
import { createWebApp } from './channels/web/app.ts';
import { mountWeb } from './channels/web/routes.ts';
import { ConfigError, loadConfig } from './config.ts';
import { startSessionPurge } from './services/accounts/index.ts';
import { openRuntime } from './services/runtime.ts';

/** Starts everything on the configured defaults: migrate, seed when empty, serve HTTP. */
export async function start(env: Record<string, string | undefined> = process.env) {
  const config = loadConfig(env);
  const { database, embedder } = await openRuntime(config, (line) => console.error(line));
  const model = createModel(config.model);
  // Expired sessions go at start-up and hourly after (stopped with the server).
  const sessionPurge = startSessionPurge(database.db, { log: (line) => console.error(line) });
  const app = createWebApp({ config, database }, (web) =>
    mountWeb(web, { config, database, embedder, model }),
  );
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(config.port, () => resolve(s));
  });
  const stop = async () => {
    await sessionPurge.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
  };
  return { config, database, embedder, server, sessionPurge, stop };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const { config, database, stop } = await start();
    console.error(`ReadyPlan listening on ${config.publicUrl} (database: ${database.kind})`);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        stop().then(
          () => process.exit(0),
          (error) => {
            console.error('error while stopping', error);
            process.exit(1);
          },
        );
      });
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}
