import { ConfigError, loadConfig } from '../config.ts';
import { planAsText } from './plan-text.ts';
import { PLAN_USAGE, parsePlanArgs, UsageError } from './plan-args.ts';
import { AppError } from '../services/errors.ts';
import { buildPlan } from '../services/plans/index.ts';
import { openRuntime } from '../services/runtime.ts';

/** `npm run --silent plan -- …` (../shared/contracts/plan-cli.md): stdout carries the plan and nothing else. */
async function main(argv: string[]): Promise<number> {
  let command: ReturnType<typeof parsePlanArgs>;
  try {
    command = parsePlanArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`plan: ${error.message}\n${PLAN_USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (command.help) {
    process.stdout.write(`${PLAN_USAGE}\n`);
    return 0;
  }
  const runtime = await openRuntime(loadConfig(), (line) => process.stderr.write(`${line}\n`));
  try {
    const kit = await buildPlan({ db: runtime.database.db }, command.input);
    process.stdout.write(command.json ? `${JSON.stringify(kit)}\n` : planAsText(kit));
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.code === 'BAD_INPUT') {
      process.stderr.write(`plan: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    await runtime.close();
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`plan: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
