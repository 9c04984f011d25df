import { randomUUID } from 'node:crypto';
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
} from '@ai-sdk/provider';
import { type Decision, decide } from './decide.ts';
import { readPrompt } from './prompt.ts';

export const OFFLINE_PROVIDER = 'readyplan.offline';
export const OFFLINE_MODEL_ID = 'offline-orchestrator-v1';

export type OfflineModelOptions = {
  /** Pause between streamed text deltas (0: yield to the event loop only). */
  deltaDelayMs?: number;
  /** Words per streamed delta. */
  wordsPerDelta?: number;
};

/** Splits text into small deltas of a few words each, keeping whitespace, like a real model's tokens. */
export function deltas(text: string, wordsPerDelta = 3): string[] {
  const words = text.match(/\s*\S+\s*/g) ?? (text ? [text] : []);
  const out: string[] = [];
  for (let i = 0; i < words.length; i += wordsPerDelta) out.push(words.slice(i, i + wordsPerDelta).join(''));
  return out;
}

/** A rough token count (4 characters a token) so runs record usage like a real model's. */
function tokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function promptChars(options: LanguageModelV3CallOptions): number {
  let chars = 0;
  for (const m of options.prompt) {
    if (typeof m.content === 'string') chars += m.content.length;
    else for (const part of m.content) chars += 'text' in part ? part.text.length : 200;
  }
  // Tool definitions are sent with every call: count their descriptions and a schema's worth each.
  for (const t of options.tools ?? []) chars += ('description' in t ? (t.description?.length ?? 0) : 0) + 400;
  return chars;
}

function usage(options: LanguageModelV3CallOptions, decision: Decision): LanguageModelV3Usage {
  const input = Math.ceil(promptChars(options) / 4);
  const output = tokens(decision.text) + tokens(JSON.stringify(decision.toolCalls));
  return {
    inputTokens: { total: input, noCache: input, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: output, text: output, reasoning: 0 },
  };
}

function decideFor(options: LanguageModelV3CallOptions): Decision {
  const available = options.tools ? new Set(options.tools.map((t) => t.name)) : null;
  return decide(readPrompt(options.prompt), available);
}

const pause = (ms: number) =>
  new Promise<void>((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));

/**
 * The offline orchestrator: an AI SDK language model (specification v3) that needs no network. It reads
 * the conversation and the tool results in its prompt, decides the next tool call or writes the reply from
 * those results, and streams text in small deltas. A real model replaces it by configuration alone.
 */
export function createOfflineModel(options: OfflineModelOptions = {}): LanguageModelV3 {
  const wordsPerDelta = options.wordsPerDelta ?? 3;
  const delay = options.deltaDelayMs ?? 0;
  return {
    specificationVersion: 'v3',
    provider: OFFLINE_PROVIDER,
    modelId: OFFLINE_MODEL_ID,
    supportedUrls: {},

    async doGenerate(callOptions) {
      const decision = decideFor(callOptions);
      const content: LanguageModelV3Content[] = [];
      if (decision.text) content.push({ type: 'text', text: decision.text });
      for (const c of decision.toolCalls) {
        content.push({
          type: 'tool-call',
          toolCallId: `call_${randomUUID().slice(0, 12)}`,
          toolName: c.toolName,
          input: JSON.stringify(c.input),
        });
      }
      const calls = decision.toolCalls.length > 0;
      return {
        content,
        finishReason: { unified: calls ? 'tool-calls' : 'stop', raw: calls ? 'tool_calls' : 'stop' },
        usage: usage(callOptions, decision),
        warnings: [],
        response: { id: `offline-${randomUUID()}`, modelId: OFFLINE_MODEL_ID, timestamp: new Date() },
      };
    },

    async doStream(callOptions) {
      const decision = decideFor(callOptions);
      const signal = callOptions.abortSignal;
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        async start(controller) {
          controller.enqueue({ type: 'stream-start', warnings: [] });
          controller.enqueue({
            type: 'response-metadata',
            id: `offline-${randomUUID()}`,
            modelId: OFFLINE_MODEL_ID,
            timestamp: new Date(),
          });
          if (decision.text) {
            const id = `text-${randomUUID().slice(0, 8)}`;
            controller.enqueue({ type: 'text-start', id });
            for (const delta of deltas(decision.text, wordsPerDelta)) {
              if (signal?.aborted) break;
              controller.enqueue({ type: 'text-delta', id, delta });
              await pause(delay);
            }
            controller.enqueue({ type: 'text-end', id });
          }
          for (const c of decision.toolCalls) {
            const id = `call_${randomUUID().slice(0, 12)}`;
            const input = JSON.stringify(c.input);
            controller.enqueue({ type: 'tool-input-start', id, toolName: c.toolName });
            controller.enqueue({ type: 'tool-input-delta', id, delta: input });
            controller.enqueue({ type: 'tool-input-end', id });
            controller.enqueue({ type: 'tool-call', toolCallId: id, toolName: c.toolName, input });
          }
          const calls = decision.toolCalls.length > 0;
          controller.enqueue({
            type: 'finish',
            finishReason: { unified: calls ? 'tool-calls' : 'stop', raw: calls ? 'tool_calls' : 'stop' },
            usage: usage(callOptions, decision),
          });
          controller.close();
        },
      });
      return { stream };
    },
  };
}
