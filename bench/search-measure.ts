/** The search bench's measurements: one run of a query set, recall against the exact answer, and their lines. */

export const K = 10;

export const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
export const ms = (x: number) => `${x.toFixed(2)} ms`;
export const secs = (x: number) => `${(x / 1000).toFixed(1)} s`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Per query: the ids and distances returned, the wall time and the process's CPU time. */
export type Run = { ids: number[][]; dists: number[][]; times: number[]; cpu: number[] };
export const pickRuns = (x: Run, idx: number[]): Run => ({
  ids: idx.map((i) => x.ids[i]!),
  dists: idx.map((i) => x.dists[i]!),
  times: idx.map((i) => x.times[i]!),
  cpu: idx.map((i) => x.cpu[i]!),
});

/**
 * recall@K as ANN benchmarks count it: a returned row is a true neighbour when it is no farther than the exact
 * K-th distance (+1e-6), so rows tied at the K-th distance count either way.
 */
export const recall = (got: Run, truth: Run) => {
  let hit = 0;
  let total = 0;
  got.dists.forEach((ds, i) => {
    const kth = truth.dists[i]!.at(-1) ?? Number.POSITIVE_INFINITY;
    hit += Math.min(truth.ids[i]!.length, ds.filter((d) => d <= kth + 1e-6).length);
    total += truth.ids[i]!.length;
  });
  return total === 0 ? 1 : hit / total;
};

/** The figures and table rows of runs; CPU time only where the database runs in this process. */
export function formats(inProcess: boolean, log: (line: string) => void) {
  const p = (x: Run, q: number) => quantile(x.times, q);
  const cpu95 = (x: Run) => (inProcess ? `, CPU p95 ${ms(quantile(x.cpu, 0.95))}` : '');
  const figures = (x: Run, truth: Run) =>
    `recall@${K} ${recall(x, truth).toFixed(3)}, p50 ${ms(p(x, 0.5))}, p95 ${ms(p(x, 0.95))}${cpu95(x)}`;
  const meets = (x: Run, truth: Run) => recall(x, truth) >= 0.95 && p(x, 0.95) < 20;
  const row = (label: string, x: Run, truth: Run) =>
    `| ${label} | ${recall(x, truth).toFixed(3)} | ${ms(p(x, 0.5))} | ${ms(p(x, 0.95))} | ${inProcess ? ms(quantile(x.cpu, 0.95)) : 'n/a'} | ${meets(x, truth) ? 'yes' : 'no'} |`;
  const header = () => {
    log(`| plan | recall@${K} | p50 | p95 | CPU p95 | recall ≥ 0.95 and p95 < 20 ms |`);
    log('|---|---|---|---|---|---|');
  };
  return { p, figures, meets, row, header };
}
