import { proceed } from './after-tools.ts';
import { begin } from './first-step.ts';
import type { ReadPrompt } from './prompt.ts';

/** One step of the offline orchestrator: text to stream, tool calls to make, or both. */
export type Decision = {
  text: string;
  toolCalls: { toolName: string; input: Record<string, unknown> }[];
};

/**
 * Decides the next step from the prompt: the first step reads the message; later steps read the tool
 * results of this turn. Choices are offered through presentChoices before the text that asks.
 */
export function decide(r: ReadPrompt, available: Set<string> | null = null): Decision {
  const choicesShown = r.exchanges.find((e) => e.toolName === 'presentChoices');
  const work = r.exchanges.filter((e) => e.toolName !== 'presentChoices');
  const conclusion = work.length === 0 ? begin(r) : proceed(r, work);
  if ('call' in conclusion) {
    if (available && !available.has(conclusion.call.toolName)) {
      return { text: "Sorry — I can't do that here.", toolCalls: [] };
    }
    return { text: conclusion.text ?? '', toolCalls: [conclusion.call] };
  }
  if (conclusion.choices && !choicesShown && (!available || available.has('presentChoices'))) {
    return { text: '', toolCalls: [{ toolName: 'presentChoices', input: { choices: conclusion.choices } }] };
  }
  return { text: conclusion.text, toolCalls: [] };
}
