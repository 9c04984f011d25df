import { readFileSync } from 'node:fs';
import type { Channel } from '../src/domain/channels.ts';
import { createTools, type ToolContext } from '../tools/index.ts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8').trim();

/** Prompts are files (prompts/), versioned with the code. */
const PROMPTS = {
  planner: read('../prompts/planner.md'),
  channels: {
    web: read('../prompts/channels/web.md'),
    telegram: read('../prompts/channels/telegram.md'),
    sms: read('../prompts/channels/sms.md'),
  },
} as const;

/** What the conversation core knows at the start of a turn, handed to the model in a <context> block. */
export type PlannerContext = {
  channel: Channel;
  signedIn: boolean;
  publicUrl: string;
  household: Record<string, unknown>;
  planId: string | null;
  hasDraft: boolean;
  lastChoices: { label: string; value: string }[];
  today: string;
  /** Older turns, summarised (bounded history). */
  summary: string | null;
};

/**
 * The planner agent: its prompt, its tools and its model settings. The conversation core runs it with
 * streamText; the same definition serves every channel and every model.
 */
export const plannerAgent = {
  id: 'planner',
  maxSteps: 8,
  settings: { temperature: 0.2, maxOutputTokens: 1200 },

  system(context: PlannerContext): string {
    const style = PROMPTS.channels[context.channel].replaceAll('{publicUrl}', context.publicUrl);
    const { summary, ...facts } = context;
    return [
      PROMPTS.planner,
      style,
      summary ? `Earlier in this conversation (summary):\n${summary}` : '',
      `What is known (JSON):\n<context>${JSON.stringify(facts)}</context>`,
    ]
      .filter(Boolean)
      .join('\n\n');
  },

  tools(ctx: ToolContext) {
    return createTools(ctx);
  },
};

export type PlannerTools = ReturnType<typeof plannerAgent.tools>;
