import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/channels/web/chat/client/chat.ts';
import { chipsOf, fromHistory, hasContent, replyOf } from '../../src/channels/web/chat/client/parts.ts';

/** The chat client's reading of messages (no DOM needed): stored history, tool chips, empty replies. */
describe('chat client parts', () => {
  it('turns the stored thread into SDK messages with chips, text and the reply extras', () => {
    const card = { title: 'Plan', url: '/plans/1' } as never;
    const messages = fromHistory(
      [
        { role: 'user', content: 'Tampa, 2 weeks', parts: [] },
        {
          role: 'assistant',
          content: 'Here is **your plan**.',
          parts: [
            { type: 'tool', toolName: 'buildPlan', ok: true },
            { type: 'tool', toolName: 'savePlan', ok: false },
            { type: 'tool', toolName: 'presentChoices', ok: true },
            { type: 'choices', choices: [{ label: 'Yes', value: 'yes' }] },
            { type: 'link', label: 'Open', url: '/plans/1' },
            { type: 'plan-card', card },
          ],
        },
      ],
      'c1',
    );
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    const reply = messages[1]!;
    // presentChoices is the buttons, not a step.
    expect(chipsOf(reply).map((c) => [c.tool, c.state])).toEqual([
      ['buildPlan', 'done'],
      ['savePlan', 'error'],
    ]);
    expect(replyOf(reply)).toEqual({
      conversationId: 'c1',
      choices: [{ label: 'Yes', value: 'yes' }],
      link: { label: 'Open', url: '/plans/1' },
      planCard: card,
    });
  });

  it('counts a streamed step as running until its output, and a tool output with ok:false as failed', () => {
    const message: ChatMessage = {
      id: 'a',
      role: 'assistant',
      parts: [
        { type: 'tool-buildPlan', toolCallId: '1', state: 'input-available', input: {} },
        {
          type: 'tool-savePlan',
          toolCallId: '2',
          state: 'output-available',
          input: {},
          output: { ok: false },
        },
      ] as ChatMessage['parts'],
    };
    expect(chipsOf(message).map((c) => c.state)).toEqual(['running', 'error']);
  });

  it('treats an assistant message with nothing in it as empty (never drawn)', () => {
    expect(hasContent({ id: 'a', role: 'assistant', parts: [] })).toBe(false);
    expect(hasContent({ id: 'a', role: 'assistant', parts: [{ type: 'text', text: '  ' }] })).toBe(false);
    expect(hasContent({ id: 'a', role: 'assistant', parts: [{ type: 'text', text: 'Hi' }] })).toBe(true);
    expect(hasContent({ id: 'u', role: 'user', parts: [] })).toBe(true);
  });
});
