import { type PlanInput, parsePeople, parsePets } from '../../src/domain/index.ts';
import type { EvalCase } from './case-schema.ts';

export type CaseInput = { input: PlanInput; notes: string[] };

/**
 * The plan request the `plan` command would build from the case's flags (src/cli/plan-args.ts): the
 * domain's own people/pets syntax, the mobility and owned stock as the command maps them. A pet species the
 * engine does not accept yet is passed as `other` (and noted), so the case still runs.
 */
export function caseInput(c: EvalCase): CaseInput {
  const notes: string[] = [];
  const people = parsePeople(c.people, { activity: c.activity });
  if (!people.ok) throw new Error(`case ${c.id}: --people: ${people.error}`);
  let pets = parsePets(c.pets);
  if (!pets.ok) {
    const asOther = c.pets
      .split(',')
      .filter(Boolean)
      .map((spec) => {
        const [species = '', weight = ''] = spec.split(':');
        if (['dog', 'cat', 'other'].includes(species)) return spec;
        notes.push(`pet ${species} passed as "other": the engine does not accept that species yet`);
        return `other:${weight}`;
      })
      .join(',');
    pets = parsePets(asOther);
    if (!pets.ok) throw new Error(`case ${c.id}: --pets: ${pets.error}`);
  }
  return {
    notes,
    input: {
      location: c.location,
      members: people.value,
      pets: pets.value,
      durationDays: c.days,
      scenarios: c.scenarios,
      mobility: c.mobility === 'bugout' ? 'BUG_OUT' : 'SHELTER_IN_PLACE',
      budget: c.budget,
      ...(c.monthlyBudget !== undefined ? { monthlyBudget: c.monthlyBudget } : {}),
      owned: c.owned,
      skills: [],
    },
  };
}

/**
 * The species the household has: what pet food must match. A species passed as `other` (see caseInput)
 * is both itself and `other`, since `other` is all the engine was told.
 */
export function caseSpecies(c: EvalCase): string[] {
  const named = c.pets
    .split(',')
    .filter(Boolean)
    .map((s) => s.split(':')[0]!.trim().toLowerCase());
  const mapped = named.some((s) => !['dog', 'cat', 'other'].includes(s));
  return [...new Set([...named, ...(mapped ? ['other'] : [])])];
}

/**
 * The case's members read without the domain parser (kind, m/f, age, pregnant, nursing), so an impossible
 * member reaches the plan service itself: the service must refuse what the command line would.
 */
export function rawMembers(c: EvalCase): Record<string, unknown>[] {
  return c.people.split(',').map((spec) => {
    const [kind = '', ...parts] = spec.split(':');
    const member: Record<string, unknown> = { kind };
    for (const part of parts) {
      if (part === 'm' || part === 'f') member.sex = part;
      else if (/^\d+(\.\d+)?$/.test(part)) member.ageYears = Number(part);
      else if (part === 'pregnant' || part === 'nursing') member[part] = true;
    }
    member.ageYears ??= 35;
    return member;
  });
}
