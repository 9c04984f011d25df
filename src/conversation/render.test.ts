import { describe, expect, it } from 'vitest';
import { estimateCostUsd } from './pricing.ts';
import {
  mapChoice,
  renderSms,
  renderTelegram,
  renderText,
  renderWeb,
  SMS_MAX_SEPTETS,
  septets,
  toSmsText,
} from './render.ts';
import type { Reply } from './reply.ts';
import { summarize } from './summary.ts';

const base: Reply = { conversationId: 'c1', text: '', toolCalls: [], status: 'ok' };
const choices = [
  { label: 'Just me', value: 'just me' },
  { label: '2 adults', value: '2 adults' },
  { label: '2 adults + 2 kids', value: '2 adults and 2 kids' },
];

describe('renderers', () => {
  const plan: Reply = {
    ...base,
    text: '## Your plan for Tampa, FL\n- **Water:** 7 gal/day → **98 gal**\n- Food “rule” — DGA\n[Open the full plan](https://rp.test/plans/abc)',
    link: { label: 'Open your plan', url: 'https://rp.test/plans/abc' },
    choices,
  };

  it('web keeps Markdown and the structured parts', () => {
    const web = renderWeb(plan);
    expect(web.markdown).toContain('**Water:**');
    expect(web.markdown.match(/rp\.test\/plans\/abc/g)).toHaveLength(1);
    expect(web.choices).toHaveLength(3);
  });

  it('telegram uses short Markdown and an inline keyboard', () => {
    const tg = renderTelegram(plan);
    expect(tg.text).toContain('*Your plan for Tampa, FL*');
    expect(tg.text).toContain('*Water:*');
    expect(tg.text).not.toContain('**');
    expect(tg.text).toContain('Open the full plan: https://rp.test/plans/abc');
    expect(tg.replyMarkup?.inline_keyboard.flat().map((b) => b.callback_data)).toEqual([
      'just me',
      '2 adults',
      '2 adults and 2 kids',
    ]);
    const long = renderTelegram({
      ...base,
      text: 'x',
      choices: [{ label: 'Book', value: `book call ${'a'.repeat(80)}` }],
    });
    expect(long.replyMarkup?.inline_keyboard[0]?.[0]?.callback_data).toBe('#1');
    expect(renderTelegram({ ...base, text: '_Assumed: x._ See https://ex.am/ple_page_1' }).text).toBe(
      '_Assumed: x._ See https://ex.am/ple\\_page\\_1',
    );
  });

  it('sms is plain GSM text within three segments, numbered choices, link whole', () => {
    const sms = renderSms({ ...plan, text: `${plan.text}\n${'Lots of detail about the plan. '.repeat(30)}` });
    expect(sms.septets).toBeLessThanOrEqual(SMS_MAX_SEPTETS);
    expect(sms.segments).toBeLessThanOrEqual(3);
    expect(sms.text).toContain('https://rp.test/plans/abc');
    expect(sms.text).not.toMatch(/[*#→“”—]/);
    expect(sms.text).toContain('1) Just me\n2) 2 adults\n3) 2 adults + 2 kids');
    expect(toSmsText('**Bold** and _it_ — “quote” → x')).toBe('Bold and it - "quote" -> x');
    expect(septets('a{b}')).toBe(6);
  });

  it('maps a numbered reply back to the choice, and leaves other text alone', () => {
    expect(mapChoice('2', choices)).toBe('2 adults');
    expect(mapChoice(' 3 ', choices)).toBe('2 adults and 2 kids');
    expect(mapChoice('#1', choices)).toBe('just me');
    expect(mapChoice('Just me', choices)).toBe('just me');
    expect(mapChoice('7', choices)).toBe('7');
    expect(mapChoice('2', [])).toBe('2');
    expect(mapChoice('we are 2 adults', choices)).toBe('we are 2 adults');
  });

  it('renders text for the terminal per channel', () => {
    expect(renderText('web', { ...base, text: 'Hi', choices })).toContain('[ Just me ]');
    expect(renderText('sms', { ...base, text: 'Hi', choices })).toContain('1) Just me');
  });
});

describe('summary and pricing', () => {
  it('summarises older turns deterministically and within bounds', () => {
    const messages = Array.from({ length: 40 }, (_, i) => ({
      role: (i % 2 === 0 ? 'user' : 'assistant') as 'user' | 'assistant',
      content: `message ${i} ${'words '.repeat(60)}`,
    }));
    const a = summarize(null, messages);
    expect(a).toBe(summarize(null, messages));
    expect(a.length).toBeLessThanOrEqual(1500);
    expect(a.split('\n').at(-1)).toMatch(/^Assistant: message 39/);
    expect(summarize('User: earlier', [{ role: 'user', content: 'later' }])).toBe(
      'User: earlier\nUser: later',
    );
  });

  it('prices runs from the table, offline free, unknown models unpriced', () => {
    expect(estimateCostUsd('offline-orchestrator-v1', 10_000, 1_000)).toBe(0);
    expect(estimateCostUsd('gpt-4o-mini', 1_000_000, 1_000_000)).toBeCloseTo(0.75, 6);
    expect(estimateCostUsd('gpt-4o-mini-2024-07-18', 1_000_000, 0)).toBeCloseTo(0.15, 6);
    expect(estimateCostUsd('llama3.1', 1000, 1000)).toBeNull();
  });
});
