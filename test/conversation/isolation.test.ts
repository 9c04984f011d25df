import { asSchema } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversation } from '../../src/conversation/index.ts';
import { getHousehold } from '../../src/services/accounts/profiles.ts';
import { getDraftPlan, listAiRuns, listMessages } from '../../src/services/conversations/conversations.ts';
import { AppError } from '../../src/services/errors.ts';
import { listInventory } from '../../src/services/inventory/index.ts';
import { getLatestPlan } from '../../src/services/plans/index.ts';
import { createTools } from '../../tools/index.ts';
import { scripted, toolResultsSeen } from './mock-steps.ts';
import { type Harness, harness, makeUser, person } from './support.ts';

let h: Harness;
let alice: string;
let bob: string;
let alicePlan: string;
let aliceConversation: string;

beforeAll(async () => {
  h = await harness();
  alice = await makeUser(h.database, 'BASIC');
  bob = await makeUser(h.database, 'BASIC');
  const a = person(h, { userId: alice });
  await a.say('2 adults in Tampa, FL, $200');
  await a.say('bought 2 cases of water');
  aliceConversation = a.conversationId!;
  alicePlan = (await getLatestPlan(h.database.db, alice))!.id;
});
afterAll(async () => {
  await h.close();
});

function propertyNames(schema: unknown, out: string[] = []): string[] {
  if (!schema || typeof schema !== 'object') return out;
  const s = schema as { properties?: Record<string, unknown>; items?: unknown; anyOf?: unknown[] };
  for (const [name, child] of Object.entries(s.properties ?? {})) {
    out.push(name);
    propertyNames(child, out);
  }
  if (s.items) propertyNames(s.items, out);
  for (const alt of s.anyOf ?? []) propertyNames(alt, out);
  return out;
}

describe('no tool can act for another user, whatever the model asks', () => {
  it('no tool takes a user id from the model', async () => {
    const tools = createTools({
      db: h.database.db,
      embedder: h.deps.embedder,
      userId: bob,
      conversationId: aliceConversation,
      channel: 'web',
      publicUrl: 'x',
      now: () => new Date(),
    });
    for (const [name, tool] of Object.entries(tools)) {
      const names = propertyNames(
        await asSchema(tool.inputSchema as Parameters<typeof asSchema>[0]).jsonSchema,
      );
      expect(
        names.filter((n) => /user|owner|account|email/i.test(n)),
        name,
      ).toEqual([]);
    }
  });

  it("ids of another user's plan are not found, and smuggled user ids are ignored", async () => {
    const aliceHousehold = await getHousehold(h.database.db, alice);
    const aliceInventory = await listInventory(h.database.db, alice);
    expect(aliceInventory).toHaveLength(1);
    const model = scripted(
      {
        tools: [
          { tool: 'getPlan', input: { planId: alicePlan, userId: alice } },
          {
            tool: 'updateHousehold',
            input: { userId: alice, location: 'Austin, TX', members: [{ kind: 'adult' }] },
          },
          {
            tool: 'updateInventory',
            input: {
              userId: alice,
              changes: [{ action: 'remove', item: 'water', quantity: 6, unit: 'gallon' }],
            },
          },
          { tool: 'listInventory', input: { userId: alice } },
          { tool: 'savePlan', input: { userId: alice, planId: alicePlan } },
        ],
      },
      { text: 'done' },
    );
    const core = createConversation({ ...h.deps, model });
    const turn = await core.runTurn({ channel: 'web', userId: bob, text: `show plan ${alicePlan}` });
    await turn.reply;
    const [plan, household, inventory, list, save] = toolResultsSeen(model, 1);
    expect(plan!.output.value).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(household!.output.value).toMatchObject({ ok: true, household: { location: 'Austin, TX' } });
    expect(inventory!.output.value).toMatchObject({ ok: true, changes: [{ shortBy: 6, nowHave: 0 }] });
    expect(list!.output.value).toMatchObject({ ok: true, items: [] });
    expect(save!.output.value).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });

    // Alice is untouched; Bob's own profile took the change.
    expect(await getHousehold(h.database.db, alice)).toEqual(aliceHousehold);
    expect(await listInventory(h.database.db, alice)).toEqual(aliceInventory);
    expect((await getLatestPlan(h.database.db, alice))!.id).toBe(alicePlan);
    expect((await getHousehold(h.database.db, bob)).location).toBe('Austin, TX');
  });

  it("another user's conversation is not found, and its runs and messages are invisible", async () => {
    await expect(
      h.core.runTurn({ channel: 'web', userId: bob, conversationId: aliceConversation, text: 'hi' }),
    ).rejects.toSatisfy((e) => e instanceof AppError && e.code === 'NOT_FOUND');
    expect(await listMessages(h.database.db, { userId: bob }, aliceConversation)).toEqual([]);
    expect(await listAiRuns(h.database.db, { userId: bob }, aliceConversation)).toEqual([]);
    expect((await listAiRuns(h.database.db, { userId: alice }, aliceConversation)).length).toBe(2);
  });

  it("one anonymous session cannot read or continue another's", async () => {
    const first = person(h, { anonymousKey: 'anon-session-one-123' });
    await first.say('2 adults in Boise, ID');
    const id = first.conversationId!;
    const other = { userId: null, anonymousKey: 'anon-session-two-456' } as const;
    await expect(
      h.core.runTurn({ channel: 'web', anonymousKey: other.anonymousKey, conversationId: id, text: 'hi' }),
    ).rejects.toSatisfy((e) => e instanceof AppError && e.code === 'NOT_FOUND');
    await expect(getDraftPlan(h.database.db, other, id)).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === 'NOT_FOUND',
    );
    expect(await listMessages(h.database.db, other, id)).toEqual([]);
    // A signed-in user cannot see anonymous threads either.
    expect(await listMessages(h.database.db, { userId: bob }, id)).toEqual([]);
    expect(
      (await getDraftPlan(h.database.db, { userId: null, anonymousKey: 'anon-session-one-123' }, id))
        ?.location.state,
    ).toBe('ID');
  });
});
