// Reading a message's parts for the view, and turning the server's stored history into the SDK's messages.
import { isToolUIPart } from 'ai';
import type { ChatMessage, ReplyData } from './chat.ts';

export type ChipState = 'running' | 'done' | 'error';
export type Chip = { id: string; tool: string; state: ChipState };

/** Steps shown as chips while a reply is built; presentChoices is the choice buttons, not a step. */
const HIDDEN_TOOLS = new Set(['presentChoices']);

export const TOOL_LABELS: Record<string, string> = {
  updateHousehold: 'Noting your household',
  buildPlan: 'Building your plan',
  calcRations: 'Calculating rations',
  searchProducts: 'Finding products',
  matchBundles: 'Matching bundles',
  savePlan: 'Saving your plan',
  getPlan: 'Opening your plan',
  updateInventory: 'Updating your inventory',
  listInventory: 'Checking your inventory',
  searchGuidance: 'Looking up guidance',
  findSkillResources: 'Finding skill resources',
  listExpertCalls: 'Finding expert calls',
  bookExpertCall: 'Booking the call',
  checkTier: 'Checking your plan',
};

export function chipsOf(message: ChatMessage): Chip[] {
  const chips: Chip[] = [];
  for (const part of message.parts) {
    if (!isToolUIPart(part)) continue;
    const tool = part.type === 'dynamic-tool' ? part.toolName : part.type.slice('tool-'.length);
    if (HIDDEN_TOOLS.has(tool)) continue;
    const output = part.state === 'output-available' ? (part.output as { ok?: unknown } | null) : null;
    const state: ChipState =
      part.state === 'output-error' || output?.ok === false
        ? 'error'
        : part.state === 'output-available'
          ? 'done'
          : 'running';
    chips.push({ id: part.toolCallId, tool, state });
  }
  return chips;
}

export function replyOf(message: ChatMessage): ReplyData | null {
  for (const part of message.parts) if (part.type === 'data-reply') return part.data;
  return null;
}

/** Something to show: text, a step, or the reply's extras. An assistant message with none is not drawn. */
export const hasContent = (message: ChatMessage) =>
  message.role === 'user' ||
  message.parts.some((p) => (p.type === 'text' && p.text.trim() !== '') || isToolUIPart(p)) ||
  replyOf(message) !== null;

/** A message as GET /chat and /api/chat/history give it (content plus our stored parts). */
export type StoredMessage = { role: 'user' | 'assistant'; content: string; parts: unknown[] };
type StoredPart = {
  type?: string;
  toolName?: string;
  ok?: boolean;
  choices?: ReplyData['choices'];
  label?: string;
  url?: string;
  card?: ReplyData['planCard'];
};

export function fromHistory(stored: StoredMessage[], conversationId: string | null): ChatMessage[] {
  return stored.map((m, i): ChatMessage => {
    const id = `history-${i}`;
    if (m.role === 'user') return { id, role: 'user', parts: [{ type: 'text', text: m.content }] };
    const reply: ReplyData = { conversationId, choices: [], link: null, planCard: null };
    const parts: ChatMessage['parts'] = [];
    (m.parts as StoredPart[]).forEach((p, n) => {
      if (p.type === 'tool' && p.toolName) {
        const toolCallId = `${id}-${n}`;
        parts.push(
          p.ok
            ? {
                type: 'dynamic-tool',
                toolName: p.toolName,
                toolCallId,
                state: 'output-available',
                input: {},
                output: { ok: true },
              }
            : {
                type: 'dynamic-tool',
                toolName: p.toolName,
                toolCallId,
                state: 'output-error',
                input: {},
                errorText: 'failed',
              },
        );
      }
      if (p.type === 'choices') reply.choices = p.choices ?? [];
      if (p.type === 'link' && p.label && p.url) reply.link = { label: p.label, url: p.url };
      if (p.type === 'plan-card') reply.planCard = p.card ?? null;
    });
    parts.push({ type: 'text', text: m.content, state: 'done' });
    parts.push({ type: 'data-reply', data: reply });
    return { id, role: 'assistant', parts };
  });
}
