// `npm run evals` (plan part): builds every case through the plan service, judges it, writes
// evals/results/plan-<timestamp>.{json,md} and plan-latest.*, and exits 1 on a regression against
// evals/plan/baseline.json. Flags: --update-baseline, --case id[,id...], --concurrency N.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildPlan } from '../../src/services/plans/index.ts';
import { CASES } from './cases.ts';
import { loadCatalog } from './catalog.ts';
import { evalDatabase } from './db.ts';
import {
  BaselineSchema,
  compare,
  failingText,
  markdown,
  summarize,
  summaryText,
  toBaseline,
} from './report.ts';
import { type CaseResult, type Engine, runSuite } from './suite.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const baselinePath = here('./baseline.json');
const resultsDir = here('../results/');

const { values } = parseArgs({
  options: {
    'update-baseline': { type: 'boolean', default: false },
    case: { type: 'string' },
    concurrency: { type: 'string', default: '2' },
  },
  strict: false,
});
const only = typeof values.case === 'string' ? new Set(values.case.split(',')) : null;
const cases = only ? CASES.filter((c) => only.has(c.id)) : CASES;

const started = performance.now();
const database = await evalDatabase().catch((error: unknown) => {
  // The seed validates every data file; a file mid-edit stops the suite here, by name, not as a regression.
  console.error(
    `plan evals: could not build the eval database: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(2);
});
const setupMs = performance.now() - started;
const catalog = await loadCatalog(database.db);
const progress = (total: number) => (r: CaseResult, done: number) => {
  const failed = Object.values(r.gates).filter((g) => g.status === 'fail').length;
  process.stderr.write(
    `[${done}/${total}] ${r.id}: ${failed} gates fail, ${r.ms} ms${r.error ? ` (${r.error})` : ''}\n`,
  );
};
const engine: Engine = (input) => buildPlan({ db: database.db }, input);
const concurrency = Number(values.concurrency) || 2;
const results = await runSuite({ cases, catalog, engine, concurrency, onCase: progress(cases.length) });

const baseline = existsSync(baselinePath)
  ? BaselineSchema.parse(JSON.parse(readFileSync(baselinePath, 'utf8')))
  : null;
const comparison = baseline ? compare(baseline, results) : null;
// A plan's solve has a time limit, so a busy machine can pick a different plan: a regressed case is built
// once more, and only a regression seen both times counts (the other is reported as flaky).
if (baseline && comparison && comparison.regressions.length > 0 && !values['update-baseline']) {
  const key = (line: string) => line.split(':')[0]!;
  const again = new Set(comparison.regressions.map((r) => r.split(' ')[0]!));
  const rerun = await runSuite({
    cases: cases.filter((c) => again.has(c.id)),
    catalog,
    engine,
    concurrency,
    onCase: progress(again.size),
  });
  const second = new Set(compare(baseline, rerun).regressions.map(key));
  comparison.flaky = comparison.regressions.filter((r) => !second.has(key(r)));
  comparison.regressions = comparison.regressions.filter((r) => second.has(key(r)));
}
await database.close();
const wallMs = performance.now() - started;

const summary = summarize(results);
const when = new Date().toISOString();

mkdirSync(resultsDir, { recursive: true });
const stamp = when.replace(/[:.]/g, '-');
const json = JSON.stringify(
  { when, wallMs: Math.round(wallMs), setupMs: Math.round(setupMs), summary, comparison, results },
  null,
  2,
);
const md = `${markdown(results, summary, comparison, when)}\nWall time ${(wallMs / 1000).toFixed(1)} s (database ${(setupMs / 1000).toFixed(1)} s).\n`;
for (const name of [`plan-${stamp}`, 'plan-latest']) {
  writeFileSync(`${resultsDir}${name}.json`, `${json}\n`);
  writeFileSync(`${resultsDir}${name}.md`, md);
}

console.log(summaryText(summary));
console.log(failingText(results));
console.log(
  `wall time ${(wallMs / 1000).toFixed(1)} s (database ${(setupMs / 1000).toFixed(1)} s); report: evals/results/plan-${stamp}.md`,
);

let exitCode = 0;
if (values['update-baseline']) {
  if (only) {
    console.error('--update-baseline needs the whole suite (drop --case)');
    exitCode = 2;
  } else {
    writeFileSync(baselinePath, `${JSON.stringify(toBaseline(results, when), null, 2)}\n`);
    console.log(`baseline written: evals/plan/baseline.json (${results.length} cases)`);
  }
} else if (!comparison) {
  console.log('no baseline yet: run with --update-baseline to record one');
} else {
  console.log(
    `against the baseline: ${comparison.regressions.length} regressions, ${comparison.improvements.length} improvements, ${comparison.newCases.length} new cases`,
  );
  for (const r of comparison.regressions) console.log(`  REGRESSION ${r}`);
  if (comparison.flaky.length > 0)
    console.log(
      `  (${comparison.flaky.length} more did not repeat on a second build and are reported as flaky)`,
    );
  if (comparison.regressions.length > 0) exitCode = 1;
}
// The solver pool's worker threads would keep the process alive.
process.exit(exitCode);
