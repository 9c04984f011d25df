/**
 * The dialogue eval suite (`npm run evals`, or `npx tsx evals/dialogue/run.ts`): every dialogue through the
 * real conversation core over a seeded in-memory database, gated turn by turn; results to evals/results/,
 * compared with evals/dialogue/baseline.json. Exit 1 on a regression (a dialogue or gate that passed in the
 * baseline fails now), 2 on bad configuration.
 *
 * Flags: --only id,id   --update-baseline (write the baseline from this run)   --no-baseline
 * Real model: EVAL_MODEL with OPENAI_API_KEY or LLM_BASE_URL (see config.ts) adds the graded rubric.
 */
import { writeFileSync } from 'node:fs';
import { createModel, OFFLINE_MODEL_ID } from '../../agents/index.ts';
import { loadEvalConfig } from './config.ts';
import { DIALOGUES } from './dialogues/index.ts';
import { createGrader } from './grader.ts';
import {
  BASELINE,
  failureLines,
  readBaseline,
  regressions,
  summaryLines,
  toBaseline,
  writeResults,
} from './report.ts';
import { runSuite } from './suite.ts';

const log = (line: string) => process.stderr.write(`dialogue-evals: ${line}\n`);

function flags(argv: string[]) {
  const only = argv.find((_a, i) => argv[i - 1] === '--only');
  return {
    only: only ? new Set(only.split(',')) : null,
    update: argv.includes('--update-baseline'),
    compare: !argv.includes('--no-baseline'),
  };
}

async function main(): Promise<number> {
  const opts = flags(process.argv.slice(2));
  let config: ReturnType<typeof loadEvalConfig>;
  try {
    config = loadEvalConfig();
  } catch (e) {
    log(e instanceof Error ? e.message : String(e));
    return 2;
  }
  const dialogues = opts.only ? DIALOGUES.filter((d) => opts.only!.has(d.id)) : DIALOGUES;
  if (dialogues.length === 0) {
    log('no dialogue matches --only');
    return 2;
  }
  const model = createModel(config.model);
  const result = await runSuite({
    dialogues,
    model,
    grader: config.grader ? createGrader(createModel(config.grader)) : null,
    rubricMin: config.rubricMin,
    log,
  });

  // The baseline pins the offline model; another model's run is reported, not compared.
  const baseline = opts.compare ? readBaseline() : null;
  const comparable = baseline && baseline.model === result.model ? baseline : null;
  const found = comparable ? regressions(result, comparable) : null;
  const files = writeResults(result, found, baseline?.model ?? OFFLINE_MODEL_ID);

  const out = [...summaryLines(result), ...failureLines(result)];
  if (baseline && !comparable) out.push(`baseline is for ${baseline.model}: not compared`);
  if (found?.length) {
    out.push(`REGRESSIONS against the baseline (${found.length}):`);
    for (const r of found) out.push(`  ${r.dialogue}${r.gate ? ` ${r.gate}` : ''}: ${r.detail}`);
  } else if (found) out.push(`no regression against the baseline (${comparable!.passed} passed then)`);
  out.push(`results: ${files.join(', ')}`);
  process.stdout.write(`${out.join('\n')}\n`);

  if (opts.update) {
    if (opts.only) {
      log('--update-baseline needs the whole suite (not --only)');
      return 2;
    }
    writeFileSync(BASELINE, `${JSON.stringify(toBaseline(result), null, 2)}\n`);
    log(`baseline written: ${result.totals.passed}/${result.totals.dialogues} dialogues pass`);
    return 0;
  }
  return found?.length ? 1 : 0;
}

// Exit explicitly: the plan solver's worker threads would otherwise keep the process alive.
process.exit(await main());
