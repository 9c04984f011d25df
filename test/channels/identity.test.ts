import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleMessage, notify } from '../../src/conversation/index.ts';
import type { Database } from '../../src/db/client.ts';
import {
  aiRuns,
  channelIdentities,
  conversations,
  inventoryItems,
  linkCodes,
  messages,
  missionReports,
  profiles,
  users,
} from '../../src/db/schema/index.ts';
import { createUser } from '../../src/services/accounts/users.ts';
import { createLinkCode, identifyChannelUser, redeemLinkCode } from '../../src/services/channels/index.ts';
import { AppError } from '../../src/services/errors.ts';
import { chatId, coreOver, echoModel, phone, recorder } from './support.ts';

let database: Database;
let deps: Awaited<ReturnType<typeof coreOver>>['deps'];
beforeAll(async () => {
  ({ database, deps } = await coreOver(undefined, { model: echoModel() }));
});
afterAll(async () => {
  await database.close();
});

const db = () => database.db;

async function webAccount(): Promise<string> {
  const { id } = await createUser(db(), {
    email: `web-${Math.random().toString(36).slice(2)}@example.com`,
    passwordHash: 'scrypt$not-a-real-hash',
  });
  return id;
}

async function givePlanAndInventory(userId: string, label: string) {
  await db()
    .insert(missionReports)
    .values({ userId, title: `${label} plan`, reportData: {} as never });
  await db()
    .insert(inventoryItems)
    .values({ userId, name: 'Bottled water', supplyKey: 'water', quantityOwned: 6 });
}

const countWhere = async (
  table: typeof missionReports | typeof inventoryItems | typeof conversations,
  userId: string,
) => (await db().select({ n: count() }).from(table).where(eq(table.userId, userId)))[0]!.n;

describe('identity on first contact', () => {
  it('a new Telegram chat becomes a password-less user with a profile, and gets an answer', async () => {
    const chat = chatId();
    const reply = await handleMessage(deps, { channel: 'telegram', externalId: chat, text: 'hello there' });
    expect(reply.text).toBe('heard: hello there');
    const [identity] = await db()
      .select()
      .from(channelIdentities)
      .where(and(eq(channelIdentities.channel, 'telegram'), eq(channelIdentities.externalId, chat)));
    expect(identity?.userId).toBeTruthy();
    expect(identity?.conversationId).toBe(reply.conversationId);
    const [user] = await db().select().from(users).where(eq(users.id, identity!.userId!));
    expect(user?.passwordHash).toBeNull();
    expect(user?.email).not.toContain(chat); // the chat id is not written into the stand-in address
    expect(await db().select().from(profiles).where(eq(profiles.id, identity!.userId!))).toHaveLength(1);
    const [thread] = await db()
      .select()
      .from(conversations)
      .where(eq(conversations.id, reply.conversationId));
    expect(thread).toMatchObject({ userId: identity!.userId, channel: 'telegram', anonymousKey: null });
  });

  it('the same chat twice is the same user and the same conversation, with its history', async () => {
    const chat = chatId();
    const first = await handleMessage(deps, { channel: 'telegram', externalId: chat, text: 'one' });
    const second = await handleMessage(deps, { channel: 'telegram', externalId: chat, text: 'two' });
    expect(second.conversationId).toBe(first.conversationId);
    const thread = await db()
      .select({ content: messages.content })
      .from(messages)
      .where(eq(messages.conversationId, first.conversationId))
      .orderBy(messages.seq);
    expect(thread.map((m) => m.content)).toEqual(['one', 'heard: one', 'two', 'heard: two']);
    const again = await identifyChannelUser(db(), 'telegram', chat);
    expect(
      await db().select().from(channelIdentities).where(eq(channelIdentities.externalId, chat)),
    ).toHaveLength(1);
    expect(again.conversationId).toBe(first.conversationId);
  });

  it('two first messages at once make one user', async () => {
    const number = phone();
    const [a, b] = await Promise.all([
      identifyChannelUser(db(), 'sms', number),
      identifyChannelUser(db(), 'sms', number),
    ]);
    expect(a.userId).toBe(b.userId);
  });

  it('refuses bad input naming the field, storing nothing', async () => {
    const before = (await db().select({ n: count() }).from(channelIdentities))[0]!.n;
    for (const [message, field] of [
      [{ channel: 'fax', externalId: '1', text: 'hi' }, 'channel'],
      [{ channel: 'telegram', externalId: '  ', text: 'hi' }, 'externalId'],
      [{ channel: 'web', externalId: 'someone', text: 'hi' }, 'externalId'],
    ] as const) {
      await expect(handleMessage(deps, message as never)).rejects.toSatisfy(
        (e) => e instanceof AppError && e.code === 'BAD_INPUT' && e.field === field,
      );
    }
    expect((await db().select({ n: count() }).from(channelIdentities))[0]!.n).toBe(before);
  });

  it('keeps SMS STOP/START/HELP on this path, and notify skips a stopped number', async () => {
    const number = phone();
    const chat = chatId();
    const sms = (text: string) => handleMessage(deps, { channel: 'sms', externalId: number, text });
    await sms('hi');
    const { userId } = await identifyChannelUser(db(), 'sms', number);
    expect((await sms('STOP')).text).toMatch(/unsubscribed/);
    expect((await sms('are you there?')).silent).toBe(true);
    const out = recorder();
    expect(
      await notify(
        deps,
        { userId, reply: { text: 'Check your water', toolCalls: [], status: 'ok' } },
        out.deliver,
      ),
    ).toEqual({
      delivered: false,
      reason: 'opted-out',
    });
    // Link a Telegram chat to the same user: notify now goes there, even when SMS is preferred.
    const { code } = await createLinkCode(db(), userId);
    expect(
      (await handleMessage(deps, { channel: 'telegram', externalId: chat, text: `/link ${code}` })).text,
    ).toMatch(/^Linked/);
    const result = await notify(
      deps,
      {
        userId,
        channel: 'sms',
        reply: {
          text: 'Check your water',
          toolCalls: [],
          status: 'ok',
          choices: [{ label: 'Done', value: 'done' }],
        },
      },
      out.deliver,
    );
    expect(result).toMatchObject({ delivered: true, channel: 'telegram' });
    expect(out.sent).toHaveLength(1);
    expect(out.sent[0]!.message).toMatchObject({ channel: 'telegram', externalId: chat });
    expect((await sms('START')).text).toMatch(/resubscribed/);
    expect((await sms('HELP')).text).toMatch(/STOP/);
    await notify(
      deps,
      { userId, channel: 'sms', reply: { text: 'Again', toolCalls: [], status: 'ok' } },
      out.deliver,
    );
    expect(out.sent[1]!.message).toMatchObject({ channel: 'sms', externalId: number });
    // The notice is in the thread, so "1" picks its first choice.
    const reply = await handleMessage(deps, { channel: 'telegram', externalId: chat, text: '1' });
    expect(reply.text).toBe('heard: done');
  });

  it("answers with the tier's quota once today's messages are used up", async () => {
    const chat = chatId();
    const first = await handleMessage(deps, { channel: 'telegram', externalId: chat, text: 'hi' });
    const { userId } = await identifyChannelUser(db(), 'telegram', chat);
    await db()
      .insert(aiRuns)
      .values(
        Array.from({ length: 40 }, () => ({
          conversationId: first.conversationId,
          userId,
          model: 'earlier',
          latencyMs: 1,
          status: 'ok' as const,
        })),
      );
    const over = await handleMessage(deps, { channel: 'telegram', externalId: chat, text: 'one more?' });
    expect(over.text).toMatch(/Today's 40 messages on the Free plan are used up/);
    expect(over.text).toContain('https://readyplan.test/pricing');
    expect(over.toolCalls).toEqual([]);
  });

  it('a web-only account has no channel to notify', async () => {
    const userId = await webAccount();
    const out = recorder();
    expect(
      await notify(deps, { userId, reply: { text: 'x', toolCalls: [], status: 'ok' } }, out.deliver),
    ).toEqual({
      delivered: false,
      reason: 'no-linked-channel',
    });
    expect(out.sent).toHaveLength(0);
  });
});

describe('link codes', () => {
  it('joins a Telegram chat to a web account, keeping every plan, inventory item and conversation', async () => {
    const account = await webAccount();
    await givePlanAndInventory(account, 'web');
    const webThread = (
      await db().insert(conversations).values({ userId: account, channel: 'web' }).returning()
    )[0]!;
    const chat = chatId();
    const first = await handleMessage(deps, {
      channel: 'telegram',
      externalId: chat,
      text: 'we are 2 adults',
    });
    const chatUser = (await identifyChannelUser(db(), 'telegram', chat)).userId;
    await givePlanAndInventory(chatUser, 'chat');

    const { code } = await createLinkCode(db(), account);
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const linked = await handleMessage(deps, {
      channel: 'telegram',
      externalId: chat,
      text: `/link ${code.toLowerCase()}`,
    });
    expect(linked.text).toMatch(/^Linked/);
    expect(linked.conversationId).toBe(first.conversationId);

    expect((await identifyChannelUser(db(), 'telegram', chat)).userId).toBe(account);
    expect(await countWhere(missionReports, account)).toBe(2);
    // Duplicate items are kept as two rows (each keeps its own expiry), never summed into one.
    const items = await db().select().from(inventoryItems).where(eq(inventoryItems.userId, account));
    expect(items.map((i) => [i.name, i.quantityOwned])).toEqual([
      ['Bottled water', 6],
      ['Bottled water', 6],
    ]);
    const threads = await db()
      .select({ id: conversations.id })
      .from(conversations)
      .where(eq(conversations.userId, account));
    expect(threads.map((t) => t.id).sort()).toEqual([webThread.id, first.conversationId].sort());
    expect(await db().select().from(users).where(eq(users.id, chatUser))).toHaveLength(0);
    // The chat goes on in the same thread, now as the account.
    const next = await handleMessage(deps, { channel: 'telegram', externalId: chat, text: 'and a dog' });
    expect(next.conversationId).toBe(first.conversationId);
  });

  it('the reverse: /link in a chat makes a code the signed-in web user redeems', async () => {
    const account = await webAccount();
    const number = phone();
    const made = await handleMessage(deps, { channel: 'sms', externalId: number, text: 'LINK' });
    const code = /([A-Z2-9]{4}-[A-Z2-9]{4})/.exec(made.text)?.[1];
    expect(made.text).toContain('https://readyplan.test/account');
    expect(code).toBeTruthy();
    const chatUser = (await identifyChannelUser(db(), 'sms', number)).userId;
    const result = await redeemLinkCode(db(), { channel: 'web', externalId: account, code: code! });
    expect(result).toMatchObject({ userId: account, mergedUserId: chatUser });
    expect((await identifyChannelUser(db(), 'sms', number)).userId).toBe(account);
    expect(await countWhere(conversations, account)).toBe(1);
  });

  it('a wrong, expired or used code is refused and changes nothing', async () => {
    const account = await webAccount();
    const chat = chatId();
    await handleMessage(deps, { channel: 'telegram', externalId: chat, text: 'hi' });
    const chatUser = (await identifyChannelUser(db(), 'telegram', chat)).userId;
    await givePlanAndInventory(chatUser, 'chat');
    const snapshot = async () => ({
      chatPlans: await countWhere(missionReports, chatUser),
      accountPlans: await countWhere(missionReports, account),
      identityUser: (await identifyChannelUser(db(), 'telegram', chat)).userId,
      users: (await db().select({ n: count() }).from(users))[0]!.n,
    });
    const before = await snapshot();
    const refuse = (code: string, now?: Date) =>
      expect(redeemLinkCode(db(), { channel: 'telegram', externalId: chat, code }, now)).rejects.toSatisfy(
        (e) => e instanceof AppError && e.code === 'BAD_INPUT' && e.field === 'code',
      );
    await refuse('ABCD-EFGH');
    await refuse('not a code');
    const old = await createLinkCode(db(), account, new Date(Date.now() - 11 * 60 * 1000));
    await refuse(old.code);
    expect(await snapshot()).toEqual(before);
    // In a chat the refusal is an answer, not an error.
    expect(
      (await handleMessage(deps, { channel: 'telegram', externalId: chat, text: '/link ABCD-EFGH' })).text,
    ).toMatch(/wrong or has expired/);

    const { code } = await createLinkCode(db(), account);
    await redeemLinkCode(db(), { channel: 'telegram', externalId: chat, code });
    const other = chatId();
    await refuse(code); // used: the same chat again
    await expect(
      redeemLinkCode(db(), { channel: 'telegram', externalId: other, code }),
    ).rejects.toBeInstanceOf(AppError);
    const [row] = await db().select().from(linkCodes).where(eq(linkCodes.userId, account));
    expect(row?.usedAt).toBeTruthy();
    expect(row?.codeHash).not.toContain(code.replace('-', '')); // only the hash is stored
  });

  it('never merges two accounts that both have a password', async () => {
    const a = await webAccount();
    const b = await webAccount();
    const { code } = await createLinkCode(db(), a);
    await expect(redeemLinkCode(db(), { channel: 'web', externalId: b, code })).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === 'CONFLICT',
    );
    expect(await db().select().from(users).where(eq(users.id, b))).toHaveLength(1);
  });
});
