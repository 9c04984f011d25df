import { z } from 'zod';
import { ScenarioIdSchema } from '../../src/domain/scenarios.ts';

/**
 * One household to plan for, written as a person would type it on the `plan` command
 * (docs/contracts/plan-cli.md): `people` and `pets` in the CLI syntax, `owned` as `--own` states it.
 */
export const EvalCaseSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'ids are kebab-case: they key the baseline'),
  title: z.string().min(1),
  /** The failure quoted in issue 9 this case reproduces, word for word where the issue gives them. */
  issue: z.string().optional(),
  location: z.string().min(1),
  /**
   * The eval's own climate for places the engine cannot place (outside the US): the fit gates use it
   * instead of the plan's. US cases use the plan's climate, which follows DOE regions per state.
   */
  climate: z.enum(['hot-humid', 'hot-dry', 'temperate', 'cold', 'subarctic', 'marine']).optional(),
  people: z.string().min(1),
  pets: z.string().default(''),
  days: z.number().int().min(3).max(3650),
  scenarios: z.array(ScenarioIdSchema).default([]),
  mobility: z.enum(['shelter', 'bugout']).default('shelter'),
  activity: z.enum(['sedentary', 'moderate', 'active']).default('moderate'),
  budget: z.number().min(0),
  monthlyBudget: z.number().positive().optional(),
  /**
   * An impossible household (a pregnant man, pregnant at 70, an infant aged 4): the engine must refuse it,
   * naming the member, instead of planning. Only the `rules.impossible-members` gate applies.
   */
  impossible: z.boolean().default(false),
  owned: z.array(z.strictObject({ supplyKey: z.string(), quantity: z.number().min(0) })).default([]),
});
export type EvalCase = z.infer<typeof EvalCaseSchema>;
export type EvalCaseInput = z.input<typeof EvalCaseSchema>;
