import { z } from 'zod';

const count = (name: string) =>
  z.coerce
    .number({ message: `--${name} must be a whole number` })
    .int(`--${name} must be a whole number`)
    .positive();

const optionsSchema = z.object({
  rows: count('rows').default(50_000),
  queries: count('queries').default(100),
  /** HNSW build parameters; the defaults are the production index's (drizzle/0007: m 32, ef_construction 128). */
  m: count('m').default(32),
  efConstruction: count('ef-construction').default(128),
  maintenanceWorkMem: z
    .string()
    .regex(/^\d+(kB|MB|GB)$/, '--maintenance-work-mem must be a size such as 512MB')
    .default('512MB'),
  wire: z.boolean(),
  sweep: z.boolean(),
  halfvec: z.boolean(),
});
export type SearchBenchOptions = z.infer<typeof optionsSchema>;

/** The bench's flags (see bench/search.ts), validated: a bad value stops it with a sentence naming the flag. */
export function searchBenchOptions(argv: readonly string[]): SearchBenchOptions {
  const value = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const parsed = optionsSchema.safeParse({
    rows: value('rows'),
    queries: value('queries'),
    m: value('m'),
    efConstruction: value('ef-construction'),
    maintenanceWorkMem: value('maintenance-work-mem'),
    wire: argv.includes('--wire'),
    sweep: argv.includes('--sweep'),
    halfvec: argv.includes('--halfvec'),
  });
  if (!parsed.success) {
    process.stderr.write(`${parsed.error.issues.map((i) => i.message).join('\n')}\n`);
    process.exit(2);
  }
  return parsed.data;
}
