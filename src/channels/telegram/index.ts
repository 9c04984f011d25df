import type { Express } from 'express';
import { Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Config } from '../../config.ts';
import type { Db } from '../../services/database.ts';
import { createTelegramAdapter, type TelegramAdapter } from './adapter.ts';
import { type Polling, startPolling } from './polling.ts';
import { TELEGRAM_WEBHOOK_PATH, telegramRouter } from './webhook.ts';

export type { TelegramAdapter } from './adapter.ts';
export { withSentTelegramIds } from './sent-ids.ts';

export type TelegramChannelDeps = {
  db: Db;
  publicUrl: string;
  log?: (message: string, detail?: unknown) => void;
  /** Skips grammY's getMe at start (tests pass the fake server's bot). */
  botInfo?: UserFromGetMe;
};

export type TelegramChannel = {
  readonly mode: 'webhook' | 'polling';
  readonly bot: Bot;
  readonly adapter: TelegramAdapter;
  /** Webhook mode: POST /webhooks/telegram on the app. Polling mode mounts nothing. */
  mount(app: Express, wake?: () => void): void;
  /** Polling mode: starts long polling. Webhook mode: registers the webhook when PUBLIC_URL is https. */
  start(wake?: () => void): Promise<void>;
  stop(): Promise<void>;
};

/**
 * The Telegram channel from TELEGRAM_* (config.telegram): grammY's Bot for the Bot API (TELEGRAM_API_ROOT
 * points it at a local server), the adapter over it, and the webhook route or the polling loop.
 */
export function createTelegramChannel(
  config: NonNullable<Config['telegram']>,
  deps: TelegramChannelDeps,
): TelegramChannel {
  const log = deps.log ?? (() => {});
  const bot = new Bot(config.token, {
    ...(config.apiRoot ? { client: { apiRoot: config.apiRoot } } : {}),
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
  });
  const adapter = createTelegramAdapter({ api: bot.api, webhookSecret: config.webhookSecret, log });
  let polling: Polling | null = null;
  if (config.mode === 'webhook' && !config.webhookSecret)
    log('telegram: TELEGRAM_WEBHOOK_SECRET is unset, so every webhook request is refused (401)');

  return {
    mode: config.mode,
    bot,
    adapter,
    mount(app, wake) {
      if (config.mode === 'webhook')
        app.use(telegramRouter({ db: deps.db, adapter, log, ...(wake ? { wake } : {}) }));
    },
    async start(wake) {
      if (config.mode === 'polling') {
        polling = startPolling(bot, { db: deps.db, adapter, log, ...(wake ? { wake } : {}) });
        return;
      }
      // Telegram only calls https webhooks; a local http address is set up by hand (or use polling).
      if (deps.publicUrl.startsWith('https://') && config.webhookSecret) {
        try {
          await bot.api.setWebhook(`${deps.publicUrl}${TELEGRAM_WEBHOOK_PATH}`, {
            secret_token: config.webhookSecret,
            allowed_updates: ['message', 'callback_query'],
          });
        } catch (error) {
          // The server still serves everything else, and a webhook set before keeps working: say so loudly.
          log('telegram: registering the webhook failed', { error: String(error) });
        }
      }
    },
    async stop() {
      adapter.close();
      if (polling) await polling.stop();
      polling = null;
    },
  };
}
