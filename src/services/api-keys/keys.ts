import { createHash, randomBytes } from 'node:crypto';
import { and, count, desc, eq, gte, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { apiKeys, apiLogs } from '../../db/schema/index.ts';
import { withUser } from '../../db/with-user.ts';
import { AppError, notFound } from '../errors.ts';
import { parseInput } from '../validation.ts';
import { recordSecurityAlert } from './alerts.ts';

/**
 * API keys for the HTTP API: `rp_` + 32 random bytes (base64url). Only the SHA-256 is stored, so a copy of
 * the database cannot be replayed; the key itself is returned once, when made. Owners list and revoke their
 * keys under row-level security; the lookup by hash runs as the system role (nobody is known yet).
 */
const PREFIX = 'rp_';
export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

const nameSchema = z.string().trim().min(1, 'name is required').max(60, 'name must be at most 60 characters');

export async function createApiKey(
  db: Db,
  userId: string,
  name: string,
): Promise<{ id: string; key: string; prefix: string; name: string }> {
  const keyName = parseInput(nameSchema, name, 'name');
  const key = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  const prefix = key.slice(0, 10);
  const [row] = await withUser(db, userId, (tx) =>
    tx
      .insert(apiKeys)
      .values({ userId, name: keyName, prefix, keyHash: hashKey(key) })
      .returning({ id: apiKeys.id }),
  );
  return { id: row!.id, key, prefix, name: keyName };
}

export async function listApiKeys(db: Db, userId: string) {
  return withUser(db, userId, (tx) =>
    tx
      .select({
        id: apiKeys.id,
        name: apiKeys.name,
        prefix: apiKeys.prefix,
        createdAt: apiKeys.createdAt,
        lastUsedAt: apiKeys.lastUsedAt,
        revokedAt: apiKeys.revokedAt,
      })
      .from(apiKeys)
      .where(eq(apiKeys.userId, userId))
      .orderBy(desc(apiKeys.createdAt)),
  );
}

export async function revokeApiKey(db: Db, userId: string, keyId: string, now = new Date()): Promise<void> {
  const gone = await withUser(db, userId, (tx) =>
    tx
      .update(apiKeys)
      .set({ revokedAt: now })
      .where(and(eq(apiKeys.id, keyId), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id }),
  );
  if (gone.length === 0) throw notFound('API key');
}

/** Requests per key per minute before 429 (and a rate-limit alert). */
export const API_RATE_PER_MINUTE = 120;

/**
 * The user a presented key stands for, or UNAUTHENTICATED. Over the rate limit: RATE_LIMITED, and a
 * security alert. Counted from api_logs (every keyed request is logged), so the limit holds across processes.
 */
export async function authenticateApiKey(
  db: Db,
  presented: string,
  now = new Date(),
): Promise<{ userId: string; keyId: string }> {
  if (!presented.startsWith(PREFIX))
    throw new AppError('UNAUTHENTICATED', 'That API key is not valid', { field: 'authorization' });
  const [key] = await db
    .select({ id: apiKeys.id, userId: apiKeys.userId, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .where(eq(apiKeys.keyHash, hashKey(presented)));
  if (!key || key.revokedAt) {
    throw new AppError('UNAUTHENTICATED', 'That API key is not valid or was revoked', {
      field: 'authorization',
    });
  }
  const [recent] = await db
    .select({ n: count() })
    .from(apiLogs)
    .where(and(eq(apiLogs.apiKeyId, key.id), gte(apiLogs.createdAt, new Date(now.getTime() - 60_000))));
  if (Number(recent?.n ?? 0) >= API_RATE_PER_MINUTE) {
    await recordSecurityAlert(
      db,
      { kind: 'RATE_LIMIT_BREACH', subject: key.id, detail: { limitPerMinute: API_RATE_PER_MINUTE } },
      now,
    );
    throw Object.assign(
      new AppError('RATE_LIMITED', `More than ${API_RATE_PER_MINUTE} requests a minute with this key`),
      {
        retryAfterSeconds: 60,
      },
    );
  }
  await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, key.id));
  return { userId: key.userId, keyId: key.id };
}

/** One line per keyed request (method, path without the query, status, time taken). System role. */
export async function logApiRequest(
  db: Db,
  entry: {
    apiKeyId: string | null;
    userId: string | null;
    method: string;
    path: string;
    status: number;
    durationMs: number;
    ip: string | null;
  },
): Promise<void> {
  await db.insert(apiLogs).values({ ...entry, path: entry.path.split('?')[0]!.slice(0, 300) });
}

export async function recentApiLogs(db: Db, limit = 50) {
  return db.select().from(apiLogs).orderBy(desc(apiLogs.createdAt)).limit(limit);
}
