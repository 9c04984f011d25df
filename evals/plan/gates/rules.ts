import { fmt } from '../derive.ts';
import { failIf, type Gate } from './types.ts';

/**
 * Water: "Store at least 1 gallon of water per person per day" (CDC_KIT_WATER; FEMA_FOOD_WATER; Ready.gov
 * READY_WATER_REPRO) — "3-day supply for evacuation, 2-week supply for home" (ARC_123). So every member
 * gets ≥ 1 gal a day, the whole plan ≥ 1 gal per person per day, and the stored water ≥ 1 gal per person
 * for 14 days at home (3 when evacuating), or the whole plan if shorter.
 */
export const waterRule: Gate = {
  id: 'rules.water',
  type: 'rules',
  run: ({ plan, d }) => {
    const problems: string[] = [];
    const people = plan.household.members.length;
    for (const m of plan.household.members)
      if (m.waterGallonsPerDay < 1) problems.push(`${m.label}: ${m.waterGallonsPerDay} gal/day < 1`);
    const total = plan.rationPlan.water.totalGallons;
    if (total < people * plan.durationDays - 1e-6)
      problems.push(`${fmt(total)} gal for ${people} people × ${plan.durationDays} days < 1 gal/person/day`);
    const storedDays = Math.min(plan.durationDays, d.bugOut ? 3 : 14);
    const stored =
      (d.need.get('water-storage')?.quantity ?? 0) +
      (d.bugOut ? (d.need.get('water-carry')?.quantity ?? 0) : 0);
    if (stored < people * storedDays - 1e-6)
      problems.push(
        `stores ${fmt(stored)} gal; ${people} people × ${storedDays} days needs ${people * storedDays}`,
      );
    return failIf(problems, `${fmt(plan.rationPlan.water.gallonsPerDay)} gal/day, ${fmt(total)} gal`);
  },
};

/**
 * DGA 2020-2025 Table A2-2, estimated calories per day by age, sex and activity (ages 2+), as quoted in
 * data/sources/reference/reference.md §2.4: [from age, to age, M sedentary, moderate, active, F sedentary,
 * moderate, active].
 */
const DGA: [number, number, number, number, number, number, number, number][] = [
  [2, 2, 1000, 1000, 1000, 1000, 1000, 1000],
  [3, 3, 1000, 1400, 1400, 1000, 1200, 1400],
  [4, 4, 1200, 1400, 1600, 1200, 1400, 1400],
  [5, 5, 1200, 1400, 1600, 1200, 1400, 1600],
  [6, 6, 1400, 1600, 1800, 1200, 1400, 1600],
  [7, 7, 1400, 1600, 1800, 1200, 1600, 1800],
  [8, 8, 1400, 1600, 2000, 1400, 1600, 1800],
  [9, 9, 1600, 1800, 2000, 1400, 1600, 1800],
  [10, 10, 1600, 1800, 2200, 1400, 1800, 2000],
  [11, 11, 1800, 2000, 2200, 1600, 1800, 2000],
  [12, 12, 1800, 2200, 2400, 1600, 2000, 2200],
  [13, 13, 2000, 2200, 2600, 1600, 2000, 2200],
  [14, 14, 2000, 2400, 2800, 1800, 2000, 2400],
  [15, 15, 2200, 2600, 3000, 1800, 2000, 2400],
  [16, 18, 2400, 2800, 3200, 1800, 2000, 2400],
  [19, 20, 2600, 2800, 3000, 2000, 2200, 2400],
  [21, 25, 2400, 2800, 3000, 2000, 2200, 2400],
  [26, 30, 2400, 2600, 3000, 1800, 2000, 2400],
  [31, 35, 2400, 2600, 3000, 1800, 2000, 2200],
  [36, 40, 2400, 2600, 2800, 1800, 2000, 2200],
  [41, 45, 2200, 2600, 2800, 1800, 2000, 2200],
  [46, 50, 2200, 2400, 2800, 1800, 2000, 2200],
  [51, 55, 2200, 2400, 2800, 1600, 1800, 2200],
  [56, 60, 2200, 2400, 2600, 1600, 1800, 2200],
  [61, 65, 2000, 2400, 2600, 1600, 1800, 2000],
  [66, 70, 2000, 2200, 2600, 1600, 1800, 2000],
  [71, 75, 2000, 2200, 2600, 1600, 1800, 2000],
  [76, 200, 2000, 2200, 2400, 1600, 1800, 2000],
];
const ACTIVITY = { sedentary: 0, moderate: 1, active: 2 } as const;
// Table A2-3: pregnancy adds 0 / 340 / 452 by trimester, lactation 330 / 400.
const PREGNANCY_MAX = 452;
const LACTATION = [330, 400];

/** The DGA range for a member: exact for a known sex, between the sexes' figures when none is given. */
export function dgaRange(
  age: number,
  sex: 'm' | 'f' | null,
  activity: keyof typeof ACTIVITY,
): [number, number] | null {
  if (age < 1) return [0, 1000]; // infants: formula and solids, not in Table A2-2
  if (age < 2) return [700, 1000]; // Table A2-1, 12-23 months
  const row = DGA.find(([from, to]) => Math.floor(age) >= from && Math.floor(age) <= to);
  if (!row) return null;
  const m = row[2 + ACTIVITY[activity]]!;
  const f = row[5 + ACTIVITY[activity]]!;
  if (sex === 'm') return [m, m];
  if (sex === 'f') return [f, f];
  return [Math.min(m, f), Math.max(m, f)];
}

export const calorieRule: Gate = {
  id: 'rules.calories',
  type: 'rules',
  run: ({ case: c, plan }) => {
    const problems: string[] = [];
    const specs = c.people.split(',');
    plan.household.members.forEach((m, i) => {
      const spec = specs[i] ?? '';
      const range = dgaRange(m.ageYears, m.sex, c.activity);
      if (!range) return;
      let [lo, hi] = range;
      if (/pregnant/.test(spec)) hi += PREGNANCY_MAX;
      if (/nursing/.test(spec)) {
        lo += LACTATION[0]!;
        hi += LACTATION[1]!;
      }
      if (m.kcalPerDay < lo - 1 || m.kcalPerDay > hi + 1)
        problems.push(
          `${m.label}: ${m.kcalPerDay} kcal/day, DGA gives ${lo === hi ? lo : `${lo}-${hi}`} (${c.activity})`,
        );
    });
    const sum = plan.household.members.reduce((s, m) => s + m.kcalPerDay, 0);
    if (Math.abs(sum - plan.rationPlan.food.kcalPerDay) > 1)
      problems.push(
        `members sum to ${sum} kcal/day, the ration plan says ${plan.rationPlan.food.kcalPerDay}`,
      );
    const total = plan.rationPlan.food.kcalPerDay * plan.durationDays;
    if (Math.abs(total - plan.rationPlan.food.totalKcal) > Math.max(1, 0.01 * total))
      problems.push(
        `total ${fmt(plan.rationPlan.food.totalKcal, 0)} kcal ≠ ${fmt(total, 0)} (kcal/day × days)`,
      );
    return failIf(problems, `${fmt(plan.rationPlan.food.kcalPerDay, 0)} kcal/day`);
  },
};

/** Judged in suite.ts (runImpossible): a possible household has nothing to refuse. */
export const impossibleMembers: Gate = {
  id: 'rules.impossible-members',
  type: 'rules',
  run: () => ({ status: 'n/a', message: 'a possible household' }),
};

export const ruleGates: Gate[] = [waterRule, calorieRule, impossibleMembers];
