import type { Database } from '../../src/db/client.ts';

/** What every test database starts with beyond the migrations (the seeded catalog, once it exists). */
export async function prepareTemplate(_database: Database): Promise<void> {}
