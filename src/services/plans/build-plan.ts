import type { GeneratedKit } from '../../domain/generated-kit.ts';
import {
  barterGoods,
  calcRations,
  computeNeeds,
  daysOfSupply,
  evacuationGuidance,
  foodAllergies,
  hazardsFor,
  isMobilityLimited,
  mergeScenarios,
  type PlanInput,
  PlanInputSchema,
  phases,
  ratesFromRations,
  readinessScore,
  requiredSkills,
  resolveLocation,
  simulationLog,
  skillGaps,
} from '../../domain/index.ts';
import { assemblePlan, type ProductInfo } from '../../domain/plan/assemble.ts';
import { costToCover, providesPerUnit } from '../../domain/plan/needs-report.ts';
import { type FitVerdict, kcalPerUnit, purchaseProblem } from '../../domain/plan/purchase-problem.ts';
import { trimSurplus } from '../../domain/plan/trim-surplus.ts';
import {
  checkBundleFit,
  checkFit,
  type FitContext,
  fitLimit,
  mentionsAllergen,
} from '../../domain/product-fit.ts';
import { startingStock } from '../../domain/simulation.ts';
import { matchBundles } from '../bundles/match.ts';
import type { DbOrTx } from '../database.ts';
import { parseInput } from '../validation.ts';
import {
  type CatalogCandidate,
  loadCatalogCandidates,
  priceMaxAgeDays,
  priceUnconfirmed,
} from './catalog-candidates.ts';
import { resourcesForSkills } from './skill-resources.ts';
import { inlineSolver, optimizeWith, type Solver, scheduleWith } from './solver-pool.ts';

export type PlanRequest = PlanInput;
/**
 * A person is waiting for the plan: the exact solve gets this long, then the better of its best plan so far
 * and the greedy plan is used (the plan's budget.strategy says which).
 */
export const PLAN_SOLVE_SECONDS = 2;
/**
 * The lowest-spend tie-break never changes coverage; capping it keeps a plan near 0.25 s (it took as long
 * as the coverage solve on a family's year plan). When it stops early, only unneeded units are trimmed.
 */
export const PLAN_TIE_BREAK_SECONDS = 0.1;

export type BuildPlanOptions = {
  strategy?: 'exact' | 'greedy' | 'auto';
  timeLimitSeconds?: number;
  /** Off only to measure what fit checks cost and to show the plan eval catches a planner without them. */
  fitCheck?: boolean;
  /** The person accepts prices older than the limit ("price unconfirmed"): the optimizer may buy them. */
  allowUnconfirmedPrices?: boolean;
  /** Overrides config.catalog.priceMaxAgeDays (PRICE_MAX_AGE_DAYS, set on the database handle); 0: no limit. */
  priceMaxAgeDays?: number;
  now?: Date;
};

/** Whether a catalog product (or every part of a bundle) fits the household, and how many units can. */
function fitVerdict(
  candidate: CatalogCandidate,
  context: FitContext,
  allergens: readonly string[],
): FitVerdict {
  // A food that names a member's allergen is never bought, whatever else fits (a kit holding one is left out too).
  const food = candidate.covers.some((c) => c.supply.startsWith('food-'));
  const names = [
    candidate.name,
    candidate.masterItem ?? '',
    ...(candidate.parts ?? []).map((p) => p.name),
  ].join(' ');
  const allergen = food && allergens.length > 0 ? mentionsAllergen(names, allergens) : null;
  if (allergen)
    return { ok: false, reason: `contains ${allergen.replaceAll('-', ' ')}, and a member is allergic` };
  if (candidate.parts) {
    const r = checkBundleFit(
      candidate.parts.map((p) => ({
        name: p.name,
        ...(p.fit ? { fit: p.fit } : {}),
        supplies: p.supplies,
        ...(p.weightLb !== null ? { weightLb: p.weightLb } : {}),
      })),
      context,
    );
    return r.ok ? { ok: true } : r;
  }
  const r = checkFit(
    candidate.fit,
    candidate.covers.map((c) => c.supply),
    context,
    candidate.weightLb ?? undefined,
  );
  if (!r.ok) return r;
  // A multi-pack serves as many people or pets as it holds (a 2-pack of ponchos serves two).
  const perUnit = Math.max(1, candidate.covers[0]?.amount ?? 1);
  const limit = fitLimit(
    candidate.fit,
    context,
    perUnit,
    candidate.covers.map((c) => c.supply),
  );
  return { ok: true, ...(limit !== null ? { limit } : {}) };
}

/** A few products left out for not fitting, one per reason, for the plan page to show what was avoided. */
function notFittingSample(excluded: { name: string; reason: string }[]): { name: string; reason: string }[] {
  const seen = new Set<string>();
  return excluded.filter((e) => !seen.has(e.reason) && seen.add(e.reason)).slice(0, 12);
}

export function parsePlanRequest(input: unknown): PlanRequest {
  return parseInput(PlanInputSchema, input, 'plan');
}

/**
 * Builds a complete plan: the pure engine computes every number (rations, needs, readiness, simulation),
 * the catalog supplies real products and bundles, and the exact optimizer chooses what to buy.
 */
export async function buildPlan(
  deps: { db: DbOrTx; solver?: Solver },
  input: unknown,
  options: BuildPlanOptions = {},
): Promise<GeneratedKit> {
  // The runtime's worker pool; without one (tests, scripts), this thread.
  const { db, solver = inlineSolver } = deps;
  const request = parsePlanRequest(input);
  const location = resolveLocation(request.location);
  const hazards = hazardsFor(location.state);
  const scenarios = mergeScenarios(request.scenarios, location.state);
  const household = { members: request.members, pets: request.pets };
  const setting = request.setting ?? location.setting;
  const rations = calcRations(household, request.durationDays, location.climate, scenarios.scenarios);
  const needs = computeNeeds({
    household,
    country: location.country,
    durationDays: request.durationDays,
    scenarios: scenarios.scenarios,
    mobility: request.mobility,
    climate: location.climate,
    setting,
    rations,
  });
  const skillContext = {
    scenarios: scenarios.scenarios,
    durationDays: request.durationDays,
    mobility: request.mobility,
    setting,
  };
  const required = requiredSkills(skillContext);
  const gaps = skillGaps({ ...skillContext, skills: request.skills });

  const ageGroups = new Set<string>(request.members.map((m) => m.kind));
  if (request.members.some((m) => m.pregnant)) ageGroups.add('pregnant');
  if (request.members.some(isMobilityLimited)) ageGroups.add('mobility-limited');
  if (request.pets.length > 0) ageGroups.add('pet');

  const [candidates, resources, bundles] = await Promise.all([
    loadCatalogCandidates(db),
    resourcesForSkills(
      db,
      gaps.flatMap((g) => g.resourceSkillIds),
    ),
    matchBundles(db, {
      scenarios: scenarios.scenarios,
      people: request.members.length,
      ageGroups: [...ageGroups],
      climate: location.climate,
      budget: request.budget > 0 ? request.budget : null,
      limit: 3,
    }),
  ]);
  const fitContext: FitContext = {
    climate: location.climate,
    scenarios: scenarios.scenarios,
    durationDays: request.durationDays,
    mobility: request.mobility,
    country: location.country,
    ...(setting === 'urban' || setting === 'rural' ? { setting } : {}),
    members: request.members,
    pets: request.pets,
  };
  const allergens = foodAllergies(household);
  const maxAge = options.priceMaxAgeDays ?? priceMaxAgeDays(db);
  const now = options.now ?? new Date();
  const problem = purchaseProblem({
    needs,
    owned: request.owned,
    candidates,
    rations,
    durationDays: request.durationDays,
    mobility: request.mobility,
    scenarios: scenarios.scenarios,
    pets: request.pets,
    fit: (c) => {
      const candidate = c as CatalogCandidate;
      if (!options.allowUnconfirmedPrices && priceUnconfirmed(candidate, maxAge, now))
        return {
          ok: false,
          reason: `price unconfirmed (last observed ${candidate.priceObservedAt ?? 'never'}, over ${maxAge} days ago)`,
        };
      return options.fitCheck === false ? { ok: true } : fitVerdict(candidate, fitContext, allergens);
    },
  });
  const toBuy = problem.needs;
  const choices = problem.candidates.map(
    ({ productId, name, price, covers, maxQuantity, bundleId, tags, requires, capGroup, capAmount }) => ({
      productId,
      name,
      price,
      covers,
      ...(maxQuantity !== undefined ? { maxQuantity } : {}),
      ...(bundleId ? { bundleId } : {}),
      ...(tags ? { tags } : {}),
      ...(requires ? { requires } : {}),
      ...(capGroup && capAmount ? { capGroup, capAmount } : {}),
    }),
  );
  const solved = await optimizeWith(solver, {
    needs: toBuy,
    candidates: choices,
    satisfiedTags: problem.satisfiedTags,
    capGroups: problem.capGroups,
    budget: request.budget,
    strategy: options.strategy ?? 'auto',
    timeLimitSeconds: options.timeLimitSeconds ?? PLAN_SOLVE_SECONDS,
    tieBreakSeconds: PLAN_TIE_BREAK_SECONDS,
  });
  const optimizer = { ...solved, ...trimSurplus(solved.items, toBuy, choices, problem.satisfiedTags) };
  const schedule =
    request.monthlyBudget !== undefined && request.monthlyBudget > 0
      ? await scheduleWith(solver, {
          needs: toBuy,
          candidates: choices,
          satisfiedTags: problem.satisfiedTags,
          capGroups: problem.capGroups,
          monthlyBudget: request.monthlyBudget,
          ...(request.budget > 0 ? { totalBudget: request.budget } : {}),
          strategy: options.strategy ?? 'auto',
          timeLimitSeconds: options.timeLimitSeconds ?? PLAN_SOLVE_SECONDS,
        })
      : undefined;
  // What a line provides is told in the plan's needs (a kit's fan says nothing in a plan that needs no cooling).
  const needed = new Set(needs.map((n) => n.key));
  const products = new Map<string, ProductInfo>(
    candidates.map((c) => {
      const covers = problem.coversById.get(c.productId) ?? c.covers;
      const kcal = c.parts ? 0 : kcalPerUnit(c);
      return [
        c.productId,
        {
          productUrl: c.productUrl,
          category: c.category,
          ...(c.parts ? { parts: c.parts } : {}),
          provides: providesPerUnit(covers).filter((p) => needed.has(p.supply)),
          priceObservedAt: c.priceObservedAt,
          ...(kcal > 0 ? { kcalPerUnit: kcal, foodGroups: c.fit?.foodGroups ?? {} } : {}),
        },
      ];
    }),
  );
  const bought = new Map<string, number>();
  let boughtKcal = 0;
  for (const item of optimizer.items) {
    const info = products.get(item.productId);
    for (const p of info?.provides ?? []) {
      bought.set(p.supply, (bought.get(p.supply) ?? 0) + p.amount * item.quantity);
    }
    // Calories counted per product (a can covers food-kcal and a food group; summing keys would count it twice).
    const parts = info?.parts ?? [{ productId: item.productId, quantity: 1 }];
    for (const part of parts)
      boughtKcal += (products.get(part.productId)?.kcalPerUnit ?? 0) * part.quantity * item.quantity;
  }
  const provided = [
    ...request.owned,
    ...[...bought].map(([supplyKey, quantity]) => ({ supplyKey, quantity })),
  ];

  return assemblePlan({
    input: request,
    location,
    hazards,
    scenarios,
    rations,
    needs,
    optimizer,
    products,
    bundles: bundles.map((b) => ({
      bundleId: b.bundleId,
      slug: b.slug,
      name: b.name,
      score: b.score,
      reasons: b.reasons,
    })),
    readiness: readinessScore(needs, request.owned),
    daysOfSupply: daysOfSupply(needs, request.owned, ratesFromRations(rations)),
    barter: barterGoods(household, request.durationDays, scenarios.scenarios),
    required,
    gaps,
    resources: new Map(
      gaps.map((g) => [g.id, g.resourceSkillIds.flatMap((id) => resources.get(id) ?? []).slice(0, 3)]),
    ),
    simulation: simulationLog({
      scenarios: scenarios.scenarios,
      durationDays: request.durationDays,
      mobility: request.mobility,
      rations,
      // The story reads what the household will hold: its own stock plus what this plan buys.
      provided,
      household,
      foodKcal: startingStock(request.owned).kcal + boughtKcal,
    }),
    evacuation: evacuationGuidance(location, scenarios.scenarios, request.mobility, {
      mobilityLimited: request.members.some(isMobilityLimited),
      hasPets: request.pets.length > 0,
    }),
    phases: phases(request.durationDays, rations, request.mobility),
    ...(schedule ? { schedule } : {}),
    costToCover: costToCover(needs, problem.candidates),
    notFitting: notFittingSample(problem.excluded),
  });
}
