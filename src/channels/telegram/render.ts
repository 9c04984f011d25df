import type { Reply } from '../../conversation/reply.ts';
import { parseLine, plainOf, renderSpans, type Span } from './markdown-v2.ts';

/**
 * The neutral reply as Telegram shows it: MarkdownV2 text split into messages under Telegram's 4096
 * characters, the choices as an inline keyboard under the last one.
 */

export const TELEGRAM_MAX_CHARS = 4096;
/** Telegram's limit on a button's callback_data. */
export const CALLBACK_DATA_MAX_BYTES = 64;

export type InlineKeyboard = { inline_keyboard: { text: string; callback_data: string }[][] };

export type TelegramMessage = {
  /** MarkdownV2, every reserved character escaped. */
  text: string;
  parseMode: 'MarkdownV2';
  /** The same message as the person reads it, sent instead if Telegram ever refuses the markup. */
  plain: string;
  replyMarkup?: InlineKeyboard;
};

export type TelegramRendering = { messages: TelegramMessage[] };

type Line = { spans: Span[]; text: string };

/**
 * callback_data is at most 64 bytes, and a bare number would be read as a position in the *latest* choices:
 * such values travel as "#n" (mapChoice maps it back); any other value travels as itself, so a button on an
 * older message still means what it says.
 */
export function callbackDataFor(value: string, index: number): string {
  const numeric = /^#?\s*\d{1,2}\s*[.)]?$/.test(value.trim());
  return Buffer.byteLength(value) <= CALLBACK_DATA_MAX_BYTES && !numeric ? value : `#${index + 1}`;
}

function lineOf(spans: Span[]): Line {
  return { spans, text: renderSpans(spans) };
}

/**
 * A line too long for one message, cut between words. Each piece re-renders its spans whole, so a cut
 * never falls inside an escape or an entity; a single word longer than a message is cut in its raw text.
 */
function splitLine(spans: readonly Span[], max: number): Line[] {
  const words: Span[] = [];
  for (const s of spans) {
    if (s.kind === 'link' && renderSpans([s]).length <= max) {
      words.push(s);
      continue;
    }
    const kind = s.kind === 'link' ? 'text' : s.kind;
    for (const w of (s.kind === 'link' ? plainOf([s]) : s.text).match(/\S+\s*|\s+/g) ?? []) {
      // Escaping at most doubles a word, and the markers add 2: half the limit less 2 always fits.
      const room = Math.floor(max / 2) - 2;
      for (let i = 0; i < w.length; i += room) words.push({ kind, text: w.slice(i, i + room) });
    }
  }
  const out: Line[] = [];
  let current: Span[] = [];
  for (const w of words) {
    const next = merge([...current, w]);
    if (current.length > 0 && renderSpans(next).length > max) {
      out.push(lineOf(current));
      current = [w];
    } else current = next;
  }
  if (current.length > 0) out.push(lineOf(current));
  return out;
}

/** Adjacent spans of one kind become one entity again (a word-split bold phrase stays one bold run). */
function merge(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (prev && prev.kind === s.kind && s.kind !== 'link')
      out[out.length - 1] = { ...prev, text: prev.text + s.text };
    else out.push(s);
  }
  return out;
}

/**
 * Lines packed into messages of at most `max` characters, breaking at a paragraph (blank line) when one
 * is near, else at a line; a line longer than a message is cut between words.
 */
export function splitMessages(lines: readonly Line[], max: number): Line[][] {
  const pieces = lines.flatMap((l) => (l.text.length > max ? splitLine(l.spans, max) : [l]));
  const messages: Line[][] = [];
  let current: Line[] = [];
  const size = (ls: Line[]) => ls.reduce((n, l) => n + l.text.length, 0) + Math.max(0, ls.length - 1);
  for (const line of pieces) {
    if (current.length > 0 && size([...current, line]) > max) {
      // Prefer to end at the last blank line if it keeps at least half the message.
      const blank = current.map((l) => l.text === '').lastIndexOf(true);
      if (blank > 0 && size(current.slice(0, blank)) >= max / 2) {
        messages.push(current.slice(0, blank));
        current = current.slice(blank + 1);
      } else {
        messages.push(current);
        current = [];
      }
      // Never start a message with blank lines.
      while (current[0]?.text === '') current.shift();
      if (current.length > 0 && size([...current, line]) > max) {
        messages.push(current);
        current = [];
      }
    }
    if (current.length === 0 && line.text === '') continue;
    current.push(line);
  }
  while (current.length > 0 && current[current.length - 1]?.text === '') current.pop();
  if (current.length > 0) messages.push(current);
  return messages;
}

/** The reply's Markdown as MarkdownV2 lines, with the link appended when the text does not carry it. */
function linesOf(reply: Reply): Line[] {
  const source = reply.text
    .trim()
    .replace(/\r\n?/g, '\n')
    .replace(/\n{3,}/g, '\n\n');
  const lines = source.split('\n').map((l) => lineOf(parseLine(l)));
  if (reply.link && !reply.text.includes(reply.link.url)) {
    lines.push(lineOf([]), lineOf([{ kind: 'link', text: reply.link.label, url: reply.link.url }]));
  }
  return lines;
}

export function renderTelegram(reply: Reply, max: number = TELEGRAM_MAX_CHARS): TelegramRendering {
  const groups = splitMessages(linesOf(reply), max);
  const messages: TelegramMessage[] = groups.map((ls) => ({
    text: ls.map((l) => l.text).join('\n'),
    parseMode: 'MarkdownV2',
    plain: ls.map((l) => plainOf(l.spans)).join('\n'),
  }));
  // Telegram refuses an empty message; a reply of only choices still needs a line above its buttons.
  if (messages.length === 0) messages.push({ text: '…', parseMode: 'MarkdownV2', plain: '…' });
  const choices = reply.choices ?? [];
  if (choices.length > 0) {
    const last = messages[messages.length - 1] as TelegramMessage;
    last.replyMarkup = {
      inline_keyboard: choices.map((c, i) => [{ text: c.label, callback_data: callbackDataFor(c.value, i) }]),
    };
  }
  return { messages };
}

/** The rendering as one block of text (the terminal chat prints it; messages apart by a blank line). */
export function telegramText(rendering: TelegramRendering): string {
  return rendering.messages
    .map((m) => {
      const buttons = m.replyMarkup?.inline_keyboard.flat().map((b) => `[ ${b.text} ]`) ?? [];
      return buttons.length ? `${m.text}\n${buttons.join(' ')}` : m.text;
    })
    .join('\n\n');
}
