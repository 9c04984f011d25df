import { randomBytes, scryptSync } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';
import {
  currentScryptCost,
  hashPassword,
  needsRehash,
  SCRYPT_COST,
  type ScryptCost,
  setScryptCostForTests,
  verifyPassword,
} from './passwords.ts';
import { logIn } from './sign-in.ts';
import { createUser } from './users.ts';

/** A hash in our format made with the given parameters (as hashes stored before the cost was raised). */
function hashAt(password: string, { N, r, p }: ScryptCost): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFKC'), salt, 64, { N, r, p, maxmem: 256 * 1024 * 1024 });
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

describe('password hashing at the real cost', () => {
  let testCost: ScryptCost;
  let database: Database;
  beforeAll(async () => {
    testCost = currentScryptCost();
    setScryptCostForTests(null);
    database = await freshDatabase();
  });
  afterAll(async () => {
    setScryptCostForTests(testCost);
    await database?.close();
  });

  it("uses OWASP's scrypt cost: N = 2^17, r = 8, p = 1", async () => {
    expect(SCRYPT_COST).toEqual({ N: 131_072, r: 8, p: 1 });
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$[\w-]{22}\$[\w-]{86}$/);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  it('replaces a hash made at the old cost (N = 2^14) at the next good sign-in, and only then', async () => {
    const old = hashAt('an old password', { N: 16_384, r: 8, p: 1 });
    const user = await createUser(database.db, { email: 'rehash@example.com', passwordHash: old });
    const stored = async () =>
      (await database.db.select().from(users).where(eq(users.id, user.id)))[0]!.passwordHash!;
    await expect(
      logIn(database.db, { email: 'rehash@example.com', password: 'wrong' }, { ip: '10.3.3.3' }),
    ).rejects.toThrow(/do not match/);
    expect(await stored()).toBe(old);
    await logIn(
      database.db,
      { email: 'rehash@example.com', password: 'an old password' },
      { ip: '10.3.3.3' },
    );
    const upgraded = await stored();
    expect(upgraded).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword('an old password', upgraded)).toBe(true);
  });
});

describe('verifyPassword', () => {
  it('answers false, never throws, for malformed or hostile stored hashes', async () => {
    const good = await hashPassword('pw');
    const [, n, r, p, salt, key] = good.split('$');
    const malformed = [
      null,
      undefined,
      '',
      'plaintext',
      'scrypt$',
      `bcrypt$${n}$${r}$${p}$${salt}$${key}`,
      `scrypt$abc$${r}$${p}$${salt}$${key}`,
      `scrypt$1000$${r}$${p}$${salt}$${key}`, // N not a power of two
      `scrypt$1073741824$${r}$${p}$${salt}$${key}`, // N = 2^30: a gigabyte-sized request
      `scrypt$${n}$NaN$${p}$${salt}$${key}`,
      `scrypt$${n}$${r}$0$${salt}$${key}`,
      `scrypt$${n}$${r}$${p}$${salt}$`,
      `scrypt$${n}$${r}$${p}$${salt}$${key!.slice(0, 11)}`, // an 8-byte key: too short to mean anything
      `scrypt$${n}$${r}$${p}$not base64!$${key}`,
      `scrypt$${n}$${r}$${p}$${salt}$${key}$extra`,
    ];
    for (const stored of malformed) {
      await expect(verifyPassword('pw', stored), String(stored)).resolves.toBe(false);
    }
    expect(await verifyPassword('pw', good)).toBe(true);
  });

  it('lowering the cost is only done by test setup: nothing else under src/ names it', () => {
    const src = fileURLToPath(new URL('../../', import.meta.url));
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
      });
    const naming = files(src)
      .filter((f) => !f.endsWith('.test.ts'))
      .filter((f) => readFileSync(f, 'utf8').includes('setScryptCostForTests'))
      .map((f) => relative(src, f));
    expect(naming).toEqual(['services/accounts/passwords.ts']);
  });
});
