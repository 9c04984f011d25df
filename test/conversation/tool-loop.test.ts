import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversation } from '../../src/conversation/index.ts';
import { getHousehold } from '../../src/services/accounts/profiles.ts';
import { getDraftPlan, listAiRuns } from '../../src/services/conversations/conversations.ts';
import { listInventory } from '../../src/services/inventory/index.ts';
import { scripted, toolResultsSeen } from './mock-steps.ts';
import { type Harness, harness, makeUser } from './support.ts';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(async () => {
  await h.close();
});

/** Runs one turn with a scripted mock model; returns what the model saw and what was recorded. */
async function turn(
  who: { userId: string } | { anonymousKey: string },
  model: ReturnType<typeof scripted>,
  text = 'go',
) {
  const core = createConversation({ ...h.deps, model });
  const t = await core.runTurn({ channel: 'web', text, ...who });
  const [reply, run] = await Promise.all([t.reply, t.run]);
  return { reply, run, conversationId: t.conversationId };
}

describe('tool contracts through the agent loop (mock model: step 1 a tool call, step 2 text)', () => {
  it('updateHousehold stores the facts and returns what a plan still needs', async () => {
    const userId = await makeUser(h.database);
    const model = scripted(
      { tool: 'updateHousehold', input: { members: [{ kind: 'adult' }, { kind: 'child', ageYears: 7 }] } },
      { text: 'Where do you live?' },
    );
    const { reply, run } = await turn({ userId }, model);
    expect(reply.text).toBe('Where do you live?');
    const [result] = toolResultsSeen(model, 1);
    expect(result!.toolName).toBe('updateHousehold');
    expect(result!.output.value).toMatchObject({ ok: true, missing: ['location'] });
    expect((await getHousehold(h.database.db, userId)).members).toEqual([
      expect.objectContaining({ kind: 'adult', ageYears: 35 }),
      expect.objectContaining({ kind: 'child', ageYears: 7 }),
    ]);
    expect(run.toolCalls).toEqual([expect.objectContaining({ toolName: 'updateHousehold', ok: true })]);
    expect(run.estimatedCostUsd).toBeNull(); // an unpriced model is not guessed at
  });

  it('invalid tool input goes back to the model as data and the loop continues', async () => {
    const userId = await makeUser(h.database);
    const model = scripted(
      { tool: 'updateHousehold', input: { durationDays: 1, mobility: 'RUN' } },
      { tool: 'updateHousehold', input: { durationDays: 3, mobility: 'BUG_OUT' } },
      { text: 'Fixed it.' },
    );
    const { reply, run, conversationId } = await turn({ userId }, model);
    const [first] = toolResultsSeen(model, 1);
    expect(first!.output.type).toBe('error-text');
    expect(String(first!.output.value)).toMatch(/durationDays/);
    expect(toolResultsSeen(model, 2)[1]!.output.value).toMatchObject({ ok: true });
    expect(reply.text).toBe('Fixed it.');
    expect(run.toolCalls.map((c) => c.ok)).toEqual([false, true]);
    expect(await getHousehold(h.database.db, userId)).toMatchObject({ durationDays: 3, mobility: 'BUG_OUT' });
    const [recorded] = await listAiRuns(h.database.db, { userId }, conversationId);
    expect(recorded!.toolCalls[0]).toMatchObject({
      toolName: 'updateHousehold',
      ok: false,
      error: expect.stringMatching(/durationDays/),
    });
  });

  it('an unknown tool name is reported to the model, not thrown', async () => {
    const userId = await makeUser(h.database);
    const model = scripted({ tool: 'deleteEverything', input: {} }, { text: 'Sorry.' });
    const { reply } = await turn({ userId }, model);
    expect(reply.text).toBe('Sorry.');
    expect(reply.status).toBe('ok');
  });

  it('buildPlan needs a location and members, and says so as data', async () => {
    const userId = await makeUser(h.database);
    const model = scripted({ tool: 'buildPlan', input: {} }, { text: 'ok' });
    await turn({ userId }, model);
    expect(toolResultsSeen(model, 1)[0]!.output.value).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringMatching(/location and members/) },
    });
  });

  it('buildPlan then savePlan: the plan is built by the engine, kept, saved and linked', async () => {
    const userId = await makeUser(h.database);
    const model = scripted(
      {
        tool: 'buildPlan',
        input: { location: 'Denver, CO', members: [{ kind: 'adult' }], budget: 100, durationDays: 7 },
      },
      { tool: 'savePlan', input: {} },
      { text: 'Saved.' },
    );
    const { reply, conversationId } = await turn({ userId }, model);
    const built = toolResultsSeen(model, 1)[0]!.output.value as {
      ok: boolean;
      plan: { durationDays: number; budget: { limit: number } };
    };
    expect(built).toMatchObject({
      ok: true,
      saved: false,
      plan: { durationDays: 7, budget: { limit: 100 } },
    });
    const saved = toolResultsSeen(model, 2)[1]!.output.value as { ok: boolean; planId: string; url: string };
    expect(saved.ok).toBe(true);
    // Web links are relative to the site.
    expect(saved.url).toBe(`/plans/${saved.planId}`);
    expect(reply.link).toEqual({ label: 'Open your plan', url: saved.url });
    expect(reply.planCard).toMatchObject({ durationDays: 7, people: 1, location: 'Denver, CO' });
    expect((await getDraftPlan(h.database.db, { userId }, conversationId))?.location.state).toBe('CO');
  });

  it('calcRations returns the engine figures with their basis', async () => {
    const userId = await makeUser(h.database);
    const model = scripted(
      { tool: 'calcRations', input: { members: [{ kind: 'adult' }, { kind: 'adult' }], durationDays: 3 } },
      { text: 'ok' },
    );
    await turn({ userId }, model);
    const out = toolResultsSeen(model, 1)[0]!.output.value as {
      ok: boolean;
      water: { gallonsPerDay: number; basis: string };
      food: { kcalPerDay: number };
    };
    expect(out.ok).toBe(true);
    expect(out.water.gallonsPerDay).toBeGreaterThanOrEqual(2);
    expect(out.water.basis).toMatch(/gal/);
    expect(out.food.kcalPerDay).toBeGreaterThan(3000);
  });

  it('searchGuidance returns passages with the organization to cite', async () => {
    const userId = await makeUser(h.database);
    const model = scripted(
      { tool: 'searchGuidance', input: { question: 'how do I make creek water safe to drink?' } },
      { text: 'ok' },
    );
    await turn({ userId }, model);
    const out = toolResultsSeen(model, 1)[0]!.output.value as {
      passages: { source: string; title: string; content: string }[];
    };
    expect(out.passages.length).toBeGreaterThan(0);
    expect(out.passages.some((p) => /water/i.test(p.title))).toBe(true);
    expect(out.passages.every((p) => p.source.length > 0)).toBe(true);
  });

  it('searchProducts and matchBundles return real catalog rows', async () => {
    const userId = await makeUser(h.database);
    const model = scripted(
      {
        tools: [
          { tool: 'searchProducts', input: { query: 'water filter', limit: 3 } },
          { tool: 'matchBundles', input: { people: 4, scenarios: ['hurricane'] } },
        ],
      },
      { text: 'ok' },
    );
    await turn({ userId }, model);
    const [products, bundles] = toolResultsSeen(model, 1);
    const p = products!.output.value as {
      results: { productId: string; name: string; price: number | null }[];
    };
    expect(p.results.length).toBeGreaterThan(0);
    expect(p.results[0]!.productId).toMatch(/^[0-9a-f-]{36}$/);
    const b = bundles!.output.value as { bundles: { bundleId: string; reasons: string[] }[] };
    expect(b.bundles.length).toBeGreaterThan(0);
    expect(b.bundles[0]!.reasons.length).toBeGreaterThan(0);
  });

  it('findSkillResources finds courses by skill id', async () => {
    const userId = await makeUser(h.database);
    const model = scripted({ tool: 'findSkillResources', input: { skills: ['first-aid'] } }, { text: 'ok' });
    await turn({ userId }, model);
    const out = toolResultsSeen(model, 1)[0]!.output.value as {
      resources: { skillId: string; url: string }[];
    };
    expect(out.resources.length).toBeGreaterThan(0);
    expect(out.resources.every((r) => r.skillId === 'first-aid' && r.url.startsWith('http'))).toBe(true);
  });

  it('checkTier and updateInventory: a free account’s stock is kept on the household, not tracked', async () => {
    const userId = await makeUser(h.database);
    const model = scripted(
      {
        tools: [
          { tool: 'checkTier', input: {} },
          {
            tool: 'updateInventory',
            input: { changes: [{ action: 'add', item: 'water', quantity: 1, unit: 'case' }] },
          },
        ],
      },
      { text: 'ok' },
    );
    await turn({ userId }, model);
    const [tier, inventory] = toolResultsSeen(model, 1);
    expect(tier!.output.value).toMatchObject({
      ok: true,
      tier: 'FREE',
      entitlements: { inventoryTracking: false, savedPlans: 1 },
    });
    expect(inventory!.output.value).toMatchObject({
      ok: true,
      tracked: false,
      upgradeUrl: '/pricing',
      changes: [{ supplyKey: 'water-storage', supplyUnit: 'gal' }],
    });
    expect(await listInventory(h.database.db, userId)).toEqual([]);
    expect((await getHousehold(h.database.db, userId)).owned).toEqual([
      { supplyKey: 'water-storage', quantity: expect.any(Number) },
    ]);
  });

  it('updateInventory (Basic) reconciles units and reports days of supply', async () => {
    const userId = await makeUser(h.database, 'BASIC');
    const model = scripted(
      { tool: 'updateHousehold', input: { location: 'Tampa, FL', members: [{ kind: 'adult' }] } },
      {
        tool: 'updateInventory',
        input: {
          changes: [
            { action: 'add', item: 'water', quantity: 2, unit: 'case' },
            { action: 'add', item: 'chili', quantity: 10, unit: 'can', expires: '2027-03-31' },
          ],
        },
      },
      { text: 'ok' },
    );
    await turn({ userId }, model);
    const out = toolResultsSeen(model, 2)[1]!.output.value as {
      changes: { supplyKey: string; nowHave: number; assumption: string }[];
      daysOfSupply: { category: string; days: number }[];
    };
    expect(out.changes[0]).toMatchObject({ supplyKey: 'water-storage', nowHave: 6.34 });
    expect(out.changes[1]).toMatchObject({ supplyKey: 'food-kcal', nowHave: 4500 });
    expect(out.changes[1]!.assumption).toMatch(/kcal/);
    expect(out.daysOfSupply.map((d) => d.category)).toEqual(expect.arrayContaining(['water', 'food']));
  });

  it('listExpertCalls and bookExpertCall: tier rules come back as data', async () => {
    const userId = await makeUser(h.database);
    const list = scripted({ tool: 'listExpertCalls', input: { limit: 10 } }, { text: 'ok' });
    await turn({ userId }, list);
    const calls = (
      toolResultsSeen(list, 1)[0]!.output.value as { calls: { id: string; tierRequired: string }[] }
    ).calls;
    expect(calls.length).toBeGreaterThan(0);
    const book = scripted({ tool: 'bookExpertCall', input: { callId: calls[0]!.id } }, { text: 'ok' });
    await turn({ userId }, book);
    expect(toolResultsSeen(book, 1)[0]!.output.value).toMatchObject({
      ok: false,
      error: { code: 'TIER_LIMIT' },
    });
  });

  it('presentChoices becomes the reply choices', async () => {
    const userId = await makeUser(h.database);
    const model = scripted(
      {
        tool: 'presentChoices',
        input: {
          choices: [
            { label: 'Yes', value: 'yes please' },
            { label: 'No', value: 'no thanks' },
          ],
        },
      },
      { text: 'Save it?' },
    );
    const { reply } = await turn({ userId }, model);
    expect(reply.choices).toEqual([
      { label: 'Yes', value: 'yes please' },
      { label: 'No', value: 'no thanks' },
    ]);
  });
});
