import type { GeneratedKit } from '../src/domain/generated-kit.ts';
import type { HouseholdProfile } from '../src/services/profiles/profiles.ts';

/** What a plan still needs before it can be built: location and who is in the household. */
export function missingForPlan(household: HouseholdProfile): ('location' | 'members')[] {
  const missing: ('location' | 'members')[] = [];
  if (!household.location) missing.push('location');
  if (!household.members || household.members.length === 0) missing.push('members');
  return missing;
}

export type PlanSummary = {
  planId: string | null;
  url: string | null;
  title: string;
  summary: string;
  location: { input: string; state: string | null; climate: string; message?: string };
  people: number;
  members: string[];
  pets: { species: string; weightLb: number }[];
  durationDays: number;
  mobility: string;
  scenarios: string[];
  water: { gallonsPerDay: number; totalGallons: number; basis: string; adjustments: string[] };
  food: { kcalPerDay: number; totalKcal: number; basis: string };
  budget: {
    limit: number;
    spent: number;
    coverage: number;
    coverageByPriority?: GeneratedKit['budget']['coverageByPriority'];
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
};

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

/** Chosen items, most critical need first (water and food before whistles), then the larger spend. */
function byPriority(kit: GeneratedKit) {
  const priority = new Map(kit.supplies.filter((s) => s.key).map((s) => [s.key!, s.priority]));
  const rank = (covers: string[]) => Math.min(4, ...covers.map((k) => priority.get(k) ?? 4));
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
): PlanSummary {
  const production = kit.phases.filter((p) => p.fromDay > 90);
  return {
    planId: saved?.planId ?? null,
    url: saved?.url ?? null,
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
    water: {
      gallonsPerDay: kit.rationPlan.water.gallonsPerDay,
      totalGallons: kit.rationPlan.water.totalGallons,
      basis: kit.rationPlan.water.basis,
      adjustments: kit.rationPlan.water.adjustments ?? [],
    },
    food: {
      kcalPerDay: kit.rationPlan.food.kcalPerDay,
      totalKcal: kit.rationPlan.food.totalKcal,
      basis: kit.rationPlan.food.basis,
    },
    budget: {
      limit: kit.budget.limit,
      spent: round(kit.budget.spent),
      coverage: round(kit.budget.coverage, 3),
      ...(kit.budget.coverageByPriority ? { coverageByPriority: kit.budget.coverageByPriority } : {}),
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
  };
}
