import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createModel } from '../../agents/index.ts';
import { loadConfig } from '../../src/config.ts';
import { rowsOf } from '../../src/db/rows.ts';
import { hashToken } from '../../src/services/accounts/index.ts';
import { collectingLogger } from '../support/logger.ts';
import { startOpenAIServer } from '../support/openai-server.ts';
import { Client, rowCounts, startWebApp, type WebTestApp } from './support.ts';

let app: WebTestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

type Problem = { error: string; field?: string; code: string };

async function attemptIps(database: WebTestApp['database'], email: string) {
  return rowsOf<{ ip: string }>(
    await database.db.execute(sql`select ip from login_attempts where email = ${email} order by created_at`),
  ).map((r) => r.ip);
}

/** Five wrong passwords for `email` from the address `forwarded` claims, through the proxy. */
async function failFiveTimes(c: Client, email: string, forwarded: string) {
  for (let i = 0; i < 5; i++) {
    const wrong = await c.request('POST', '/login', {
      json: { email, password: `wrong ${i}` },
      headers: { 'x-forwarded-for': forwarded },
    });
    expect(wrong.status).toBe(401);
  }
}

describe('TRUST_PROXY', () => {
  it('behind a trusted proxy, each client is limited by its own address, not the proxy’s', async () => {
    app = await startWebApp({ env: { TRUST_PROXY: 'loopback' } });
    const c = new Client(app.base);
    await c.signUp('proxied@example.com', 'the right password');
    await c.json('POST', '/logout', {});
    await c.session();
    await failFiveTimes(c, 'proxied@example.com', '203.0.113.5');
    expect(new Set(await attemptIps(app.database, 'proxied@example.com'))).toEqual(new Set(['203.0.113.5']));
    const attacker = await c.request('POST', '/login', {
      json: { email: 'proxied@example.com', password: 'the right password' },
      headers: { 'x-forwarded-for': '203.0.113.5' },
    });
    expect(attacker.status).toBe(429);
    // The account's owner, elsewhere, is not locked out by someone else's guesses.
    const owner = await c.request('POST', '/login', {
      json: { email: 'proxied@example.com', password: 'the right password' },
      headers: { 'x-forwarded-for': '198.51.100.7' },
    });
    expect(owner.status).toBe(200);
  });

  it('unset, X-Forwarded-For is not believed (a client cannot pick its own address)', async () => {
    app = await startWebApp();
    const c = new Client(app.base);
    await c.signUp('direct@example.com', 'the right password');
    await c.json('POST', '/logout', {});
    await c.session();
    await failFiveTimes(c, 'direct@example.com', '203.0.113.5');
    const ips = await attemptIps(app.database, 'direct@example.com');
    expect(ips).not.toContain('203.0.113.5');
    const spoofed = await c.request('POST', '/login', {
      json: { email: 'direct@example.com', password: 'the right password' },
      headers: { 'x-forwarded-for': '198.51.100.7' },
    });
    expect(spoofed.status).toBe(429);
  });
});

describe('cookies over https', () => {
  it('carry the __Host- prefix, Secure, Path=/ and no Domain, and are read back under that name', async () => {
    app = await startWebApp({ env: { PUBLIC_URL: 'https://readyplan.example' } });
    const c = new Client(app.base);
    const page = await c.request('GET', '/chat');
    const anon = page.headers.getSetCookie().find((l) => l.startsWith('__Host-rp_anon='));
    expect(anon).toBeDefined();
    expect(anon).toMatch(/; Secure/);
    expect(anon).toMatch(/; Path=\//);
    expect(anon).not.toMatch(/Domain=/i);
    await c.session();
    const signup = await c.request('POST', '/signup', {
      json: { email: 'host-prefix@example.com', password: 'correct horse battery' },
    });
    expect(signup.status).toBe(201);
    const session = signup.headers.getSetCookie().find((l) => l.startsWith('__Host-rp_session='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/; Secure/);
    expect(signup.headers.getSetCookie().some((l) => l.startsWith('rp_session='))).toBe(false);
    const who = await c.json<{ user: { email: string } | null }>('GET', '/api/session');
    expect(who.data.user?.email).toBe('host-prefix@example.com');
    // A cookie without the prefix (planted by a sibling subdomain, say) is not a session.
    const planted = await fetch(`${app.base}/api/session`, {
      headers: { cookie: `rp_session=${c.cookies.get('__Host-rp_session')}` },
    });
    expect(((await planted.json()) as { user: unknown }).user).toBeNull();
  });
});

describe('account deletion', () => {
  it('needs the password as well as the typed email', async () => {
    app = await startWebApp();
    const c = new Client(app.base);
    await c.signUp('careful@example.com', 'the right password');
    const before = await rowCounts(app.database);
    const emailOnly = await c.json<Problem>('DELETE', '/api/account', { confirm: 'careful@example.com' });
    expect(emailOnly.status).toBe(400);
    expect(emailOnly.data.field).toBe('password');
    const wrong = await c.json<Problem>('DELETE', '/api/account', {
      confirm: 'careful@example.com',
      password: 'not it',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.data.field).toBe('password');
    // Nothing deleted (the wrong password is recorded as a failed sign-in, which the throttle counts).
    expect({ ...(await rowCounts(app.database)), login_attempts: 0 }).toEqual({
      ...before,
      login_attempts: 0,
    });
    const right = await c.request('DELETE', '/api/account', {
      json: { confirm: 'careful@example.com', password: 'the right password' },
    });
    expect(right.status).toBe(204);
    expect((await rowCounts(app.database)).users).toBe(before.users - 1);
  });
});

describe('guest conversations', () => {
  it('store only the hash of the visitor’s key, and move to the account at sign-up', async () => {
    app = await startWebApp();
    const c = new Client(app.base);
    await c.session();
    await c.chat("We're 2 adults in Boise, ID, winter storms, 2 weeks, $200");
    const key = c.cookies.get('rp_anon')!;
    const stored = rowsOf<{ key: string | null; user: string | null }>(
      await app.database.db.execute(sql`select anonymous_key as key, user_id as "user" from conversations`),
    );
    expect(stored).toEqual([{ key: hashToken(key), user: null }]);
    await c.signUp('guest-then-user@example.com');
    const after = rowsOf<{ key: string | null; user: string | null }>(
      await app.database.db.execute(sql`select anonymous_key as key, user_id as "user" from conversations`),
    );
    expect(after).toEqual([{ key: null, user: c.userId }]);
  });
});

describe('model errors', () => {
  it('a failing model call logs name, status and message — never the conversation', async () => {
    const server = await startOpenAIServer(() => ({ fail: { status: 500, message: 'upstream exploded' } }));
    try {
      const model = createModel(loadConfig({ LLM_BASE_URL: server.baseURL, LLM_MODEL: 'test-model' }).model);
      const { logger, lines: logged } = collectingLogger('debug');
      app = await startWebApp({ model, logger });
      const c = new Client(app.base);
      await c.session();
      const secret = 'Whiskersthecat lives at 12 Quailrun Lane';
      const { raw } = await c.chat(`We are 2 adults, ${secret}`);
      expect(raw).toContain('[DONE]');
      expect(server.requests.length).toBeGreaterThan(0);
      expect(JSON.stringify(server.requests[0])).toContain('Whiskersthecat');
      const all = logged.join('\n');
      expect(all).toMatch(/model stream failed/);
      expect(all).toMatch(/upstream exploded/);
      expect(all).toMatch(/500/);
      expect(all).not.toContain('Whiskersthecat');
      expect(all).not.toContain('Quailrun');
      expect(all).not.toMatch(/requestBodyValues|responseBody/);
    } finally {
      await server.close();
    }
  });
});
