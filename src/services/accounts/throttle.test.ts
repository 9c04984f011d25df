import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import { databaseOverWire } from '../../../test/support/wire.ts';
import type { Database } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { logIn, signUp } from './sign-in.ts';
import { LOGIN_LIMITS, LoginThrottledError } from './throttle.ts';

// Counts every scrypt verification logIn performs (the real function still runs).
const verifications = vi.hoisted(() => ({ count: 0 }));
vi.mock('./passwords.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./passwords.ts')>();
  return {
    ...real,
    verifyPassword: async (password: string, stored: string | null | undefined) => {
      verifications.count += 1;
      return real.verifyPassword(password, stored);
    },
  };
});

/**
 * Embedded PGlite runs one transaction at a time; over the wire (as a non-superuser login, through
 * postgres.js) the same advisory-lock SQL must run and give the same answer. Neither is a second
 * connection racing: on a real Postgres server the advisory locks are what serialise count-and-record.
 */
const engines: [string, () => Promise<{ database: Database; close(): Promise<void> }>][] = [
  [
    'embedded PGlite',
    async () => {
      const database = await freshDatabase();
      return { database, close: () => database.close() };
    },
  ],
  ['postgres.js over the wire, non-superuser', () => databaseOverWire({ login: 'owner' })],
];

describe.each(engines)('sign-in throttle under parallel attempts (%s)', (_engine, open) => {
  let handle: { database: Database; close(): Promise<void> };
  let database: Database;
  beforeAll(async () => {
    handle = await open();
    database = handle.database;
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function outcomes(email: string) {
    return rowsOf<{ outcome: string; n: number }>(
      await database.db.execute(
        sql`select outcome, count(*)::int as n from login_attempts where email = ${email} group by outcome order by outcome`,
      ),
    ).map((r) => ({ outcome: r.outcome, n: Number(r.n) }));
  }

  it('20 parallel wrong passwords: at most 5 are verified, the rest are throttled', async () => {
    const email = 'race@example.com';
    await signUp(database.db, { email, password: 'the right password' });
    verifications.count = 0;
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        logIn(database.db, { email, password: `wrong guess ${i}` }, { ip: '10.1.1.1' }),
      ),
    );
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    const throttled = results.filter(
      (r) => r.status === 'rejected' && r.reason instanceof LoginThrottledError,
    ).length;
    expect(verifications.count).toBeLessThanOrEqual(LOGIN_LIMITS.perEmailAndIp);
    expect(verifications.count + throttled).toBe(20);
    // Every verified attempt was settled: nothing stays pending.
    expect(await outcomes(email)).toEqual([
      { outcome: 'failure', n: verifications.count },
      { outcome: 'throttled', n: 20 - verifications.count },
    ]);
  });

  it('an attempt still being checked counts as a failure for the next one', async () => {
    const email = 'pending@example.com';
    const now = new Date();
    for (let i = 0; i < LOGIN_LIMITS.perEmailAndIp; i++) {
      await database.db.execute(
        sql`insert into login_attempts (email, ip, outcome, created_at) values (${email}, '10.2.2.2', 'pending', ${now.toISOString()})`,
      );
    }
    await expect(
      logIn(database.db, { email, password: 'anything' }, { ip: '10.2.2.2', now }),
    ).rejects.toBeInstanceOf(LoginThrottledError);
  });
});
