import type { Channel } from '../../domain/channels.ts';

/**
 * Guidance answers from the knowledge base: the steps and amounts of the passages that answer the question,
 * with the organization named. Below the relevance floor the honest answer is "I don't know".
 */

export type Passage = {
  document?: string;
  chunk?: number;
  title: string;
  source: string;
  sourceUrl: string | null;
  content: string;
  score?: number;
};

/** Scores of unrelated questions stay near 0.1 with the offline embedder; answers start above this. */
export const RELEVANCE_FLOOR = 0.2;

/** Words a question uses and the words the guidance uses for the same thing. */
const SYNONYMS: [RegExp, string][] = [
  [
    /\b(purif\w*|clean water|safe to drink|drinkable|potable|treat\w*|make \w+ water safe)\b/,
    'rolling boil 1 minute bleach drops per gallon',
  ],
  [/\bbleach\b/, 'drops per gallon disinfect wait 30 minutes'],
  [/\bboil\w*\b/, 'rolling boil minute'],
  [/\bwarning\b/, 'watch warning evacuate'],
  [
    /\b(generators?)\b/,
    'never run a generator inside garage carbon monoxide generator placement outdoors at least 20 feet from the home',
  ],
  // What to do in a quake is the protective action, not the aftermath or the citation.
  // …unless the question is about water after one ("is tap water safe after an earthquake?").
  [
    /^(?!.*\bwater\b).*\b(earthquakes?|quakes?|shaking|tremors?|aftershocks?)\b/,
    'drop cover hold on: drop onto your hands and knees, cover your head and neck, sturdy table, indoors',
  ],
  [
    /\b(tap|faucet|well) water\b.*\bsafe\b|\bsafe\b.*\b(tap|faucet|well) water\b/,
    'boil water advisory making water safe',
  ],
  [
    /\b(generators?)\b.*\b(indoors?|inside|garage|basement|in the house|in my house)\b|\b(indoors?|inside)\b.*\bgenerators?\b/,
    'never use these indoors',
  ],
  [/\b(stor\w+) water\b/, 'gallon per person containers'],
  // Water from around the house: which may be drunk and which never (pools, radiators).
  [
    /\b(pool|spa|hot tub|toilet|radiator|waterbed|water heater)\b.*\bwater\b|\bwater\b.*\b(pool|spa|hot tub|toilet|radiator|waterbed|water heater)\b/,
    'hidden water in your home do not drink water from toilet bowls radiators waterbeds swimming pools and spas',
  ],
  [
    /\b(gas|gasoline|fuel|diesel|propane)\b.*\b(stor\w*|keep|kept)\b|\b(stor\w*|keep)\b.*\b(gas|gasoline|fuel|diesel|propane)\b/,
    'fuel safety store fuel in approved containers outside living areas rotate stored gasoline fuel stabilizer',
  ],
  [
    /\b(power (goes|went|is) out|power outage|outages?|blackout|lose power|lost power|no power)\b/,
    'during an outage unplug appliances keep refrigerator and freezer doors closed flashlights not candles',
  ],
  // How long water keeps is the rotation advice, not what to store it in.
  [
    /\bhow long\b.*\bwater\b.*\b(last|keep|good|store)|\bwater\b.*\b(expire|go bad|goes bad|shelf life)\b/,
    'rotation replacing water you have bottled yourself every six months commercially bottled printed date',
  ],
];

/** The question as sent to the search, with the guidance's own words for it added. */
export function searchQuery(question: string): string {
  const q = question.toLowerCase();
  const extra = SYNONYMS.filter(([re]) => re.test(q)).map(([, words]) => words);
  return [question, ...extra].join(' ').slice(0, 500);
}

const stem = (w: string) => w.toLowerCase().replace(/(ies|es|s)$/, '');
const QUESTION_NOISE = new Set(
  'how what can should do does is the my a an i if it to of in and run use ok'.split(' '),
);

/** Words too common in the guidance to tell its passages apart. */
const COMMON_WORDS =
  /^(water|food|drink|safe|okay|need|long|much|from|with|that|this|have|there|their|what|when|where|which|into|about|after|before|should|would|could)$/;

/** A question about where something may go or how far from something it must be. */
const PLACEMENT =
  /\b(where|garage|basement|shed|carport|porch|patio|balcony|deck|indoors?|inside|outside|outdoors|near|close|closer|far|away|distance|feet|ft|window|windows|doors?|tent|house|home)\b/;
const DISTANCE = /\b\d+(?:\.\d+)?\s*(feet|foot|ft|yards?|meters?|metres?|miles?)\b/i;

/**
 * A text message has room for a few sentences: the ones that answer the question's own words (the garage),
 * then the ones with amounts and times, each cut to its first sentence.
 */
function forText(all: string[], question: string, amounts: (l: string) => boolean): string[] {
  const words = question
    .split(/[^A-Za-z]+/)
    .filter((w) => w.length > 2 && !QUESTION_NOISE.has(w.toLowerCase()))
    .map(stem);
  // "In the garage?", "how far from the house?": the line with the distance answers where, whatever its words.
  const where = PLACEMENT.test(question.toLowerCase());
  const score = (l: string) => {
    const have = new Set(l.split(/[^A-Za-z]+/).map(stem));
    return words.filter((w) => have.has(w)).length * 2 + (amounts(l) ? 3 : 0);
  };
  // The first sentence, list numbering aside ("1. Bring the water to a rolling boil for 1 minute.").
  const first = (l: string) => {
    const body = l.replace(/^\d+\.\s+/, '');
    return (/^[\s\S]+?[.!?](?=\s|$)/.exec(body)?.[0] ?? body).trim();
  };
  const ranked = all.map((l, i) => ({ l, i, s: score(l) })).sort((a, b) => b.s - a.s || a.i - b.i);
  // The line that answers the question's words, whole; then two with amounts; then the rest, shortened.
  const answer = ranked[0];
  const withDistance = where ? ranked.filter((x) => x !== answer && DISTANCE.test(x.l)) : [];
  const withAmounts = [...withDistance, ...ranked.filter((x) => x !== answer && amounts(x.l))].slice(0, 1);
  // Then what the question's own words find (bleach: "regular, unscented"), before more amounts.
  const asked = (x: { l: string; s: number }) => x.s - (amounts(x.l) ? 3 : 0);
  const rest = ranked
    .filter((x) => x !== answer && !withAmounts.includes(x))
    .sort((a, b) => asked(b) - asked(a) || a.i - b.i);
  return [
    ...(answer ? [answer.l] : []),
    ...withAmounts.map((x) => first(x.l)),
    ...rest.map((x) => first(x.l)),
  ];
}

/** Markdown chunk → plain lines: headings dropped, tables read as "row: value per column". */
function lines(content: string): string[] {
  const out: string[] = [];
  let header: string[] | null = null;
  for (const raw of content.split('\n')) {
    const line = raw.trim();
    if (line === '' || /^#+\s/.test(line) || /^\|?\s*-{3,}/.test(line)) continue;
    if (line.startsWith('|')) {
      const cells = line
        .split('|')
        .map((c) => c.trim())
        .filter(Boolean);
      if (!header) header = cells;
      else
        out.push(
          `- ${cells[0]}: ${cells
            .slice(1)
            .map((c, i) => `${c} ${(header![i + 1] ?? '').toLowerCase()}`.trim())
            .join(', ')}`,
        );
      continue;
    }
    header = null;
    out.push(line.replace(/\*\*(.+?)\*\*/g, '$1').replace(/(^|\s)\*([^*]+)\*/g, '$1$2'));
  }
  return out;
}

/** Lines with steps, amounts or times first, kept in their order, within the length a channel allows. */
function clip(all: string[], max: number): string[] {
  const out: string[] = [];
  let used = 0;
  for (const l of all) {
    if (used + l.length > max) {
      if (out.length === 0) out.push(`${l.slice(0, max - 1).replace(/\s+\S*$/, '')}…`);
      break;
    }
    out.push(l);
    used += l.length + 1;
  }
  // A heading or a lead-in ("Then:") whose lines did not fit would promise what the answer does not give.
  while (out.length > 1 && /(:|\*\*)$|^\*.*\*$/.test(out[out.length - 1]!.trim())) out.pop();
  return out;
}

const heading = (content: string) => /^#+\s+(.+)$/m.exec(content)?.[1]?.trim() ?? null;

export function guidanceAnswer(question: string, passages: Passage[], channel: Channel): string {
  // A heading alone or the citation line ("Summarized from …") answers nothing.
  const substance = (p: Passage) =>
    lines(p.content)
      .filter((l) => !/^(summari[sz]ed|adapted|source[sd]?)\b.*\.?$/i.test(l))
      .join(' ').length > 40;
  const useful = passages.filter(substance);
  // The nearest passage may be a heading alone ("## During an outage"): its document answers, not the next one.
  const top = passages[0];
  const best = (top && !substance(top) && useful.find((p) => p.document === top.document)) || useful[0];
  if (!best || (best.score !== undefined && best.score < RELEVANCE_FLOOR)) {
    return channel === 'sms'
      ? "I don't know that one. I can build your plan, track what you have, or answer preparedness questions (water, food, power outages, first aid)."
      : "I don't have guidance on that, so I won't guess. I can build or change your plan, track what you have, or answer preparedness questions — water, food, power outages, first aid, evacuations.";
  }
  // The best document's passages that also answer it, in the document's order (a table and its "then" steps).
  const floor = (best.score ?? 0) - 0.12;
  const same = useful
    .filter((p) => p.document === best.document && p.title === best.title && (p.score ?? 0) >= floor)
    .sort((a, b) => (a.chunk ?? 0) - (b.chunk ?? 0));
  // Passages with steps or amounts answer "how"; an introduction without them goes when they are there.
  const practical = (p: Passage) => /\d|^\s*[-*]\s|^\s*\d+\./m.test(p.content);
  // A passage with the question's own word ("pool": "do not drink … pools") answers it, steps or not.
  const own = question
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length > 3 && !QUESTION_NOISE.has(w) && !COMMON_WORDS.test(w));
  const hasOwn = (p: Passage) => own.some((w) => new RegExp(`\\b${w}`, 'i').test(p.content));
  const chosen = same.some(practical) ? same.filter((p) => practical(p) || hasOwn(p)) : same;
  const max = channel === 'sms' ? 440 : channel === 'telegram' ? 600 : 1100;
  const b = (t: string) => (channel === 'web' ? `**${t}**` : channel === 'telegram' ? `*${t}*` : t);
  const all = chosen
    .flatMap((p, i) => {
      const h = heading(p.content);
      return [...(h && i > 0 && channel !== 'sms' ? [b(h)] : []), ...lines(p.content)];
    })
    // Neighbouring passages overlap by a line or two (the splitter's overlap): say each line once.
    .filter((l, i, list) => i === 0 || l !== list[i - 1])
    // A lead-in ("If you fill your own containers:") whose list is in a passage not found promises nothing.
    .filter((l, i, list) => !/:$/.test(l) || /^\s*(?:[-*]|\d+\.)\s/.test(list[i + 1] ?? ''));
  // A text message has room for a few lines: the ones with amounts and times go first.
  const amounts = (l: string) =>
    /\b\d+(?:[./]\d+)?\s*(drops?|minutes?|gallons?|teaspoons?|tablespoons?|hours?|days?|quarts?|cups?|feet)\b/.test(
      l,
    );
  // A line with a word of the question that none of the passages' first lines has ("pools") goes first.
  const rare = own.filter((w) => !all.slice(0, 3).some((l) => new RegExp(`\\b${w}`, 'i').test(l)));
  // Only a sentence moves: a list item keeps its place under its lead-in.
  const named = (l: string) => !/^[-*\d]/.test(l) && rare.some((w) => new RegExp(`\\b${w}`, 'i').test(l));
  const ordered = [...all.filter(named), ...all.filter((l) => !named(l))];
  const body = clip(channel === 'sms' ? forText(all, question, amounts) : ordered, max);
  const label = heading(chosen[0]!.content);
  const who = best.source;
  if (channel === 'sms') return `${who}: ${body.map((l) => l.replace(/^- /, '')).join('; ')}`;
  const lead =
    channel === 'web'
      ? `According to **${who}**${label ? ` (${label})` : ''}:`
      : `According to *${who}*${label ? ` (${label})` : ''}:`;
  const link = best.sourceUrl ? `Source: ${who}, ${best.sourceUrl}` : `Source: ${who}`;
  return [lead, '', ...body, '', link].join('\n');
}
