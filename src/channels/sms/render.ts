import type { Reply } from '../../conversation/reply.ts';
import { fitsSegments, MAX_SEGMENTS, type SmsEncoding, smsSize, toGsmFriendly } from './encoding.ts';

/**
 * The neutral reply as one SMS: plain text, the choices as a numbered list ("Reply with a number"; the core's
 * mapChoice maps "2" back), kept within three segments. When the text does not fit it is cut at a sentence
 * or line and ends with a link to the whole answer on the web.
 */

export type SmsRendering = {
  text: string;
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
  /** True when the text was cut to fit and points to the web for the rest. */
  trimmed: boolean;
};

export type SmsRenderOptions = {
  /** Where the rest of a trimmed reply can be read (the web app's plan page). */
  moreUrl: string;
  maxSegments?: number;
};

/** Web Markdown as plain text: no markers, links as "label: url", typographic characters in GSM terms. */
export function toSmsText(markdown: string): string {
  const plain = markdown
    .replace(/\r\n?/g, '\n')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/(^|[\s(])\*([^*\n]+)\*/g, '$1$2')
    .replace(/(^|[\s(])_([^_\n]+)_/g, '$1$2')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '$1: $2')
    .replace(/^\s*[-*•]\s+/gm, '- ');
  return toGsmFriendly(plain)
    .replace(/[ ]{2,}/g, ' ')
    .replace(/ +\n/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** The longest start of `text` that fits with `suffix`, cut after a sentence or line when one is near. */
function clip(text: string, suffix: string, maxSegments: number): string {
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  // Binary search on characters: segment counts grow with length.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fitsSegments(`${chars.slice(0, mid).join('')}...${suffix}`, maxSegments)) lo = mid;
    else hi = mid - 1;
  }
  const cut = chars.slice(0, lo).join('');
  const boundary = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('\n'));
  const kept = boundary > cut.length * 0.6 ? cut.slice(0, boundary + 1) : cut.replace(/\s+\S*$/, '') || cut;
  return `${kept.trimEnd()}...`;
}

export function renderSms(reply: Reply, options: SmsRenderOptions): SmsRendering {
  const maxSegments = options.maxSegments ?? MAX_SEGMENTS;
  const choices = reply.choices ?? [];
  const choiceText = choices.length
    ? `\n${choices.map((c, i) => `${i + 1}) ${toSmsText(c.label)}`).join('\n')}\nReply with a number.`
    : '';
  const body = toSmsText(reply.text);
  const link = reply.link?.url ?? null;
  const linkText = link && !body.includes(link) ? `\n${link}` : '';
  const whole = `${body}${linkText}${choiceText}`.trim();
  if (fitsSegments(whole, maxSegments)) return result(whole, false);

  // Too long: cut the text, never the link or the choices. The reply's own link leads to the rest when
  // there is one; else the web app's page for it.
  const more = link ?? reply.planCard?.url ?? options.moreUrl;
  const withoutLink = link ? body.replace(link, '').replace(/[ \t]*:?\s*$/, '') : body;
  const tail = `\nMore: ${more}${choiceText}`;
  return result(`${clip(withoutLink, tail, maxSegments)}${tail}`.trim(), true);
}

function result(text: string, trimmed: boolean): SmsRendering {
  const size = smsSize(text);
  return { text, encoding: size.encoding, units: size.units, segments: size.segments, trimmed };
}
