import type { Choice, PlanCard, Reply } from './reply.ts';

/**
 * Per-channel renderers of the one Reply: the web gets Markdown and structured parts; Telegram short
 * Markdown with an inline keyboard; SMS plain GSM text within three segments with numbered choices.
 * Buttons degrade to a numbered list, and a reply of "2" maps back to the second choice (mapChoice).
 */

export type WebRendering = {
  markdown: string;
  choices: Choice[];
  link: { label: string; url: string } | null;
  planCard: PlanCard | null;
};

export function renderWeb(reply: Reply): WebRendering {
  let markdown = reply.text.trim();
  if (reply.link && !markdown.includes(reply.link.url))
    markdown += `\n\n[${reply.link.label}](${reply.link.url})`;
  return {
    markdown,
    choices: reply.choices ?? [],
    link: reply.link ?? null,
    planCard: reply.planCard ?? null,
  };
}

export type TelegramRendering = {
  text: string;
  parseMode: 'Markdown';
  replyMarkup?: { inline_keyboard: { text: string; callback_data: string }[][] };
};

const TELEGRAM_MAX = 4096;

/** Web Markdown to Telegram's legacy Markdown: *bold*, _italic_, plain "label: url" links, no headings. */
export function toTelegramMarkdown(markdown: string): string {
  return (
    markdown
      .replace(/^#{1,6}\s+(.+)$/gm, '*$1*')
      .replace(/\*\*(.+?)\*\*/g, '*$1*')
      .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '$1: $2')
      .replace(/^- /gm, '• ')
      .replace(/\n{3,}/g, '\n\n')
      // An underscore or asterisk inside a URL would open an entity: escape it (legacy Markdown allows \_).
      .replace(/https?:\/\/\S+/g, (url) => url.replace(/([_*])/g, '\\$1'))
      .trim()
  );
}

export function renderTelegram(reply: Reply): TelegramRendering {
  let text = toTelegramMarkdown(reply.text);
  if (reply.link && !text.includes(reply.link.url)) text += `\n\n${reply.link.label}: ${reply.link.url}`;
  if (text.length > TELEGRAM_MAX) text = `${text.slice(0, TELEGRAM_MAX - 1)}…`;
  const choices = reply.choices ?? [];
  if (choices.length === 0) return { text, parseMode: 'Markdown' };
  return {
    text,
    parseMode: 'Markdown',
    replyMarkup: {
      // callback_data is limited to 64 bytes: long values travel as "#n" and map back through mapChoice.
      inline_keyboard: choices.map((c, i) => [
        { text: c.label, callback_data: Buffer.byteLength(c.value) <= 64 ? c.value : `#${i + 1}` },
      ]),
    },
  };
}

// ------------------------------------------------------------------------------------------------
// SMS

/** GSM 03.38 basic character set; the extension set costs two septets each. */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€';
const BASIC = new Set(GSM_BASIC);
const EXTENDED = new Set(GSM_EXTENDED);

export const SMS_MAX_SEPTETS = 459; // three concatenated segments of 153 septets

const TRANSLITERATE: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2026': '...',
  '\u2022': '-',
  '\u00d7': 'x',
  '\u2192': '->',
  '\u2248': '~',
  '\u2212': '-',
  '\u00b7': '-',
  '\u00a0': ' ',
  '\t': ' ',
};

export function septets(text: string): number {
  let n = 0;
  for (const ch of text) n += EXTENDED.has(ch) ? 2 : 1;
  return n;
}

/** Plain GSM-7 text: Markdown removed, typographic characters replaced, anything else dropped. */
export function toSmsText(markdown: string): string {
  const plain = markdown
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/(^|[\s(])\*([^*\n]+)\*/g, '$1$2')
    .replace(/(^|[\s(])_([^_\n]+)_/g, '$1$2')
    .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '$1: $2')
    .replace(/^[-•]\s+/gm, '- ');
  let out = '';
  for (const ch of plain) {
    const t = TRANSLITERATE[ch] ?? ch;
    for (const c of t) if (BASIC.has(c) || EXTENDED.has(c)) out += c;
  }
  return out
    .replace(/[ ]{2,}/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

function clipTo(text: string, budget: number): string {
  if (septets(text) <= budget) return text;
  let cut = '';
  for (const ch of text) {
    if (septets(cut) + (EXTENDED.has(ch) ? 2 : 1) > budget - 3) break;
    cut += ch;
  }
  const boundary = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('\n'));
  const trimmed = boundary > budget * 0.6 ? cut.slice(0, boundary + 1) : cut.replace(/\s+\S*$/, '');
  return `${trimmed.trimEnd()}...`;
}

export type SmsRendering = { text: string; septets: number; segments: number };

/** Plain text within three segments (459 septets), with numbered choices and the link kept whole. */
export function renderSms(reply: Reply): SmsRendering {
  const choices = reply.choices ?? [];
  const choiceText = choices.length
    ? `\n${choices.map((c, i) => `${i + 1}) ${toSmsText(c.label)}`).join('\n')}\nReply with a number.`
    : '';
  const body = toSmsText(reply.text);
  const linkText = reply.link && !body.includes(reply.link.url) ? `\n${reply.link.url}` : '';
  const urlsInBody = reply.link && body.includes(reply.link.url) ? reply.link.url : null;
  let main = body;
  const room = SMS_MAX_SEPTETS - septets(choiceText) - septets(linkText);
  if (septets(main) > room) {
    // Keep the link whole: clip the text before it and put the link back at the end.
    const withoutUrl = urlsInBody ? main.replace(urlsInBody, '').replace(/\s+$/, '') : main;
    const tail = urlsInBody ? `\n${urlsInBody}` : '';
    main = `${clipTo(withoutUrl, room - septets(tail))}${tail}`;
  }
  const text = `${main}${linkText}${choiceText}`.trim();
  const n = septets(text);
  return { text, septets: n, segments: n <= 160 ? 1 : Math.ceil(n / 153) };
}

/**
 * A reply to offered choices: "2" (or "#2", a Telegram callback for a long value) is the second choice;
 * the exact label works too. Anything else is the person's own words.
 */
export function mapChoice(text: string, choices: readonly Choice[]): string {
  const t = text.trim();
  if (choices.length === 0) return t;
  const n = /^#?\s*(\d{1,2})\s*[.)]?$/.exec(t);
  if (n) {
    const choice = choices[Number(n[1]) - 1];
    if (choice) return choice.value;
  }
  const byLabel = choices.find((c) => c.label.toLowerCase() === t.toLowerCase());
  return byLabel ? byLabel.value : t;
}

export type Rendering =
  | { channel: 'web'; web: WebRendering }
  | { channel: 'telegram'; telegram: TelegramRendering }
  | { channel: 'sms'; sms: SmsRendering };

/** The reply as a channel shows it, as text (the terminal chat prints this). */
export function renderText(channel: 'web' | 'telegram' | 'sms', reply: Reply): string {
  if (channel === 'sms') return renderSms(reply).text;
  if (channel === 'telegram') {
    const r = renderTelegram(reply);
    const buttons = r.replyMarkup?.inline_keyboard.flat().map((b) => `[ ${b.text} ]`) ?? [];
    return buttons.length ? `${r.text}\n${buttons.join(' ')}` : r.text;
  }
  const w = renderWeb(reply);
  const buttons = w.choices.map((c) => `[ ${c.label} ]`);
  return buttons.length ? `${w.markdown}\n\n${buttons.join(' ')}` : w.markdown;
}
