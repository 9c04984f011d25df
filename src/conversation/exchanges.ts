import type { StepResult, ToolSet } from 'ai';
import type { Choice } from './reply.ts';

type Exchange = {
  id: string;
  toolName: string;
  input: unknown;
  output: unknown;
  ok: boolean;
  error?: string;
};

/** Tool calls with their results (matched by call id), from every step of the turn. */
export function exchangesOf(steps: readonly StepResult<ToolSet>[]): Exchange[] {
  const out: Exchange[] = [];
  const byId = (id: string) => out.find((e) => e.id === id);
  for (const step of steps) {
    for (const part of step.content) {
      if (part.type === 'tool-call') {
        out.push({
          id: part.toolCallId,
          toolName: part.toolName,
          input: part.input,
          output: undefined,
          ok: true,
        });
      } else if (part.type === 'tool-result') {
        const ex = byId(part.toolCallId);
        if (!ex) continue;
        ex.output = part.output;
        const o = part.output as { ok?: unknown; error?: { message?: string } } | undefined;
        if (o && typeof o === 'object' && o.ok === false) {
          ex.ok = false;
          ex.error = o.error?.message;
        }
      } else if (part.type === 'tool-error') {
        const message = part.error instanceof Error ? part.error.message : String(part.error);
        const ex = byId(part.toolCallId);
        if (ex) Object.assign(ex, { ok: false, error: message, output: null });
        else
          out.push({
            id: part.toolCallId,
            toolName: part.toolName,
            input: part.input,
            output: null,
            ok: false,
            error: message,
          });
      }
    }
  }
  return out;
}

/** The quick replies a stored assistant message carries (its `choices` part), or none. */
export function choicesOf(parts: unknown): Choice[] {
  if (!Array.isArray(parts)) return [];
  const found = parts.find((p) => (p as { type?: string })?.type === 'choices') as
    | { choices?: Choice[] }
    | undefined;
  return Array.isArray(found?.choices) ? found.choices : [];
}
