import { SCENARIO_NAMES } from '../../../domain/index.ts';

/**
 * Safe-by-default HTML: every value interpolated into `html\`…\`` is escaped unless it is itself Html
 * (made by `html` or `raw`). Arrays are joined. null, undefined and false render nothing.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

export type Renderable = Html | string | number | boolean | null | undefined | Renderable[];

function render(value: Renderable): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(value);
}

export function html(strings: TemplateStringsArray, ...values: Renderable[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Trusted markup (never user content). */
export function raw(markup: string): Html {
  return new Html(markup);
}

/** JSON for a <script type="application/json"> block: `<` is escaped so no content can close the tag. */
export function jsonScript(id: string, data: unknown): Html {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return raw(`<script type="application/json" id="${escapeHtml(id)}">${json}</script>`);
}

/** A link's address for an href: http(s) and same-site paths only; anything else becomes '#'. */
export function safeUrl(url: string | null | undefined): string {
  if (!url) return '#';
  const trimmed = url.trim();
  if (/^https?:\/\//i.test(trimmed) || (trimmed.startsWith('/') && !trimmed.startsWith('//'))) return trimmed;
  return '#';
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Only a same-site path may be a redirect target after sign-in (no open redirects). */
export function safeNext(next: unknown, fallback = '/chat'): string {
  if (typeof next !== 'string') return fallback;
  // Control characters (C0, DEL, C1) are refused outright: browsers strip tabs and newlines from URLs, so
  // "/\t/evil.example" would become "//evil.example", and none belongs in a path we link to.
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || CONTROL.test(next))
    return fallback;
  return next;
}

export { money, number } from './format.ts';

/** A scenario's display name: SCENARIO_NAMES (the domain's one list), else the id in sentence case. */
export const scenarioLabel = (id: string) => (SCENARIO_NAMES as Record<string, string>)[id] ?? humanize(id);

/** A category, food group or skill id as a name, in sentence case: "first-aid" → "First aid", "fats and oils" → "Fats and oils". */
export const humanize = (id: string) => {
  const s = id.replace(/[-_]+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
};
