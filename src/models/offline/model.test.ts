import type {
  LanguageModelV3CallOptions,
  LanguageModelV3Prompt,
  LanguageModelV3StreamPart,
} from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { createOfflineModel, deltas } from './model.ts';

const TOOLS = [
  'updateHousehold',
  'buildPlan',
  'savePlan',
  'presentChoices',
  'searchGuidance',
  'updateInventory',
].map((name) => ({ type: 'function' as const, name, inputSchema: { type: 'object' } }));

function system(context: Record<string, unknown>) {
  return {
    role: 'system' as const,
    content: `You are ReadyPlan.\n<context>${JSON.stringify({ channel: 'web', signedIn: true, publicUrl: 'https://rp.test', household: {}, ...context })}</context>`,
  };
}

function options(prompt: LanguageModelV3Prompt, tools = TOOLS): LanguageModelV3CallOptions {
  return { prompt, tools } as LanguageModelV3CallOptions;
}

const user = (text: string) => ({ role: 'user' as const, content: [{ type: 'text' as const, text }] });

async function parts(stream: ReadableStream<LanguageModelV3StreamPart>) {
  const out: LanguageModelV3StreamPart[] = [];
  for await (const p of stream) out.push(p);
  return out;
}

describe('the offline orchestrator as a language model (v3)', () => {
  const model = createOfflineModel();

  it('declares the v3 interface', () => {
    expect(model.specificationVersion).toBe('v3');
    expect(model.modelId).toBe('offline-orchestrator-v1');
  });

  it('streams text in small deltas between stream-start and finish', async () => {
    const { stream } = await model.doStream(options([system({}), user('hi')]));
    const all = await parts(stream);
    expect(all[0]).toEqual({ type: 'stream-start', warnings: [] });
    const last = all[all.length - 1]!;
    expect(last).toMatchObject({ type: 'finish', finishReason: { unified: 'stop' } });
    expect((last as { usage: { inputTokens: { total: number } } }).usage.inputTokens.total).toBeGreaterThan(
      0,
    );
    const textDeltas = all.filter((p) => p.type === 'text-delta') as { delta: string }[];
    expect(textDeltas.length).toBeGreaterThan(10);
    expect(Math.max(...textDeltas.map((d) => d.delta.length))).toBeLessThan(60);
    expect(textDeltas.map((d) => d.delta).join('')).toMatch(/^I'm ReadyPlan/);
  });

  it('calls updateHousehold with the facts it extracted (input as a JSON string)', async () => {
    const result = await model.doGenerate(
      options([system({}), user("we're 2 adults and a 30 lb dog in Tampa, FL, $300")]),
    );
    expect(result.finishReason.unified).toBe('tool-calls');
    const call = result.content.find((c) => c.type === 'tool-call') as { toolName: string; input: string };
    expect(call.toolName).toBe('updateHousehold');
    expect(JSON.parse(call.input)).toEqual({
      location: 'Tampa, FL',
      members: [{ kind: 'adult' }, { kind: 'adult' }],
      pets: [{ species: 'dog', weightLb: 30 }],
      budget: 300,
    });
    // The plan will be built: a preamble streams first, like a real model's.
    expect(result.content[0]).toMatchObject({
      type: 'text',
      text: expect.stringMatching(/^Building your plan/),
    });
  });

  it('reads tool results in the prompt to choose the next step', async () => {
    const afterUpdate: LanguageModelV3Prompt = [
      system({ signedIn: false }),
      user('2 adults in Boise, ID'),
      {
        role: 'assistant',
        content: [{ type: 'tool-call', toolCallId: 'c1', toolName: 'updateHousehold', input: {} }],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'c1',
            toolName: 'updateHousehold',
            output: {
              type: 'json',
              value: {
                ok: true,
                household: { location: 'Boise, ID', members: [{ kind: 'adult' }] },
                missing: [],
              },
            },
          },
        ],
      },
    ];
    const next = await model.doGenerate(options(afterUpdate));
    expect(next.content).toEqual([expect.objectContaining({ type: 'tool-call', toolName: 'buildPlan' })]);

    const missing = structuredClone(afterUpdate);
    (missing[3]!.content[0] as unknown as { output: { value: { missing: string[] } } }).output.value.missing =
      ['members'];
    const ask = await model.doGenerate(options(missing));
    // A question with likely answers: the choices are offered before the text.
    expect(ask.content).toEqual([expect.objectContaining({ type: 'tool-call', toolName: 'presentChoices' })]);
  });

  it('answers without a tool it was not given', async () => {
    const result = await model.doGenerate(options([system({}), user('how do I purify water?')], []));
    expect(result.finishReason.unified).toBe('stop');
    expect(result.content).toEqual([{ type: 'text', text: "Sorry — I can't do that here." }]);
  });

  it('splits text into deltas of a few words, losing nothing', () => {
    const text = 'Water: 7 gal/day → 98 gal in total.\n\nBuy first: a filter.';
    const d = deltas(text, 3);
    expect(d.join('')).toBe(text);
    expect(d.length).toBe(Math.ceil(text.split(/\s+/).length / 3));
  });
});
