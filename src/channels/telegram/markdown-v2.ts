/**
 * The model writes web Markdown; Telegram's MarkdownV2 rejects a whole message when one reserved character
 * is left bare (a price "$1,999.68" has a '.', a product "Mylar (2-pack)" has '(' '-' ')'). So nothing is
 * escaped by pattern-patching the Markdown: each line is parsed into spans (text, bold, italic, code,
 * link) and every span is escaped by the rules of the place it lands in (core.telegram.org/bots/api
 * #markdownv2-style). Entities never cross a line, so a message may be split between any two lines.
 */

export type SpanKind = 'text' | 'bold' | 'italic' | 'code' | 'link';
export type Span = { kind: SpanKind; text: string; url?: string };

/** Outside entities' special places, each of these must be preceded by '\' (and '\' itself). */
const RESERVED = /[_*[\]()~`>#+\-=|{}.!\\]/g;

export function escapeText(text: string): string {
  return text.replace(RESERVED, '\\$&');
}

/** Inside `code`: only '`' and '\'. */
function escapeCode(text: string): string {
  return text.replace(/[`\\]/g, '\\$&');
}

/** Inside the (…) of an inline link: only ')' and '\'. */
function escapeUrl(url: string): string {
  return url.replace(/[)\\]/g, '\\$&');
}

export function renderSpan(span: Span): string {
  switch (span.kind) {
    case 'text':
      return escapeText(span.text);
    case 'bold':
      return `*${escapeText(span.text)}*`;
    case 'italic':
      return `_${escapeText(span.text)}_`;
    case 'code':
      return `\`${escapeCode(span.text)}\``;
    case 'link':
      return `[${escapeText(span.text)}](${escapeUrl(span.url ?? span.text)})`;
  }
}

export function renderSpans(spans: readonly Span[]): string {
  return spans.map(renderSpan).join('');
}

/**
 * Inline Markdown as the model writes it for Telegram (prompts/channels/telegram.md: *bold*, _italic_, plain
 * URLs) and as it may still write it from web habit (**bold**, [label](url), `code`). A single-star or
 * underscore marker counts only at a word edge, so "Water_Bob" and "5*2" stay text. A bare URL becomes a
 * link entity, so it stays clickable whatever Telegram's own link detection makes of it (a local address).
 * Alternation order matters: **bold** before *bold*, a [label](url) before a bare URL.
 */
const INLINE =
  /\*\*(?<bold>[^*\n]+?)\*\*|`(?<code>[^`\n]+)`|\[(?<label>[^\]\n]+)\]\((?<url>https?:\/\/[^)\s]+)\)|(?<bare>https?:\/\/[^\s<>"]*[^\s<>".,;:!?'")\]])|(?<=^|[\s(])\*(?<star>[^*\s][^*\n]*?)\*(?=$|[\s).,!?:;])|(?<=^|[\s(])_(?<under>[^_\s][^_\n]*?)_(?=$|[\s).,!?:;])/g;

export function parseInline(line: string): Span[] {
  const spans: Span[] = [];
  let last = 0;
  for (const m of line.matchAll(INLINE)) {
    if (m.index > last) spans.push({ kind: 'text', text: line.slice(last, m.index) });
    const g = m.groups ?? {};
    if (g.bold !== undefined) spans.push({ kind: 'bold', text: g.bold });
    else if (g.star !== undefined) spans.push({ kind: 'bold', text: g.star });
    else if (g.code !== undefined) spans.push({ kind: 'code', text: g.code });
    else if (g.label !== undefined) spans.push({ kind: 'link', text: g.label, url: g.url ?? '' });
    else if (g.bare !== undefined) spans.push({ kind: 'link', text: g.bare, url: g.bare });
    else spans.push({ kind: 'italic', text: g.under ?? '' });
    last = m.index + m[0].length;
  }
  if (last < line.length) spans.push({ kind: 'text', text: line.slice(last) });
  return spans;
}

/** One line of web Markdown as spans: a heading becomes bold, a "- " bullet a "• ". */
export function parseLine(line: string): Span[] {
  const heading = /^#{1,6}\s+(.+)$/.exec(line);
  if (heading) {
    // Bold inside a heading would nest: the heading is bold as a whole, its own markers dropped.
    const inner = parseInline(heading[1] ?? '')
      .map((s) => s.text)
      .join('');
    return [{ kind: 'bold', text: inner }];
  }
  const bullet = /^(\s*)[-*•]\s+(.*)$/.exec(line);
  if (bullet) return [{ kind: 'text', text: `${bullet[1]}• ` }, ...parseInline(bullet[2] ?? '')];
  return parseInline(line);
}

/** The text a person sees once Telegram has parsed the entities (for a plain-text fallback and tests). */
export function plainOf(spans: readonly Span[]): string {
  return spans
    .map((s) => (s.kind === 'link' && s.url && s.url !== s.text ? `${s.text} (${s.url})` : s.text))
    .join('');
}
