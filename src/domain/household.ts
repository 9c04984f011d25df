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

// Devices that need electricity (CDC_POWER_SOURCES: "breathing machines, power wheelchairs and scooters,
// nebulizers, and oxygen or home dialysis equipment"), named in free-text medical needs.
const POWERED_DEVICE = /oxygen|cpap|bipap|ventilator|dialysis|nebuli[sz]er|power(ed)? wheelchair|suction/i;
// Medicines that must stay cool (FDA_INSULIN_STORAGE: insulin below 86°F/30°C), named in free text.
const COLD_CHAIN = /insulin|refrigerat/i;

function medicalTexts(member: Member): string[] {
  return [...member.medicalNeeds, ...member.dailyMedications.map((d) => d.name)];
}

/** Needs help to move: stated directly, or implied by a mobility aid (entry points other than `--people` may set only the condition). */
export function isMobilityLimited(member: Member): boolean {
  return member.mobilityLimited || member.conditions.includes('mobility-aid');
}

/** A member whose care runs on electricity: home oxygen, home dialysis, CPAP ... */
export function needsPower(member: Member): boolean {
  return (
    member.conditions.includes('oxygen') ||
    member.conditions.includes('dialysis') ||
    medicalTexts(member).some((t) => POWERED_DEVICE.test(t))
  );
}

/** A member whose medicine must be kept cool without power (insulin). */
export function usesInsulin(member: Member): boolean {
  return (
    member.conditions.includes('diabetic-insulin') || medicalTexts(member).some((t) => COLD_CHAIN.test(t))
  );
}

/** Any medical need the plan must supply for: a condition other than a food allergy, a stated need or a prescription. */
export function hasMedicalNeed(member: Member): boolean {
  return (
    member.conditions.some((c) => !c.startsWith('allergy-') && c !== 'mobility-aid') ||
    member.medicalNeeds.length > 0 ||
    member.dailyMedications.length > 0
  );
}

/** Foods someone in the household must not eat ("allergy-peanut" → "peanut"), for choosing food products. */
export function foodAllergies(household: Household): string[] {
  const foods = household.members.flatMap((m) =>
    m.conditions.filter((c) => c.startsWith('allergy-')).map((c) => c.slice('allergy-'.length)),
  );
  return [...new Set(foods)];
}

export function needsPoweredMedical(household: Household): boolean {
  return household.members.some(needsPower);
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
