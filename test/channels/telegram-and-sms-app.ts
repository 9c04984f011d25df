import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOfflineModel } from '../../agents/index.ts';
import { type Channels, createChannels } from '../../src/channels/channels.ts';
import type { SmsChannel } from '../../src/channels/sms/index.ts';
import type { TelegramChannel } from '../../src/channels/telegram/index.ts';
import { createWebApp } from '../../src/channels/web/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { InboundWorker, InboundWorkerOptions } from '../../src/conversation/inbound.ts';
import type { ConversationDeps } from '../../src/conversation/index.ts';
import type { Database } from '../../src/db/client.ts';
import { createOfflineEmbedder } from '../../src/services/embeddings/offline.ts';
import { silentLogger } from '../../src/services/logger.ts';
import { freshDatabase } from '../support/db.ts';
import { type FakeTelegram, startFakeTelegram } from '../support/fake-telegram.ts';
import { type FakeTwilio, startFakeTwilio } from '../support/fake-twilio.ts';

/**
 * The app as `npm start` runs it for these two channels, over a fresh seeded database and the offline model:
 * the webhook routes on a real HTTP server, the inbound worker, and the real grammY and twilio clients
 * pointed at local servers that speak the Bot API and Twilio's REST API.
 */
export const WEBHOOK_SECRET = 'test-webhook-secret-0123456789';
export const OUR_NUMBER = '+15005550006';

export type ChannelsApp = {
  url: string;
  database: Database;
  deps: ConversationDeps;
  telegram: TelegramChannel;
  sms: SmsChannel;
  fakeTelegram: FakeTelegram;
  fakeTwilio: FakeTwilio;
  worker: InboundWorker;
  /** The server's deliver: renders a reply for its channel and sends it (what the worker and notify use). */
  deliver: Channels['deliver'];
  logs: { message: string; detail?: unknown }[];
  close(): Promise<void>;
};

export async function startChannelsApp(
  options: {
    telegramMode?: 'webhook' | 'polling';
    /** false: no worker, so stored updates wait (a process that stops before the turn runs). */
    worker?: InboundWorkerOptions | false;
    database?: Database;
  } = {},
): Promise<ChannelsApp> {
  const database = options.database ?? (await freshDatabase());
  const [fakeTelegram, fakeTwilio] = await Promise.all([startFakeTelegram(), startFakeTwilio()]);
  const server: Server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    PUBLIC_URL: url,
    TELEGRAM_BOT_TOKEN: fakeTelegram.token,
    TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    TELEGRAM_MODE: options.telegramMode ?? 'webhook',
    TELEGRAM_API_ROOT: fakeTelegram.apiRoot,
    TWILIO_ACCOUNT_SID: fakeTwilio.accountSid,
    TWILIO_AUTH_TOKEN: fakeTwilio.authToken,
    TWILIO_FROM: OUR_NUMBER,
    TWILIO_API_ROOT: fakeTwilio.apiRoot,
  });
  const logs: ChannelsApp['logs'] = [];
  const log = (message: string, detail?: unknown) => void logs.push({ message, detail });
  const deps: ConversationDeps = {
    db: database.db,
    embedder: createOfflineEmbedder(),
    model: createOfflineModel(),
    publicUrl: url,
    log,
  };
  // The channels exactly as the server wires them (src/channels/channels.ts), the worker polling faster.
  const channels = createChannels(config, deps, {
    botInfo: fakeTelegram.botInfo,
    worker: options.worker === false ? false : { pollMs: 25, ...options.worker },
  });
  const app = createWebApp({ config, database, logger: silentLogger }, (web) => channels.mount(web));
  server.on('request', app);
  await channels.start();
  const telegram = channels.telegram!;
  const sms = channels.sms!;
  // With no worker (a process that stops before any turn runs), draining has nothing to wait for.
  const worker: InboundWorker = channels.worker ?? {
    stop: async () => {},
    drain: async () => {},
    wake: () => {},
  };
  return {
    url,
    database,
    deps,
    telegram,
    sms,
    fakeTelegram,
    fakeTwilio,
    worker,
    deliver: channels.deliver,
    logs,
    async close() {
      await channels.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([fakeTelegram.close(), fakeTwilio.close()]);
      if (!options.database) await database.close();
    },
  };
}
