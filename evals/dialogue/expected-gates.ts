import { gate } from './gates.ts';
import type { Kit, Snapshot, StoredMember } from './snapshot.ts';
import type {
  GateResult,
  HouseholdExpect,
  MemberExpect,
  PlanExpect,
  PreferencesExpect,
  ToolsExpect,
  TurnSpec,
} from './types.ts';

// The gates a turn asks for: its reply, its tool calls, the household and the plan stored after it.

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

const PREFERENCE_DEFAULTS = {
  channel: null,
  localHour: 9,
  weekday: null,
  frequency: 'weekly',
  windowDays: 30,
  optedOut: false,
} as const;

/** The stored notification preferences: each named field equals what was asked for. */
export function preferencesGate(id: string, expect: PreferencesExpect, snap: Snapshot): GateResult {
  const problems: string[] = [];
  if (snap.preferences.length === 0) return gate(`${id}:preferences`, 'preferences', ['no account']);
  if (expect.untouched) {
    for (const p of snap.preferences)
      for (const [k, v] of Object.entries(PREFERENCE_DEFAULTS))
        if (p[k as keyof typeof p] !== v)
          problems.push(`${p.messageType} ${k} is ${String(p[k as keyof typeof p])}`);
  }
  const p = snap.preferences.find((x) => x.messageType === expect.messageType);
  for (const k of [
    'channel',
    'localHour',
    'weekday',
    'frequency',
    'windowDays',
    'optedOut',
    'timeZone',
  ] as const) {
    if (expect[k] === undefined) continue;
    if (p?.[k] !== expect[k])
      problems.push(`${expect.messageType} ${k} is ${String(p?.[k])}, expected ${String(expect[k])}`);
  }
  return gate(`${id}:preferences`, 'preferences', problems);
}
