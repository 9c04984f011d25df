import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import type { Channel } from '../../domain/channels.ts';
import type { Profile } from './facts.ts';

/** What the conversation core tells the model about the turn (the <context> block of the system prompt). */
export type TurnContext = {
  channel: Channel;
  signedIn: boolean;
  publicUrl: string;
  household: Profile;
  /** The saved plan this thread last wrote or read, if any. */
  planId: string | null;
  /** A plan was built in this thread (kept on the conversation). */
  hasDraft: boolean;
  /** The choices the last reply offered (an SMS "2" arrives already mapped to its value). */
  lastChoices: { label: string; value: string }[];
  today: string;
};

export type ToolExchange = {
  toolCallId: string;
  toolName: string;
  input: unknown;
  /** The tool's output (a JSON value), or undefined while it has not returned. */
  output: unknown;
  /** True when the SDK reported an error (invalid input or a thrown error). */
  error: boolean;
  errorText?: string;
};

export type ReadPrompt = {
  context: TurnContext;
  /** Every user message in the prompt, oldest first. */
  userMessages: string[];
  /** The message this turn answers. */
  current: string;
  /** Tool calls and results of this turn so far, in order. */
  exchanges: ToolExchange[];
  /** Text the assistant already wrote in this turn's earlier steps. */
  writtenThisTurn: string;
};

export const CONTEXT_OPEN = '<context>';
export const CONTEXT_CLOSE = '</context>';

const DEFAULT_CONTEXT: TurnContext = {
  channel: 'web',
  signedIn: false,
  publicUrl: 'http://localhost:3000',
  household: {},
  planId: null,
  hasDraft: false,
  lastChoices: [],
  today: new Date(0).toISOString().slice(0, 10),
};

export function readContext(system: string): TurnContext {
  const start = system.lastIndexOf(CONTEXT_OPEN);
  const end = system.lastIndexOf(CONTEXT_CLOSE);
  if (start < 0 || end < start) return DEFAULT_CONTEXT;
  try {
    const parsed = JSON.parse(system.slice(start + CONTEXT_OPEN.length, end)) as Partial<TurnContext>;
    return { ...DEFAULT_CONTEXT, ...parsed, household: parsed.household ?? {} };
  } catch {
    return DEFAULT_CONTEXT;
  }
}

function outputValue(output: unknown): { value: unknown; error: boolean; text?: string } {
  const o = output as { type?: string; value?: unknown } | undefined;
  if (!o || typeof o !== 'object') return { value: output, error: false };
  switch (o.type) {
    case 'json':
      return { value: o.value, error: false };
    case 'text':
      return { value: tryJson(String(o.value)), error: false };
    case 'error-text':
      return { value: undefined, error: true, text: String(o.value) };
    case 'error-json':
      return { value: o.value, error: true, text: JSON.stringify(o.value) };
    case 'execution-denied':
      return { value: undefined, error: true, text: 'denied' };
    default:
      return { value: o.value ?? output, error: false };
  }
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Reads a v3 prompt: the turn's context, the user's messages, and this turn's tool calls and results. */
export function readPrompt(prompt: LanguageModelV3Prompt): ReadPrompt {
  const system = prompt
    .filter((m) => m.role === 'system')
    .map((m) => m.content as string)
    .join('\n');
  const context = readContext(system);
  const userMessages: string[] = [];
  let lastUser = -1;
  prompt.forEach((m, i) => {
    if (m.role !== 'user') return;
    const text = m.content
      .filter((p) => p.type === 'text')
      .map((p) => (p as { text: string }).text)
      .join('\n');
    userMessages.push(text);
    lastUser = i;
  });
  const exchanges: ToolExchange[] = [];
  let written = '';
  for (const m of prompt.slice(lastUser + 1)) {
    if (m.role === 'assistant') {
      for (const part of m.content) {
        if (part.type === 'text') written += part.text;
        if (part.type === 'tool-call') {
          exchanges.push({
            toolCallId: part.toolCallId,
            toolName: part.toolName,
            input: typeof part.input === 'string' ? tryJson(part.input) : part.input,
            output: undefined,
            error: false,
          });
        }
        if (part.type === 'tool-result') attach(exchanges, part.toolCallId, part.output);
      }
    }
    if (m.role === 'tool') {
      for (const part of m.content) {
        if (part.type === 'tool-result') attach(exchanges, part.toolCallId, part.output);
      }
    }
  }
  return {
    context,
    userMessages,
    current: userMessages[userMessages.length - 1] ?? '',
    exchanges,
    writtenThisTurn: written,
  };
}

function attach(exchanges: ToolExchange[], id: string, output: unknown) {
  const ex = exchanges.find((e) => e.toolCallId === id);
  if (!ex) return;
  const v = outputValue(output);
  ex.output = v.value;
  ex.error = v.error;
  if (v.text !== undefined) ex.errorText = v.text;
}
