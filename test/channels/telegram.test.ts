import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundUpdates } from '../../src/db/schema/index.ts';
import { createUser } from '../../src/services/accounts/users.ts';
import { createLinkCode, identifyChannelUser } from '../../src/services/channels/index.ts';
import { getLatestPlan } from '../../src/services/plans/index.ts';
import { type ChannelsApp, startChannelsApp, WEBHOOK_SECRET } from './telegram-and-sms-app.ts';

let app: ChannelsApp;
beforeAll(async () => {
  app = await startChannelsApp();
});
afterAll(async () => {
  await app?.close();
});

let chats = 0;
let updateIds = 5000;
const newChat = () => 81_000_000 + ++chats * 97 + (Date.now() % 89);

function textUpdate(chat: number, text: string, update_id = ++updateIds) {
  return {
    update_id,
    message: {
      message_id: update_id,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chat, type: 'private', first_name: 'Sam' },
      from: { id: chat, is_bot: false, first_name: 'Sam' },
      text,
    },
  };
}

function pressUpdate(chat: number, messageId: number, data: string) {
  const update_id = ++updateIds;
  return {
    update_id,
    callback_query: {
      id: `cq-${update_id}`,
      from: { id: chat, is_bot: false, first_name: 'Sam' },
      chat_instance: 'ci-1',
      data,
      message: {
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chat, type: 'private' },
      },
    },
  };
}

async function post(body: unknown, secret: string | null = WEBHOOK_SECRET) {
  const response = await fetch(`${app.url}/webhooks/telegram`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(secret === null ? {} : { 'x-telegram-bot-api-secret-token': secret }),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const sentTo = (chat: number) => app.fakeTelegram.sent(chat);

/** Posts a message and waits for the replies it causes; returns them. */
async function say(chat: number, update: unknown) {
  const before = sentTo(chat).length;
  expect((await post(update)).status).toBe(200);
  await app.worker.drain();
  await app.fakeTelegram.waitFor(() => sentTo(chat).length > before);
  return sentTo(chat).slice(before);
}

async function storedFor(chat: number) {
  const [row] = await app.database.db
    .select({ n: count() })
    .from(inboundUpdates)
    .where(eq(inboundUpdates.externalId, String(chat)));
  return row?.n ?? 0;
}

describe('Telegram over the webhook, the inbox and the worker', () => {
  it('holds a whole plan conversation: commands, typing, a keyboard round trip, the saved plan', async () => {
    const chat = newChat();
    const [hello] = await say(chat, textUpdate(chat, '/start'));
    expect(hello).toMatchObject({ chat_id: String(chat), parse_mode: 'MarkdownV2' });

    const [where] = await say(chat, textUpdate(chat, 'I want to get my family prepared'));
    expect(String(where!.text)).toMatch(/Where do you live\?/);

    const [who] = await say(chat, textUpdate(chat, 'Boise, Idaho'));
    expect(String(who!.text)).toMatch(/Who is in your household\?/);
    const keyboard = (who!.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] })
      .inline_keyboard;
    expect(keyboard.flat().map((b) => b.text)).toEqual(['Just me', '2 adults', '2 adults + 2 kids']);

    // The person presses "2 adults" on the message that carried the keyboard.
    const carrier = app.fakeTelegram.calls.findLast(
      (c) => c.method === 'sendMessage' && c.payload.chat_id === String(chat),
    );
    const messageId = (carrier!.result as { message_id: number }).message_id;
    const button = keyboard.flat()[1]!;
    const planReplies = await say(chat, pressUpdate(chat, messageId, button.callback_data));
    const plan = planReplies.map((m) => String(m.text)).join('\n');
    const { userId } = await identifyChannelUser(app.database.db, 'telegram', String(chat));
    const saved = await getLatestPlan(app.database.db, userId);
    expect(saved?.reportData.household.members).toHaveLength(2);
    // The plan's address is a link entity, its URL as is.
    expect(plan).toContain(`(${app.url}/plans/${saved!.id})`);
    expect(plan).toMatch(/\*Water:\* 2 gal\/day/);

    const calls = app.fakeTelegram.calls;
    expect(
      calls.some(
        (c) => c.method === 'answerCallbackQuery' && String(c.payload.callback_query_id).startsWith('cq-'),
      ),
    ).toBe(true);
    expect(calls.find((c) => c.method === 'editMessageReplyMarkup')?.payload).toMatchObject({
      chat_id: String(chat),
      message_id: messageId,
      reply_markup: { inline_keyboard: [] },
    });
    // "typing…" for every message the worker answered, before the answer.
    const typing = calls.filter((c) => c.method === 'sendChatAction' && c.payload.chat_id === String(chat));
    expect(typing.length).toBeGreaterThanOrEqual(4);
    expect(typing[0]!.payload.action).toBe('typing');
    // Every reply went out as MarkdownV2 the Bot API accepted: no plain-text fallback was needed.
    expect(app.logs.filter((l) => l.message.includes('markup refused'))).toEqual([]);

    // /plan and /inventory reach the core as words every model understands.
    const [shown] = await say(chat, textUpdate(chat, '/plan'));
    expect(String(shown!.text)).toContain(`(${app.url}/plans/${saved!.id})`);
    await say(chat, textUpdate(chat, '/inventory@readyplan_test_bot'));
    await say(chat, textUpdate(chat, '/help'));
    const texts = await app.database.db
      .select({ text: inboundUpdates.text })
      .from(inboundUpdates)
      .where(eq(inboundUpdates.externalId, String(chat)));
    expect(texts.map((t) => t.text)).toEqual([
      'hello',
      'I want to get my family prepared',
      'Boise, Idaho',
      '2 adults',
      'show my plan',
      'show my inventory',
      'help',
    ]);
  });

  it("joins the chat to a web account with /link CODE, or the account page's deep link /start CODE", async () => {
    for (const command of ['/link', '/start'] as const) {
      const chat = newChat();
      const web = await createUser(app.database.db, { email: `linker-${chat}@example.com` });
      await say(chat, textUpdate(chat, 'hello'));
      const before = await identifyChannelUser(app.database.db, 'telegram', String(chat));
      expect(before.userId).not.toBe(web.id);
      const { code } = await createLinkCode(app.database.db, web.id);
      const deepLinkPayload = code.replace('-', '_'); // t.me/<bot>?start= allows letters, digits, _ and -
      const [linked] = await say(
        chat,
        textUpdate(chat, `${command} ${command === '/link' ? code : deepLinkPayload}`),
      );
      expect(String(linked!.text)).toMatch(/^Linked\\\./);
      expect((await identifyChannelUser(app.database.db, 'telegram', String(chat))).userId).toBe(web.id);
    }
  });

  it('refuses a wrong or missing secret with 401 and stores nothing', async () => {
    const chat = newChat();
    for (const secret of [null, '', 'wrong', `${WEBHOOK_SECRET}x`]) {
      const res = await post(textUpdate(chat, 'hello'), secret);
      expect(res.status).toBe(401);
    }
    await app.worker.drain();
    expect(await storedFor(chat)).toBe(0);
    expect(sentTo(chat)).toEqual([]);
  });

  it('answers a malformed update with a precise 400 and stores nothing', async () => {
    const chat = newChat();
    const bad = await post({ ...textUpdate(chat, 'hi'), update_id: 'seven' });
    expect(bad.status).toBe(400);
    expect(String(bad.body.error)).toMatch(/update_id/);
    expect((await post('{"update_id": 1,')).status).toBe(400);
    expect(await storedFor(chat)).toBe(0);
  });

  it('answers a redelivered update once', async () => {
    const chat = newChat();
    const update = textUpdate(chat, 'hello');
    const results = await Promise.all([post(update), post(update), post(update)]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    await app.worker.drain();
    expect((await post(update)).status).toBe(200);
    await app.worker.drain();
    expect(await storedFor(chat)).toBe(1);
    expect(sentTo(chat)).toHaveLength(1);
    expect(
      app.fakeTelegram.calls.filter(
        (c) => c.method === 'sendChatAction' && c.payload.chat_id === String(chat),
      ),
    ).toHaveLength(1);
  });

  it('ignores updates without a message (an edit) but still stops a bare button spinner', async () => {
    const chat = newChat();
    const edit = {
      update_id: ++updateIds,
      edited_message: { message_id: 1, date: 1, chat: { id: chat, type: 'private' }, text: 'x' },
    };
    expect((await post(edit)).status).toBe(200);
    const press = pressUpdate(chat, 999, '');
    delete (press.callback_query as { data?: string }).data;
    expect((await post(press)).status).toBe(200);
    await app.fakeTelegram.waitFor(() =>
      app.fakeTelegram.calls.some(
        (c) => c.method === 'answerCallbackQuery' && c.payload.callback_query_id === press.callback_query.id,
      ),
    );
    await app.worker.drain();
    expect(await storedFor(chat)).toBe(0);
  });
});
