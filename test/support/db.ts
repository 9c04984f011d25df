import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client.ts';

/** A fresh in-memory PGlite, migrated (and seeded) from the template made once by global-setup. */
export async function freshDatabase(): Promise<Database> {
  const bytes = readFileSync(inject('templatePath'));
  return openDatabase({ kind: 'pglite', loadDataDir: new Blob([bytes]) });
}
