/**
 * Plan time on the real catalog: a family of 4, 365 days, 3 scenarios, $2,000 — p50/p95 over repeated
 * runs in one process (the first run, which loads HiGHS and the catalog, is reported apart). Then the
 * optimizer against greedy at 400, 4,000 and 40,000 candidates (bench/plan-optimizer.ts).
 *
 *   npm run bench:plan [-- --runs 20 --sizes 400,4000,40000]
 */
import { openDatabase } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { parsePeople } from '../src/domain/index.ts';
import { seedAll } from '../src/services/catalog/seed.ts';
import { createOfflineEmbedder } from '../src/services/embeddings/offline.ts';
import { buildPlan, loadCatalogCandidates } from '../src/services/plans/index.ts';

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
};
const runs = Number(arg('runs', '20'));
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

const database = await openDatabase({ kind: 'pglite' });
await runMigrations(database);
await seedAll(database, createOfflineEmbedder());
const candidates = await loadCatalogCandidates(database.db);
const people = parsePeople('adult:f:38,adult:m:40,child:6,child:9');
if (!people.ok) throw new Error(people.error);
const request = {
  location: 'Tampa, FL',
  members: people.value,
  durationDays: 365,
  scenarios: ['hurricane', 'grid-down', 'pandemic'],
  budget: 2000,
};

console.log(
  `Plan: family of 4, 365 days, hurricane + grid-down + pandemic, $2,000; catalog ${candidates.length} candidates`,
);
let started = performance.now();
let kit = await buildPlan({ db: database.db }, request);
console.log(`  first run (loads HiGHS, reads the catalog): ${Math.round(performance.now() - started)} ms`);
const times: number[] = [];
const strategies = new Map<string, number>();
for (let i = 0; i < runs; i += 1) {
  started = performance.now();
  kit = await buildPlan({ db: database.db }, request);
  times.push(performance.now() - started);
  strategies.set(kit.budget.strategy ?? '?', (strategies.get(kit.budget.strategy ?? '?') ?? 0) + 1);
}
times.sort((a, b) => a - b);
console.log(
  `  ${runs} runs: p50 ${Math.round(percentile(times, 50))} ms, p95 ${Math.round(percentile(times, 95))} ms (target p50 < 300 ms)`,
);
console.log(
  `  coverage ${(kit.budget.coverage * 100).toFixed(2)}%, spent $${kit.budget.spent}, strategy ${[...strategies].map(([s, n]) => `${s} ×${n}`).join(', ')}`,
);
const greedyStarted = performance.now();
const greedy = await buildPlan({ db: database.db }, request, { strategy: 'greedy' });
console.log(
  `  same plan, greedy only: ${Math.round(performance.now() - greedyStarted)} ms, coverage ${(greedy.budget.coverage * 100).toFixed(2)}% (greedy/exact ${(greedy.budget.coverage / kit.budget.coverage).toFixed(4)})`,
);
await database.close();

console.log('');
await import('./plan-optimizer.ts');
