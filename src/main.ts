import type { Server } from 'node:http';
import { createChannels } from './channels/channels.ts';
import { createWebApp } from './channels/web/app.ts';
import { mountWeb } from './channels/web/routes.ts';
import { createRequestLog } from './channels/web/shared/request-log.ts';
import { ConfigError, loadConfig } from './config.ts';
import { registerCallReminders } from './jobs/call-reminders.ts';
import { registerCheckInScan } from './jobs/check-in-scan.ts';
import { createOutboxSend } from './jobs/outbox-send.ts';
import { registerOutboxSender } from './jobs/outbox-sender.ts';
import { openRuntime } from './runtime.ts';
import { createMailer } from './services/mail/mailer.ts';
import { SHUTDOWN_TIMEOUT_MS, shutDown } from './shutdown.ts';

/** Starts everything on the configured defaults: migrate, seed when empty, serve HTTP. */
export async function start(
  env: Record<string, string | undefined> = process.env,
  options: { shutdownTimeoutMs?: number } = {},
) {
  const config = loadConfig(env);
  // Expired sessions go at start-up and hourly after (stopped with the runtime).
  const runtime = await openRuntime(config, { purgeSessions: true, jobs: true });
  const { database, embedder, model, logger, solver } = runtime;
  const requests = createRequestLog(logger);
  // Background work the stop waits for, each stopping its intake then finishing what it holds: the Telegram
  // and SMS channels' stop (their inbound worker) belongs here where they are started.
  const drains: (() => Promise<void>)[] = [];
  // Telegram and SMS, each on when its variables are set: webhook routes, the inbound worker, deliver.
  const channels = createChannels(config, {
    db: database.db,
    embedder,
    model,
    solver,
    publicUrl: config.publicUrl,
    log: (message, detail) => logger.warn({ detail }, message),
  });
  drains.push(() => channels.stop());
  // The outbound sender (check-ins, reminders) as a queued job, delivering through the channels or e-mail.
  if (runtime.queue) {
    const mailer = config.mail ? createMailer(config.mail) : null;
    const deps = { db: database.db, embedder, model, solver, publicUrl: config.publicUrl };
    await registerOutboxSender(runtime.queue, database.db, {
      send: createOutboxSend(deps, channels.deliver, mailer),
      log: (message, detail) => logger.warn({ detail }, message),
    });
    // What fills the outbox: expiry check-ins (each user's hour, never in quiet hours) and call reminders.
    const log = (line: string) => logger.info(line);
    await registerCheckInScan(runtime.queue, database.db, { log });
    await registerCallReminders(runtime.queue, database.db, { log });
    drains.push(async () => {
      await runtime.stopJobs();
      mailer?.close();
    });
  }
  const app = createWebApp({ config, database, logger, requests }, (web) => {
    // Provider webhooks first: none of the web's page and session handling applies to them.
    channels.mount(web);
    mountWeb(web, { config, database, embedder, model, logger, solver });
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(config.port, () => resolve(s));
  });
  // Once listening: long polling, or the webhook registered with Telegram (https PUBLIC_URL only).
  await channels.start();
  logger.info({ channels: channels.status() }, 'channels');
  // Graceful: new connections refused, turns in flight finished (up to the timeout), then the database closed.
  const stop = () =>
    shutDown({
      server,
      requests,
      drains,
      close: () => runtime.close(),
      logger,
      timeoutMs: options.shutdownTimeoutMs ?? SHUTDOWN_TIMEOUT_MS,
    });
  return { config, runtime, database, embedder, server, channels, stop };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const { config, runtime, stop } = await start();
    runtime.logger.info(`ReadyPlan listening on ${config.publicUrl} (database: ${runtime.database.kind})`);
    let stopping = false;
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, () => {
        // A second signal while stopping means "now" (an impatient Ctrl-C, an orchestrator's last word).
        if (stopping) process.exit(1);
        stopping = true;
        runtime.logger.info({ signal }, 'stopping');
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
