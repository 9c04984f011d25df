import { z } from 'zod';

/** 1 = critical, 2 = important, 3 = nice to have. */
export const prioritySchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type Priority = z.infer<typeof prioritySchema>;

/**
 * Weight of a need in the coverage objective, by priority. A hundredfold step makes the spending close to
 * lexicographic: money goes to critical gaps (water, food, first aid) before any important one, as the
 * purchase schedule does month by month; a flat 3/2/1 let a dozen cheap whistles and maps outrank food.
 */
export const PRIORITY_WEIGHT: Readonly<Record<Priority, number>> = { 1: 10_000, 2: 100, 3: 1 };

/**
 * Weight of a need's urgent part (`urgentQuantity`), above every priority: the first 72 hours of water and
 * food come before the rest of any critical need. The exact solver also solves it as its own first level,
 * so the order holds however many critical needs outweigh it in sum.
 */
export const URGENT_WEIGHT = 1_000_000;

export const needSchema = z.object({
  /** Supply key from src/domain/data/supplies.json, e.g. 'water-storage'. */
  key: z.string().min(1),
  /** How much is needed, in the supply's unit (gal, kcal, count, ...). */
  quantity: z.number().positive(),
  priority: prioritySchema,
  /**
   * The part of the quantity that must come before everything else (the first 72 hours of water, food,
   * medication and infant needs). Weighted above every priority; at most `quantity`.
   */
  urgentQuantity: z.number().positive().optional(),
});
export type Need = z.infer<typeof needSchema>;

export const coverSchema = z.object({
  /** A need key. Covers of keys that are not needs are ignored. */
  supply: z.string().min(1),
  /** How much of that need one unit of the product covers. */
  amount: z.number().positive(),
});
export type Cover = z.infer<typeof coverSchema>;

export const candidateSchema = z
  .object({
    productId: z.string().min(1),
    name: z.string(),
    /** USD per unit; rounded to whole cents (at least 1¢) for the budget arithmetic. */
    price: z.number().positive(),
    covers: z.array(coverSchema).min(1),
    /** Units available (stock or a household-sensible cap). Absent: unlimited. */
    maxQuantity: z.number().int().nonnegative().optional(),
    /** Set when the candidate is a bundle (kit) of several products. */
    bundleId: z.string().min(1).optional(),
    /** System tags a bought unit provides to other candidates, e.g. 'burner:propane', 'canned-food', 'device:AA'. */
    tags: z.array(z.string().min(1)).optional(),
    /**
     * Tags this candidate needs: it may be bought only when, for every tag listed, some bought candidate (or the
     * household's own stock, `satisfiedTags`) provides it — fuel only with a stove that burns it, a can opener
     * only with canned food, batteries only for a device that takes them.
     */
    requires: z.array(z.string().min(1)).optional(),
    /**
     * Shared cap group, e.g. 'food:Peanut Butter': the units of every candidate in a group listed in
     * `capGroups` together use at most that group's capacity, so several brands of one food cannot make up
     * most of the calories where the per-product `maxQuantity` would let each have its share. A group that
     * is not listed caps nothing.
     */
    capGroup: z.string().min(1).optional(),
    /** How much of its group's capacity one unit uses (e.g. its kcal). Set with `capGroup`. */
    capAmount: z.number().positive().optional(),
  })
  .refine((c) => (c.capGroup === undefined) === (c.capAmount === undefined), {
    // A group without an amount would have to guess what a unit uses (1? its kcal?): refuse instead.
    message: 'capGroup and capAmount go together',
    path: ['capAmount'],
  });
export type Candidate = z.infer<typeof candidateSchema>;

/**
 * Capacity of each shared cap group, in the unit of its members' `capAmount`:
 *   Σ_{j in g} capAmount_j · x_j <= capGroups[g]   over the whole plan (a schedule: all months together).
 */
export const capGroupsSchema = z.record(z.string().min(1), z.number().nonnegative());
export type CapGroups = z.infer<typeof capGroupsSchema>;

export const strategySchema = z.enum(['exact', 'greedy', 'auto']);
export type Strategy = z.infer<typeof strategySchema>;

/** Default time limit of the 'auto' strategy before it falls back to greedy. */
export const AUTO_TIME_LIMIT_SECONDS = 10;

export const optimizeInputSchema = z.object({
  needs: z.array(needSchema),
  candidates: z.array(candidateSchema),
  /** USD, lump sum. 0 means "needs only, no purchases". */
  budget: z.number().nonnegative(),
  /** System tags the household's own stock already provides (an owned propane stove: 'burner:propane'). */
  satisfiedTags: z.array(z.string().min(1)).default([]),
  /** Shared cap groups (see capGroupsSchema); a candidate whose group is not listed is uncapped. */
  capGroups: capGroupsSchema.default({}),
  /** Default 'auto': exact with a time limit, greedy if HiGHS fails or times out. */
  strategy: strategySchema.default('auto'),
  /** 'exact': none unless given; 'auto': AUTO_TIME_LIMIT_SECONDS unless given. */
  timeLimitSeconds: z.number().positive().optional(),
  /** Drop provably dominated candidates before solving (default true). Off only for benchmarks and tests. */
  prune: z.boolean().default(true),
  /**
   * Cap on the lowest-spend tie-break solve, which never changes coverage: when it stops early the plan
   * keeps the optimal coverage and only unneeded units are trimmed. Absent: the session's limit.
   */
  tieBreakSeconds: z.number().positive().optional(),
});
export type OptimizeInput = z.input<typeof optimizeInputSchema>;

export const scheduleInputSchema = z.object({
  needs: z.array(needSchema),
  candidates: z.array(candidateSchema),
  /** USD available each month; unspent money carries forward. */
  monthlyBudget: z.number().nonnegative(),
  /** The plan's whole budget: no month spends past it, and the schedule ends once it is spent. Absent: no cap. */
  totalBudget: z.number().nonnegative().optional(),
  /** As in optimize; tags bought in one month also count as owned in the months after it. */
  satisfiedTags: z.array(z.string().min(1)).default([]),
  /** As in optimize, over all months together: what earlier months bought uses the capacity up. */
  capGroups: capGroupsSchema.default({}),
  /**
   * Planning horizon cap in months (default 24). When absent and `totalBudget` is given, the months it
   * takes to save that budget (at most 120): after them no more money can arrive.
   */
  months: z.number().int().min(1).max(120).default(24),
  strategy: strategySchema.default('auto'),
  /** Per month's solve (same meaning as in optimize). */
  timeLimitSeconds: z.number().positive().optional(),
  prune: z.boolean().default(true),
});
export type ScheduleInput = z.input<typeof scheduleInputSchema>;

// ---- results ---------------------------------------------------------------------------------

export const planItemSchema = z.object({
  productId: z.string(),
  name: z.string(),
  bundleId: z.string().optional(),
  quantity: z.number().int().positive(),
  unitPrice: z.number(),
  lineTotal: z.number(),
  /** Need keys this item contributes to. */
  covers: z.array(z.string()),
});
export type PlanItem = z.infer<typeof planItemSchema>;

export const perNeedSchema = z.object({
  key: z.string(),
  priority: prioritySchema,
  needed: z.number(),
  covered: z.number(),
  /** min(1, covered / needed). */
  fraction: z.number(),
  /** The urgent part of `needed` (first 72 hours), when the need has one. */
  urgentNeeded: z.number().optional(),
  /** How much of the urgent part is covered: min(covered, urgentNeeded). */
  urgentCovered: z.number().optional(),
});
export type PerNeed = z.infer<typeof perNeedSchema>;

export const leftOutSchema = z.object({
  key: z.string(),
  /** Human-readable, e.g. "budget exhausted: would cost $42.00 more". */
  reason: z.string(),
  code: z.enum(['budget', 'no-product', 'stock']),
  /** Amount still missing, in the need's unit. */
  shortfall: z.number(),
  /** Estimated cost in USD to close this need alone, when code is 'budget'. */
  costToComplete: z.number().optional(),
});
export type LeftOut = z.infer<typeof leftOutSchema>;

export const solveStatsSchema = z.object({
  candidatesIn: z.number().int(),
  /**
   * Candidates that can contribute at all (cover a need, affordable, in stock), plus the providers their
   * requirements call for, less those whose requirement nothing can meet.
   */
  candidatesUseful: z.number().int(),
  /** Candidates left after dominance pruning (equals candidatesUseful when pruning is off). */
  candidatesAfterPruning: z.number().int(),
  /** HiGHS solves run (coverage level(s) + spend tie-break). 0 for greedy. */
  mipSolves: z.number().int(),
  /** Wall time of each HiGHS solve (coverage, then the lowest-spend tie-break), ms. */
  mipMs: z.array(z.number()),
  solveMs: z.number(),
});

export const optimizeResultSchema = z.object({
  /** What produced the items. */
  strategy: z.enum(['exact', 'greedy']),
  requestedStrategy: strategySchema,
  /** True when HiGHS proved the coverage optimal. */
  optimal: z.boolean(),
  /** Why 'auto' fell back, or why an exact solve is not proven optimal. */
  note: z.string().optional(),
  items: z.array(planItemSchema),
  /** USD; equals the sum of lineTotal, never above the budget. */
  spent: z.number(),
  /** Priority-weighted coverage 0..1. */
  coverage: z.number(),
  perNeed: z.array(perNeedSchema),
  leftOut: z.array(leftOutSchema),
  stats: solveStatsSchema,
});
export type OptimizeResult = z.infer<typeof optimizeResultSchema>;

export const scheduleMonthSchema = z.object({
  month: z.number().int().positive(),
  /** Money available this month: the monthly budget plus what was carried forward. */
  available: z.number(),
  items: z.array(planItemSchema),
  spent: z.number(),
  /** Unspent money carried into the next month. */
  carriedForward: z.number(),
  /** Priority-weighted coverage of all needs after this month's purchases, 0..1. */
  cumulativeCoverage: z.number(),
  /** Priorities whose gaps this month's money went to (the others wait their turn). */
  focus: z.array(prioritySchema),
  strategy: z.enum(['exact', 'greedy']),
});
export type ScheduleMonth = z.infer<typeof scheduleMonthSchema>;
