import type { Bot } from 'grammy';
import { AppError } from '../../services/errors.ts';
import { receiveUpdate, type TelegramRouteDeps } from './webhook.ts';

/**
 * TELEGRAM_MODE=polling, for a laptop with no public address: grammY's long polling feeds each update to the
 * same path as the webhook (validate, store, then the after-acknowledgement calls). Polling "acknowledges"
 * an update by asking for the next offset, and grammY moves on even when a handler fails — so a store that
 * fails is retried here, holding the loop, until it succeeds: an update is never confirmed unstored.
 */
export type Polling = { stop(): Promise<void>; running: Promise<void> };

export function startPolling(
  bot: Bot,
  deps: TelegramRouteDeps,
  options: { retryMs?: (attempt: number) => number } = {},
): Polling {
  const log = deps.log ?? (() => {});
  const retryMs = options.retryMs ?? ((n: number) => Math.min(30_000, 500 * 2 ** n));
  let stopping = false;

  bot.use(async (ctx) => {
    for (let attempt = 0; ; attempt++) {
      try {
        const after = await receiveUpdate(deps, ctx.update);
        await after();
        return;
      } catch (error) {
        // A malformed update will not get better: say so and move on.
        if (error instanceof AppError && error.code === 'BAD_INPUT') {
          log('telegram: update skipped', { updateId: ctx.update.update_id, error: error.message });
          return;
        }
        if (stopping) throw error;
        log('telegram: update not stored yet, retrying', { attempt, error: String(error) });
        await new Promise((resolve) => setTimeout(resolve, retryMs(attempt)));
      }
    }
  });
  bot.catch((error) => log('telegram: polling handler failed', { error: String(error.error) }));

  const running = bot
    .start({ allowed_updates: ['message', 'callback_query'] })
    .catch((error: unknown) => log('telegram: long polling stopped', { error: String(error) }));
  return {
    running,
    async stop() {
      stopping = true;
      if (bot.isRunning()) await bot.stop();
      await running;
    },
  };
}
