import { barterGoods } from './barter.ts';
import { GO_BAG_MIN_AGE } from './carry.ts';
import type { Climate } from './climate.ts';
import {
  hasMedicalNeed,
  hasNursingMember,
  isAdult,
  isInfant,
  isMenstruating,
  needsPoweredMedical,
  round,
  usesInsulin,
} from './household.ts';
import { type ComputedName, type Condition, NEED_RULES, type NeedRule } from './need-rules.ts';
import type { Household, Mobility } from './plan-input.ts';
import { BABY_FOOD, WATER } from './ration-figures.ts';
import { calcRations, type RationPlan } from './rations.ts';
import type { ScenarioId } from './scenarios.ts';
import { cite } from './sources.ts';
import { SUPPLIES, supplyByKey } from './supplies.ts';

export { NEED_RULES } from './need-rules.ts';

const BLEACH_MAX_DAYS = 365;

export interface Need {
  key: string;
  name: string;
  category: string;
  quantity: number;
  unit: string;
  /** 1 = critical, 2 = important, 3 = useful. */
  priority: 1 | 2 | 3;
  reason: string;
  basis: string;
  scenarios: ScenarioId[];
}

export interface NeedsRequest {
  household: Household;
  durationDays: number;
  scenarios: readonly ScenarioId[];
  mobility: Mobility;
  climate: Climate;
  setting?: 'urban' | 'rural' | 'unknown';
  /**
   * The location's country (ResolvedLocation.country: 'US' or 'unknown', or an ISO code); US when not given.
   * Anything but US gets a plain AM/FM radio instead of a NOAA Weather Radio.
   */
  country?: string;
  /** Reuse rations already computed for the same inputs. */
  rations?: RationPlan;
}

function storageQuantity(rations: RationPlan, supplyKey: string): number {
  return rations.food.storage?.lines.find((l) => l.supplyKey === supplyKey)?.quantity ?? 0;
}

/** The ration figures rules refer to by name. */
export function computedQuantities(req: NeedsRequest, rations: RationPlan): Record<ComputedName, number> {
  const perDay = rations.water.gallonsPerDay;
  const days = req.durationDays;
  const beyondStorage = Math.max(0, days - rations.water.storageDays);
  const sum = <T>(list: readonly T[], f: (t: T) => number) => list.reduce((s, t) => s + f(t), 0);
  return {
    waterStorageGallons: rations.water.storageGallons,
    waterCarryGallons: rations.water.carryGallons,
    waterFilterGallons: perDay * beyondStorage,
    waterFilterGallonsBugOut: perDay * Math.max(0, days - WATER.carryDays),
    waterTreatGallons: perDay * Math.min(days, WATER.storageCapDays),
    // EPA_DISINFECTION: 1/8 tsp (1/48 fl oz) of 6% bleach per gallon, plus a 16 oz bottle for surfaces.
    // READYPLAN_ASSUMPTION: at most a year's worth, since stored bleach loses strength within about a year.
    bleachOz: (perDay * Math.max(0, Math.min(days, BLEACH_MAX_DAYS) - rations.water.storageDays)) / 48 + 16,
    // READYPLAN_ASSUMPTION: a month of the household's water held between rains.
    catchmentGallons: perDay * 30,
    readyToEatKcal: rations.food.readyToEatKcal,
    grainsLb: storageQuantity(rations, 'food-grains'),
    legumesLb: storageQuantity(rations, 'food-legumes'),
    fatsOilsLb: storageQuantity(rations, 'food-fats-oils'),
    sugarsLb: storageQuantity(rations, 'food-sugars'),
    dairyLb: storageQuantity(rations, 'food-dairy'),
    saltLb: storageQuantity(rations, 'food-salt'),
    varietyKcal: storageQuantity(rations, 'food-variety'),
    formulaPowderOz: sum(rations.infants, (i) => i.formulaPowderOz),
    babyFoodCount: sum(rations.infants, (i) => i.babyFoodTotal),
    diapersCount: sum(rations.infants, (i) => i.diapersTotal),
    wipesCount: sum(rations.infants, (i) => i.wipesTotal),
    medicationDays: rations.medications.lines.length > 0 ? rations.medications.targetDays : 0,
    medicalSupplyDays: rations.medications.medicalMembers.length > 0 ? rations.medications.targetDays : 0,
    glucoseDoses: rations.medications.glucoseDoses,
    toiletPaperRolls: rations.hygiene.toiletPaperRolls,
    soapBars: rations.hygiene.soapBars,
    toothpasteOz: rations.hygiene.toothpasteOz,
    feminineHygiene: rations.hygiene.feminineHygiene,
    petFoodLb: sum(rations.pets, (p) => p.foodLbTotal),
    barterGoodsCount: sum(barterGoods(req.household, days, req.scenarios), (g) => g.quantity),
  };
}

function holds(condition: Condition, req: NeedsRequest): boolean {
  const members = req.household.members;
  switch (condition) {
    case 'formula-infant':
      return members.some(isInfant) && !hasNursingMember(req.household);
    case 'breastfed-infant':
      return members.some(isInfant) && hasNursingMember(req.household);
    case 'baby-food-age':
      return members.some((m) => m.ageYears >= BABY_FOOD.fromYears && m.ageYears < BABY_FOOD.underYears);
    case 'diapered-child':
      return members.some((m) => m.ageYears < 3);
    case 'pets':
      return req.household.pets.length > 0;
    case 'daily-medications':
      return members.some((m) => m.dailyMedications.length > 0);
    case 'powered-medical':
      return needsPoweredMedical(req.household);
    case 'insulin':
      return members.some(usesInsulin);
    case 'medical-need':
      return members.some(hasMedicalNeed);
    case 'menstruating':
      return members.some(isMenstruating);
    case 'not-urban':
      return req.setting !== 'urban';
  }
}

/** The chosen scenarios a rule matches; null when it does not apply. "all" applies to every plan. */
function matchedScenarios(rule: NeedRule, req: NeedsRequest): ScenarioId[] | null {
  if (rule.mobility && !rule.mobility.includes(req.mobility)) return null;
  if (rule.climates && !rule.climates.includes(req.climate)) return null;
  const country = (req.country ?? 'US').toUpperCase();
  if (rule.countries && !rule.countries.includes(country)) return null;
  if (rule.notCountries?.includes(country)) return null;
  if (rule.minDays !== undefined && req.durationDays < rule.minDays) return null;
  if (rule.maxDays !== undefined && req.durationDays > rule.maxDays) return null;
  if (rule.requires && !rule.requires.every((c) => holds(c, req))) return null;
  if (rule.scenarios.includes('all')) return [...req.scenarios];
  const matched = req.scenarios.filter((s) => rule.scenarios.includes(s));
  return matched.length > 0 ? matched : null;
}

function amount(rule: NeedRule, req: NeedsRequest, computed: Record<ComputedName, number>): number {
  const q = rule.quantity;
  if ('computed' in q) return computed[q.computed];
  const days = Math.min(req.durationDays, q.daysCap ?? req.durationDays);
  const people = req.household.members.length;
  switch (q.per) {
    case 'household':
      return q.amount;
    case 'person':
      return q.amount * people;
    case 'adult':
      return q.amount * Math.max(1, req.household.members.filter(isAdult).length);
    case 'teen-or-adult':
      // A household of young children still has one bag, carried by whoever leads them.
      return q.amount * Math.max(1, req.household.members.filter((m) => m.ageYears >= GO_BAG_MIN_AGE).length);
    case 'sleeper':
      return q.amount * Math.max(1, req.household.members.filter((m) => !isInfant(m)).length);
    case 'insulin-user':
      return q.amount * req.household.members.filter(usesInsulin).length;
    case 'pet':
      return q.amount * req.household.pets.length;
    case 'person-day':
      return q.amount * people * days;
    case 'household-day':
      return q.amount * days;
  }
}

/** Whole units for countable things; a tenth for gallons, pounds, ounces and hours; always rounded up. */
function roundUp(quantity: number, unit: string): number {
  const fractional = ['gal', 'lb', 'oz', 'hours'].includes(unit);
  const step = fractional ? 10 : 1;
  return Math.ceil(round(quantity * step, 6)) / step;
}

/** The rule's reason in the words of the scenarios that triggered it. */
function reasonFor(rule: NeedRule, scenarios: readonly ScenarioId[]): string {
  if (!rule.reasons) return rule.reason;
  const said = [...new Set(scenarios.map((s) => rule.reasons?.[s]).filter((r): r is string => !!r))];
  return said.length > 0 ? said.join('; ') : rule.reason;
}

const supplyOrder = new Map(SUPPLIES.map((s, i) => [s.key, i]));

/**
 * Every supply the plan needs, from the rules in data/need-rules.json: several rules for one key merge
 * into the largest quantity, the most urgent priority and all their reasons and scenarios.
 */
export function computeNeeds(req: NeedsRequest): Need[] {
  const rations = req.rations ?? calcRations(req.household, req.durationDays, req.climate, req.scenarios);
  const computed = computedQuantities(req, rations);
  const merged = new Map<string, Need>();
  for (const rule of NEED_RULES) {
    const scenarios = matchedScenarios(rule, req);
    if (scenarios === null) continue;
    const supply = supplyByKey(rule.key);
    const quantity = roundUp(amount(rule, req, computed), supply.unit);
    if (quantity <= 0) continue;
    const basis = cite(rule.basis, rule.sources);
    const existing = merged.get(rule.key);
    if (!existing) {
      merged.set(rule.key, {
        key: rule.key,
        name: rule.name ?? supply.label,
        category: supply.category,
        quantity,
        unit: supply.unit,
        priority: rule.priority,
        reason: reasonFor(rule, scenarios),
        basis,
        scenarios,
      });
      continue;
    }
    existing.quantity = Math.max(existing.quantity, quantity);
    existing.priority = Math.min(existing.priority, rule.priority) as 1 | 2 | 3;
    const reason = reasonFor(rule, scenarios);
    if (!existing.reason.includes(reason)) existing.reason = `${existing.reason}; ${reason}`;
    if (!existing.basis.includes(basis)) existing.basis = `${existing.basis}; ${basis}`;
    existing.scenarios = [...new Set([...existing.scenarios, ...scenarios])];
  }
  return [...merged.values()].sort(
    (a, b) => a.priority - b.priority || (supplyOrder.get(a.key) ?? 0) - (supplyOrder.get(b.key) ?? 0),
  );
}
