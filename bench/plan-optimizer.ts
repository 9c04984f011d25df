/**
 * Benchmark of the budget optimizer on synthetic realistic instances (80 needs, $2,000 budget,
 * seeded): exact (HiGHS) vs greedy coverage and time, what dominance pruning does to the exact
 * solve, and what 'auto' does under a time limit.
 *
 *   npx tsx bench/plan-optimizer.ts [--sizes 400,4000,40000] [--seed 2026] [--limit 30]
 *
 * --limit: time limit (s) for the exact run with pruning switched off.
 */
import { type OptimizeResult, optimize } from '../src/domain/optimizer/index.ts';
import { syntheticInstance } from '../src/domain/optimizer/synthetic.ts';

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
};
const sizes = arg('sizes', '400,4000,40000').split(',').map(Number);
const seed = Number(arg('seed', '2026'));
const limit = Number(arg('limit', '30'));
const NEEDS = 80;
const BUDGET = 2000;

const ms = (v: number) => `${Math.round(v).toLocaleString('en-US')} ms`;
const pct = (v: number) => `${(v * 100).toFixed(3)}%`;

async function timed(input: Parameters<typeof optimize>[0]): Promise<{ r: OptimizeResult; ms: number }> {
  const started = performance.now();
  const r = await optimize(input);
  return { r, ms: performance.now() - started };
}

function describe(label: string, { r, ms: t }: { r: OptimizeResult; ms: number }) {
  const status = r.strategy === 'exact' ? (r.optimal ? 'optimal' : 'NOT proven optimal') : 'heuristic';
  const mip = r.stats.mipMs.length > 0 ? `  [HiGHS: ${r.stats.mipMs.map(ms).join(' + ')}]` : '';
  console.log(
    `  ${label.padEnd(34)} coverage ${pct(r.coverage).padStart(8)}  spent $${r.spent.toFixed(2).padStart(7)}  ${ms(t).padStart(10)}  ${r.strategy} ${status}${mip}`,
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
  `Budget optimizer benchmark: ${NEEDS} needs, budget $${BUDGET}, seed ${seed}, Node ${process.version}`,
);
const summary: string[] = [];
for (const size of sizes) {
  const inst = syntheticInstance(seed + size, { needs: NEEDS, candidates: size, budget: BUDGET });
  const bundles = inst.candidates.filter((c) => c.bundleId).length;
  console.log(
    `\n${size.toLocaleString('en-US')} candidates (${bundles} bundles), ${inst.needs.length} needs`,
  );

  const greedy = await timed({ ...inst, strategy: 'greedy' });
  const exact = await timed({ ...inst, strategy: 'exact' });
  const s = exact.r.stats;
  console.log(
    `  candidates: ${s.candidatesIn} in, ${s.candidatesUseful} useful (affordable, in stock), ${s.candidatesAfterPruning} after dominance pruning`,
  );
  describe('greedy', greedy);
  describe('exact (pruned)', exact);
  const ratio = greedy.r.coverage / exact.r.coverage;
  console.log(`  greedy / exact coverage ratio: ${ratio.toFixed(5)}`);

  describe(
    `exact, no pruning (limit ${limit} s)`,
    await timed({ ...inst, strategy: 'exact', prune: false, timeLimitSeconds: limit }),
  );
  for (const t of [1, 5])
    describe(`auto, time limit ${t} s`, await timed({ ...inst, strategy: 'auto', timeLimitSeconds: t }));
  summary.push(
    `${String(size).padStart(6)}  exact ${pct(exact.r.coverage)} in ${ms(exact.ms)}  greedy ${pct(greedy.r.coverage)} in ${ms(greedy.ms)}  ratio ${ratio.toFixed(5)}  (${s.candidatesAfterPruning} of ${s.candidatesIn} candidates after pruning)`,
  );
}
console.log(`\nSummary\n${summary.join('\n')}`);
