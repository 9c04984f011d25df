import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../config.ts';
import { openRuntime } from '../runtime.ts';
import { importFeed } from '../services/catalog-import/import.ts';
import { feedFormat, parseFeed } from '../services/catalog-import/parse-feed.ts';
import { AppError } from '../services/errors.ts';
import { parseInput } from '../services/validation.ts';

/**
 * `npm run catalog:import -- FILE [--format csv|json] [--feed NAME]`: validates a product feed row by row, folds
 * it into scraped_queue and product_offers, matches what is new, and prints the summary as JSON on stdout (bad
 * rows with their line and field). Exit 0 when every row was good, 1 when some rows were refused, 2 on bad flags.
 */
const flagsSchema = z.strictObject({
  file: z
    .string({ message: 'is required: npm run catalog:import -- FILE' })
    .min(1, 'is required: npm run catalog:import -- FILE'),
  format: z.enum(['csv', 'json'], { message: 'must be csv or json' }).optional(),
  feed: z.string().trim().min(1).max(200).optional(),
});

function readFlags() {
  try {
    const { values, positionals } = parseArgs({
      args: process.argv.slice(2),
      options: { format: { type: 'string' }, feed: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length > 1) throw new AppError('BAD_INPUT', 'Give one feed file.', { field: 'file' });
    return parseInput(flagsSchema, { ...values, file: positionals[0] }, 'flags');
  } catch (error) {
    process.stderr.write(`catalog:import: ${(error as Error).message}\n`);
    process.exit(2);
  }
}

const flags = readFlags();
let text: string;
try {
  text = readFileSync(flags.file, 'utf8');
} catch (error) {
  process.stderr.write(`catalog:import: cannot read ${flags.file}: ${(error as Error).message}\n`);
  process.exit(2);
}
const runtime = await openRuntime(loadConfig());
try {
  const parsed = parseFeed(text, flags.format ?? feedFormat(text, flags.file));
  const summary = await importFeed(runtime.database.db, runtime.embedder, parsed, {
    feed: flags.feed ?? basename(flags.file),
  });
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  if (summary.problems.length > 0) process.exitCode = 1;
} catch (error) {
  if (error instanceof AppError && error.code === 'BAD_INPUT') {
    process.stderr.write(`catalog:import: ${error.message}\n`);
    process.exitCode = 2;
  } else throw error;
} finally {
  await runtime.close();
}
