import type { PlanInput } from '../../src/domain/index.ts';
import type { EvalCase } from './case-schema.ts';
import type { Catalog } from './catalog.ts';
import { derive } from './derive.ts';
import { GATES } from './gates/index.ts';
import type { GateStatus, GateType } from './gates/types.ts';
import { caseInput, rawMembers } from './input.ts';
import { SCORE_NAMES, type Scores, scoreCase } from './scores.ts';
import { PlanViewSchema } from './view.ts';

/** Whatever builds a plan from a request: the real plan service, or a deliberately broken one in a test. */
export type Engine = (input: PlanInput) => Promise<unknown>;

export type GateResult = { type: GateType; status: GateStatus; message: string };
export type CaseResult = {
  id: string;
  title: string;
  issue?: string;
  ms: number;
  notes: string[];
  error?: string;
  gates: Record<string, GateResult>;
  scores: Scores;
  bought: { spent: number; limit: number; items: string[] };
};

const noScores = (why: string): Scores =>
  Object.fromEntries(SCORE_NAMES.map((n) => [n, { value: null, pass: null, detail: why }])) as Scores;

/** Every gate fails with the same reason: a plan that could not be built or read passes nothing. */
function allFail(why: string): Record<string, GateResult> {
  return Object.fromEntries(
    GATES.map((g) => [g.id, { type: g.type, status: 'fail' as const, message: why }]),
  );
}

/** Judges one plan: pure over the case, the plan JSON and the catalog. */
export function judge(
  c: EvalCase,
  planJson: unknown,
  catalog: Catalog,
): Pick<CaseResult, 'gates' | 'scores' | 'bought' | 'error'> {
  const parsed = PlanViewSchema.safeParse(planJson);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const why = `plan JSON does not parse: ${issue.path.join('.')}: ${issue.message}`;
    return {
      gates: allFail(why),
      scores: noScores(why),
      bought: { spent: 0, limit: c.budget, items: [] },
      error: why,
    };
  }
  const plan = parsed.data;
  const d = derive(c, plan, catalog);
  const gates: Record<string, GateResult> = {};
  for (const gate of GATES) {
    try {
      const outcome = gate.run({ case: c, plan, catalog, d });
      gates[gate.id] = { type: gate.type, ...outcome };
    } catch (error) {
      gates[gate.id] = {
        type: gate.type,
        status: 'fail',
        message: `gate crashed: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }
  let scores: Scores;
  try {
    scores = scoreCase(plan, d, catalog);
  } catch (error) {
    scores = noScores(`scoring crashed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    gates,
    scores,
    bought: {
      spent: plan.budget.spent,
      limit: plan.budget.limit,
      items: plan.items.map((i) => `${i.quantity} × ${i.name} ($${i.lineTotal})`),
    },
  };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * An impossible household passes when the command-line parser refuses it naming the member and the plan
 * service refuses the same member given directly; every other gate is n/a.
 */
async function runImpossible(c: EvalCase, engine: Engine): Promise<CaseResult> {
  const started = performance.now();
  let parserError: string | null = null;
  try {
    caseInput(c);
  } catch (error) {
    parserError = message(error);
  }
  let engineError: string | null = null;
  try {
    const { location, days, budget } = c;
    await engine({ location, members: rawMembers(c), durationDays: days, budget } as unknown as PlanInput);
  } catch (error) {
    engineError = message(error);
  }
  const problems: string[] = [];
  if (parserError === null) problems.push(`--people "${c.people}" was accepted`);
  else if (!/member \d+/.test(parserError))
    problems.push(`the refusal does not name the member: ${parserError}`);
  if (engineError === null) problems.push('the plan service built a plan for it');
  const gates: Record<string, GateResult> = Object.fromEntries(
    GATES.map((g) => [
      g.id,
      { type: g.type, status: 'n/a' as const, message: 'impossible household: nothing to judge' },
    ]),
  );
  gates['rules.impossible-members'] =
    problems.length > 0
      ? { type: 'rules', status: 'fail', message: problems.join('; ') }
      : { type: 'rules', status: 'pass', message: `refused: ${parserError}` };
  return {
    id: c.id,
    title: c.title,
    ms: Math.round(performance.now() - started),
    notes: [],
    gates,
    scores: noScores('impossible household'),
    bought: { spent: 0, limit: c.budget, items: [] },
  };
}

export async function runCase(c: EvalCase, engine: Engine, catalog: Catalog): Promise<CaseResult> {
  if (c.impossible) return runImpossible(c, engine);
  const { input, notes } = caseInput(c);
  const started = performance.now();
  let planJson: unknown;
  let engineError: string | undefined;
  try {
    planJson = await engine(input);
  } catch (error) {
    engineError = `engine error: ${error instanceof Error ? error.message : String(error)}`;
  }
  const ms = Math.round(performance.now() - started);
  const base = { id: c.id, title: c.title, ...(c.issue ? { issue: c.issue } : {}), ms, notes };
  if (engineError)
    return {
      ...base,
      error: engineError,
      gates: allFail(engineError),
      scores: noScores(engineError),
      bought: { spent: 0, limit: c.budget, items: [] },
    };
  return { ...base, ...judge(c, planJson, catalog) };
}

/** Runs the cases a few at a time (plans wait on solver threads, so two in flight keep two cores busy). */
export async function runSuite(opts: {
  cases: EvalCase[];
  engine: Engine;
  catalog: Catalog;
  concurrency?: number;
  onCase?: (r: CaseResult, done: number) => void;
}): Promise<CaseResult[]> {
  const results: CaseResult[] = new Array(opts.cases.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < opts.cases.length) {
      const i = next++;
      results[i] = await runCase(opts.cases[i]!, opts.engine, opts.catalog);
      opts.onCase?.(results[i]!, ++done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 2) }, worker));
  return results;
}
