import type { Express } from 'express';
import type { UserFromGetMe } from 'grammy/types';
import type { Config } from '../config.ts';
import {
  type InboundWorker,
  type InboundWorkerOptions,
  startInboundWorker,
} from '../conversation/inbound.ts';
import type { ConversationDeps, InboundMessage } from '../conversation/index.ts';
import { createDeliver } from './deliver.ts';
import { createSmsChannel, type SmsChannel } from './sms/index.ts';
import { createTelegramChannel, type TelegramChannel } from './telegram/index.ts';

/**
 * Telegram and SMS as the server runs them: each channel whose variables are set (config.telegram,
 * config.twilio), their webhook routes, the inbound worker that runs the stored turns, and the `deliver`
 * that sends each reply back through the channel it came from. A channel whose variables are unset is off.
 */
export type Channels = {
  readonly telegram: TelegramChannel | null;
  readonly sms: SmsChannel | null;
  /** Renders and sends a reply on its channel (the worker's and notify's `deliver`). */
  deliver: ReturnType<typeof createDeliver>;
  /** What /health says about them. */
  status(): { telegram: 'off' | 'webhook' | 'polling'; sms: 'off' | 'on' };
  /** The inbound worker once started (null before start, and when this process runs none). */
  readonly worker: InboundWorker | null;
  /** Mounts the webhook routes (POST /webhooks/telegram, /webhooks/twilio/sms, /webhooks/twilio/status). */
  mount(app: Express): void;
  /** Starts the inbound worker, then long polling or the webhook registration. */
  start(): Promise<void>;
  /** Stops polling and typing, then the worker (waiting for the turns in hand). */
  stop(): Promise<void>;
};

export type ChannelsOptions = {
  /**
   * The inbound worker's options, or false for a process that only acknowledges webhooks while worker
   * processes elsewhere run the stored turns (the scale-out shape: N web processes, M workers, one database).
   */
  worker?: InboundWorkerOptions | false;
  /** Skips grammY's getMe at start (a bench or test that knows its bot). */
  botInfo?: UserFromGetMe;
};

export function createChannels(
  config: Config,
  deps: ConversationDeps,
  options: ChannelsOptions = {},
): Channels {
  const base = { db: deps.db, publicUrl: deps.publicUrl, ...(deps.log ? { log: deps.log } : {}) };
  const telegram = config.telegram
    ? createTelegramChannel(config.telegram, {
        ...base,
        ...(options.botInfo ? { botInfo: options.botInfo } : {}),
      })
    : null;
  const sms = config.twilio ? createSmsChannel(config.twilio, base) : null;
  const deliver = createDeliver({
    ...(telegram ? { telegram: telegram.adapter } : {}),
    ...(sms ? { sms: sms.adapter } : {}),
  });
  let worker: InboundWorker | null = null;
  // Routes are mounted before the worker starts; a stored update waits for its first poll at worst.
  const wake = () => worker?.wake();

  return {
    telegram,
    sms,
    deliver,
    get worker() {
      return worker;
    },
    status: () => ({ telegram: telegram ? telegram.mode : 'off', sms: sms ? 'on' : 'off' }),
    mount(app) {
      telegram?.mount(app, wake);
      sms?.mount(app, wake);
    },
    async start() {
      if (!telegram && !sms) return;
      if (options.worker === false) {
        await telegram?.start(wake);
        return;
      }
      // The embedded database is one connection in this thread (PGlite runs each query synchronously): turns
      // side by side only queue behind each other and hold up the webhooks' inserts, which must stay fast.
      // Measured with the offline model: one turn at a time gave the same turns per second as four, with
      // acknowledgements several times faster. A Postgres server runs them in parallel: four.
      const concurrency = config.database.kind === 'pglite' ? 1 : 4;
      const onTurn = {
        start: (message: InboundMessage) => {
          const adapter = message.channel === 'telegram' ? telegram?.adapter : undefined;
          adapter?.indicateTyping(message.externalId).catch((error: unknown) => {
            deps.log?.('telegram: typing indicator failed', { error: String(error) });
          });
        },
        end: (message: InboundMessage) => {
          if (message.channel === 'telegram') telegram?.adapter.stopTyping(message.externalId);
        },
      };
      worker = startInboundWorker(deps, deliver, { concurrency, onTurn, ...options.worker });
      await telegram?.start(wake);
    },
    async stop() {
      await telegram?.stop();
      await worker?.stop();
      worker = null;
    },
  };
}
