import { sql } from 'drizzle-orm';
import { type Database, openDatabase } from '../../src/db/client.ts';

/**
 * `n` separate postgres.js clients (one connection each) to a wire-served database, opened one after another:
 * each connection's start-up queries (postgres.js fetches array types) must not interleave on PGlite's one
 * session. Once open, calls issued on them in parallel are real parallel requests on separate connections.
 */
export async function openConnections(url: string, n: number): Promise<Database[]> {
  const out: Database[] = [];
  for (let i = 0; i < n; i += 1) {
    const c = await openDatabase({ kind: 'postgres', url, max: 1 });
    await c.db.execute(sql`select 1`);
    out.push(c);
  }
  return out;
}
