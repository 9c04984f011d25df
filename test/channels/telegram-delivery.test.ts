import { GrammyError } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTelegramAdapter } from '../../src/channels/telegram/adapter.ts';
import { notify } from '../../src/conversation/notify.ts';
import type { Reply } from '../../src/conversation/reply.ts';
import { identifyChannelUser } from '../../src/services/channels/index.ts';
import { parseMarkdownV2 } from '../support/fake-telegram.ts';
import { type ChannelsApp, startChannelsApp, WEBHOOK_SECRET } from './telegram-and-sms-app.ts';

let app: ChannelsApp;
beforeAll(async () => {
  app = await startChannelsApp({ worker: false });
});
afterAll(async () => {
  await app?.close();
});

let chats = 0;
const newChat = () => String(71_000_000 + ++chats * 53 + (Date.now() % 41));
const reply = (text: string, extra: Partial<Reply> = {}): Reply => ({
  conversationId: '',
  text,
  toolCalls: [],
  status: 'ok',
  ...extra,
});
const send = (chat: string, r: Reply) => app.telegram.adapter.send(chat, app.telegram.adapter.render(r));
const visible = (payload: Record<string, unknown>) => {
  const parsed = parseMarkdownV2(String(payload.text));
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.plain;
};

describe('Telegram delivery through the Bot API', () => {
  it('escapes every reserved character so the Bot API accepts names and prices as written', async () => {
    const chat = newChat();
    const names = [
      'Mylar [4-pack] (gold)',
      'Water_Bob 100 gal.',
      'Kit #1 + filter = 2! ~ok~',
      'a|b {c} `d >e',
      'Weird _*[]()~`>#+-=|{}.! Kit',
    ];
    const text = `Buy first:\n${names.map((n, i) => `${i + 1}. ${n} — $1,999.68`).join('\n')}`;
    await send(chat, reply(text));
    const [sent] = app.fakeTelegram.sent(chat);
    expect(sent).toMatchObject({ parse_mode: 'MarkdownV2' });
    expect(visible(sent!)).toBe(text);
  });

  it('splits a long reply under 4096 characters per message, in order, keyboard on the last', async () => {
    const chat = newChat();
    const paragraphs = Array.from(
      { length: 40 },
      (_, i) =>
        `*Step ${i + 1}:* store 1 gal. (3.8 L) per person-day; rotate (every 6 months)! ${'Keep it cool, dark & sealed. '.repeat(6)}`,
    );
    const choices = [
      { label: 'Done', value: 'done' },
      { label: 'More', value: 'more' },
    ];
    await send(chat, reply(paragraphs.join('\n\n'), { choices }));
    const sent = app.fakeTelegram.sent(chat);
    expect(sent.length).toBeGreaterThan(1);
    for (const m of sent) expect(visible(m).length).toBeLessThanOrEqual(4096);
    const steps = sent.flatMap((m) => visible(m).match(/Step \d+:/g) ?? []);
    expect(steps).toEqual(paragraphs.map((_, i) => `Step ${i + 1}:`));
    expect(sent.map((m) => m.reply_markup !== undefined)).toEqual(sent.map((_, i) => i === sent.length - 1));
    expect(app.logs.filter((l) => l.message.includes('markup refused'))).toEqual([]);
  });

  it('resends as plain text when the Bot API refuses the markup, and propagates other refusals', async () => {
    const chat = newChat();
    app.fakeTelegram.failNext('sendMessage', {
      error_code: 400,
      description:
        "Bad Request: can't parse entities: Can't find end of the entity starting at byte offset 3",
    });
    await send(chat, reply('A *bold* claim.'));
    const [first, second] = app.fakeTelegram.calls.filter(
      (c) => c.method === 'sendMessage' && c.payload.chat_id === chat,
    );
    expect(first!.payload.parse_mode).toBe('MarkdownV2');
    expect(second!.payload).toMatchObject({ text: 'A bold claim.' });
    expect(second!.payload.parse_mode).toBeUndefined();
    expect(app.logs.some((l) => l.message.includes('markup refused'))).toBe(true);

    app.fakeTelegram.failNext('sendMessage', {
      error_code: 403,
      description: 'Forbidden: bot was blocked by the user',
    });
    await expect(send(chat, reply('Still there?'))).rejects.toBeInstanceOf(GrammyError);
  });

  it('delivers a message the system starts (notify) to the chat, choices as buttons', async () => {
    const chat = newChat();
    const { userId } = await identifyChannelUser(app.database.db, 'telegram', chat);
    const result = await notify(
      app.deps,
      {
        userId,
        reply: {
          text: 'Your *water* (2 gal.) expires on 2027-01-01!',
          choices: [{ label: 'Remind me later', value: 'remind me later' }],
          toolCalls: [],
          status: 'ok',
        },
      },
      app.deliver,
    );
    expect(result).toMatchObject({ delivered: true, channel: 'telegram' });
    const [sent] = app.fakeTelegram.sent(chat);
    expect(visible(sent!)).toBe('Your water (2 gal.) expires on 2027-01-01!');
    expect(sent!.reply_markup).toEqual({
      inline_keyboard: [[{ text: 'Remind me later', callback_data: 'remind me later' }]],
    });
  });

  it('repeats "typing…" while a turn runs and stops once the reply is sent', async () => {
    const chat = newChat();
    const adapter = createTelegramAdapter({
      api: app.telegram.bot.api,
      webhookSecret: WEBHOOK_SECRET,
      typingEveryMs: 40,
    });
    const typing = () =>
      app.fakeTelegram.calls.filter((c) => c.method === 'sendChatAction' && c.payload.chat_id === chat)
        .length;
    await adapter.indicateTyping(chat);
    await app.fakeTelegram.waitFor(() => typing() >= 3);
    await adapter.send(chat, adapter.render(reply('Here you go.')));
    const after = typing();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(typing()).toBeLessThanOrEqual(after + 1); // at most one already in flight
    adapter.close();
  });
});
