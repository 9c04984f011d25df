import { memberLabel } from './household.ts';
import type { Household } from './plan-input.ts';
import { MEDICATION_DAYS } from './ration-figures.ts';
import { cite } from './sources.ts';

export interface MedicationLine {
  member: string;
  name: string;
  dosesPerDay: number;
  days: number;
  doses: number;
}

export interface MedicationPlan {
  /** Days of each daily prescription to hold at home. */
  targetDays: number;
  /** Days to keep in the go-bag. */
  goKitDays: number;
  lines: MedicationLine[];
  basis: string;
}

/**
 * The plan's days, but at least the one-month home supply the Red Cross asks for and at most the
 * 90 days a pharmacy will usually dispense; a go-bag holds the CDC's 7-10 days (10 used).
 */
export function medicationPlan(household: Household, durationDays: number): MedicationPlan {
  const targetDays = Math.min(MEDICATION_DAYS.maximum, Math.max(MEDICATION_DAYS.homeMinimum, durationDays));
  const lines = household.members.flatMap((m) =>
    m.dailyMedications.map((med) => ({
      member: memberLabel(m),
      name: med.name,
      dosesPerDay: med.dosesPerDay,
      days: targetDays,
      doses: Math.ceil(med.dosesPerDay * targetDays),
    })),
  );
  const beyond =
    durationDays > MEDICATION_DAYS.maximum
      ? ` The plan runs ${durationDays} days: beyond ${MEDICATION_DAYS.maximum} days keep refilling on the first eligible day and ask the prescriber about 90-day and mail-order fills.`
      : '';
  return {
    targetDays,
    goKitDays: MEDICATION_DAYS.goKit,
    lines,
    basis:
      cite(
        `Daily prescriptions: doses/day x ${targetDays} days (plan days, at least a one-month home supply, at most a 90-day fill, assumption for the cap); ${MEDICATION_DAYS.goKit} days in the go-bag ("7- to 10-day supply")`,
        [
          'ARC_2026_WINTER',
          'ARC_COWY_KIT',
          'CDC_MEDS_NPM2019',
          'CDC_STACKS_80940',
          'READY_MEDS_FAQ',
          'READYPLAN_ASSUMPTION',
        ],
      ) + beyond,
  };
}
