import { parseArgs } from 'node:util';
import { z } from 'zod';
import { type PlanInput, parsePeople, parsePets, SCENARIO_IDS } from '../domain/index.ts';
import { isSupplyKey, supplyByKey } from '../domain/supplies.ts';
import { AppError } from '../services/errors.ts';
import { parseInput } from '../services/validation.ts';

/** A command-line mistake: the message names the flag; the command exits with code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const PLAN_USAGE = `Usage: npm run --silent plan -- --location "Tampa, FL" --people "adult:f:38,adult:m:40,child:6,child:9"
  [--pets "dog:30"] --days 14 [--scenarios hurricane,grid-down] [--budget 300]
  [--mobility shelter|bugout] [--activity sedentary|moderate|active] [--monthly-budget 100]
  [--own "water-storage:20,food-kcal:30000"] [--json]
  Conditions are further --people parts: senior:m:81:diabetic-insulin, oxygen, mobility-aid, dialysis, allergy-peanut.`;

const number = (flag: string, min: number, max: number, integer = false) =>
  z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, `--${flag} must be a number`)
    .transform(Number)
    .refine((n) => !integer || Number.isInteger(n), `--${flag} must be a whole number`)
    .refine((n) => n >= min && n <= max, `--${flag} must be between ${min} and ${max}`);

const flagsSchema = z.object({
  location: z
    .string({ message: '--location is required (e.g. "Tampa, FL", a ZIP code or "lat,lon")' })
    .trim()
    .min(1, '--location must not be empty'),
  people: z.string({ message: '--people is required (e.g. "adult:f:38,child:6")' }),
  pets: z.string().optional(),
  days: z.string({ message: '--days is required (3 to 3650)' }).pipe(number('days', 3, 3650, true)),
  scenarios: z.string().optional(),
  budget: z
    .string()
    .default('0')
    .pipe(number('budget', 0, 10_000_000)),
  mobility: z
    .enum(['shelter', 'bugout'], { message: '--mobility must be shelter or bugout' })
    .default('shelter'),
  activity: z
    .enum(['sedentary', 'moderate', 'active'], {
      message: '--activity must be sedentary, moderate or active',
    })
    .default('moderate'),
  'monthly-budget': number('monthly-budget', 0, 1_000_000).optional(),
  own: z.string().optional(),
  json: z.boolean().default(false),
  help: z.boolean().default(false),
});

/** Runs a parse whose bad input (a sentence naming the flag) is a command-line mistake. */
function usage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof AppError && error.code === 'BAD_INPUT') throw new UsageError(error.message);
    throw error;
  }
}

export type PlanCommand = { input: PlanInput; json: boolean; help: boolean };

/** Parses `plan` flags into a plan request; every mistake names its flag. */
export function parsePlanArgs(argv: string[]): PlanCommand {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        location: { type: 'string' },
        people: { type: 'string' },
        pets: { type: 'string' },
        days: { type: 'string' },
        scenarios: { type: 'string' },
        budget: { type: 'string' },
        mobility: { type: 'string' },
        activity: { type: 'string' },
        'monthly-budget': { type: 'string' },
        own: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    throw new UsageError(
      error instanceof Error ? error.message.replace(/^Unknown option/, 'unknown flag') : String(error),
    );
  }
  if (values.help) return { input: undefined as unknown as PlanInput, json: false, help: true };
  const flags = usage(() => parseInput(flagsSchema, values));

  const people = parsePeople(flags.people, { activity: flags.activity });
  if (!people.ok) throw new UsageError(`--people: ${people.error}`);
  const pets = flags.pets ? parsePets(flags.pets) : { ok: true as const, value: [] };
  if (!pets.ok) throw new UsageError(`--pets: ${pets.error}`);
  const scenarios = (flags.scenarios ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const unknown = scenarios.filter((s) => !(SCENARIO_IDS as readonly string[]).includes(s));
  if (unknown.length > 0) {
    throw new UsageError(
      `--scenarios: unknown scenario ${unknown.join(', ')} (one of ${SCENARIO_IDS.join(', ')})`,
    );
  }
  return {
    json: flags.json,
    help: false,
    input: {
      location: flags.location,
      members: people.value,
      pets: pets.value,
      durationDays: flags.days,
      scenarios: scenarios as PlanInput['scenarios'],
      mobility: flags.mobility === 'bugout' ? 'BUG_OUT' : 'SHELTER_IN_PLACE',
      budget: flags.budget,
      ...(flags['monthly-budget'] !== undefined ? { monthlyBudget: flags['monthly-budget'] } : {}),
      owned: flags.own ? parseOwned(flags.own) : [],
      skills: [],
    },
  };
}

/** "water-storage:20,food-kcal:30000" → owned stock, each amount in the supply's own unit. */
export function parseOwned(text: string): PlanInput['owned'] {
  const owned: PlanInput['owned'] = [];
  for (const [i, spec] of text
    .split(',')
    .map((s) => s.trim())
    .entries()) {
    if (spec === '') continue;
    const [key = '', amount, ...rest] = spec.split(':').map((p) => p.trim());
    const where = `--own: item ${i + 1} ("${spec}")`;
    if (!isSupplyKey(key)) {
      throw new UsageError(
        `${where}: unknown supply "${key}" (see src/domain/data/supplies.json, e.g. water-storage)`,
      );
    }
    const unit = supplyByKey(key).unit;
    if (amount === undefined || rest.length > 0 || !/^\d+(\.\d+)?$/.test(amount)) {
      throw new UsageError(`${where}: expected ${key}:AMOUNT with the amount in ${unit}`);
    }
    owned.push({ supplyKey: key, quantity: Number(amount) });
  }
  return owned;
}
