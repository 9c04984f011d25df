import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { apiKeys, loginAttempts, profiles, securityAlerts } from '../../db/schema/index.ts';
import { createUser } from '../accounts/users.ts';
import { AppError } from '../errors.ts';
import {
  API_RATE_PER_MINUTE,
  authenticateApiKey,
  createApiKey,
  grantAdmin,
  hashKey,
  listApiKeys,
  logApiRequest,
  requireAdmin,
  revokeApiKey,
  scanFailedLogins,
} from './index.ts';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

const code = (c: string) => (e: unknown) => e instanceof AppError && e.code === c;

describe('API keys', () => {
  it('are shown once, stored hashed, listed and revoked by their owner only', async () => {
    const alice = (await createUser(database.db, { email: 'keys-a@example.com' })).id;
    const bob = (await createUser(database.db, { email: 'keys-b@example.com' })).id;
    const made = await createApiKey(database.db, alice, 'Home Assistant');
    expect(made.key).toMatch(/^rp_[A-Za-z0-9_-]{43}$/);
    const [stored] = await database.db.select().from(apiKeys).where(eq(apiKeys.id, made.id));
    expect(stored!.keyHash).toBe(hashKey(made.key));
    expect(JSON.stringify(stored)).not.toContain(made.key);
    expect((await listApiKeys(database.db, alice)).map((k) => k.prefix)).toEqual([made.key.slice(0, 10)]);
    expect(await listApiKeys(database.db, bob)).toEqual([]);
    expect(await authenticateApiKey(database.db, made.key)).toEqual({ userId: alice, keyId: made.id });
    await expect(revokeApiKey(database.db, bob, made.id)).rejects.toSatisfy(code('NOT_FOUND'));
    await revokeApiKey(database.db, alice, made.id);
    await expect(authenticateApiKey(database.db, made.key)).rejects.toSatisfy(code('UNAUTHENTICATED'));
    await expect(createApiKey(database.db, alice, '  ')).rejects.toSatisfy(
      (e) => e instanceof AppError && e.field === 'name',
    );
  });

  it('rate-limits a key per minute and raises a security alert', async () => {
    const carol = (await createUser(database.db, { email: 'keys-c@example.com' })).id;
    const { key, id } = await createApiKey(database.db, carol, 'script');
    const now = new Date();
    for (let i = 0; i < API_RATE_PER_MINUTE; i += 1) {
      await logApiRequest(database.db, {
        apiKeyId: id,
        userId: carol,
        method: 'GET',
        path: '/api/v1/me?x=1',
        status: 200,
        durationMs: 3,
        ip: null,
      });
    }
    await expect(authenticateApiKey(database.db, key, now)).rejects.toSatisfy(code('RATE_LIMITED'));
    const alerts = await database.db
      .select()
      .from(securityAlerts)
      .where(eq(securityAlerts.kind, 'RATE_LIMIT_BREACH'));
    expect(alerts).toHaveLength(1);
  });
});

describe('admin role and failed sign-in alerts', () => {
  it('grants admin by e-mail; only admins pass requireAdmin', async () => {
    const dave = (await createUser(database.db, { email: 'admin-d@example.com' })).id;
    await expect(requireAdmin(database.db, dave)).rejects.toSatisfy(code('FORBIDDEN'));
    expect(await grantAdmin(database.db, 'Admin-D@example.com')).toBe(dave);
    await requireAdmin(database.db, dave);
    const [p] = await database.db.select().from(profiles).where(eq(profiles.id, dave));
    expect(p!.role).toBe('ADMIN');
    await expect(grantAdmin(database.db, 'nobody@example.com')).rejects.toSatisfy(code('NOT_FOUND'));
  });

  it('five failures for one e-mail in 15 minutes become one alert, without the e-mail', async () => {
    const now = new Date();
    await database.db.insert(loginAttempts).values(
      Array.from({ length: 5 }, (_, i) => ({
        email: 'victim@example.com',
        ip: `192.0.2.${i}`,
        outcome: 'failure' as const,
        createdAt: now,
      })),
    );
    expect(await scanFailedLogins(database.db, now)).toBe(1);
    await scanFailedLogins(database.db, now);
    const rows = rowsOf<{ n: number; dump: string }>(
      await database.db.execute(
        sql`select count(*)::int as n, string_agg(subject || detail::text, ',') as dump from security_alerts where kind = 'REPEATED_FAILED_LOGINS'`,
      ),
    );
    expect(rows[0]!.n).toBe(1);
    expect(rows[0]!.dump).not.toContain('victim');
  });
});
