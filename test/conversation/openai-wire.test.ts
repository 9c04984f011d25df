import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModel } from '../../agents/index.ts';
import { createConversation } from '../../src/conversation/index.ts';
import { listAiRuns } from '../../src/services/conversations/conversations.ts';
import { getLatestPlan } from '../../src/services/plans/index.ts';
import { type Answer, type ChatRequest, startOpenAIServer, USAGE } from '../support/openai-server.ts';
import { type Harness, harness, makeUser } from './support.ts';

let h: Harness;
let server: Awaited<ReturnType<typeof startOpenAIServer>>;

/** A stand-in for a real model: calls the tools in order, then writes the reply from their results. */
function planner(request: ChatRequest): Answer {
  const last = request.messages[request.messages.length - 1]!;
  if (last.role === 'user') {
    return {
      toolCalls: [
        {
          name: 'updateHousehold',
          arguments: {
            location: 'Tampa, FL',
            members: [
              { kind: 'adult' },
              { kind: 'adult' },
              { kind: 'child', ageYears: 6 },
              { kind: 'child', ageYears: 9 },
            ],
            pets: [{ species: 'dog', weightLb: 30 }],
            scenarios: ['hurricane'],
            budget: 300,
          },
        },
      ],
    };
  }
  const called = request.messages.flatMap((m) => m.tool_calls?.map((c) => c.function.name) ?? []);
  const previous = called[called.length - 1];
  if (previous === 'updateHousehold') return { toolCalls: [{ name: 'buildPlan', arguments: {} }] };
  if (previous === 'buildPlan') return { toolCalls: [{ name: 'savePlan', arguments: {} }] };
  const saved = JSON.parse(last.content ?? '{}') as {
    url: string;
    plan: { water: { totalGallons: number } };
  };
  return { text: `Your plan is saved: ${saved.plan.water.totalGallons} gallons of water. ${saved.url}` };
}

beforeAll(async () => {
  h = await harness();
  server = await startOpenAIServer(planner);
});
afterAll(async () => {
  await server.close();
  await h.close();
});

describe('the OpenAI path, against a local chat-completions server', () => {
  it('the same agent completes a plan through createOpenAI({ baseURL }).chat(...)', async () => {
    const userId = await makeUser(h.database);
    const model = createModel({
      kind: 'openai-compatible',
      baseURL: server.baseURL,
      model: 'gpt-4o-mini',
      apiKey: 'sk-test',
    });
    expect(model.provider).toMatch(/\.chat$/);
    const core = createConversation({ ...h.deps, model });
    const turn = await core.runTurn({
      channel: 'web',
      userId,
      text: '2 adults, kids 6 and 9, a 30 lb dog in Tampa, $300',
    });
    const [reply, run] = await Promise.all([turn.reply, turn.run]);

    // The wire: streamed requests with our tools; four round trips (three tool calls, then text).
    expect(server.requests).toHaveLength(4);
    expect(server.requests[0]!.stream).toBe(true);
    expect(server.requests[0]!.tools?.map((t) => t.function.name)).toEqual(
      expect.arrayContaining([
        'updateHousehold',
        'buildPlan',
        'savePlan',
        'searchGuidance',
        'updateInventory',
      ]),
    );
    expect(server.requests[0]!.messages[0]!.role).toBe('system');
    expect(server.requests[0]!.messages[0]!.content).toContain('<context>');
    const toolMessage = server.requests[1]!.messages.find((m) => m.role === 'tool');
    expect(JSON.parse(toolMessage!.content!)).toMatchObject({ ok: true, missing: [] });

    // The plan was built by the engine and saved; the reply quotes it.
    const saved = await getLatestPlan(h.database.db, userId);
    expect(saved!.reportData.household.members).toHaveLength(4);
    expect(saved!.reportData.budget.limit).toBe(300);
    expect(reply.text).toBe(
      `Your plan is saved: ${saved!.reportData.rationPlan.water.totalGallons} gallons of water. /plans/${saved!.id}`,
    );
    expect(reply.planCard?.planId).toBe(saved!.id);

    // The run is recorded with the provider's usage and a priced estimate.
    expect(run.toolCalls.map((c) => c.toolName)).toEqual(['updateHousehold', 'buildPlan', 'savePlan']);
    expect(run.inputTokens).toBe(4 * USAGE.prompt_tokens);
    expect(run.outputTokens).toBe(4 * USAGE.completion_tokens);
    expect(run.estimatedCostUsd).toBeCloseTo((480 * 0.15 + 120 * 0.6) / 1_000_000, 9);
    expect(run.timeToFirstTokenMs).not.toBeNull();
    const [recorded] = await listAiRuns(h.database.db, { userId }, turn.conversationId);
    expect(recorded).toMatchObject({
      model: 'gpt-4o-mini',
      inputTokens: 480,
      outputTokens: 120,
      status: 'ok',
      steps: 4,
    });
  });

  it('configuration alone picks the model', () => {
    expect(createModel({ kind: 'offline' }).provider).toBe('readyplan.offline');
    const openai = createModel({ kind: 'openai', apiKey: 'sk-test', model: 'gpt-4o-mini' });
    expect(openai.provider).toBe('openai.chat');
    expect(openai.modelId).toBe('gpt-4o-mini');
  });
});
