/**
 * How many SMS segments a text costs. A message goes as GSM-7 when every character is in the GSM 03.38
 * basic set or its extension table (an extension character is an escape plus the character: 2 septets),
 * else as UCS-2 (UTF-16 code units). One segment holds 160 septets / 70 units; once split, each segment
 * loses room to the concatenation header: 153 septets / 67 units, and a two-unit character (an escape
 * pair, a surrogate pair) is never split between segments, which is why segments are packed, not divided.
 */

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';
const BASIC = new Set(GSM_BASIC);
const EXTENDED = new Set(GSM_EXTENDED);

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export const MAX_SEGMENTS = 3;
/** Three concatenated GSM-7 segments of 153 septets. */
export const SMS_MAX_SEPTETS = 459;
const LIMITS = {
  'GSM-7': { single: 160, multi: 153 },
  'UCS-2': { single: 70, multi: 67 },
} as const;

export function isGsmChar(ch: string): boolean {
  return BASIC.has(ch) || EXTENDED.has(ch);
}

export function encodingOf(text: string): SmsEncoding {
  for (const ch of text) if (!isGsmChar(ch)) return 'UCS-2';
  return 'GSM-7';
}

/** Each character's cost in its encoding's units (septets, or UTF-16 code units). */
function costs(text: string, encoding: SmsEncoding): number[] {
  const out: number[] = [];
  for (const ch of text) out.push(encoding === 'GSM-7' ? (EXTENDED.has(ch) ? 2 : 1) : ch.length);
  return out;
}

export type SmsSize = { encoding: SmsEncoding; units: number; segments: number };

export function smsSize(text: string): SmsSize {
  const encoding = encodingOf(text);
  const each = costs(text, encoding);
  const units = each.reduce((a, b) => a + b, 0);
  const { single, multi } = LIMITS[encoding];
  if (units <= single) return { encoding, units, segments: units === 0 ? 0 : 1 };
  let segments = 1;
  let used = 0;
  for (const c of each) {
    if (used + c > multi) {
      segments += 1;
      used = 0;
    }
    used += c;
  }
  return { encoding, units, segments };
}

/** GSM-7 septets for a text (extension characters count 2), whatever its encoding would be. */
export function septets(text: string): number {
  let n = 0;
  for (const ch of text) n += EXTENDED.has(ch) ? 2 : 1;
  return n;
}

export function fitsSegments(text: string, max: number = MAX_SEGMENTS): boolean {
  return smsSize(text).segments <= max;
}

/** Typographic characters models like, in GSM-7 terms, so one dash does not turn a message into UCS-2. */
const TRANSLITERATE: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u2022': '-',
  '\u00b7': '-',
  '\u00d7': 'x',
  '\u00f7': '/',
  '\u2192': '->',
  '\u2248': '~',
  '\u2265': '>=',
  '\u2264': '<=',
  '\u00b1': '+/-',
  '\u00bd': '1/2',
  '\u00bc': '1/4',
  '\u00be': '3/4',
  '\u00b0': ' deg',
  '\u2713': '-',
  '\u2714': '-',
  '\u2717': 'x',
  '\u00a2': 'c',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
  '\t': ' ',
};

/**
 * GSM-friendly text: the typographic characters above replaced. Anything else outside GSM-7 (a name in
 * another script, an emoji) is kept — the person's words matter more than the cheaper encoding — and the
 * message is then counted as UCS-2.
 */
export function toGsmFriendly(text: string): string {
  let out = '';
  for (const ch of text) out += TRANSLITERATE[ch] ?? ch;
  return out;
}
