import { SMS_MAX_SEPTETS } from '../../src/channels/sms/encoding.ts';
import { SCENARIO_NAMES } from '../../src/domain/scenarios.ts';
import type { Kit, Snapshot, StoredMember } from './snapshot.ts';
import type {
  Channel,
  GateKind,
  GateResult,
  HouseholdExpect,
  MemberExpect,
  PlanExpect,
  ToolsExpect,
  TurnSpec,
} from './types.ts';

/**
 * The gates, as pure functions of what a turn produced and what is stored afterwards. Each returns one
 * GateResult whose `detail` says what was wrong, so a report line is enough to start debugging.
 */

const gate = (id: string, kind: GateKind, problems: string[]): GateResult =>
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

const mentionsNumber = (text: string, value: number) => numbersIn(text).some((n) => sameNumber(n, value));

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

// ------------------------------------------------------------------------------------------------
// Gates a turn asks for

/** `reply` is what is checked for content (text and rendering); `text` the reply as written, for its size. */
export function replyGate(id: string, spec: TurnSpec, reply: string, text: string = reply): GateResult {
  const problems: string[] = [];
  for (const re of spec.says ?? []) if (!re.test(reply)) problems.push(`missing ${re}`);
  if (spec.saysOneOf && !spec.saysOneOf.some((re) => re.test(reply)))
    problems.push(`none of ${spec.saysOneOf.join(' ')}`);
  for (const re of spec.saysNot ?? []) if (re.test(reply)) problems.push(`must not say ${re}`);
  if (spec.linksPlan && !/\/plans\/[0-9a-f-]{36}/.test(reply)) problems.push('no link to the full plan');
  if (spec.maxChars !== undefined && text.length > spec.maxChars)
    problems.push(`${text.length} chars, at most ${spec.maxChars} wanted`);
  return gate(`${id}:reply`, 'reply', problems);
}

export function toolsGate(
  id: string,
  expect: ToolsExpect,
  calls: { toolName: string; input: unknown }[],
): GateResult {
  const names = calls.map((c) => c.toolName);
  const problems: string[] = [];
  if (expect.none && names.length > 0) problems.push(`expected no tool, got ${names.join(', ')}`);
  for (const t of expect.called ?? []) if (!names.includes(t)) problems.push(`${t} not called`);
  if (expect.anyOf && !expect.anyOf.some((t) => names.includes(t)))
    problems.push(`none of ${expect.anyOf.join('/')} called`);
  for (const t of expect.notCalled ?? []) if (names.includes(t)) problems.push(`${t} called`);
  for (const a of expect.args ?? []) {
    const inputs = calls.filter((c) => c.toolName === a.tool).map((c) => JSON.stringify(c.input));
    if (!inputs.some((i) => a.matches.test(i))) problems.push(`${a.tool} input does not match ${a.matches}`);
  }
  if (problems.length > 0) problems.push(`calls: ${names.join(', ') || '(none)'}`);
  return gate(`${id}:tools`, 'tools', problems);
}

const inRange = (v: number, want: number | [number, number]) =>
  typeof want === 'number' ? v === want : v >= want[0] && v <= want[1];

const sortedEqual = (a: number[], b: number[]) => {
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  return x.length === y.length && x.every((v, i) => Math.abs(v - y[i]!) < 1e-6);
};

function memberText(m: StoredMember): string {
  return [
    ...(m.conditions ?? []),
    ...(m.medicalNeeds ?? []),
    ...(m.dailyMedications ?? []).map((d) => d.name),
  ]
    .join(' ')
    .toLowerCase();
}

function fits(m: StoredMember, e: MemberExpect): boolean {
  if (e.age !== undefined && Math.abs(m.ageYears - e.age) > 1e-6) return false;
  if (e.ageRange && !(m.ageYears >= e.ageRange[0] && m.ageYears <= e.ageRange[1])) return false;
  if (e.sex && m.sex !== e.sex) return false;
  if (e.pregnant !== undefined && Boolean(m.pregnant) !== e.pregnant) return false;
  if (e.nursing !== undefined && Boolean(m.nursing) !== e.nursing) return false;
  if (e.condition && !e.condition.test(memberText(m))) return false;
  return true;
}

/** Each expectation matched by a different item (small lists: plain backtracking). */
export function assign<T, E>(items: T[], wants: E[], ok: (item: T, want: E) => boolean): boolean {
  const used = new Set<number>();
  const go = (i: number): boolean => {
    if (i === wants.length) return true;
    for (let j = 0; j < items.length; j++) {
      if (used.has(j) || !ok(items[j]!, wants[i]!)) continue;
      used.add(j);
      if (go(i + 1)) return true;
      used.delete(j);
    }
    return false;
  };
  return go(0);
}

const describeMembers = (members: StoredMember[]) =>
  members
    .map(
      (m) =>
        `${m.kind} ${m.ageYears}${m.sex ?? ''}${m.pregnant ? ' pregnant' : ''}${m.nursing ? ' nursing' : ''}${memberText(m) ? ` (${memberText(m)})` : ''}`,
    )
    .join(', ');

export function householdGate(id: string, expect: HouseholdExpect, snap: Snapshot): GateResult {
  const h = snap.household;
  const members = h.members ?? [];
  const pets = h.pets ?? [];
  const problems: string[] = [];
  if (expect.memberCount !== undefined && members.length !== expect.memberCount)
    problems.push(`${members.length} members, expected ${expect.memberCount}`);
  if (
    expect.ages &&
    !sortedEqual(
      members.map((m) => m.ageYears),
      expect.ages,
    )
  )
    problems.push(`ages ${members.map((m) => m.ageYears).join(',')}, expected ${expect.ages.join(',')}`);
  const adults = members.filter((m) => m.ageYears >= 18).length;
  if (expect.adults !== undefined && adults !== expect.adults)
    problems.push(`${adults} adults, expected ${expect.adults}`);
  const minors = members.length - adults;
  if (expect.minors !== undefined && minors !== expect.minors)
    problems.push(`${minors} under 18, expected ${expect.minors}`);
  if (expect.members && !assign(members, expect.members, fits))
    problems.push(
      `members [${describeMembers(members)}] do not include ${JSON.stringify(expect.members, (_k, v) => (v instanceof RegExp ? String(v) : v))}`,
    );
  if (expect.pets) {
    const ok =
      pets.length === expect.pets.length &&
      assign(
        pets,
        expect.pets,
        (p, e) =>
          p.species === e.species && (e.weightLb === undefined || Math.abs(p.weightLb - e.weightLb) <= 1),
      );
    if (!ok)
      problems.push(
        `pets [${pets.map((p) => `${p.species} ${p.weightLb}lb`).join(', ')}], expected [${expect.pets.map((p) => `${p.species} ${p.weightLb ?? '?'}lb`).join(', ')}]`,
      );
  }
  if (expect.location && !expect.location.test(h.location ?? ''))
    problems.push(`location "${h.location ?? ''}" does not match ${expect.location}`);
  if (expect.noLocation && h.location) problems.push(`location set to "${h.location}" without asking`);
  if (expect.durationDays !== undefined && !inRange(h.durationDays ?? Number.NaN, expect.durationDays))
    problems.push(`duration ${h.durationDays ?? 'unset'}, expected ${expect.durationDays}`);
  if (expect.budget !== undefined && h.budget !== expect.budget)
    problems.push(`budget ${h.budget ?? 'unset'}, expected ${expect.budget}`);
  for (const s of expect.scenarios ?? [])
    if (!(h.scenarios ?? []).includes(s as never)) problems.push(`scenario ${s} missing`);
  if (expect.mobility && h.mobility !== expect.mobility)
    problems.push(`mobility ${h.mobility ?? 'unset'}, expected ${expect.mobility}`);
  return gate(`${id}:household`, 'household', problems);
}

export function planGate(id: string, expect: PlanExpect, plan: Kit | null): GateResult {
  const problems: string[] = [];
  if (expect.exists === false) return gate(`${id}:plan`, 'plan', plan ? ['a plan was built'] : []);
  if (!plan) return gate(`${id}:plan`, 'plan', ['no plan stored']);
  if (expect.durationDays !== undefined && !inRange(plan.durationDays, expect.durationDays))
    problems.push(`plan duration ${plan.durationDays}, expected ${expect.durationDays}`);
  if (expect.budget !== undefined && plan.budget.limit !== expect.budget)
    problems.push(`plan budget ${plan.budget.limit}, expected ${expect.budget}`);
  const ages = plan.household.members.map((m) => m.ageYears);
  if (expect.memberCount !== undefined && ages.length !== expect.memberCount)
    problems.push(`plan for ${ages.length} people, expected ${expect.memberCount}`);
  if (expect.ages && !sortedEqual(ages, expect.ages))
    problems.push(`plan ages ${ages.join(',')}, expected ${expect.ages.join(',')}`);
  if (expect.petCount !== undefined && plan.household.pets.length !== expect.petCount)
    problems.push(`plan pets ${plan.household.pets.length}, expected ${expect.petCount}`);
  if (expect.state !== undefined && plan.location.state !== expect.state)
    problems.push(`plan state ${plan.location.state}, expected ${expect.state}`);
  if (expect.outsideUs !== undefined && (plan.location.country !== 'US') !== expect.outsideUs)
    problems.push(`plan country ${plan.location.country}`);
  for (const s of expect.scenarios ?? [])
    if (!plan.scenarios.includes(s))
      problems.push(`plan scenario ${s} missing (${plan.scenarios.join(',')})`);
  if (expect.mobility && plan.mobility !== expect.mobility)
    problems.push(`plan mobility ${plan.mobility}, expected ${expect.mobility}`);
  const text = JSON.stringify(plan);
  for (const re of expect.mentions ?? []) if (!re.test(text)) problems.push(`plan never mentions ${re}`);
  return gate(`${id}:plan`, 'plan', problems);
}

// ------------------------------------------------------------------------------------------------
// Grounding: the numbers in the reply are the stored plan's

function durationWords(days: number): RegExp {
  const alts = [`${days}\\s*-?\\s*days?`];
  if (days % 365 === 0)
    alts.push(days === 365 ? '(1|one|a full|a)\\s*-?\\s*year' : `${days / 365}\\s*-?\\s*years?`);
  if (days % 30 === 0 && days < 365) alts.push(`${days / 30}\\s*-?\\s*months?`);
  if (days % 7 === 0 && days <= 28)
    alts.push(`${days / 7}\\s*-?\\s*weeks?`, days === 14 ? 'two\\s*-?\\s*weeks?' : '$^');
  if (days === 3) alts.push('72\\s*-?\\s*hours?', 'three\\s*-?\\s*days?');
  return new RegExp(`\\b(${alts.join('|')})`, 'i');
}

/** Gallon figures a reply may write: the plan's own, the person's, and what is left after theirs. */
function allowedGallons(plan: Kit, userGallons: number[]): number[] {
  const w = plan.rationPlan.water;
  const own = [
    w.totalGallons,
    w.gallonsPerDay,
    w.gallonsPerDay * 3,
    ...plan.household.members.map((m) => m.waterGallonsPerDay),
    ...plan.household.members.map((m) => m.waterGallonsPerDay * plan.durationDays),
    ...plan.household.pets.map((p) => p.waterGallonsPerDay),
    ...plan.items.flatMap((i) => gallonFigures(i.name)),
    ...plan.supplies.filter((s) => /gal/.test(s.unit)).map((s) => s.quantity),
    1,
    0.5,
  ];
  return [...own, ...userGallons, ...userGallons.map((u) => w.totalGallons - u)];
}

export function groundingGate(
  id: string,
  grounds: TurnSpec['grounded'],
  reply: string,
  plan: Kit | null,
  userGallons: number[],
): GateResult {
  if (!grounds || grounds.length === 0) return gate(`${id}:grounding`, 'grounding', []);
  if (!plan) return gate(`${id}:grounding`, 'grounding', ['no plan stored to ground the reply in']);
  const problems: string[] = [];
  const text = reply;
  for (const g of grounds) {
    switch (g) {
      case 'water-total':
      case 'water-per-day': {
        const want =
          g === 'water-total' ? plan.rationPlan.water.totalGallons : plan.rationPlan.water.gallonsPerDay;
        if (!mentionsNumber(text, want)) problems.push(`${g}: ${want} gal not in reply`);
        const allowed = allowedGallons(plan, userGallons);
        const wrong = gallonFigures(text).filter((n) => !allowed.some((a) => sameNumber(n, a)));
        if (wrong.length) problems.push(`${g}: gallon figures not from the plan: ${wrong.join(', ')}`);
        break;
      }
      case 'gallons': {
        const allowed = allowedGallons(plan, userGallons);
        const wrong = gallonFigures(text).filter((n) => !allowed.some((a) => sameNumber(n, a)));
        if (wrong.length) problems.push(`gallon figures not from the plan: ${wrong.join(', ')}`);
        break;
      }
      case 'food-per-day':
        if (!mentionsNumber(text, plan.rationPlan.food.kcalPerDay))
          problems.push(`food ${plan.rationPlan.food.kcalPerDay} kcal/day not in reply`);
        break;
      case 'readiness':
        if (!mentionsNumber(text, plan.readinessScore))
          problems.push(`readiness ${plan.readinessScore} not in reply`);
        break;
      case 'duration':
        if (!durationWords(plan.durationDays).test(text))
          problems.push(`duration ${plan.durationDays} days not in reply`);
        break;
      case 'budget':
        if (!mentionsNumber(text, plan.budget.limit))
          problems.push(`budget $${plan.budget.limit} not in reply`);
        break;
      case 'budget-spent':
        if (!mentionsNumber(text, plan.budget.spent))
          problems.push(`spent $${plan.budget.spent} not in reply`);
        break;
      case 'buy-first': {
        const lower = text.toLowerCase();
        const named = plan.items.some((i) => {
          const words = i.name.toLowerCase().split(/\s+/).slice(0, 2).join(' ');
          return lower.includes(words) || lower.includes(i.name.toLowerCase().slice(0, 18));
        });
        if (!named) problems.push(`names none of the plan's ${plan.items.length} items`);
        break;
      }
      case 'hazards': {
        const words = [
          ...plan.scenarios.map((s) => SCENARIO_NAMES[s as keyof typeof SCENARIO_NAMES] ?? s),
          ...plan.location.hazards.map((h) => h.id.replaceAll('-', ' ')),
        ].map((w) => w.toLowerCase().split(/[ /]/)[0]!);
        if (!words.some((w) => text.toLowerCase().includes(w)))
          problems.push(`names none of the plan's hazards (${plan.scenarios.join(', ')})`);
        break;
      }
    }
  }
  return gate(`${id}:grounding`, 'grounding', problems);
}
