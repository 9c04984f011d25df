import type { GeneratedKit } from '../src/domain/generated-kit.ts';
import { scenarioText } from '../src/domain/household-edit-text.ts';
import { LIFE_NEEDS } from '../src/domain/plan/needs-report.ts';

/** Citation codes ("[CDC_KIT_WATER, ARC_123]") belong on the plan page, not in what a model quotes. */
export function plainText(text: string): string {
  return text
    .replace(/\s*\[[A-Z0-9_]+(?:\s*,\s*[A-Z0-9_]+)*\]/g, '')
    .replace(/\b(extreme-heat|grid-down|winter-storm|civil-unrest|economic-collapse)\b/g, (id) =>
      scenarioText(id),
    )
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** The numbers a follow-up compares against: "water 84 → 105 gal". */
export type PlanHeadline = {
  durationDays: number;
  people: number;
  waterGallons: number;
  foodKcalPerDay: number;
  readinessScore: number;
  spent: number;
  budget: number;
};

export function headline(kit: GeneratedKit): PlanHeadline {
  return {
    durationDays: kit.durationDays,
    people: kit.household.members.length,
    waterGallons: kit.rationPlan.water.totalGallons,
    foodKcalPerDay: kit.rationPlan.food.kcalPerDay,
    readinessScore: kit.readinessScore,
    spent: Math.round(kit.budget.spent * 100) / 100,
    budget: kit.budget.limit,
  };
}

export type PlanSummary = {
  planId: string | null;
  /** The saved plan's page, or null when it is only kept on this conversation. */
  url: string | null;
  /** The page of the plan kept on this conversation (not saved), when there is one. */
  draftUrl?: string | null;
  title: string;
  summary: string;
  location: { input: string; state: string | null; climate: string; message?: string };
  people: number;
  members: string[];
  pets: { species: string; weightLb: number }[];
  durationDays: number;
  mobility: string;
  scenarios: string[];
  /** The scenarios in words ("extreme heat"), for replies. */
  scenarioNames: string[];
  water: { gallonsPerDay: number; totalGallons: number; basis: string; adjustments: string[] };
  food: { kcalPerDay: number; totalKcal: number; basis: string };
  budget: {
    limit: number;
    spent: number;
    coverage: number;
    coverageByPriority?: GeneratedKit['budget']['coverageByPriority'];
    /** The critical need least covered, in its unit: every channel names it beside the percentages. */
    leastCoveredCritical?: GeneratedKit['budget']['leastCoveredCritical'];
    /** How many needs the budget leaves uncovered. */
    leftOut: number;
  };
  readinessScore: number;
  daysOfSupply: { category: string; days: number; targetDays: number }[];
  /** The first things to buy, in the optimizer's order. */
  buyFirst: { name: string; quantity: number; lineTotal: number; covers: string[] }[];
  topNeeds: { name: string; quantity: number; unit: string; priority: number }[];
  skillGaps: string[];
  skillGapIds: string[];
  phases: string[];
  storageLimits: string | null;
  /** Needed vs owned vs bought for the critical needs, each in its unit (plan-cli.md v2), when the plan has them. */
  criticalNeeds: { name: string; needed: number; owned: number; bought: number; unit: string }[];
};

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

/**
 * Chosen items, most critical first: life needs (water, food, formula, medicine) before the rest of the critical
 * kit, then important and useful needs, each by the larger spend.
 */
function byPriority(kit: GeneratedKit) {
  const priority = new Map(kit.supplies.filter((s) => s.key).map((s) => [s.key!, s.priority]));
  const rankOf = (k: string) => (LIFE_NEEDS.has(k) ? 0.5 : (priority.get(k) ?? 4));
  const rank = (covers: string[]) => Math.min(4, ...covers.map(rankOf));
  return [...kit.items].sort((a, b) => rank(a.covers) - rank(b.covers) || b.lineTotal - a.lineTotal);
}

/** What storage cannot cover on long plans, in the plan's own phase words (production takes over). */
function storageLimits(durationDays: number, production: GeneratedKit['phases']): string | null {
  if (durationDays <= 90 || production.length === 0) return null;
  const longest = production[production.length - 1]!;
  if (durationDays > 365) {
    const [lead, ...rest] = longest.focus;
    return `Storage alone cannot carry ${durationDays} days. ${lead ?? ''}${rest.length ? ` — ${rest.slice(0, 3).join('; ')}` : ''}.`;
  }
  return `Beyond 90 days storage gives way to production: ${longest.focus.slice(0, 3).join('; ')}.`;
}

/**
 * The numbers a reply needs, taken from the plan as built by the planning engine — so the model (or the
 * offline orchestrator) quotes them rather than computing anything.
 */
export function summarizePlan(
  kit: GeneratedKit,
  saved: { planId: string; url: string } | null = null,
  draft: { draftUrl: string } | null = null,
): PlanSummary {
  const production = kit.phases.filter((p) => p.fromDay > 90);
  return {
    planId: saved?.planId ?? null,
    url: saved?.url ?? null,
    ...(draft ? { draftUrl: draft.draftUrl } : {}),
    title: kit.title,
    summary: kit.summary,
    location: {
      input: kit.location.input,
      state: kit.location.state,
      climate: kit.location.climate,
      ...(kit.location.message ? { message: kit.location.message } : {}),
    },
    people: kit.household.members.length,
    members: kit.household.members.map((m) => m.label),
    pets: kit.household.pets.map((p) => ({ species: p.species, weightLb: p.weightLb })),
    durationDays: kit.durationDays,
    mobility: kit.mobility,
    scenarios: kit.scenarios,
    scenarioNames: kit.scenarios.map(scenarioText),
    water: {
      gallonsPerDay: kit.rationPlan.water.gallonsPerDay,
      totalGallons: kit.rationPlan.water.totalGallons,
      basis: plainText(kit.rationPlan.water.basis),
      adjustments: (kit.rationPlan.water.adjustments ?? []).map(plainText),
    },
    food: {
      kcalPerDay: kit.rationPlan.food.kcalPerDay,
      totalKcal: kit.rationPlan.food.totalKcal,
      basis: plainText(kit.rationPlan.food.basis),
    },
    budget: {
      limit: kit.budget.limit,
      spent: round(kit.budget.spent),
      coverage: round(kit.budget.coverage, 3),
      ...(kit.budget.coverageByPriority ? { coverageByPriority: kit.budget.coverageByPriority } : {}),
      ...(kit.budget.leastCoveredCritical ? { leastCoveredCritical: kit.budget.leastCoveredCritical } : {}),
      leftOut: kit.budget.leftOut?.length ?? 0,
    },
    readinessScore: kit.readinessScore,
    daysOfSupply: (kit.daysOfSupply ?? []).map((d) => ({
      category: d.category,
      days: d.days,
      targetDays: d.targetDays,
    })),
    buyFirst: byPriority(kit)
      .slice(0, 5)
      .map((i) => ({
        name: i.name,
        quantity: i.quantity,
        lineTotal: round(i.lineTotal),
        covers: i.covers,
      })),
    topNeeds: kit.supplies
      .filter((s) => s.priority === 1)
      .slice(0, 6)
      .map((s) => ({ name: s.name, quantity: s.quantity, unit: s.unit, priority: s.priority })),
    skillGaps: kit.skillGaps.map((g) => g.name ?? g.skill).slice(0, 6),
    skillGapIds: kit.skillGaps.map((g) => g.skill),
    phases: kit.phases.map((p) => p.name),
    storageLimits: storageLimits(kit.durationDays, production),
    criticalNeeds: (kit.budget.needs ?? [])
      .filter((n) => n.priority === 1)
      .slice(0, 8)
      .map((n) => ({
        name: n.name ?? n.supply.replace(/-/g, ' '),
        needed: round(n.needed, 1),
        owned: round(n.owned, 1),
        bought: round(n.bought, 1),
        unit: n.unit,
      })),
  };
}
