import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** An unguessable token for a cookie: 32 random bytes, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored for a token: its SHA-256, so the database alone cannot be used to sign in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The CSRF token for a browser: an HMAC of the secret its cookie holds (the session token, or the anonymous
 * key before sign-in). A page on another site can make the browser send the cookie but cannot read it, so
 * it cannot compute the token that state-changing requests must carry in a form field or header.
 */
export function csrfTokenFor(cookieSecret: string): string {
  return createHmac('sha256', cookieSecret).update('readyplan csrf v1').digest('base64url');
}

export function csrfMatches(cookieSecret: string | null | undefined, given: unknown): boolean {
  if (!cookieSecret || typeof given !== 'string' || given.length === 0) return false;
  const expected = Buffer.from(csrfTokenFor(cookieSecret));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
