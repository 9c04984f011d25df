import type { GeneratedKit } from '../generated-kit.ts';
import { SCENARIO_NAMES } from '../scenarios.ts';
import { dietReport } from './diet-report.ts';
import { cents, kitItems, leftOutOf } from './kit-items.ts';
import { coverageFigures, needLines } from './needs-report.ts';
import type { PlanParts } from './plan-parts.ts';
import { durationLabel, summary } from './plan-summary-text.ts';
import type { ProductInfo } from './product-info.ts';

export type { ProductInfo };

const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places;

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
