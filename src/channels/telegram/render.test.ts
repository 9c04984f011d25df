import { describe, expect, it } from 'vitest';
import { mapChoice } from '../../conversation/choices.ts';
import type { Reply } from '../../conversation/reply.ts';
import { escapeText, parseLine } from './markdown-v2.ts';
import { CALLBACK_DATA_MAX_BYTES, callbackDataFor, renderTelegram, TELEGRAM_MAX_CHARS } from './render.ts';

const base: Reply = { conversationId: 'c1', text: '', toolCalls: [], status: 'ok' };
const RESERVED = '_*[]()~`>#+-=|{}.!';

/**
 * A MarkdownV2 checker after Telegram's parser: every reserved character outside an entity's markers is
 * escaped, entities open and close on one line, and a '\' always escapes something. Returns the problem.
 */
function markdownV2Problem(text: string): string | null {
  const open: string[] = [];
  let inCode = false;
  let inUrl = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\\') {
      if (i + 1 >= text.length) return `dangling backslash at ${i}`;
      i += 1;
      continue;
    }
    if (inCode) {
      if (ch === '`') inCode = false;
      continue;
    }
    if (inUrl) {
      if (ch === ')') inUrl = false;
      continue;
    }
    if (ch === '\n' && open.length > 0) return `entity ${open.join('')} crosses a line at ${i}`;
    if (ch === '`') inCode = true;
    else if (ch === '*' || ch === '_') {
      if (open[open.length - 1] === ch) open.pop();
      else open.push(ch);
    } else if (ch === '[') open.push('[');
    else if (ch === ']' && open[open.length - 1] === '[' && text[i + 1] === '(') {
      open.pop();
      inUrl = true;
      i += 1;
    } else if (RESERVED.includes(ch))
      return `bare '${ch}' at ${i} in ${JSON.stringify(text.slice(i - 20, i + 20))}`;
  }
  if (inCode || inUrl || open.length > 0) return 'unclosed entity at the end';
  return null;
}

describe('Telegram MarkdownV2 rendering', () => {
  it('escapes every reserved character in product names and prices', () => {
    const name = `Weird ${RESERVED} Kit`;
    const tg = renderTelegram({ ...base, text: `Buy first: ${name} for $1,999.68 (2-pack) - 50% off!` });
    const [message] = tg.messages;
    expect(markdownV2Problem(message!.text)).toBeNull();
    expect(message!.text).toContain('\\$1,999\\.68'.replace('\\$', '$'));
    expect(message!.text).toContain(RESERVED.replace(/./g, '\\$&'));
    expect(message!.plain).toBe(`Buy first: ${name} for $1,999.68 (2-pack) - 50% off!`);
    expect(escapeText('a\\b')).toBe('a\\\\b');
  });

  it('turns web Markdown into entities: headings and **bold** bold, bullets, links with escaped urls', () => {
    const tg = renderTelegram({
      ...base,
      text: '## Your plan for Tampa, FL\n- **Water:** 7 gal/day → **98 gal**\n- _Assumed: 2 weeks._\n[Open (full) plan](https://rp.test/plans/a_b)',
    });
    const text = tg.messages[0]!.text;
    expect(text.split('\n')).toEqual([
      '*Your plan for Tampa, FL*',
      '• *Water:* 7 gal/day → *98 gal*',
      '• _Assumed: 2 weeks\\._',
      '[Open \\(full\\) plan](https://rp.test/plans/a_b)',
    ]);
    expect(markdownV2Problem(text)).toBeNull();
  });

  it("reads the Telegram prompt's own style: *bold*, _italic_ and bare URLs made links", () => {
    const text = renderTelegram({
      ...base,
      text: '• *Water:* 2 gal/day\nFull plan: https://rp.test/plans/a-b_c. Then _rest_.',
    }).messages[0]!.text;
    expect(text).toBe(
      '• *Water:* 2 gal/day\nFull plan: [https://rp\\.test/plans/a\\-b\\_c](https://rp.test/plans/a-b_c)\\. Then _rest_\\.',
    );
    expect(markdownV2Problem(text)).toBeNull();
  });

  it('keeps underscores and stars inside words as text', () => {
    const text = renderTelegram({ ...base, text: 'Water_Bob 5*2 gal and snake_case' }).messages[0]!.text;
    expect(text).toBe('Water\\_Bob 5\\*2 gal and snake\\_case');
  });

  it('appends the link when the text does not carry it', () => {
    const tg = renderTelegram({
      ...base,
      text: 'Saved.',
      link: { label: 'Open your plan', url: 'https://rp.test/p/1' },
    });
    expect(tg.messages[0]!.text).toBe('Saved\\.\n\n[Open your plan](https://rp.test/p/1)');
  });

  it('splits long replies under the limit at paragraph boundaries, never inside an escape or entity', () => {
    const paragraph = (n: number) =>
      `**Item ${n}:** Mylar blanket (2-pack) costs $1,999.68. ${'Keep it dry_and ready! '.repeat(8)}`;
    const text = Array.from({ length: 60 }, (_, i) => paragraph(i)).join('\n\n');
    const tg = renderTelegram({ ...base, text, choices: [{ label: 'More', value: 'more' }] });
    expect(tg.messages.length).toBeGreaterThan(3);
    for (const m of tg.messages) {
      expect(m.text.length).toBeLessThanOrEqual(TELEGRAM_MAX_CHARS);
      expect(markdownV2Problem(m.text)).toBeNull();
      expect(m.text.startsWith('*Item ')).toBe(true);
    }
    // Nothing lost, nothing repeated; the keyboard rides on the last message only.
    const items = tg.messages.flatMap((m) => m.plain.match(/Item \d+:/g) ?? []);
    expect(items).toEqual(Array.from({ length: 60 }, (_, i) => `Item ${i}:`));
    expect(tg.messages.filter((m) => m.replyMarkup)).toEqual([tg.messages.at(-1)]);
  });

  it('cuts a single line longer than a message between words, re-opening its entity', () => {
    const line = `**${'bold.word '.repeat(700)}** tail.`;
    const tg = renderTelegram({ ...base, text: line });
    expect(tg.messages.length).toBeGreaterThan(1);
    for (const m of tg.messages) {
      expect(m.text.length).toBeLessThanOrEqual(TELEGRAM_MAX_CHARS);
      expect(markdownV2Problem(m.text)).toBeNull();
    }
    expect(tg.messages.map((m) => m.plain).join('')).toBe(`${'bold.word '.repeat(700)} tail.`);
    const word = renderTelegram({ ...base, text: '.'.repeat(9000) }, 1000);
    for (const m of word.messages) expect(m.text.length).toBeLessThanOrEqual(1000);
    expect(word.messages.map((m) => m.plain).join('')).toBe('.'.repeat(9000));
  });

  it('choices are an inline keyboard whose callback_data maps back, within 64 bytes', () => {
    const choices = [
      { label: 'Just me', value: 'just me' },
      { label: 'Book a call', value: `book the expert call about ${'water '.repeat(20)}` },
      { label: 'Two', value: '2' },
    ];
    const tg = renderTelegram({ ...base, text: 'Who?', choices });
    const buttons = tg.messages[0]!.replyMarkup!.inline_keyboard.flat();
    expect(buttons.map((b) => b.text)).toEqual(['Just me', 'Book a call', 'Two']);
    for (const b of buttons)
      expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
    expect(buttons.map((b) => mapChoice(b.callback_data, choices))).toEqual(choices.map((c) => c.value));
    expect(callbackDataFor('é'.repeat(33), 0)).toBe('#1');
    expect(callbackDataFor('é'.repeat(32), 0)).toBe('é'.repeat(32));
  });

  it('parses lines into spans', () => {
    expect(parseLine('# Head **x**')).toEqual([{ kind: 'bold', text: 'Head x' }]);
    expect(parseLine('see `a_b` now')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'code', text: 'a_b' },
      { kind: 'text', text: ' now' },
    ]);
  });
});
