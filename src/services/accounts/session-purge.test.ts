import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { startSessionPurge } from './session-purge.ts';
import { createSession } from './sessions.ts';
import { createUser } from './users.ts';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function sessionIds(): Promise<string[]> {
  return rowsOf<{ id: string }>(
    await database.db.execute(sql`select id from sessions order by created_at`),
  ).map((r) => r.id);
}

async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return check();
}

describe('startSessionPurge', () => {
  it('purges expired sessions at once and on every tick, keeps live ones, and stops', async () => {
    const user = await createUser(database.db, { email: 'purge@example.com' });
    const long = new Date(Date.now() - 60 * 24 * 60 * 60 * 1000); // created 60 days ago: expired (30-day sessions)
    const expired = await createSession(database.db, user.id, { now: long });
    // Another user's (a new session clears its own user's expired ones, which would hide what we test).
    const live = await createSession(
      database.db,
      (await createUser(database.db, { email: 'live@example.com' })).id,
    );
    const lines: string[] = [];
    const purge = startSessionPurge(database.db, { intervalMs: 50, log: (line) => lines.push(line) });
    expect(await purge.first).toBe(1);
    expect(await sessionIds()).toEqual([live.sessionId]);
    expect(await sessionIds()).not.toContain(expired.sessionId);
    expect(lines).toEqual(['purged 1 expired session']);

    // Expired later: the next tick takes it (createSession itself only clears the same user's old sessions).
    const other = await createUser(database.db, { email: 'purge-2@example.com' });
    const late = await createSession(database.db, other.id, { now: long });
    expect(await until(async () => !(await sessionIds()).includes(late.sessionId), 2000)).toBe(true);

    await purge.stop();
    const afterStop = await createSession(database.db, other.id, { now: long });
    await new Promise((r) => setTimeout(r, 200));
    expect(await sessionIds()).toContain(afterStop.sessionId);
  });
});
