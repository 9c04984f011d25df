import type { Server } from 'node:http';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOfflineModel } from '../../agents/index.ts';
import { createWebApp } from '../../src/channels/web/app.ts';
import { mountWeb } from '../../src/channels/web/routes.ts';
import { loadConfig } from '../../src/config.ts';
import { type Database, openDatabase } from '../../src/db/client.ts';
import { inboundUpdates } from '../../src/db/schema/index.ts';
import { createOfflineEmbedder } from '../../src/services/embeddings/offline.ts';
import { silentLogger } from '../../src/services/logger.ts';
import { inlineSolver } from '../../src/services/plans/solver-pool.ts';
import { type ChannelsApp, startChannelsApp, WEBHOOK_SECRET } from '../channels/telegram-and-sms-app.ts';
import { databaseOverWire, freePort } from '../support/wire.ts';
import { Client } from '../web/support.ts';

/**
 * Two app instances on one Postgres — the server path (DATABASE_URL), as two machines behind a load balancer
 * run it: each its own HTTP server and its own postgres.js pool, sharing nothing but the database. The
 * database is PGlite served over the wire protocol (pglite-socket): all connections share one session there,
 * so this shows what lives in the database (sessions, throttles, the inbox's deduplication and claims) rather
 * than real parallelism, which those tables get from row locks and unique constraints (see stack.md).
 */
let wire: Awaited<ReturnType<typeof databaseOverWire>>;
const instances: { database: Database; server: Server }[] = [];

beforeAll(async () => {
  wire = await databaseOverWire();
});
afterAll(async () => {
  for (const { database, server } of instances) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
  }
  await wire?.close();
});

/** One more instance: the web app as main.ts wires it, over its own connection pool to the shared database. */
async function instance(): Promise<{ base: string; database: Database }> {
  const database = await openDatabase({ kind: 'postgres', url: wire.url, max: 1 });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const config = loadConfig({ PORT: String(port), PUBLIC_URL: base, DATABASE_URL: wire.url });
  const app = createWebApp({ config, database, logger: silentLogger }, (web) =>
    mountWeb(web, {
      config,
      database,
      embedder: createOfflineEmbedder(),
      model: createOfflineModel(),
      logger: silentLogger,
      solver: inlineSolver,
    }),
  );
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s));
  });
  instances.push({ database, server });
  return { base, database };
}

/** The same browser (its cookies and CSRF token) pointed at another instance. */
function sameBrowserOn(base: string, from: Client): Client {
  const moved = new Client(base);
  for (const [name, value] of from.cookies) moved.cookies.set(name, value);
  moved.csrf = from.csrf;
  return moved;
}

describe('two app instances on one Postgres', () => {
  it('share sessions: signed in on one, signed in on the other; signed out on one, out on both', async () => {
    const [a, b] = [await instance(), await instance()];
    const onA = new Client(a.base);
    await onA.session();
    const user = await onA.signUp('two-instances@example.com', 'correct horse battery staple 42');
    const onB = sameBrowserOn(b.base, onA);
    expect((await onB.session()).user?.id).toBe(user.id);
    expect((await onB.json('POST', '/logout', {})).status).toBe(204);
    expect((await onA.session()).user).toBeNull();
  });

  it('share the sign-in throttle: failures on one block the next attempt on the other', async () => {
    const [a, b] = [await instance(), await instance()];
    const onA = new Client(a.base);
    await onA.session();
    await onA.signUp('throttled-twice@example.com', 'correct horse battery staple 42');
    await onA.json('POST', '/logout', {});
    await onA.session();
    for (let i = 0; i < 5; i++) {
      const wrong = await onA.json('POST', '/login', {
        email: 'throttled-twice@example.com',
        password: `wrong guess ${i}`,
      });
      expect(wrong.status).toBe(401);
    }
    const onB = sameBrowserOn(b.base, onA);
    const blocked = await onB.json<{ error: string }>('POST', '/login', {
      email: 'throttled-twice@example.com',
      password: 'correct horse battery staple 42',
    });
    expect(blocked.status).toBe(429);
    expect(blocked.data.error).toMatch(/Too many failed sign-in attempts/);
  });
});

describe('two channel instances on one Postgres (the job queue: the durable inbox)', () => {
  let one: ChannelsApp;
  let two: ChannelsApp;
  let pool: Database;
  beforeAll(async () => {
    // Each instance its own webhook server, inbound worker and Telegram client; one database. The two share
    // one connection here: pglite-socket interleaves the protocol messages of connections used at the same
    // time (two workers polling every 10 ms break each other's statements), which a Postgres server does not.
    pool = await openDatabase({ kind: 'postgres', url: wire.url, max: 1 });
    one = await startChannelsApp({ database: pool, worker: { pollMs: 10 } });
    two = await startChannelsApp({ database: pool, worker: { pollMs: 10 } });
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await pool?.close();
  });

  it('an update stored through one is answered once, whichever worker takes it; a redelivery to the other is a no-op', async () => {
    const chat = 880_000_000 + (Date.now() % 1_000_000);
    const update = {
      update_id: 7_000_001,
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chat, type: 'private', first_name: 'Sam' },
        from: { id: chat, is_bot: false, first_name: 'Sam' },
        text: 'hello',
      },
    };
    const post = (app: ChannelsApp) =>
      fetch(`${app.url}/webhooks/telegram`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET },
        body: JSON.stringify(update),
      });
    const first = await post(one);
    expect(first.status, await first.clone().text()).toBe(200);
    const row = async () =>
      (
        await one.database.db
          .select()
          .from(inboundUpdates)
          .where(eq(inboundUpdates.externalId, String(chat)))
      )[0];
    await vi.waitFor(async () => expect((await row())?.status).toBe('done'), { timeout: 60_000 });
    expect((await post(two)).status).toBe(200);
    await Promise.all([one.worker.drain(), two.worker.drain()]);

    // One turn, delivered by the one worker that claimed it (a long reply may take several messages).
    const sentBy = [one.fakeTelegram.sent(chat).length, two.fakeTelegram.sent(chat).length];
    expect(sentBy.filter((n) => n > 0)).toHaveLength(1);
    expect(await row()).toMatchObject({ status: 'done', attempts: 1 });
    const stored = await one.database.db
      .select({ id: inboundUpdates.id })
      .from(inboundUpdates)
      .where(eq(inboundUpdates.externalId, String(chat)));
    expect(stored).toHaveLength(1);
  });
});
