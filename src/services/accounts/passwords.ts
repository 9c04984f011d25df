import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password hashing with scrypt (RFC 7914) from node's crypto: a random 16-byte salt per password, a 64-byte
 * key, parameters stored beside the hash so they can be raised later without breaking old hashes (a hash
 * below the current cost is replaced at the next successful sign-in: `needsRehash`).
 * Format: `scrypt$N$r$p$<salt base64url>$<key base64url>`.
 */
export type ScryptCost = { N: number; r: number; p: number };

/** OWASP Password Storage Cheat Sheet's scrypt setting: N = 2^17, r = 8, p = 1 (128 MiB, ~0.3–0.5 s here). */
export const SCRYPT_COST: ScryptCost = Object.freeze({ N: 2 ** 17, r: 8, p: 1 });
const KEY_LENGTH = 64;
const SALT_BYTES = 16;

let cost: ScryptCost = SCRYPT_COST;

/**
 * For test setup only (test/support/scrypt-cost.ts): hashing at the real cost would make every sign-up in
 * the suite take half a second. Pass null to restore the real cost. No production path calls this; a test
 * (passwords.test.ts) fails if anything under src/ other than this file names it.
 */
export function setScryptCostForTests(next: ScryptCost | null): void {
  cost = next ?? SCRYPT_COST;
  dummy = null;
}

export function currentScryptCost(): ScryptCost {
  return cost;
}

/** The memory scrypt needs for these parameters (128·r·(N + p + 2) bytes) plus 1 MiB of slack, as maxmem. */
function maxmemFor({ N, r, p }: ScryptCost): number {
  return 128 * r * (N + p + 2) + 1024 * 1024;
}

function derive(password: string, salt: Buffer, keyLength: number, params: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      keyLength,
      { N: params.N, r: params.r, p: params.p, maxmem: maxmemFor(params) },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const params = cost;
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_LENGTH, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  );
}

/** A hash of a random password: verifying against it costs what a real check costs, for unknown emails. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(18).toString('base64url'));
  return dummy;
}

type Parsed = ScryptCost & { salt: Buffer; key: Buffer };

const B64URL = /^[A-Za-z0-9_-]+$/;
const int = (text: string) => (/^[1-9][0-9]{0,9}$/.test(text) ? Number(text) : Number.NaN);

/**
 * A stored hash split into its parts, or null when it is not one we could have written. The bounds keep a
 * corrupt or hostile value from asking scrypt for gigabytes (N up to 2^20, r up to 32, p up to 16).
 */
function parseHash(stored: string | null | undefined): Parsed | null {
  const parts = (stored ?? '').split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [, n, r, p, saltText, keyText] = parts as [string, string, string, string, string, string];
  const params = { N: int(n), r: int(r), p: int(p) };
  const powerOfTwo = (params.N & (params.N - 1)) === 0;
  if (!(params.N >= 2 && params.N <= 2 ** 20 && powerOfTwo)) return null;
  if (!(params.r >= 1 && params.r <= 32 && params.p >= 1 && params.p <= 16)) return null;
  if (!B64URL.test(saltText) || !B64URL.test(keyText)) return null;
  const salt = Buffer.from(saltText, 'base64url');
  const key = Buffer.from(keyText, 'base64url');
  if (salt.length < 8 || key.length < 16 || key.length > 128) return null;
  return { ...params, salt, key };
}

/**
 * Constant-time comparison of the derived key; false (never a throw) for a malformed or missing hash. A
 * malformed hash still costs one derivation at the current cost, so it answers as slowly as a real one.
 */
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const parsed = parseHash(stored);
  try {
    if (!parsed) {
      await derive(password, randomBytes(SALT_BYTES), KEY_LENGTH, cost);
      return false;
    }
    const actual = await derive(password, parsed.salt, parsed.key.length, parsed);
    return timingSafeEqual(actual, parsed.key);
  } catch {
    return false;
  }
}

/** Whether a stored hash was made below the current cost (or is not ours): replace it after a good sign-in. */
export function needsRehash(stored: string | null | undefined): boolean {
  const parsed = parseHash(stored);
  if (!parsed) return true;
  return parsed.N < cost.N || parsed.r < cost.r || parsed.p < cost.p || parsed.key.length !== KEY_LENGTH;
}
