import type { LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { convertArrayToReadableStream, MockLanguageModelV3 } from 'ai/test';

const usage = {
  inputTokens: { total: 100, noCache: 100, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 20, text: 20, reasoning: 0 },
};

export type Step =
  | { tool: string; input: unknown }
  | { tools: { tool: string; input: unknown }[] }
  | { text: string };

function parts(step: Step, index: number): LanguageModelV3StreamPart[] {
  const out: LanguageModelV3StreamPart[] = [{ type: 'stream-start', warnings: [] }];
  if ('text' in step) {
    out.push(
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: step.text },
      { type: 'text-end', id: 't' },
    );
    out.push({ type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage });
    return out;
  }
  const calls = 'tools' in step ? step.tools : [step];
  calls.forEach((c, i) => {
    out.push({
      type: 'tool-call',
      toolCallId: `call-${index}-${i}`,
      toolName: c.tool,
      input: typeof c.input === 'string' ? c.input : JSON.stringify(c.input),
    });
  });
  out.push({ type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_calls' }, usage });
  return out;
}

/** The AI SDK's mock model, scripted one result per step (step 1 a tool call, step 2 text …). */
export function scripted(...steps: Step[]): MockLanguageModelV3 {
  return new MockLanguageModelV3({
    modelId: 'mock-model',
    doStream: steps.map((s, i) => ({ stream: convertArrayToReadableStream(parts(s, i)) })),
  });
}

/** The tool results the model was given in its `call`-th prompt (0-based), by tool name. */
export function toolResultsSeen(model: MockLanguageModelV3, call: number) {
  const prompt = model.doStreamCalls[call]?.prompt ?? [];
  const results: { toolName: string; output: { type: string; value: unknown } }[] = [];
  for (const m of prompt) {
    if (m.role !== 'tool') continue;
    for (const p of m.content) {
      if (p.type === 'tool-result')
        results.push({ toolName: p.toolName, output: p.output as { type: string; value: unknown } });
    }
  }
  return results;
}
