/**
 * Benchmark of the budget optimizer on synthetic realistic instances (80 needs, $2,000 budget,
 * seeded) with system constraints (fuel only with its stove, cells only with a device, a can opener
 * only with canned food) and urgent 72-hour parts of water, food, medication and infant needs:
 * exact (HiGHS) vs greedy coverage, spend and time, what dominance pruning does to the exact solve,
 * and what 'auto' does under a time limit.
 *
 *   npx tsx bench/plan-optimizer.ts [--sizes 400,4000,40000] [--seed 2026] [--limit 30] [--plain] [--quick]
 *
 * --limit: time limit (s) for the exact run with pruning switched off.
 * --plain: no system constraints and no urgent parts (the instances as before issue 9).
 * --quick: only the exact-vs-greedy table (skips the unpruned and 'auto' runs).
 */
import { type OptimizeResult, optimize } from '../src/domain/optimizer/index.ts';
import { syntheticInstance } from '../src/domain/optimizer/synthetic.ts';

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
};
const flag = (name: string) => process.argv.includes(`--${name}`);
const sizes = arg('sizes', '400,4000,40000').split(',').map(Number);
const seed = Number(arg('seed', '2026'));
const limit = Number(arg('limit', '30'));
const constrained = !flag('plain');
const quick = flag('quick');
const NEEDS = 80;
const BUDGET = 2000;

const ms = (v: number) => `${Math.round(v).toLocaleString('en-US')} ms`;
const pct = (v: number) => `${(v * 100).toFixed(3)}%`;

async function timed(input: Parameters<typeof optimize>[0]): Promise<{ r: OptimizeResult; ms: number }> {
  const started = performance.now();
  const r = await optimize(input);
  return { r, ms: performance.now() - started };
}

/** Urgent parts covered, as "covered/needed" of the summed fractions (6/6 = every 72-hour part met). */
function urgent(r: OptimizeResult): string {
  const parts = r.perNeed.filter((p) => p.urgentNeeded !== undefined);
  const met = parts.reduce((s, p) => s + Math.min(1, p.urgentCovered! / p.urgentNeeded!), 0);
  return `${met.toFixed(2)}/${parts.length}`;
}

function describe(label: string, { r, ms: t }: { r: OptimizeResult; ms: number }) {
  const status = r.strategy === 'exact' ? (r.optimal ? 'optimal' : 'NOT proven optimal') : 'heuristic';
  const mip = r.stats.mipMs.length > 0 ? `  [HiGHS: ${r.stats.mipMs.map(ms).join(' + ')}]` : '';
  console.log(
    `  ${label.padEnd(34)} coverage ${pct(r.coverage).padStart(8)}  urgent ${urgent(r)}  spent $${r.spent.toFixed(2).padStart(7)}  ${ms(t).padStart(10)}  ${r.strategy} ${status}${mip}`,
  );
  if (r.note) console.log(`  ${''.padEnd(34)} note: ${r.note}`);
}

// Load the WASM solver once before timing anything.
await optimize({
  needs: [{ key: 'a', quantity: 1, priority: 1 }],
  candidates: [],
  budget: 1,
  strategy: 'exact',
});

console.log(
  `Budget optimizer benchmark: ${NEEDS} needs, budget $${BUDGET}, seed ${seed}, ${constrained ? 'system constraints and urgent parts ON' : 'plain (no constraints, no urgent parts)'}, Node ${process.version}`,
);
const rows: string[] = [];
for (const size of sizes) {
  const inst = syntheticInstance(seed + size, {
    needs: NEEDS,
    candidates: size,
    budget: BUDGET,
    systems: constrained,
    urgent: constrained,
  });
  const bundles = inst.candidates.filter((c) => c.bundleId).length;
  const dependents = inst.candidates.filter((c) => (c.requires ?? []).length > 0).length;
  const urgentNeeds = inst.needs.filter((n) => n.urgentQuantity !== undefined).length;
  console.log(
    `\n${inst.candidates.length.toLocaleString('en-US')} candidates (${bundles} bundles, ${dependents} with requirements), ${inst.needs.length} needs (${urgentNeeds} with an urgent part)`,
  );

  const greedy = await timed({ ...inst, strategy: 'greedy' });
  const exact = await timed({ ...inst, strategy: 'exact' });
  const s = exact.r.stats;
  console.log(
    `  candidates: ${s.candidatesIn} in, ${s.candidatesUseful} useful (affordable, in stock, requirements closable), ${s.candidatesAfterPruning} after dominance pruning`,
  );
  describe('greedy', greedy);
  describe('exact (pruned)', exact);
  const ratio = greedy.r.coverage / exact.r.coverage;
  console.log(`  greedy / exact coverage ratio: ${ratio.toFixed(5)}`);

  if (!quick) {
    describe(
      `exact, no pruning (limit ${limit} s)`,
      await timed({ ...inst, strategy: 'exact', prune: false, timeLimitSeconds: limit }),
    );
    for (const t of [1, 5])
      describe(`auto, time limit ${t} s`, await timed({ ...inst, strategy: 'auto', timeLimitSeconds: t }));
  }
  rows.push(
    `| ${size.toLocaleString('en-US').padStart(6)} | ${pct(exact.r.coverage)} | ${urgent(exact.r)} | $${exact.r.spent.toFixed(2)} | ${ms(exact.ms).padStart(9)} | ${pct(greedy.r.coverage)} | ${urgent(greedy.r)} | $${greedy.r.spent.toFixed(2)} | ${ms(greedy.ms).padStart(7)} | ${ratio.toFixed(5)} |`,
  );
}
console.log(
  `\nSummary (${constrained ? 'constraints and urgent parts on' : 'plain'})\n` +
    '|   size | exact coverage | urgent | exact spent | exact time | greedy coverage | urgent | greedy spent | greedy time | greedy/exact |\n' +
    '|-------:|---------------:|-------:|------------:|-----------:|----------------:|-------:|-------------:|------------:|-------------:|\n' +
    rows.join('\n'),
);
