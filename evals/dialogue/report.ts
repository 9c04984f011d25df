import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { DialogueResult, SuiteResult } from './types.ts';

export const RESULTS_DIR = new URL('../results/', import.meta.url);
export const BASELINE = new URL('./baseline.json', import.meta.url);

/** Per dialogue: did it pass, and which gates passed. Committed; a run that loses any of these fails. */
const baselineSchema = z.object({
  model: z.string(),
  updatedAt: z.string(),
  passed: z.number(),
  dialogues: z.record(z.string(), z.object({ pass: z.boolean(), gates: z.record(z.string(), z.boolean()) })),
});
export type Baseline = z.infer<typeof baselineSchema>;

export function toBaseline(result: SuiteResult): Baseline {
  return {
    model: result.model,
    updatedAt: result.startedAt,
    passed: result.totals.passed,
    dialogues: Object.fromEntries(
      result.dialogues.map((d) => [
        d.id,
        { pass: d.pass, gates: Object.fromEntries(d.gates.map((g) => [g.id, g.pass])) },
      ]),
    ),
  };
}

export function readBaseline(url: URL = BASELINE): Baseline | null {
  if (!existsSync(url)) return null;
  return baselineSchema.parse(JSON.parse(readFileSync(url, 'utf8')));
}

export type Regression = { dialogue: string; gate: string | null; detail: string };

/**
 * What passed in the baseline and fails now: a dialogue, or one of its gates (a gate that no longer ran,
 * because an earlier turn threw, counts as failing). New dialogues and gates are not regressions.
 */
export function regressions(result: SuiteResult, baseline: Baseline): Regression[] {
  const out: Regression[] = [];
  for (const d of result.dialogues) {
    const was = baseline.dialogues[d.id];
    if (!was) continue;
    if (was.pass && !d.pass)
      out.push({ dialogue: d.id, gate: null, detail: 'dialogue passed in the baseline' });
    const now = new Map(d.gates.map((g) => [g.id, g]));
    for (const [gate, passed] of Object.entries(was.gates)) {
      if (!passed) continue;
      const g = now.get(gate);
      if (!g?.pass) out.push({ dialogue: d.id, gate, detail: g?.detail ?? 'gate did not run' });
    }
  }
  return out;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The reply of the turn a failing gate belongs to (end gates: the last reply). */
function replyOf(d: DialogueResult, gateId: string): string {
  const m = /^t(\d+):/.exec(gateId);
  const turn = m ? d.turns[Number(m[1]) - 1] : d.turns[d.turns.length - 1];
  return turn ? turn.reply : '(no reply)';
}

export function failureLines(result: SuiteResult): string[] {
  const lines: string[] = [];
  for (const d of result.dialogues.filter((x) => !x.pass)) {
    lines.push(`✗ ${d.id} [${d.channel}, ${d.theme}] ${d.title}`);
    for (const g of d.gates.filter((x) => !x.pass)) {
      const m = /^t(\d+):/.exec(g.id);
      const said = m ? d.turns[Number(m[1]) - 1]?.say : undefined;
      lines.push(`    ${g.id}: ${g.detail ?? ''}`);
      if (said) lines.push(`      said:  ${clip(oneLine(said), 140)}`);
      lines.push(`      reply: ${clip(oneLine(replyOf(d, g.id)), 240)}`);
    }
  }
  return lines;
}

export function summaryLines(result: SuiteResult): string[] {
  const t = result.totals;
  return [
    `dialogue evals — model ${result.model}${result.grader ? `, graded by ${result.grader}` : ''}`,
    `dialogues ${t.dialogues}  passed ${t.passed}  pass rate ${pct(t.passRate)}  gates passed ${t.gatesPassed}/${t.gates} (${pct(t.gates ? t.gatesPassed / t.gates : 0)})  in ${(result.durationMs / 1000).toFixed(1)} s`,
  ];
}

function byKey(result: SuiteResult, key: 'channel' | 'theme'): string[] {
  const groups = new Map<string, { n: number; passed: number }>();
  for (const d of result.dialogues) {
    const g = groups.get(d[key]) ?? { n: 0, passed: 0 };
    g.n += 1;
    if (d.pass) g.passed += 1;
    groups.set(d[key], g);
  }
  return [...groups].map(([k, g]) => `| ${k} | ${g.n} | ${g.passed} |`);
}

function gateKinds(result: SuiteResult): string[] {
  const kinds = new Map<string, { n: number; passed: number }>();
  for (const g of result.dialogues.flatMap((d) => d.gates)) {
    const k = kinds.get(g.kind) ?? { n: 0, passed: 0 };
    k.n += 1;
    if (g.pass) k.passed += 1;
    kinds.set(g.kind, k);
  }
  return [...kinds].map(([k, v]) => `| ${k} | ${v.n} | ${v.passed} |`);
}

export function markdown(result: SuiteResult, found: Regression[] | null): string {
  const md = (s: string) => oneLine(s).replaceAll('|', '\\|');
  const rows = result.dialogues.map((d) => {
    const failed = d.gates.filter((g) => !g.pass).map((g) => g.id);
    const rubric =
      d.rubric && 'helpfulness' in d.rubric
        ? ` (rubric h${d.rubric.helpfulness} c${d.rubric.clarity} s${d.rubric.safety} f${d.rubric.faithfulness})`
        : '';
    return `| ${d.pass ? '✓' : '✗'} | ${d.id} | ${d.channel} | ${d.theme} | ${failed.join(', ') || '—'}${rubric} |`;
  });
  return [
    '# Dialogue evals',
    '',
    ...summaryLines(result).map((l) => `${l}  `),
    '',
    `Run ${result.startedAt}. ${found === null ? 'No baseline compared.' : found.length === 0 ? 'No regression against the baseline.' : `${found.length} regression(s) against the baseline.`}`,
    '',
    '| channel | dialogues | passed |',
    '|---|---|---|',
    ...byKey(result, 'channel'),
    '',
    '| theme | dialogues | passed |',
    '|---|---|---|',
    ...byKey(result, 'theme'),
    '',
    '| gate kind | checked | passed |',
    '|---|---|---|',
    ...gateKinds(result),
    '',
    '| | dialogue | channel | theme | failing gates |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    ...(result.totals.passed < result.totals.dialogues ? ['## Failures', ''] : []),
    ...result.dialogues
      .filter((d) => !d.pass)
      .flatMap((d) => [
        `### ${d.id} — ${d.title}`,
        '',
        ...d.gates.filter((g) => !g.pass).map((g) => `- **${g.id}**: ${md(g.detail ?? '')}`),
        '',
        ...d.turns.flatMap((t, i) => [
          `> **t${i + 1} ${d.channel}:** ${md(t.say)}`,
          '>',
          `> ${md(clip(t.reply, 600))}`,
          '',
        ]),
      ]),
    ...(found?.length
      ? [
          '## Regressions',
          '',
          ...found.map((r) => `- ${r.dialogue}${r.gate ? ` ${r.gate}` : ''}: ${md(r.detail)}`),
        ]
      : []),
  ].join('\n');
}

/**
 * dialogue-<timestamp>.json/.md and dialogue-latest.json/.md in evals/results/. A run of another model than
 * the baseline's writes dialogue-latest-<model>.* so it never replaces the offline model's committed report.
 */
export function writeResults(
  result: SuiteResult,
  found: Regression[] | null,
  baselineModel: string,
): string[] {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = result.startedAt.replace(/[:.]/g, '-');
  const latest =
    result.model === baselineModel
      ? 'dialogue-latest'
      : `dialogue-latest-${result.model.replace(/[^A-Za-z0-9.-]+/g, '_')}`;
  const json = `${JSON.stringify({ ...result, regressions: found }, null, 2)}\n`;
  const text = `${markdown(result, found)}\n`;
  const files = [`dialogue-${stamp}.json`, `dialogue-${stamp}.md`, `${latest}.json`, `${latest}.md`];
  for (const f of files) writeFileSync(new URL(f, RESULTS_DIR), f.endsWith('.json') ? json : text);
  return files.map((f) => `evals/results/${f}`);
}
