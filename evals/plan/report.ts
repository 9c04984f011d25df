import { z } from 'zod';
import { GATE_TYPES, type GateStatus } from './gates/types.ts';
import { SCORE_NAMES, type ScoreName, THRESHOLDS } from './scores.ts';
import type { CaseResult } from './suite.ts';

/** A score may drop this much against the baseline before it counts as a regression (solver time limits and
 * near-ties can move a plan slightly from run to run). */
export const SCORE_TOLERANCE = 0.05;

export const BaselineSchema = z.object({
  version: z.literal(1),
  createdAt: z.string(),
  cases: z.record(
    z.string(),
    z.object({
      gates: z.record(z.string(), z.enum(['pass', 'fail', 'n/a'])),
      scores: z.record(z.string(), z.number().nullable()),
    }),
  ),
});
export type Baseline = z.infer<typeof BaselineSchema>;

export function toBaseline(results: CaseResult[], createdAt: string): Baseline {
  return {
    version: 1,
    createdAt,
    cases: Object.fromEntries(
      results.map((r) => [
        r.id,
        {
          gates: Object.fromEntries(Object.entries(r.gates).map(([id, g]) => [id, g.status])),
          scores: Object.fromEntries(SCORE_NAMES.map((n) => [n, r.scores[n].value])),
        },
      ]),
    ),
  };
}

export type Summary = {
  cases: number;
  errors: number;
  gates: { passed: number; failed: number; notApplicable: number };
  byType: Record<string, { passed: number; total: number }>;
  byGate: Record<string, { passed: number; total: number }>;
  scores: Record<ScoreName, { mean: number | null; passed: number; total: number; threshold: number }>;
  casesAllGatesPass: number;
  ms: { total: number; p50: number; max: number };
};

export function summarize(results: CaseResult[]): Summary {
  const byType: Summary['byType'] = Object.fromEntries(GATE_TYPES.map((t) => [t, { passed: 0, total: 0 }]));
  const byGate: Summary['byGate'] = {};
  const gates = { passed: 0, failed: 0, notApplicable: 0 };
  for (const r of results)
    for (const [id, g] of Object.entries(r.gates)) {
      byGate[id] ??= { passed: 0, total: 0 };
      if (g.status === 'n/a') {
        gates.notApplicable++;
        continue;
      }
      byType[g.type]!.total++;
      byGate[id].total++;
      if (g.status === 'pass') {
        gates.passed++;
        byType[g.type]!.passed++;
        byGate[id].passed++;
      } else gates.failed++;
    }
  const scores = Object.fromEntries(
    SCORE_NAMES.map((n) => {
      const values = results.map((r) => r.scores[n]).filter((s) => s.value !== null);
      return [
        n,
        {
          mean: values.length
            ? Math.round((1000 * values.reduce((a, s) => a + s.value!, 0)) / values.length) / 1000
            : null,
          passed: values.filter((s) => s.pass).length,
          total: values.length,
          threshold: THRESHOLDS[n],
        },
      ];
    }),
  ) as Summary['scores'];
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  return {
    cases: results.length,
    errors: results.filter((r) => r.error).length,
    gates,
    byType,
    byGate,
    scores,
    casesAllGatesPass: results.filter((r) => Object.values(r.gates).every((g) => g.status !== 'fail')).length,
    ms: {
      total: ms.reduce((a, b) => a + b, 0),
      p50: ms[Math.floor(ms.length / 2)] ?? 0,
      max: ms.at(-1) ?? 0,
    },
  };
}

export type Comparison = {
  regressions: string[];
  /** Regressions that did not repeat when the case was built again (set by run.ts). */
  flaky: string[];
  improvements: string[];
  newCases: string[];
  missingCases: string[];
};

/** Per case, per gate, per score: a gate that passed and now fails, or a score down by more than the tolerance. */
export function compare(baseline: Baseline, results: CaseResult[]): Comparison {
  const out: Comparison = { regressions: [], flaky: [], improvements: [], newCases: [], missingCases: [] };
  const seen = new Set<string>();
  for (const r of results) {
    seen.add(r.id);
    const base = baseline.cases[r.id];
    if (!base) {
      out.newCases.push(r.id);
      continue;
    }
    for (const [id, g] of Object.entries(r.gates)) {
      const was: GateStatus | undefined = base.gates[id];
      if (was === 'pass' && g.status === 'fail')
        out.regressions.push(`${r.id} ${id}: passed, now fails: ${g.message}`);
      if (was === 'fail' && g.status === 'pass') out.improvements.push(`${r.id} ${id}: now passes`);
    }
    for (const n of SCORE_NAMES) {
      const was = base.scores[n];
      const now = r.scores[n].value;
      if (was === null || was === undefined) continue;
      if (now === null)
        out.regressions.push(`${r.id} score ${n}: was ${was}, now not scored (${r.scores[n].detail})`);
      else if (now < was - SCORE_TOLERANCE) out.regressions.push(`${r.id} score ${n}: ${was} → ${now}`);
      else if (now > was + SCORE_TOLERANCE) out.improvements.push(`${r.id} score ${n}: ${was} → ${now}`);
    }
  }
  for (const id of Object.keys(baseline.cases)) if (!seen.has(id)) out.missingCases.push(id);
  return out;
}

const pct = (p: number, t: number) => (t === 0 ? '—' : `${p}/${t} (${Math.round((100 * p) / t)}%)`);

/** The gates that fail, most failures first, each with one example: what the engine still gets wrong. */
export function failingText(results: CaseResult[], limit = 20): string {
  const by = new Map<string, { n: number; example: string }>();
  for (const r of results)
    for (const [id, g] of Object.entries(r.gates)) {
      if (g.status !== 'fail') continue;
      const prev = by.get(id);
      by.set(id, { n: (prev?.n ?? 0) + 1, example: prev?.example ?? `${r.id}: ${g.message.slice(0, 160)}` });
    }
  const rows = [...by].sort((a, b) => b[1].n - a[1].n).slice(0, limit);
  if (rows.length === 0) return 'failing gates: none';
  return [
    'failing gates (cases; first example):',
    ...rows.map(([id, v]) => `  ${id} ×${v.n} — ${v.example}`),
  ].join('\n');
}

export function summaryText(s: Summary): string {
  const lines = [
    `plan evals: ${s.cases} cases, ${s.errors} engine errors, ${s.casesAllGatesPass} with every gate passing`,
    `gates: ${s.gates.passed} passed / ${s.gates.passed + s.gates.failed} applicable (${s.gates.notApplicable} n/a)`,
    ...Object.entries(s.byType).map(([t, v]) => `  ${t.padEnd(15)} ${pct(v.passed, v.total)}`),
    'scores (mean; cases at or above threshold):',
    ...Object.entries(s.scores).map(
      ([n, v]) => `  ${n.padEnd(15)} ${v.mean ?? '—'}  ${pct(v.passed, v.total)} ≥ ${v.threshold}`,
    ),
    `time: ${(s.ms.total / 1000).toFixed(1)} s of plans, p50 ${s.ms.p50} ms, max ${s.ms.max} ms`,
  ];
  return lines.join('\n');
}

export function markdown(results: CaseResult[], s: Summary, cmp: Comparison | null, when: string): string {
  const out: string[] = [
    `# Plan evals — ${when}`,
    '',
    '```',
    summaryText(s),
    '',
    failingText(results, 50),
    '```',
    '',
  ];
  if (cmp) {
    out.push(
      `## Against the baseline`,
      '',
      `${cmp.regressions.length} regressions, ${cmp.improvements.length} improvements, ${cmp.newCases.length} new cases, ${cmp.missingCases.length} cases gone.`,
      '',
    );
    for (const r of cmp.regressions) out.push(`- REGRESSION ${r}`);
    for (const r of cmp.flaky) out.push(`- flaky (did not repeat) ${r}`);
    for (const r of cmp.improvements) out.push(`- improved ${r}`);
    out.push('');
  }
  out.push('## Gates', '', '| gate | passed |', '|---|---|');
  for (const [id, v] of Object.entries(s.byGate)) out.push(`| ${id} | ${pct(v.passed, v.total)} |`);
  out.push('', '## Cases', '');
  for (const r of results) {
    const failed = Object.entries(r.gates).filter(([, g]) => g.status === 'fail');
    out.push(`### ${r.id} — ${r.title}`, '');
    if (r.issue) out.push(`Issue 9: ${r.issue}`, '');
    if (r.error) out.push(`**${r.error}**`, '');
    for (const n of r.notes) out.push(`Note: ${n}`, '');
    out.push(
      `${failed.length} gates fail; scores: ${SCORE_NAMES.map((n) => `${n} ${r.scores[n].value ?? '—'}`).join(', ')}; $${r.bought.spent} of $${r.bought.limit}; ${r.ms} ms`,
      '',
    );
    for (const [id, g] of failed) out.push(`- ✗ \`${id}\`: ${g.message}`);
    for (const n of SCORE_NAMES) if (r.scores[n].value !== null) out.push(`- ${n}: ${r.scores[n].detail}`);
    if (r.bought.items.length)
      out.push(`- buys: ${r.bought.items.slice(0, 25).join('; ')}${r.bought.items.length > 25 ? '; …' : ''}`);
    out.push('');
  }
  return out.join('\n');
}
