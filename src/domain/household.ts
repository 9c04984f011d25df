import type { Household, Member } from './plan-input.ts';
import { FEMININE_HYGIENE, WATER } from './ration-figures.ts';

/** A readable, stable label: "adult (f, 38)", "infant (6 mo)". */
export function memberLabel(member: Member): string {
  const age = member.ageYears < 2 ? `${Math.round(member.ageYears * 12)} mo` : `${round(member.ageYears, 1)}`;
  const flags = [member.pregnant ? 'pregnant' : '', member.nursing ? 'nursing' : ''].filter(Boolean);
  return `${member.kind} (${[member.sex, age, ...flags].filter(Boolean).join(', ')})`;
}

export function isInfant(member: Member): boolean {
  return member.ageYears < 1;
}

export function isChild(member: Member): boolean {
  return member.ageYears < WATER.childUnderYears;
}

export function isAdult(member: Member): boolean {
  return member.ageYears >= 18;
}

export function isMenstruating(member: Member): boolean {
  return (
    member.sex === 'f' &&
    !member.pregnant &&
    member.ageYears >= FEMININE_HYGIENE.fromYears &&
    member.ageYears <= FEMININE_HYGIENE.toYears
  );
}

/** Breastfed infants share in their mother's portion (LDS_ENSIGN_1998) when someone nurses. */
export function hasNursingMember(household: Household): boolean {
  return household.members.some((m) => m.nursing);
}

// Medical needs that depend on electricity or refrigeration (oxygen concentrators, CPAP, insulin ...).
const POWERED_MEDICAL =
  /oxygen|cpap|bipap|ventilator|dialysis|nebuli[sz]er|power(ed)? wheelchair|insulin|refrigerat/i;

export function needsPoweredMedical(household: Household): boolean {
  return household.members.some((m) =>
    [...m.medicalNeeds, ...m.dailyMedications.map((d) => d.name)].some((need) => POWERED_MEDICAL.test(need)),
  );
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
