import { count } from 'drizzle-orm';
import { afterAll } from 'vitest';
import type { TelegramWebhookRequest } from '../../src/channels/telegram/adapter.ts';
import type { TelegramRendering } from '../../src/channels/telegram/render.ts';
import { inboundUpdates } from '../../src/db/schema/index.ts';
import { parseMarkdownV2 } from '../support/fake-telegram.ts';
import { describeAdapterContract } from './adapter-contract.ts';
import { type ChannelsApp, startChannelsApp, WEBHOOK_SECRET } from './telegram-and-sms-app.ts';

let app: ChannelsApp | undefined;
afterAll(async () => {
  await app?.close();
});

let chats = 0;
let updates = 90_000;

/** What a person reads in a wire message: the text after entities are parsed, the links' URLs, the buttons. */
function readable(text: string, markup: unknown): string {
  const parsed = parseMarkdownV2(text);
  if ('error' in parsed) throw new Error(`Telegram would refuse this message: ${parsed.error}`);
  const buttons = (markup as { inline_keyboard?: { text: string }[][] } | undefined)?.inline_keyboard ?? [];
  return [parsed.plain, ...parsed.urls, ...buttons.flat().map((b) => `[ ${b.text} ]`)].join('\n');
}

describeAdapterContract<TelegramWebhookRequest, TelegramRendering>('telegram', async () => {
  app = await startChannelsApp();
  const running = app;
  return {
    adapter: running.telegram.adapter,
    externalId: () => String(93_000_000 + ++chats * 31 + (Date.now() % 29)),
    deliveryId: () => String(++updates),
    request: ({ externalId, text, deliveryId }, options = {}) => ({
      secretToken: options.forged ? 'not-the-secret' : WEBHOOK_SECRET,
      body: {
        update_id: Number(deliveryId),
        message: {
          message_id: 1,
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(externalId), type: 'private' },
          text,
        },
      },
    }),
    submit: async (request) => {
      const response = await fetch(`${running.url}/webhooks/telegram`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(request.secretToken ? { 'x-telegram-bot-api-secret-token': request.secretToken } : {}),
        },
        body: JSON.stringify(request.body),
      });
      await response.text();
      return response.status;
    },
    storedCount: async () => (await running.database.db.select({ n: count() }).from(inboundUpdates))[0]!.n,
    visible: (rendered) => rendered.messages.map((m) => readable(m.text, m.replyMarkup)).join('\n'),
    choose: (rendered, n) =>
      rendered.messages.flatMap((m) => m.replyMarkup?.inline_keyboard.flat() ?? [])[n - 1]!.callback_data,
    received: async (externalId) =>
      running.fakeTelegram
        .sent(externalId)
        .map((p) => readable(String(p.text), p.reply_markup))
        .join('\n'),
    // The app is closed after the suite (afterAll above), once every test has used it.
    close: async () => {},
  };
});
