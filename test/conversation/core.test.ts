import { MockLanguageModelV3 } from 'ai/test';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversation } from '../../src/conversation/index.ts';
import { rowsOf } from '../../src/db/rows.ts';
import { adoptHousehold, getHousehold } from '../../src/services/accounts/profiles.ts';
import {
  claimAnonymousConversations,
  getConversation,
  identityAnonymousKey,
  linkChannelIdentity,
  listAiRuns,
  listMessages,
  resolveChannelIdentity,
  setIdentityConversation,
} from '../../src/services/conversations/conversations.ts';
import { AppError } from '../../src/services/errors.ts';
import { scripted } from './mock-steps.ts';
import { type Harness, harness, makeUser, person } from './support.ts';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(async () => {
  await h.close();
});

describe('the conversation core', () => {
  it('keeps a bounded history and summarises older turns into the thread', async () => {
    const userId = await makeUser(h.database);
    let conversationId: string | null = null;
    const models: MockLanguageModelV3[] = [];
    for (let i = 1; i <= 4; i++) {
      const model = scripted({ text: `answer ${i}` });
      models.push(model);
      const core = createConversation({ ...h.deps, model, historyLimit: 4 });
      const turn = await core.runTurn({ channel: 'web', userId, conversationId, text: `question ${i}` });
      conversationId = turn.conversationId;
      await turn.reply;
    }
    const prompt = models[3]!.doStreamCalls[0]!.prompt;
    const visible = prompt.filter((m) => m.role !== 'system');
    expect(visible).toHaveLength(5); // the last 4 messages and the new one
    expect(JSON.stringify(visible[0])).toContain('question 2');
    const system = prompt.find((m) => m.role === 'system')!.content as string;
    expect(system).toContain(
      'Earlier in this conversation (summary):\nUser: question 1\nAssistant: answer 1',
    );
    const thread = await getConversation(h.database.db, { userId }, conversationId!);
    expect(thread.summarizedCount).toBe(2);
    expect(thread.title).toBe('question 1');
    expect(await listMessages(h.database.db, { userId }, conversationId!)).toHaveLength(8);
  });

  it('records a failed model run and still answers', async () => {
    const userId = await makeUser(h.database);
    const model = new MockLanguageModelV3({
      modelId: 'broken',
      doStream: async () => {
        throw new Error('upstream 500');
      },
    });
    const turn = await createConversation({ ...h.deps, model }).runTurn({
      channel: 'sms',
      userId,
      text: 'hello',
    });
    const reply = await turn.reply;
    expect(reply.status).toBe('error');
    expect(reply.text).toMatch(/ran into a problem/);
    const [run] = await listAiRuns(h.database.db, { userId }, turn.conversationId);
    expect(run).toMatchObject({ status: 'error', model: 'broken' });
    expect(run!.error).toMatch(/upstream 500/);
  });

  it('answers a repeated message anew without storing it twice (Regenerate, and Retry after a failed reply)', async () => {
    const userId = await makeUser(h.database);
    const actor = { userId };
    const contents = async (id: string) =>
      (await listMessages(h.database.db, actor, id)).map((m) => `${m.role}: ${m.content}`);
    const first = await createConversation({ ...h.deps, model: scripted({ text: 'answer 1' }) }).runTurn({
      channel: 'web',
      userId,
      text: 'question 1',
    });
    await first.reply;
    const id = first.conversationId;
    // Regenerate: the old reply goes, the message stays once, and the model sees it once.
    const again = scripted({ text: 'answer 2' });
    const regenerated = await createConversation({ ...h.deps, model: again }).runTurn({
      channel: 'web',
      userId,
      conversationId: id,
      text: 'question 1',
      repeat: true,
    });
    await regenerated.reply;
    expect(await contents(id)).toEqual(['user: question 1', 'assistant: answer 2']);
    const visible = again.doStreamCalls[0]!.prompt.filter((m) => m.role !== 'system');
    expect(visible).toHaveLength(1);
    expect(JSON.stringify(visible)).toContain('question 1');
    expect((await getConversation(h.database.db, actor, id)).title).toBe('question 1');

    // Retry after a reply that failed: the failed reply goes, the message is not stored again.
    const broken = new MockLanguageModelV3({
      modelId: 'broken',
      doStream: async () => {
        throw new Error('upstream 500');
      },
    });
    const failed = await createConversation({ ...h.deps, model: broken }).runTurn({
      channel: 'web',
      userId,
      conversationId: id,
      text: 'question 2',
    });
    expect((await failed.reply).status).toBe('error');
    const retried = await createConversation({ ...h.deps, model: scripted({ text: 'answer 3' }) }).runTurn({
      channel: 'web',
      userId,
      conversationId: id,
      text: 'question 2',
      repeat: true,
    });
    await retried.reply;
    expect(await contents(id)).toEqual([
      'user: question 1',
      'assistant: answer 2',
      'user: question 2',
      'assistant: answer 3',
    ]);

    // A "repeat" of words that are not the thread's last message is an ordinary new message.
    const other = await createConversation({ ...h.deps, model: scripted({ text: 'answer 4' }) }).runTurn({
      channel: 'web',
      userId,
      conversationId: id,
      text: 'question 1',
      repeat: true,
    });
    await other.reply;
    expect(await contents(id)).toHaveLength(6);
  });

  it('drops the reply of an attempt that finishes after its Regenerate (Stop, then Regenerate at once)', async () => {
    const userId = await makeUser(h.database);
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The first attempt's model answers only when released: the page stopped it, the server did not.
    const slow = new MockLanguageModelV3({
      modelId: 'slow',
      doStream: async () => {
        await held;
        return (scripted({ text: 'late answer' }).doStream as (o: unknown) => Promise<never>)({});
      },
    });
    const first = await createConversation({ ...h.deps, model: slow }).runTurn({
      channel: 'web',
      userId,
      text: 'a long question',
    });
    const again = await createConversation({ ...h.deps, model: scripted({ text: 'new answer' }) }).runTurn({
      channel: 'web',
      userId,
      conversationId: first.conversationId,
      text: 'a long question',
      repeat: true,
    });
    await again.reply;
    release();
    await first.reply;
    const stored = await listMessages(h.database.db, { userId }, first.conversationId);
    expect(stored.map((m) => `${m.role}: ${m.content}`)).toEqual([
      'user: a long question',
      'assistant: new answer',
    ]);
    expect(await listAiRuns(h.database.db, { userId }, first.conversationId)).toHaveLength(2);
  });

  it('refuses empty and oversized messages before anything is written', async () => {
    const userId = await makeUser(h.database);
    await expect(h.core.runTurn({ channel: 'web', userId, text: '   ' })).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === 'BAD_INPUT' && e.field === 'text',
    );
    await expect(h.core.runTurn({ channel: 'web', userId, text: 'x'.repeat(4001) })).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === 'BAD_INPUT',
    );
    await expect(h.core.runTurn({ channel: 'web', text: 'hi' })).rejects.toSatisfy(
      (e) => e instanceof AppError && e.field === 'anonymousKey',
    );
  });

  it('streams the web UI message stream with tool steps and text', async () => {
    const userId = await makeUser(h.database);
    const turn = await h.core.runTurn({ channel: 'web', userId, text: '2 adults in Denver, CO, $100' });
    const parts: { type: string }[] = [];
    for await (const part of turn.stream.toUIMessageStream()) parts.push(part as { type: string });
    const types = parts.map((p) => p.type);
    expect(types).toContain('tool-input-available');
    expect(types).toContain('tool-output-available');
    expect(types).toContain('text-delta');
    expect(types.filter((t) => t === 'text-delta').length).toBeGreaterThan(10); // small deltas
    const reply = await turn.reply;
    expect(reply.planCard?.location).toBe('Denver, CO');
    expect((await turn.run).timeToFirstTokenMs).toBeLessThan((await turn.run).latencyMs);
  });

  it('an anonymous thread is claimed on sign-up and its household adopted', async () => {
    const anonymousKey = `web:${crypto.randomUUID()}`;
    const visitor = person(h, { anonymousKey });
    await visitor.say('we are 3 adults in Portland, OR');
    const userId = await makeUser(h.database);
    const claimed = await claimAnonymousConversations(h.database.db, anonymousKey, userId);
    expect(claimed.map((c) => c.id)).toEqual([visitor.conversationId]);
    expect(claimed[0]!.draftPlan?.location.state).toBe('OR');
    await adoptHousehold(h.database.db, userId, claimed[0]!.household);
    expect(await getHousehold(h.database.db, userId)).toMatchObject({ location: 'Portland, OR' });
    expect(await listMessages(h.database.db, { userId }, visitor.conversationId!)).toHaveLength(2);
    expect(await listAiRuns(h.database.db, { userId }, visitor.conversationId!)).toHaveLength(1);
    expect(
      await listMessages(h.database.db, { userId: null, anonymousKey }, visitor.conversationId!),
    ).toEqual([]);
  });
});

describe('channel identities and row-level security on the conversation tables', () => {
  it('maps (channel, external id) to one identity, joined to a user on link', async () => {
    const db = h.database.db;
    const first = await resolveChannelIdentity(db, 'telegram', 'chat-42');
    const again = await resolveChannelIdentity(db, 'telegram', 'chat-42');
    expect(again.id).toBe(first.id);
    expect(first.userId).toBeNull();
    expect((await resolveChannelIdentity(db, 'sms', 'chat-42')).id).not.toBe(first.id);
    const key = identityAnonymousKey(first);
    const visitor = person(h, { anonymousKey: key }, 'telegram');
    await visitor.say('hi');
    await setIdentityConversation(db, first.id, visitor.conversationId!);
    expect((await resolveChannelIdentity(db, 'telegram', 'chat-42')).conversationId).toBe(
      visitor.conversationId,
    );
    const userId = await makeUser(h.database);
    const linked = await linkChannelIdentity(db, 'telegram', 'chat-42', userId);
    expect(linked).toMatchObject({ id: first.id, userId, conversationId: null });
  });

  it('enables row-level security on conversations, messages and ai_runs; app_user cannot read identities', async () => {
    const rls = rowsOf<{ relname: string; relrowsecurity: boolean }>(
      await h.database.db.execute(
        sql`select relname, relrowsecurity from pg_class where relname in ('conversations', 'messages', 'ai_runs', 'channel_identities') order by relname`,
      ),
    );
    expect(rls).toEqual([
      { relname: 'ai_runs', relrowsecurity: true },
      { relname: 'channel_identities', relrowsecurity: false },
      { relname: 'conversations', relrowsecurity: true },
      { relname: 'messages', relrowsecurity: true },
    ]);
    const grants = rowsOf<{ allowed: boolean }>(
      await h.database.db.execute(
        sql`select has_table_privilege('app_user', 'channel_identities', 'select') as allowed`,
      ),
    );
    expect(grants[0]!.allowed).toBe(false);
  });
});
