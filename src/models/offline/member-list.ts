import { DEFAULT_AGE, type MemberDraft, type MemberKind, member } from './household-scan.ts';

// The members as a list: in order, made up from a head count, and described in a line.

function rank(m: MemberDraft): number {
  return m.ageYears ?? DEFAULT_AGE[m.kind];
}

export function orderMembers(members: MemberDraft[]): MemberDraft[] {
  const order: Record<MemberKind, number> = { adult: 0, senior: 1, teen: 2, child: 3, infant: 4 };
  return [...members].sort((a, b) => order[a.kind] - order[b.kind] || rank(b) - rank(a));
}

/** Roles one household has once: a second "my husband" in the same message is the same man. */
const ONE_OF =
  /^(?:me|wife|husband|spouse|partner|girlfriend|boyfriend|fianc[eé]e?|mother-in-law|father-in-law)$/;

/** "my husband (43) … my husband takes blood pressure meds": one person, with what both mentions say. */
export function mergeSameRole(members: MemberDraft[]): void {
  for (let i = members.length - 1; i > 0; i--) {
    const later = members[i]!;
    if (!later.role || !ONE_OF.test(later.role)) continue;
    const first = members.find((m, j) => j < i && m.role === later.role);
    if (!first || (later.ageYears !== undefined && first.ageYears !== undefined)) continue;
    first.ageYears ??= later.ageYears;
    if (later.ageYears !== undefined) first.kind = later.kind;
    first.sex ??= later.sex;
    if (later.conditions) first.conditions = [...new Set([...(first.conditions ?? []), ...later.conditions])];
    if (later.pregnant) first.pregnant = true;
    if (later.nursing) first.nursing = true;
    if (later.mobilityLimited) first.mobilityLimited = true;
    members.splice(i, 1);
  }
}

const YOUNG = new Set(['infant', 'child', 'teen']);

/** "kids 3 and 5 … my son has a peanut allergy": the son is one of the kids counted, not a third child. */
export function namedChildAmongCounted(members: MemberDraft[]): void {
  for (let i = members.length - 1; i >= 0; i--) {
    const named = members[i]!;
    if (!/^(son|daughter|stepson|stepdaughter)$/.test(named.role ?? '') || named.ageYears !== undefined)
      continue;
    const same = members.find((m) => m !== named && YOUNG.has(m.kind) && !m.role && m.sex == null);
    if (!same) continue;
    same.role = named.role;
    same.sex = named.sex ?? null;
    if (named.conditions) same.conditions = [...new Set([...(same.conditions ?? []), ...named.conditions])];
    members.splice(i, 1);
  }
}

/** "my wife is pregnant, so 2 adults": the count is of all the grown-ups, the ones named among them. */
export function countedAdultsInclusive(members: MemberDraft[], normalized: string): void {
  const said = /\b(\d+)\s+adults?\b/.exec(normalized);
  if (!said) return;
  const total = Number(said[1]);
  const grown = () => members.filter((m) => m.kind === 'adult' || m.kind === 'senior').length;
  const plain = (m: MemberDraft) =>
    m.kind === 'adult' && !m.role && m.ageYears === undefined && !m.conditions?.length && !m.pregnant;
  for (let i = members.length - 1; i >= 0 && grown() > total; i--) {
    if (plain(members[i]!)) members.splice(i, 1);
  }
}

/** A head count alone: a family is two adults and children; other groups are adults. */
export function membersForCount(
  count: number,
  family: boolean,
): { members: MemberDraft[]; assumption: string } {
  if (family && count >= 3) {
    const kids = count - 2;
    return {
      members: [member('adult'), member('adult'), ...Array.from({ length: kids }, () => member('child'))],
      assumption: `a family of ${count} is 2 adults and ${kids} child${kids === 1 ? '' : 'ren'} (ages help)`,
    };
  }
  return {
    members: Array.from({ length: count }, () => member('adult')),
    assumption:
      count === 1 ? 'one adult' : `all ${count} people are adults (tell me about children or seniors)`,
  };
}

/** "2 adults, 2 children (6, 9) and 1 infant" */
export function describeMembers(members: readonly MemberDraft[]): string {
  const groups: [MemberKind, string, string][] = [
    ['adult', 'adult', 'adults'],
    ['senior', 'senior', 'seniors'],
    ['teen', 'teen', 'teens'],
    ['child', 'child', 'children'],
    ['infant', 'infant', 'infants'],
  ];
  const parts: string[] = [];
  for (const [kind, one, many] of groups) {
    const of = members.filter((m) => m.kind === kind);
    if (of.length === 0) continue;
    const known = of.filter((m) => m.ageYears !== undefined).map((m) => fmtAge(m.ageYears!));
    const agesText = kind !== 'adult' && known.length === of.length ? ` (${known.join(', ')})` : '';
    parts.push(`${of.length} ${of.length === 1 ? one : many}${agesText}`);
  }
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function fmtAge(age: number): string {
  return age < 2 ? `${Math.round(age * 12)} mo` : String(age);
}
