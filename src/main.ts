import type { Server } from 'node:http';
import { createWebApp } from './channels/web/app.ts';
import { mountWeb } from './channels/web/routes.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openRuntime } from './runtime.ts';

/** Starts everything on the configured defaults: migrate, seed when empty, serve HTTP. */
export async function start(env: Record<string, string | undefined> = process.env) {
  const config = loadConfig(env);
  // Expired sessions go at start-up and hourly after (stopped with the runtime).
  const runtime = await openRuntime(config, { purgeSessions: true });
  const { database, embedder, model, logger, solver } = runtime;
  const app = createWebApp({ config, database, logger }, (web) =>
    mountWeb(web, { config, database, embedder, model, logger, solver }),
  );
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(config.port, () => resolve(s));
  });
  const stop = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await runtime.close();
  };
  return { config, runtime, database, embedder, server, stop };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const { config, runtime, stop } = await start();
    runtime.logger.info(`ReadyPlan listening on ${config.publicUrl} (database: ${runtime.database.kind})`);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        stop().then(
          () => process.exit(0),
          (error) => {
            runtime.logger.error({ err: error }, 'error while stopping');
            process.exit(1);
          },
        );
      });
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      // No logger without a valid configuration (LOG_LEVEL is part of it): the message as it is.
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}
