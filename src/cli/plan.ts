import { ConfigError, loadConfig } from '../config.ts';
import { openRuntime } from '../runtime.ts';
import { runPlanCommand } from './plan-command.ts';

/** `npm run --silent plan -- …` (docs/contracts/plan-cli.md): stdout carries the plan and nothing else; logs go to stderr. */
try {
  process.exitCode = await runPlanCommand(
    process.argv.slice(2),
    { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) },
    () => openRuntime(loadConfig()),
  );
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`plan: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
