import type { GeneratedKit } from '../../domain/generated-kit.ts';
import {
  barterGoods,
  calcRations,
  computeNeeds,
  daysOfSupply,
  evacuationGuidance,
  hazardsFor,
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
import type { Candidate, Need as OptimizerNeed } from '../../domain/optimizer/index.ts';
import { assemblePlan, type ProductInfo } from '../../domain/plan/assemble.ts';
import { matchBundles } from '../bundles/match.ts';
import type { DbOrTx } from '../database.ts';
import { badInput } from '../errors.ts';
import { type CatalogCandidate, loadCatalogCandidates } from './catalog-candidates.ts';
import { resourcesForSkills } from './skill-resources.ts';
import { optimizeOffThread, scheduleOffThread } from './solver-pool.ts';

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

export type BuildPlanOptions = { strategy?: 'exact' | 'greedy' | 'auto'; timeLimitSeconds?: number };

/**
 * Catalog items made for one species (dog food, cat litter) are offered only to households with that
 * species; the master item's name says which.
 */
function suitsPets(candidate: CatalogCandidate, pets: PlanInput['pets']): boolean {
  const species = /\b(dog|cat)s?\b/i.exec(candidate.masterItem ?? '')?.[1]?.toLowerCase();
  return !species || pets.some((p) => p.species === species);
}

/** What each owned supply still leaves to buy: the optimizer spends only on the gap. */
function remainingNeeds(needs: ReturnType<typeof computeNeeds>, owned: PlanInput['owned']): OptimizerNeed[] {
  const have = new Map<string, number>();
  for (const o of owned) have.set(o.supplyKey, (have.get(o.supplyKey) ?? 0) + o.quantity);
  return needs
    .map((n) => ({ key: n.key, quantity: n.quantity - (have.get(n.key) ?? 0), priority: n.priority }))
    .filter((n) => n.quantity > 1e-9);
}

export function parsePlanRequest(input: unknown): PlanRequest {
  const parsed = PlanInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.');
    throw badInput(`${field || 'plan'}: ${issue.message}`, field || undefined);
  }
  return parsed.data;
}

/**
 * Builds a complete plan: the pure engine computes every number (rations, needs, readiness, simulation),
 * the catalog supplies real products and bundles, and the exact optimizer chooses what to buy.
 */
export async function buildPlan(
  deps: { db: DbOrTx },
  input: unknown,
  options: BuildPlanOptions = {},
): Promise<GeneratedKit> {
  const { db } = deps;
  const request = parsePlanRequest(input);
  const location = resolveLocation(request.location);
  const hazards = hazardsFor(location.state);
  const scenarios = mergeScenarios(request.scenarios, location.state);
  const household = { members: request.members, pets: request.pets };
  const setting = request.setting ?? location.setting;
  const rations = calcRations(household, request.durationDays, location.climate, scenarios.scenarios);
  const needs = computeNeeds({
    household,
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
  if (request.members.some((m) => m.mobilityLimited)) ageGroups.add('mobility-limited');
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
  const toBuy = remainingNeeds(needs, request.owned);
  const choices: Candidate[] = candidates.filter((c) => suitsPets(c, request.pets));
  const optimizer = await optimizeOffThread({
    needs: toBuy,
    candidates: choices,
    budget: request.budget,
    strategy: options.strategy ?? 'auto',
    timeLimitSeconds: options.timeLimitSeconds ?? PLAN_SOLVE_SECONDS,
    tieBreakSeconds: PLAN_TIE_BREAK_SECONDS,
  });
  const schedule =
    request.monthlyBudget !== undefined && request.monthlyBudget > 0
      ? await scheduleOffThread({
          needs: toBuy,
          candidates: choices,
          monthlyBudget: request.monthlyBudget,
          strategy: options.strategy ?? 'auto',
          timeLimitSeconds: options.timeLimitSeconds ?? PLAN_SOLVE_SECONDS,
        })
      : undefined;
  const products = new Map<string, ProductInfo>(
    candidates.map((c) => [c.productId, { productUrl: c.productUrl, category: c.category, parts: c.parts }]),
  );

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
      owned: request.owned,
    }),
    evacuation: evacuationGuidance(location, scenarios.scenarios, request.mobility, {
      mobilityLimited: request.members.some((m) => m.mobilityLimited),
      hasPets: request.pets.length > 0,
    }),
    phases: phases(request.durationDays),
    ...(schedule ? { schedule } : {}),
  });
}
