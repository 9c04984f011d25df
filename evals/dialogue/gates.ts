import { SMS_MAX_SEPTETS } from '../../src/channels/sms/encoding.ts';
import { SCENARIO_NAMES } from '../../src/domain/scenarios.ts';
import type { Channel, GateKind, GateResult } from './types.ts';

/**
 * The gates, as pure functions of what a turn produced and what is stored afterwards. Each returns one
 * GateResult whose `detail` says what was wrong, so a report line is enough to start debugging.
 */

export const gate = (id: string, kind: GateKind, problems: string[]): GateResult =>
  problems.length === 0 ? { id, kind, pass: true } : { id, kind, pass: false, detail: problems.join('; ') };

// ------------------------------------------------------------------------------------------------
// Text helpers

const URL_RE = /https?:\/\/\S+|\/plans\/[0-9a-f-]{36}/g;
const withoutUrls = (text: string) => text.replace(URL_RE, ' ');

/** Every number written in the text (1,234.5 → 1234.5), URLs excluded. */
export function numbersIn(text: string): number[] {
  return [...withoutUrls(text).matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g)].map((m) =>
    Number(m[0].replaceAll(',', '')),
  );
}

/** A written number stands for a value when it is the value rounded to a whole number or one decimal. */
export function sameNumber(written: number, value: number): boolean {
  return (
    Math.abs(written - value) < 1e-6 ||
    written === Math.round(value) ||
    Math.abs(written - Math.round(value * 10) / 10) < 1e-6
  );
}

export const mentionsNumber = (text: string, value: number) =>
  numbersIn(text).some((n) => sameNumber(n, value));

/** Gallon figures written in a reply ("84 gal", "7.5 gallons"). */
export function gallonFigures(text: string): number[] {
  return [...withoutUrls(text).matchAll(/(\d[\d,]*(?:\.\d+)?)\s*-?\s*(?:gal\b|gals\b|gallons?\b)/gi)].map(
    (m) => Number(m[1]!.replaceAll(',', '')),
  );
}

// ------------------------------------------------------------------------------------------------
// Gates on every turn

const FALLBACKS = [
  /didn'?t catch that/i,
  /did not catch that/i,
  /I have no answer to that/i,
  /ran into a problem/i,
];

export function answeredGate(id: string, reply: string): GateResult {
  return gate(
    `${id}:answered`,
    'answered',
    FALLBACKS.filter((re) => re.test(reply)).map((re) => `fallback reply (${re.source})`),
  );
}

/** Scenario ids that are not ordinary English when written with a hyphen ("grid-down" is, so it is allowed). */
const RAW_IDS = Object.keys(SCENARIO_NAMES).filter((id) => id.includes('-') && id !== 'grid-down');

/**
 * Citation codes and raw ids belong on the plan page, never in chat text: `[CDC_KIT_WATER, …]`, bare
 * SOURCE_CODES, `extreme-heat`, and snake_case keys shown with their underscores.
 */
export function forbiddenGate(id: string, reply: string, rendered: string): GateResult {
  const problems: string[] = [];
  for (const text of [reply, rendered]) {
    const plain = withoutUrls(text);
    const code = /\[[A-Z][A-Z0-9]*_[A-Z0-9_]+/.exec(plain) ?? /\b[A-Z][A-Z0-9]+_[A-Z0-9_]+\b/.exec(plain);
    if (code) problems.push(`citation code "${code[0]}"`);
    const raw = RAW_IDS.find((rid) => new RegExp(`\\b${rid}\\b`).test(plain));
    if (raw) problems.push(`raw scenario id "${raw}"`);
    const snake = /\b[a-z][a-z0-9]*_[a-z0-9_]+\b/.exec(plain);
    if (snake) problems.push(`literal underscore "${snake[0]}"`);
  }
  return gate(`${id}:forbidden`, 'forbidden', [...new Set(problems)]);
}

/** Links are relative on the web (the page is already on the app's origin); other channels need the full URL. */
export function linksGate(id: string, channel: Channel, rendered: string, publicUrl: string): GateResult {
  if (channel !== 'web') return gate(`${id}:links`, 'links', []);
  const absolute =
    rendered.match(new RegExp(`${publicUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/\\S*`, 'g')) ?? [];
  return gate(
    `${id}:links`,
    'links',
    absolute.map((u) => `absolute link on the web: ${u.replace(/[)\]]+$/, '')}`),
  );
}

export const LIMITS = { sms: SMS_MAX_SEPTETS, telegram: 4096, web: 2500 } as const;

/**
 * Sized for the channel before any clipping: SMS within three segments (459 GSM-7 septets, link and
 * choices included — the renderer would otherwise cut the text), Telegram within one message, web a
 * reasonable length. `unclipped` is the full text the channel would have had to send.
 */
export function lengthGate(id: string, channel: Channel, unclipped: number): GateResult {
  const limit = LIMITS[channel];
  return gate(
    `${id}:length`,
    'length',
    unclipped > limit ? [`${unclipped} ${channel === 'sms' ? 'septets' : 'chars'} > ${limit}`] : [],
  );
}

/** The sections of a full plan; a later turn that shows four or more of them repeated the whole plan. */
const PLAN_SECTIONS: [string, (text: string) => boolean][] = [
  ['water', (t) => /\d\s*gal/i.test(t) && /water/i.test(t)],
  ['food', (t) => /kcal|calories/i.test(t)],
  ['readiness', (t) => /readiness/i.test(t)],
  ['shopping list', (t) => (t.match(/^.*\$\d.*$/gm) ?? []).length >= 3],
  ['skills', (t) => /skills to learn/i.test(t)],
  ['rules', (t) => /water rule|food rule/i.test(t)],
  ['heading', (t) => /^#+ .*plan/im.test(t)],
];

export function planSections(text: string): string[] {
  return PLAN_SECTIONS.filter(([, test]) => test(text)).map(([name]) => name);
}

export function conciseGate(id: string, reply: string, planBefore: boolean): GateResult {
  if (!planBefore) return gate(`${id}:concise`, 'concise', []);
  const sections = planSections(reply);
  return gate(
    `${id}:concise`,
    'concise',
    sections.length >= 4 ? [`repeats the whole plan (${sections.join(', ')})`] : [],
  );
}

/** Nothing of the other account (its id, e-mail, plan id, city) may appear in a reply. */
export function leakGate(id: string, reply: string, markers: string[]): GateResult {
  const lower = reply.toLowerCase();
  return gate(
    `${id}:leak`,
    'leak',
    markers.filter((m) => lower.includes(m.toLowerCase())).map((m) => `shows another user's "${m}"`),
  );
}
