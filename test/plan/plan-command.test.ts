import { spawnSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPlanCommand } from '../../src/cli/plan-command.ts';
import type { Database } from '../../src/db/client.ts';
import { rowsOf } from '../../src/db/rows.ts';
import { createOfflineEmbedder } from '../../src/services/embeddings/offline.ts';
import { freshDatabase } from '../support/db.ts';
import { planContract } from './plan-contract.ts';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  // The command closes its runtime; the shared test database stays open.
  const code = await runPlanCommand(
    argv,
    { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
    async () => ({ database, embedder: createOfflineEmbedder(), close: async () => {} }),
  );
  return { code, stdout, stderr };
}

const varied: { name: string; argv: string[] }[] = [
  {
    name: 'Tampa family with a dog, hurricane, $300',
    argv: [
      '--location',
      'Tampa, FL',
      '--people',
      'adult:f:38,adult:m:40,child:6,child:9',
      '--pets',
      'dog:30',
      '--days',
      '14',
      '--scenarios',
      'hurricane,grid-down',
      '--budget',
      '300',
    ],
  },
  {
    name: 'single adult, 72 hours, needs only',
    argv: ['--location', 'Denver, CO', '--people', 'adult', '--days', '3'],
  },
  {
    name: 'Montana homesteaders, a year, grid-down',
    argv: [
      '--location',
      'Bozeman, MT',
      '--people',
      'adult:m:45,adult:f:43,teen:15,child:11,child:8',
      '--days',
      '365',
      '--scenarios',
      'grid-down',
      '--budget',
      '2000',
      '--activity',
      'active',
    ],
  },
  {
    name: 'multi-year, production phase',
    argv: [
      '--location',
      'Boise, ID',
      '--people',
      'adult:m,adult:f',
      '--days',
      '1095',
      '--scenarios',
      'economic-collapse',
      '--budget',
      '5000',
    ],
  },
  {
    name: 'ZIP code with infant and nursing mother',
    argv: [
      '--location',
      '70112',
      '--people',
      'adult:f:30:nursing,infant:0.5',
      '--days',
      '14',
      '--scenarios',
      'flood',
      '--budget',
      '150',
    ],
  },
  {
    name: 'coordinates, seniors, winter storm, bug-out',
    argv: [
      '--location',
      '44.98,-93.27',
      '--people',
      'senior:f:72,senior:m:75',
      '--days',
      '7',
      '--scenarios',
      'winter-storm',
      '--budget',
      '250',
      '--mobility',
      'bugout',
    ],
  },
  {
    name: 'pregnant adult in Phoenix heat, cat',
    argv: [
      '--location',
      'Phoenix, AZ',
      '--people',
      'adult:f:29:pregnant,adult:m:31',
      '--pets',
      'cat:10',
      '--days',
      '14',
      '--scenarios',
      'extreme-heat',
      '--budget',
      '400',
    ],
  },
  {
    name: 'earthquake in California with a monthly budget',
    argv: [
      '--location',
      'San Francisco, CA',
      '--people',
      'adult,adult,child:4',
      '--days',
      '14',
      '--scenarios',
      'earthquake',
      '--budget',
      '200',
      '--monthly-budget',
      '100',
    ],
  },
  {
    name: 'outside the US: generic plan',
    argv: ['--location', 'Paris, France', '--people', 'adult,adult', '--days', '3', '--budget', '100'],
  },
  {
    name: 'pandemic, sedentary, 3 months',
    argv: [
      '--location',
      'New York, NY',
      '--people',
      'adult:m:60,adult:f:58',
      '--days',
      '90',
      '--scenarios',
      'pandemic',
      '--budget',
      '600',
      '--activity',
      'sedentary',
    ],
  },
];

describe('plan --json follows docs/contracts/plan-cli.md', () => {
  for (const c of varied) {
    it(c.name, async () => {
      const { code, stdout, stderr } = await run([...c.argv, '--json']);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout.trim().split('\n')).toHaveLength(1);
      const plan = planContract.parse(JSON.parse(stdout));
      const limit = Number(c.argv[c.argv.indexOf('--budget') + 1] ?? 0) || 0;
      expect(plan.budget.limit).toBe(limit);
      expect(plan.budget.spent).toBeLessThanOrEqual(plan.budget.limit);
      const sum = plan.items.reduce((s, i) => s + Math.round(i.lineTotal * 100), 0) / 100;
      expect(plan.budget.spent).toBeCloseTo(sum, 2);
      if (limit === 0) expect(plan.items).toEqual([]);
      expect(plan.household.members).toHaveLength(c.argv[c.argv.indexOf('--people') + 1]!.split(',').length);
      // Every item is a real catalog product.
      if (plan.items.length > 0) {
        const ids = plan.items.map((i) => i.productId);
        const found = rowsOf<{ n: number }>(
          await database.db.execute(
            sql`select count(distinct id)::int as n from specific_products where id::text = any(${sql.raw(`array[${ids.map((id) => `'${id.replace(/'/g, '')}'`).join(',')}]`)})`,
          ),
        );
        expect(found[0]!.n).toBe(new Set(ids).size);
      }
      if (c.argv.includes('--monthly-budget')) {
        expect(
          (JSON.parse(stdout) as { purchaseSchedule?: unknown[] }).purchaseSchedule?.length,
        ).toBeGreaterThan(0);
      }
    });
  }

  it('gives a generic plan with a clear message for a place it cannot resolve', async () => {
    const { stdout } = await run([
      '--location',
      'Paris, France',
      '--people',
      'adult',
      '--days',
      '3',
      '--json',
    ]);
    const plan = JSON.parse(stdout);
    expect(plan.location).toMatchObject({ state: null, country: 'unknown' });
    expect(plan.location.message).toMatch(/generic/i);
  });

  it('prints a readable plan without --json', async () => {
    const { code, stdout } = await run([
      '--location',
      'Tampa, FL',
      '--people',
      'adult,adult',
      '--days',
      '14',
      '--budget',
      '100',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^WATER$/m);
    expect(stdout).toMatch(/gal\/day/);
    expect(() => JSON.parse(stdout)).toThrow();
  });
});

describe('plan: bad flags exit 2 naming the flag', () => {
  const cases: [string[], RegExp][] = [
    [['--people', 'adult', '--days', '14'], /--location/],
    [['--location', 'Tampa, FL', '--days', '14'], /--people/],
    [['--location', 'Tampa, FL', '--people', 'adult'], /--days/],
    [['--location', 'Tampa, FL', '--people', 'adult', '--days', '2'], /--days must be between 3 and 3650/],
    [['--location', 'Tampa, FL', '--people', 'adult', '--days', '14.5'], /--days must be a whole number/],
    [['--location', 'Tampa, FL', '--people', 'adult', '--days', '14', '--budget', '-5'], /--budget/],
    [
      ['--location', 'Tampa, FL', '--people', 'adult', '--days', '14', '--budget', 'lots'],
      /--budget must be a number/,
    ],
    [['--location', 'Tampa, FL', '--people', 'wizard:40', '--days', '14'], /--people/],
    [['--location', 'Tampa, FL', '--people', 'adult', '--pets', 'dragon:400', '--days', '14'], /--pets/],
    [
      ['--location', 'Tampa, FL', '--people', 'adult', '--days', '14', '--scenarios', 'zombies'],
      /--scenarios: unknown scenario zombies/,
    ],
    [['--location', 'Tampa, FL', '--people', 'adult', '--days', '14', '--mobility', 'fly'], /--mobility/],
    [
      ['--location', 'Tampa, FL', '--people', 'adult', '--days', '14', '--color', 'red'],
      /unknown flag '--color'/,
    ],
  ];
  for (const [argv, message] of cases) {
    it(argv.join(' '), async () => {
      const { code, stdout, stderr } = await run(argv);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
    });
  }

  it('as a real process, before touching any database', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/plan.ts', '--location', 'Tampa, FL', '--days', 'ten'],
      {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, DATA_DIR: '/nonexistent/should-not-be-created' },
        timeout: 30_000,
      },
    );
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/--people is required|--days/);
  });
});
