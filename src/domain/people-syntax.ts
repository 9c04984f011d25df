import {
  DEFAULT_AGE,
  MEMBER_CONDITIONS,
  MEMBER_KINDS,
  type Member,
  type MemberCondition,
  MemberConditionSchema,
  MemberSchema,
  type Pet,
  PetSchema,
} from './plan-input.ts';

/** Parses the CLI syntax of plan-cli.md; errors name the offending part so a person can fix it. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

const AGE = /^(\d+(?:\.\d+)?)(y|mo)?$/;

const PART_HELP = `m, f, an age such as 38 or 6mo, pregnant, nursing or a condition (${MEMBER_CONDITIONS.join(', ')}, allergy-<food>)`;

/**
 * "adult:f:38,adult:m:40,child:6,infant:6mo,adult:f:nursing,senior:m:81:diabetic-insulin" → members
 * (defaults per kind). A `mobility-aid` member is also `mobilityLimited`, which evacuation guidance reads.
 */
export function parsePeople(
  text: string,
  defaults: Partial<Pick<Member, 'activity'>> = {},
): ParseResult<Member[]> {
  const specs = text.split(',').map((s) => s.trim());
  if (text.trim() === '')
    return { ok: false, error: 'no household members given (e.g. "adult:f:38,child:6")' };
  const members: Member[] = [];
  for (const [i, spec] of specs.entries()) {
    const where = `member ${i + 1} ("${spec}")`;
    if (spec === '') return { ok: false, error: `member ${i + 1} is empty (two commas in a row?)` };
    const [kindPart = '', ...parts] = spec.split(':').map((p) => p.trim().toLowerCase());
    const kind = MEMBER_KINDS.find((k) => k === kindPart || `${k}s` === kindPart);
    if (!kind) {
      return {
        ok: false,
        error: `${where}: unknown kind "${kindPart}" (expected ${MEMBER_KINDS.join(', ')})`,
      };
    }
    let sex: 'm' | 'f' | null = null;
    let age: number | null = null;
    let pregnant = false;
    let nursing = false;
    const conditions: MemberCondition[] = [];
    for (const part of parts) {
      const ageMatch = AGE.exec(part);
      if (part === 'm' || part === 'f') {
        if (sex !== null) return { ok: false, error: `${where}: sex given twice` };
        sex = part;
      } else if (ageMatch) {
        if (age !== null) return { ok: false, error: `${where}: age given twice` };
        age = ageMatch[2] === 'mo' ? Number(ageMatch[1]) / 12 : Number(ageMatch[1]);
      } else if (part === 'pregnant') pregnant = true;
      else if (part === 'nursing') nursing = true;
      else if (MemberConditionSchema.safeParse(part).success) {
        if (!conditions.includes(part as MemberCondition)) conditions.push(part as MemberCondition);
      } else {
        return { ok: false, error: `${where}: unknown part "${part}" (expected ${PART_HELP})` };
      }
    }
    if ((pregnant || nursing) && sex === 'm') {
      return { ok: false, error: `${where}: "${pregnant ? 'pregnant' : 'nursing'}" cannot apply to sex m` };
    }
    const parsed = MemberSchema.safeParse({
      kind,
      ageYears: age ?? DEFAULT_AGE[kind],
      sex: pregnant || nursing ? 'f' : sex,
      pregnant,
      nursing,
      conditions,
      mobilityLimited: conditions.includes('mobility-aid'),
      ...defaults,
    });
    if (!parsed.success) {
      return {
        ok: false,
        error: `${where}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`,
      };
    }
    members.push(parsed.data);
  }
  return { ok: true, value: members };
}

/** "dog:30,cat:10" → pets; the weight in pounds is required because water and food scale with it. */
export function parsePets(text: string): ParseResult<Pet[]> {
  if (text.trim() === '') return { ok: true, value: [] };
  const pets: Pet[] = [];
  for (const [i, spec] of text
    .split(',')
    .map((s) => s.trim())
    .entries()) {
    const where = `pet ${i + 1} ("${spec}")`;
    const [species = '', weight, ...rest] = spec.split(':').map((p) => p.trim().toLowerCase());
    if (species !== 'dog' && species !== 'cat' && species !== 'other') {
      return { ok: false, error: `${where}: unknown species "${species}" (expected dog, cat or other)` };
    }
    if (weight === undefined || weight === '') {
      return { ok: false, error: `${where}: missing weight in pounds (e.g. ${species}:30)` };
    }
    if (rest.length > 0) return { ok: false, error: `${where}: unexpected part "${rest.join(':')}"` };
    const weightLb = Number(weight.replace(/lbs?$/, ''));
    const parsed = PetSchema.safeParse({ species, weightLb });
    if (!Number.isFinite(weightLb) || !parsed.success) {
      return {
        ok: false,
        error: `${where}: weight "${weight}" must be a number of pounds between 0 and 400`,
      };
    }
    pets.push(parsed.data);
  }
  return { ok: true, value: pets };
}
