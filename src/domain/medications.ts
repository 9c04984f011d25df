import { hasMedicalNeed, memberLabel, usesInsulin } from './household.ts';
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
  /** Members with a medical condition, stated need or prescription: their supplies are held for targetDays. */
  medicalMembers: string[];
  /** Members on insulin: cold storage without power, sharps disposal and glucose for lows. */
  insulinUsers: number;
  /** 15 g doses of fast-acting glucose for treating lows over targetDays (GLUCOSE_DOSES_PER_INSULIN_USER_DAY). */
  glucoseDoses: number;
  basis: string;
}

/**
 * READYPLAN_ASSUMPTION: about two lows a week to treat for a member on insulin (0.3 a day), each with 15 g of
 * fast-acting glucose, 4 tablets (CDC_LOW_BLOOD_SUGAR "15-15 rule"); CDC_DIABETES_DISASTERS asks people with
 * diabetes to "keep something containing sugar with you at all times". Stress and irregular meals after a
 * disaster make lows more likely, so the figure is set above a calm week's.
 */
export const GLUCOSE_DOSES_PER_INSULIN_USER_DAY = 0.3;

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
  const insulinUsers = household.members.filter(usesInsulin).length;
  return {
    targetDays,
    goKitDays: MEDICATION_DAYS.goKit,
    lines,
    medicalMembers: household.members.filter(hasMedicalNeed).map(memberLabel),
    insulinUsers,
    glucoseDoses: Math.ceil(insulinUsers * targetDays * GLUCOSE_DOSES_PER_INSULIN_USER_DAY),
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
