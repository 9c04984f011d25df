import type { BarterGood } from '../barter.ts';
import type { EvacuationGuidance } from '../evacuation.ts';
import type { GeneratedKit, KitItem } from '../generated-kit.ts';
import type { Hazard } from '../hazards.ts';
import type { ResolvedLocation } from '../location.ts';
import { money } from '../money.ts';
import type { Need } from '../needs.ts';
import type { OptimizeResult, ScheduleMonth } from '../optimizer/index.ts';
import type { Phase } from '../phases.ts';
import type { PlanInput } from '../plan-input.ts';
import type { RationPlan } from '../rations.ts';
import type { DaysOfSupply, Readiness } from '../readiness.ts';
import { SCENARIO_NAMES, type ScenarioId } from '../scenarios.ts';
import type { SimulationDay } from '../simulation.ts';
import type { SkillNeed } from '../skills.ts';
import { supplyByKey } from '../supplies.ts';
import { gallons } from '../units.ts';
import { describeCoverage } from './coverage.ts';
import { dietReport } from './diet-report.ts';
import { coverageFigures, describeShortfall, needLines, scaleProvisions } from './needs-report.ts';
import type { ProductInfo } from './product-info.ts';
import { supplyOfModelKey } from './virtual-needs.ts';

export type { ProductInfo };
export type BundleMatch = { bundleId: string; slug: string; name: string; score: number; reasons: string[] };
export type SkillResourceRef = { title: string; url: string; source: string | null };

export type PlanParts = {
  input: PlanInput;
  location: ResolvedLocation;
  hazards: Hazard[];
  scenarios: { scenarios: ScenarioId[]; chosen: ScenarioId[]; implied: ScenarioId[] };
  rations: RationPlan;
  needs: Need[];
  optimizer: OptimizeResult;
  products: ReadonlyMap<string, ProductInfo>;
  bundles: BundleMatch[];
  readiness: Readiness;
  daysOfSupply: DaysOfSupply[];
  barter: BarterGood[];
  required: SkillNeed[];
  gaps: SkillNeed[];
  resources: ReadonlyMap<string, SkillResourceRef[]>;
  simulation: SimulationDay[];
  evacuation: EvacuationGuidance;
  phases: Phase[];
  schedule?: ScheduleMonth[];
  /** Cost to cover each need fully with the cheapest fitting product (weights coverage). */
  costToCover: ReadonlyMap<string, number>;
  /** Products left out because they do not fit, with why. */
  notFitting: { name: string; reason: string }[];
};

const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places;
// Money as every page writes it ("$2,000.00"), so the summary matches the figures beside it.
const usd = money;

export function durationLabel(days: number): string {
  if (days <= 3) return '72-hour';
  if (days % 365 === 0) return days === 365 ? '1-year' : `${days / 365}-year`;
  if (days >= 28 && days % 30 === 0) return `${days / 30}-month`;
  if (days % 7 === 0) return `${days / 7}-week`;
  return `${days}-day`;
}

const cents = (n: number) => Math.round(n * 100);

function kitItems(
  optimizer: Pick<OptimizeResult, 'items'>,
  products: ReadonlyMap<string, ProductInfo>,
): KitItem[] {
  return optimizer.items.flatMap((item): KitItem[] => {
    const info = products.get(item.productId);
    if (item.bundleId && info?.parts?.length) {
      // A bundle is priced as the sum of its parts, so its lines add up to what the optimizer spent.
      return info.parts.map((part) => ({
        productId: part.productId,
        name: part.name,
        quantity: part.quantity * item.quantity,
        unitPrice: part.unitPrice,
        lineTotal: cents(part.unitPrice * part.quantity * item.quantity) / 100,
        covers: item.covers,
        bundleId: item.bundleId ?? null,
        productUrl: part.productUrl,
        category: 'bundle',
        provides: scaleProvisions(
          products.get(part.productId)?.provides ?? [],
          part.quantity * item.quantity,
        ),
        priceObservedAt: products.get(part.productId)?.priceObservedAt ?? null,
      }));
    }
    return [
      {
        productId: item.productId,
        name: item.name,
        quantity: item.quantity,
        unitPrice: item.unitPrice,
        lineTotal: item.lineTotal,
        covers: item.covers,
        bundleId: item.bundleId ?? null,
        productUrl: info?.productUrl ?? null,
        ...(info?.category ? { category: info.category } : {}),
        provides: scaleProvisions(info?.provides ?? [], item.quantity),
        priceObservedAt: info?.priceObservedAt ?? null,
      },
    ];
  });
}

function summary(parts: PlanParts, spent: number, budget: GeneratedKit['budget']): string {
  const { input, rations, location, scenarios, optimizer, readiness } = parts;
  const people = input.members.length;
  const pets = input.pets.length;
  const who = `${people} ${people === 1 ? 'person' : 'people'}${pets ? ` and ${pets} ${pets === 1 ? 'pet' : 'pets'}` : ''}`;
  const where =
    location.country === 'US' ? ` in ${location.city ? `${location.city}, ` : ''}${location.state}` : '';
  const threats =
    scenarios.scenarios.map((s) => SCENARIO_NAMES[s].toLowerCase()).join(', ') || 'general emergencies';
  const sentences = [
    `A ${durationLabel(input.durationDays)} plan for ${who}${where}, covering ${threats}.`,
    input.mobility === 'BUG_OUT'
      ? `Water: ${gallons(rations.water.gallonsPerDay)} a day, ${gallons(rations.water.carryGallons)} to carry.`
      : `Water: ${gallons(rations.water.gallonsPerDay)} a day, ${gallons(rations.water.storageGallons)} to store.`,
    `Food: ${Math.round(rations.food.kcalPerDay).toLocaleString('en-US')} kcal a day, ${Math.round(rations.food.totalKcal).toLocaleString('en-US')} kcal in all.`,
  ];
  if (input.budget > 0) {
    sentences.push(
      `Within ${usd(input.budget)} it buys ${optimizer.items.length} item${optimizer.items.length === 1 ? '' : 's'} for ${usd(spent)}; with what you own that covers ${describeCoverage(budget)}.`,
    );
  } else {
    sentences.push(
      `No budget was given, so the plan lists needs only${budget.leastCoveredCritical ? ` (${describeShortfall(budget.leastCoveredCritical)} on hand)` : ''}.`,
    );
  }
  sentences.push(`Readiness today: ${readiness.score}/100.`);
  if (location.message) sentences.push(location.message);
  return sentences.join(' ');
}

/** The optimizer's left-out list in supply terms: the shaping keys (food groups, pet species) fold back. */
function leftOutOf(leftOut: OptimizeResult['leftOut']): GeneratedKit['budget']['leftOut'] {
  const out = new Map<string, string>();
  for (const l of leftOut) {
    const key = supplyOfModelKey(l.key);
    if (key === null || out.has(key)) continue;
    const species = l.key.startsWith('pet-food:') ? ` (${l.key.slice('pet-food:'.length)})` : '';
    out.set(key, `${supplyByKey(key)?.label ?? key}${species}: ${l.reason}`);
  }
  return [...out].map(([key, reason]) => ({ key, reason }));
}

/** Puts the computed parts together as the stored plan; every number here was computed elsewhere. */
export function assemblePlan(parts: PlanParts): GeneratedKit {
  const { input, rations, optimizer, location, scenarios } = parts;
  const items = kitItems(optimizer, parts.products);
  const spent = items.reduce((sum, i) => sum + cents(i.lineTotal), 0) / 100;
  const food = rations.food;
  const basis = [
    rations.water.basis,
    food.basis,
    ...(food.storage ? [food.storage.basis] : []),
    ...rations.infants.map((i) => i.basis),
    rations.medications.basis,
    rations.hygiene.basis,
  ];
  const lines = needLines(parts.needs, input.owned, items);
  const figures = coverageFigures(lines, parts.costToCover);
  const diet = dietReport(
    items,
    parts.products,
    input.durationDays,
    parts.needs.find((n) => n.key === 'food-kcal')?.quantity ?? 0,
  );
  const budget: GeneratedKit['budget'] = {
    limit: input.budget,
    spent,
    coverage: figures.overall,
    coverageByPriority: { critical: figures.critical, important: figures.important, useful: figures.useful },
    strategy: optimizer.strategy,
    leftOut: leftOutOf(optimizer.leftOut),
    needs: lines,
    leastCoveredCritical: figures.leastCoveredCritical,
    ...(diet ? { diet } : {}),
    notFitting: parts.notFitting,
  };
  return {
    title: `${durationLabel(input.durationDays)} ${scenarios.chosen.length ? scenarios.chosen.map((s) => SCENARIO_NAMES[s]).join(' + ') : 'readiness'} plan`,
    summary: summary(parts, spent, budget),
    location: {
      input: location.input,
      state: location.state,
      country: location.country,
      climate: location.climate,
      hazards: parts.hazards.map((h) => ({
        id: h.id,
        rating: h.rating,
        expectedAnnualLoss: Math.round(h.ealUsd),
        scenario: h.scenario,
      })),
      ...(location.message ? { message: location.message } : {}),
    },
    household: {
      members: rations.members.map((m) => ({
        label: m.label,
        ageYears: m.ageYears,
        sex: m.sex,
        kcalPerDay: m.kcalPerDay,
        waterGallonsPerDay: m.waterGallonsPerDay,
      })),
      pets: rations.pets.map((p) => ({
        species: p.species,
        weightLb: p.weightLb,
        waterGallonsPerDay: p.waterGallonsPerDay,
      })),
    },
    durationDays: input.durationDays,
    mobility: input.mobility,
    scenarios: scenarios.scenarios,
    chosenScenarios: scenarios.chosen,
    impliedScenarios: scenarios.implied,
    rationPlan: {
      water: {
        gallonsPerDay: rations.water.gallonsPerDay,
        totalGallons: rations.water.totalGallons,
        basis: rations.water.basis,
        adjustments: rations.water.adjustments,
      },
      food: {
        kcalPerDay: food.kcalPerDay,
        totalKcal: food.totalKcal,
        basis: food.basis,
        storage: (food.storage?.lines ?? []).map((l) => ({
          group: l.group,
          quantity: l.quantity,
          unit: l.unit,
          weightLb: l.weightLb,
          volumeCubicFeet: l.volumeCubicFeet,
        })),
      },
      medications: rations.medications.lines.map((m) => ({
        name: `${m.name} (${m.member})`,
        quantity: m.doses,
        unit: 'doses',
        basis: rations.medications.basis,
      })),
      infants: rations.infants.flatMap((i) => [
        {
          name: `Infant formula for ${i.label}`,
          quantity: i.formulaPowderOz,
          unit: 'oz powder',
          basis: i.basis,
        },
        { name: `Diapers for ${i.label}`, quantity: i.diapersTotal, unit: 'diapers', basis: i.basis },
      ]),
      hygiene: [
        { name: 'Soap', quantity: rations.hygiene.soapBars, unit: 'bars', basis: rations.hygiene.basis },
        {
          name: 'Toilet paper',
          quantity: rations.hygiene.toiletPaperRolls,
          unit: 'rolls',
          basis: rations.hygiene.basis,
        },
        {
          name: 'Toothpaste',
          quantity: rations.hygiene.toothpasteOz,
          unit: 'oz',
          basis: rations.hygiene.basis,
        },
        ...(rations.hygiene.feminineHygiene > 0
          ? [
              {
                name: 'Feminine hygiene products',
                quantity: rations.hygiene.feminineHygiene,
                unit: 'count',
                basis: rations.hygiene.basis,
              },
            ]
          : []),
      ],
      disagreements: rations.disagreements.map((d) => ({
        topic: d.topic,
        chosen: d.chosen,
        alternatives: d.options.map((o) => `${o.value} (${o.sources.join(', ')})`),
        why: d.why,
      })),
    },
    supplies: parts.needs.map((n) => ({
      key: n.key,
      name: n.name,
      category: n.category,
      quantity: n.quantity,
      unit: n.unit,
      priority: n.priority,
      reason: n.reason,
      basis: n.basis,
      scenarios: n.scenarios,
    })),
    items,
    bundles: parts.bundles,
    budget,
    barterGoods: parts.barter.map((b) => ({ name: b.name, quantity: b.quantity, unit: b.unit, why: b.why })),
    requiredSkills: parts.required.map((s) => s.id),
    skillGaps: parts.gaps.map((s) => ({
      skill: s.id,
      name: s.name,
      category: s.category,
      resources: parts.resources.get(s.id) ?? [],
    })),
    readinessScore: parts.readiness.score,
    readinessByCategory: parts.readiness.byCategory.map((c) => ({ category: c.category, score: c.score })),
    daysOfSupply: parts.daysOfSupply.map((d) => ({
      category: d.category,
      days: d.days,
      targetDays: d.targetDays,
      unit: d.unit,
      have: d.have,
      need: d.need,
    })),
    simulationLog: parts.simulation,
    evacuation: {
      meetingPoints: parts.evacuation.meetingPoints,
      guidance: parts.evacuation.guidance,
      outOfAreaContact: parts.evacuation.outOfAreaContact,
    },
    phases: parts.phases,
    ...(parts.schedule
      ? {
          purchaseSchedule: parts.schedule.map((m) => ({
            month: m.month,
            items: kitItems({ items: m.items }, parts.products),
            spent: m.spent,
            cumulativeCoverage: round(m.cumulativeCoverage, 4),
          })),
        }
      : {}),
    basis: [...new Set(basis)],
  };
}
