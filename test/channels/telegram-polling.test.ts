import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/db.ts';
import { startChannelsApp, WEBHOOK_SECRET } from './telegram-and-sms-app.ts';

const update = (chat: number, update_id: number, text: string) => ({
  update_id,
  message: {
    message_id: update_id,
    date: Math.floor(Date.now() / 1000),
    chat: { id: chat, type: 'private' },
    text,
  },
});

describe('Telegram long polling (TELEGRAM_MODE=polling)', () => {
  it('takes updates with getUpdates into the same inbox and answers them; no webhook route', async () => {
    const app = await startChannelsApp({ telegramMode: 'polling' });
    try {
      const chat = 61_000_001;
      app.fakeTelegram.queueUpdate(update(chat, 1, '/help'));
      app.fakeTelegram.queueUpdate(update(chat, 2, 'hello'));
      await app.fakeTelegram.waitFor(() => app.fakeTelegram.sent(chat).length >= 2);
      const methods = app.fakeTelegram.calls.map((c) => c.method);
      expect(methods[0]).toBe('deleteWebhook');
      expect(methods).toContain('getUpdates');
      // Offsets move past what was stored: the updates are confirmed, and answered once each.
      await app.worker.drain();
      expect(app.fakeTelegram.sent(chat)).toHaveLength(2);
      const webhook = await fetch(`${app.url}/webhooks/telegram`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET },
        body: JSON.stringify(update(chat, 3, 'hi')),
      });
      expect(webhook.status).toBe(404);
    } finally {
      await app.close();
    }
  });
});

describe('a restart between storing and answering', () => {
  it('loses nothing: the stored update is answered exactly once by the next process', async () => {
    const database = await freshDatabase();
    try {
      const chat = 61_000_002;
      const body = JSON.stringify(update(chat, 77, 'hello'));
      const post = (url: string) =>
        fetch(`${url}/webhooks/telegram`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET },
          body,
        });

      // The first process stores and acknowledges the update, then stops before any worker runs the turn.
      const first = await startChannelsApp({ database, worker: false });
      expect((await post(first.url)).status).toBe(200);
      await first.close();
      expect(first.fakeTelegram.sent(chat)).toEqual([]);

      // The next process finds it and answers; Telegram redelivering it changes nothing.
      const second = await startChannelsApp({ database });
      try {
        await second.fakeTelegram.waitFor(() => second.fakeTelegram.sent(chat).length > 0);
        expect((await post(second.url)).status).toBe(200);
        await second.worker.drain();
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(second.fakeTelegram.sent(chat)).toHaveLength(1);
      } finally {
        await second.close();
      }
    } finally {
      await database.close();
    }
  });
});
