/**
 * The app side of `npm run bench:webhooks` (bench/webhooks.ts forks it): the Telegram and SMS channels as
 * `npm start` wires them (createChannels: webhook routes, inbound worker, deliver) on an in-memory PGlite,
 * migrated and seeded, with the offline model. TELEGRAM_* and TWILIO_* come from the parent, pointing the
 * real clients at its local Bot API and Twilio servers.
 */
const log = (line: string) => process.stderr.write(`${line}\n`);

async function serve() {
  const started = performance.now();
  const { createServer } = await import('node:http');
  const { monitorEventLoopDelay } = await import('node:perf_hooks');
  const { sql } = await import('drizzle-orm');
  const { createOfflineModel } = await import('../agents/index.ts');
  const { createChannels } = await import('../src/channels/channels.ts');
  const { createWebApp } = await import('../src/channels/web/app.ts');
  const { loadConfig } = await import('../src/config.ts');
  const { openDatabase } = await import('../src/db/client.ts');
  const { runMigrations } = await import('../src/db/migrate.ts');
  const { seedAll } = await import('../src/services/catalog/seed.ts');
  const { createOfflineEmbedder } = await import('../src/services/embeddings/offline.ts');
  const { silentLogger } = await import('../src/services/logger.ts');
  const { rowsOf } = await import('../src/db/rows.ts');
  const database = await openDatabase({ kind: 'pglite' });
  await runMigrations(database);
  const embedder = createOfflineEmbedder();
  await seedAll(database, embedder);
  // Longer than the load generator's idle sockets live, so a kept-alive socket is never closed under it.
  const server = createServer({ keepAliveTimeout: 65_000 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  });
  const failures: string[] = [];
  const channels = createChannels(config, {
    db: database.db,
    embedder,
    model: createOfflineModel(),
    publicUrl: config.publicUrl,
    log: (message, detail) => failures.push(`${message} ${JSON.stringify(detail)}`),
  });
  const app = createWebApp({ config, database, logger: silentLogger }, (web) => channels.mount(web));
  server.on('request', app);
  await channels.start();
  log(`bench:webhooks: app ready on ${port} in ${Math.round(performance.now() - started)} ms`);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  process.send?.({ port });
  // After each rate: the app's event-loop delay over it, its diagnostics, and what is still waiting in the
  // inbox is dropped (counted), so the next rate starts from an empty inbox.
  process.on('message', async (m: { report?: boolean }) => {
    if (!m.report) return;
    const dropped = await database.db.execute(
      sql`delete from inbound_updates where status = 'pending' returning id`,
    );
    const stats = { loopP99Ms: loop.percentile(99) / 1e6, loopMaxMs: loop.max / 1e6 };
    loop.reset();
    process.send?.({ ...stats, dropped: rowsOf(dropped).length, failures: failures.splice(0) });
  });
  process.on('disconnect', () => process.exit(0));
}

await serve();
