import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { prepareTemplate } from './support/template.ts';

/**
 * Starting PGlite and migrating takes seconds; do it once, dump the data directory, and let each test
 * start its own database from the dump (~1 s) — see docs/stack.md.
 */
export default async function setup(project: TestProject): Promise<void> {
  const database = await openDatabase({ kind: 'pglite' });
  await runMigrations(database);
  await prepareTemplate(database);
  const dump = await database.pglite!.dumpDataDir('none');
  const file = join(mkdtempSync(join(tmpdir(), 'readyplan-template-')), 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('templatePath', file);
}

declare module 'vitest' {
  export interface ProvidedContext {
    templatePath: string;
  }
}
