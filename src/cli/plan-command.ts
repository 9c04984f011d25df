import type { Runtime } from '../runtime.ts';
import { AppError } from '../services/errors.ts';
import { buildPlan } from '../services/plans/index.ts';
import { PLAN_USAGE, parsePlanArgs, UsageError } from './plan-args.ts';
import { planAsText } from './plan-text.ts';

export type CommandIO = { stdout: (text: string) => void; stderr: (text: string) => void };

/** What the command uses of the runtime (tests give a database of their own and solve on their thread). */
export type PlanRuntime = Pick<Runtime, 'database' | 'close'> & Partial<Pick<Runtime, 'solver'>>;

/**
 * The plan command without its process: flags are checked before any database is opened, so a bad flag
 * answers at once with exit code 2 and the flag's name. Returns the exit code.
 */
export async function runPlanCommand(
  argv: string[],
  io: CommandIO,
  openRuntime: () => Promise<PlanRuntime>,
): Promise<number> {
  let command: ReturnType<typeof parsePlanArgs>;
  try {
    command = parsePlanArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`plan: ${error.message}\n${PLAN_USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (command.help) {
    io.stdout(`${PLAN_USAGE}\n`);
    return 0;
  }
  const runtime = await openRuntime();
  try {
    const kit = await buildPlan({ db: runtime.database.db, solver: runtime.solver }, command.input);
    io.stdout(command.json ? `${JSON.stringify(kit)}\n` : planAsText(kit));
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.code === 'BAD_INPUT') {
      io.stderr(`plan: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    await runtime.close();
  }
}
