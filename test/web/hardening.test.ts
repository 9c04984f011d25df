import type { Server } from 'node:http';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineModel } from '../../agents/index.ts';
import { mountBillingCallsAdmin } from '../../src/channels/web/admin/mount.ts';
import { createWebApp } from '../../src/channels/web/app.ts';
import { mountWeb } from '../../src/channels/web/routes.ts';
import { loadConfig } from '../../src/config.ts';
import { profiles, turnEvents } from '../../src/db/schema/index.ts';
import type { Database } from '../../src/services/database.ts';
import { createOfflineEmbedder } from '../../src/services/embeddings/offline.ts';
import { inlineSolver } from '../../src/services/plans/solver-pool.ts';
import { startChannelsApp, WEBHOOK_SECRET } from '../channels/telegram-and-sms-app.ts';
import { freshDatabase } from '../support/db.ts';
import { collectingLogger } from '../support/logger.ts';
import { freePort } from '../support/wire.ts';
import { Client } from './support.ts';

/** The web app as main.ts wires it (billing, calls and admin included) over a given database. */
async function startOn(database: Database, env: Record<string, string> = {}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const config = loadConfig({ PORT: String(port), PUBLIC_URL: base, ...env });
  const { logger, lines } = collectingLogger('info');
  const deps = {
    config,
    database,
    embedder: createOfflineEmbedder(),
    model: createOfflineModel(),
    logger,
    solver: inlineSolver,
  };
  const app = createWebApp({ config, database, logger }, (web) => {
    mountBillingCallsAdmin(web, deps);
    mountWeb(web, deps);
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s));
  });
  return {
    base,
    lines,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const FIVE_MB = 5 * 1024 * 1024;
const ID = '00000000-0000-4000-8000-000000000000';

/** Every route that parses a body, with the kind of body it reads. */
const routes: [method: string, path: string, kind: 'json' | 'form' | 'raw'][] = [
  ['POST', '/api/chat', 'json'],
  ['POST', '/signup', 'json'],
  ['POST', '/signup', 'form'],
  ['POST', '/login', 'form'],
  ['POST', '/login', 'json'],
  ['POST', '/logout', 'json'],
  ['POST', '/logout', 'form'],
  ['POST', '/forgot-password', 'form'],
  ['POST', '/reset-password', 'json'],
  ['POST', '/account/delete', 'form'],
  ['DELETE', '/api/account', 'json'],
  ['POST', '/account/password', 'form'],
  ['POST', '/api/account/password', 'json'],
  ['POST', '/api/inventory', 'json'],
  ['PUT', '/api/inventory/supplies/water', 'json'],
  ['PATCH', `/api/inventory/${ID}`, 'json'],
  ['POST', '/api/plans', 'json'],
  ['POST', `/plans/draft/${ID}/save`, 'form'],
  ['POST', '/billing/checkout', 'form'],
  ['POST', '/api/billing/checkout', 'json'],
  ['POST', '/billing/portal', 'form'],
  ['POST', '/api/billing/portal', 'json'],
  ['POST', '/webhooks/stripe', 'raw'],
  ['POST', `/calls/${ID}/book`, 'form'],
  ['POST', `/api/calls/${ID}/booking`, 'json'],
  ['POST', `/api/calls/${ID}/feedback`, 'json'],
  ['POST', `/admin/alerts/${ID}/resolve`, 'form'],
  ['POST', '/account/api-keys', 'form'],
  ['POST', '/api/keys', 'json'],
  ['POST', '/account/notifications', 'form'],
  ['POST', '/api/inventory/changes', 'json'],
  ['POST', '/account/link-code', 'form'],
  ['POST', `/calls/${ID}/cancel`, 'form'],
];

function oversized(kind: 'json' | 'form' | 'raw') {
  const filler = 'x'.repeat(FIVE_MB);
  if (kind === 'json')
    return { body: JSON.stringify({ text: filler }), type: 'application/json', accept: 'application/json' };
  if (kind === 'form')
    return { body: `text=${filler}`, type: 'application/x-www-form-urlencoded', accept: 'text/html' };
  return { body: filler, type: 'application/json', accept: 'application/json' };
}

describe('oversized bodies', () => {
  let database: Database;
  let app: Awaited<ReturnType<typeof startOn>>;
  beforeAll(async () => {
    database = await freshDatabase();
    app = await startOn(database, { STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_WEBHOOK_SECRET: 'whsec_x' });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it.each(routes)(
    '%s %s (%s): 413 with a sentence, nothing logged as an error',
    async (method, path, kind) => {
      const c = new Client(app.base);
      await c.session();
      const { body, type, accept } = oversized(kind);
      const res = await c.request(method, path, { body, headers: { 'content-type': type, accept } });
      expect(res.status).toBe(413);
      const text = await res.text();
      if (kind === 'form') {
        expect(res.headers.get('content-type')).toMatch(/text\/html/);
        expect(text).toContain('The request is too large: this address accepts at most');
      } else {
        const data = JSON.parse(text);
        expect(data).toMatchObject({ code: 'TOO_LARGE', field: 'body' });
        expect(data.error).toMatch(/^The request is too large: this address accepts at most \d+ (KB|MB)\./);
      }
      expect(text).not.toMatch(/PayloadTooLargeError|at \w+ \(/);
      expect(app.lines.filter((l) => /"level":50|PayloadTooLarge/.test(l))).toEqual([]);
    },
  );

  it('the Telegram and SMS webhooks: 413 too', async () => {
    const channels = await startChannelsApp({ worker: false });
    try {
      const big = JSON.stringify({ update_id: 1, message: { text: 'x'.repeat(FIVE_MB) } });
      const telegram = await fetch(`${channels.url}/webhooks/telegram`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET },
        body: big,
      });
      expect(telegram.status).toBe(413);
      expect((await telegram.json()).code).toBe('TOO_LARGE');
      for (const path of ['/webhooks/twilio/sms', '/webhooks/twilio/status']) {
        const sms = await fetch(`${channels.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: `Body=${'x'.repeat(FIVE_MB)}`,
        });
        expect(sms.status, path).toBe(413);
        expect((await sms.json()).code, path).toBe('TOO_LARGE');
      }
    } finally {
      await channels.close();
    }
  });
});

describe('rate limits kept in Postgres, shared by two app instances', () => {
  let database: Database;
  let one: Awaited<ReturnType<typeof startOn>>;
  let two: Awaited<ReturnType<typeof startOn>>;
  beforeAll(async () => {
    database = await freshDatabase();
    // Behind a trusted proxy, so the test can speak from several client addresses.
    one = await startOn(database, { TRUST_PROXY: 'loopback' });
    two = await startOn(database, { TRUST_PROXY: 'loopback' });
  });
  afterAll(async () => {
    await one.close();
    await two.close();
    await database.close();
  });

  const signUp = async (base: string, email: string, ip: string) => {
    const c = new Client(base);
    await c.session();
    return c.request('POST', '/signup', {
      json: { email, password: 'correct horse battery' },
      headers: { 'x-forwarded-for': ip },
    });
  };

  it('sign-ups: 20 an hour per address across both instances, then 429 with Retry-After', async () => {
    for (let i = 0; i < 20; i++) {
      const res = await signUp(i % 2 ? one.base : two.base, `bulk${i}@example.com`, '203.0.113.9');
      expect(res.status, `sign-up ${i + 1}`).toBe(201);
    }
    for (const base of [one.base, two.base]) {
      const refused = await signUp(base, `bulk-extra@example.com`, '203.0.113.9');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      const data = (await refused.json()) as { error: string };
      expect(data.error).toMatch(
        /^Too many accounts have been created from your network in the last hour\. Please wait \d+ minutes? and try again\.$/,
      );
    }
    // Another address is not affected.
    expect((await signUp(one.base, 'neighbour@example.com', '198.51.100.20')).status).toBe(201);
    // The form says the same in the page.
    const c = new Client(two.base);
    await c.session();
    const form = await c.request('POST', '/signup', {
      body: new URLSearchParams({
        _csrf: c.csrf,
        email: 'form@example.com',
        password: 'correct horse battery',
      }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '203.0.113.9' },
    });
    expect(form.status).toBe(429);
    expect(form.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await form.text()).toContain('Too many accounts have been created from your network');
  });

  it('sign-ins: failures on one instance lock the pair out on the other', async () => {
    const c = new Client(one.base);
    await c.session();
    for (let i = 0; i < 5; i++) {
      const res = await c.request('POST', '/login', {
        json: { email: 'bulk1@example.com', password: `wrong ${i}` },
        headers: { 'x-forwarded-for': '192.0.2.44' },
      });
      expect(res.status).toBe(401);
    }
    const d = new Client(two.base);
    await d.session();
    const locked = await d.request('POST', '/login', {
      json: { email: 'bulk1@example.com', password: 'correct horse battery' },
      headers: { 'x-forwarded-for': '192.0.2.44' },
    });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('chat turns: 30 per 10 minutes per visitor, counted across instances, then 429 with Retry-After', async () => {
    const c = new Client(one.base);
    await c.signUp('chatty@example.com');
    // 29 turns already taken in the window (as the limit counts them), then one more through the web.
    await database.db
      .insert(turnEvents)
      .values(
        Array.from({ length: 29 }, () => ({ subject: `user:${c.userId}`, outcome: 'allowed' as const })),
      );
    const thirtieth = await c.chat('hello');
    expect(thirtieth.response.status).toBe(200);
    const other = new Client(two.base);
    other.cookies.set('rp_session', c.cookies.get('rp_session')!);
    other.csrf = c.csrf;
    const refused = await other.request('POST', '/api/chat', { json: { text: 'hello again' } });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const data = (await refused.json()) as { error: string; code: string };
    expect(data.code).toBe('RATE_LIMITED');
    expect(data.error).toMatch(
      /faster than I can answer them well\. Please wait \d+ minutes? and send it again\./,
    );
    // A guest is limited too, on its own count.
    const guest = new Client(two.base);
    await guest.session();
    expect((await guest.chat('hi')).response.status).toBe(200);
  });
});

describe('password policy', () => {
  let database: Database;
  let app: Awaited<ReturnType<typeof startOn>>;
  beforeAll(async () => {
    database = await freshDatabase();
    app = await startOn(database);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it.each([
    ['12345678', 'This is a heavily used password.'],
    ['password', 'This is a heavily used password.'],
    ['        ', 'is only spaces'],
    ['weak@example.com', ''],
  ])('refuses %j at sign-up, saying why and what works', async (password, why) => {
    const c = new Client(app.base);
    await c.session();
    const res = await c.json<{ error: string; field: string }>('POST', '/signup', {
      email: 'weak@example.com',
      password,
    });
    expect(res.status).toBe(400);
    expect(res.data.field).toBe('password');
    expect(res.data.error).toMatch(/^Password (is too easy to guess|is only spaces)\./);
    expect(res.data.error).toContain(why);
    expect(res.data.error).toContain(
      'A few unrelated words together, or a longer phrase only you would think of',
    );
  });

  it('accepts a few unrelated words, and shows the reason beside the field in the form', async () => {
    const c = new Client(app.base);
    await c.session();
    const form = await c.request('POST', '/signup', {
      body: new URLSearchParams({
        _csrf: c.csrf,
        email: 'form@example.com',
        password: 'password',
      }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(400);
    expect(await form.text()).toMatch(/id="password-error">Password is too easy to guess\./);
    await c.signUp('strong@example.com', 'copper kettle sunrise');
  });

  it('applies to a password change, which needs the current password and signs out other devices', async () => {
    const c = new Client(app.base);
    await c.signUp('changer@example.com', 'copper kettle sunrise');
    const other = new Client(app.base);
    await other.session();
    await other.json('POST', '/login', { email: 'changer@example.com', password: 'copper kettle sunrise' });
    const wrong = await c.json('POST', '/api/account/password', {
      current: 'nope',
      password: 'violet harbor engine',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.data).toMatchObject({
      field: 'current',
      error: 'Current password is not right. Enter the password you sign in with.',
    });
    const weak = await c.json('POST', '/api/account/password', {
      current: 'copper kettle sunrise',
      password: '12345678',
    });
    expect(weak.status).toBe(400);
    expect(String(weak.data.error)).toMatch(/^New password is too easy to guess\./);
    const ok = await c.json('POST', '/api/account/password', {
      current: 'copper kettle sunrise',
      password: 'violet harbor engine',
    });
    expect(ok.status).toBe(204);
    expect((await c.json('GET', '/api/session')).data.user).not.toBeNull();
    expect((await other.json('GET', '/api/session')).data.user).toBeNull();
  });
});

describe('error messages are sentences naming the field', () => {
  let database: Database;
  let app: Awaited<ReturnType<typeof startOn>>;
  beforeAll(async () => {
    database = await freshDatabase();
    app = await startOn(database);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('sign-up, sign-in and account deletion', async () => {
    const c = new Client(app.base);
    await c.session();
    const cases: [string, string, unknown, string, string][] = [
      ['POST', '/signup', { password: 'copper kettle sunrise' }, 'email', 'Enter your email address.'],
      [
        'POST',
        '/signup',
        { email: 'x', password: 'copper kettle sunrise' },
        'email',
        'Email must be an address like name@example.com.',
      ],
      ['POST', '/signup', { email: 'a@example.com' }, 'password', 'Choose a password.'],
      [
        'POST',
        '/signup',
        { email: 'a@example.com', password: 'short' },
        'password',
        'Password must be at least 8 characters long.',
      ],
      ['POST', '/login', { email: 'a@example.com' }, 'password', 'Enter your password.'],
    ];
    for (const [method, path, body, field, error] of cases) {
      const res = await c.json(method, path, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.data, JSON.stringify(body)).toEqual({ error, code: 'BAD_INPUT', field });
    }
    const chat = await c.json('POST', '/api/chat', { text: '   ' });
    expect(chat.data).toEqual({
      error: 'Type a message to send: the text is empty.',
      code: 'BAD_INPUT',
      field: 'text',
    });
    const notObject = await c.request('POST', '/api/chat', {
      body: '[1]',
      headers: { 'content-type': 'application/json' },
    });
    expect(await notObject.json()).toEqual({
      error: 'The request body must be a JSON object.',
      code: 'BAD_INPUT',
      field: 'body',
    });
    await c.signUp('leaving@example.com', 'copper kettle sunrise');
    const noConfirm = await c.json('DELETE', '/api/account', { password: 'copper kettle sunrise' });
    expect(noConfirm.data).toEqual({
      error: 'Type your email address in the confirmation box to delete the account.',
      code: 'BAD_INPUT',
      field: 'confirm',
    });
    const mismatch = await c.json('DELETE', '/api/account', { confirm: 'other@example.com', password: 'x' });
    expect(mismatch.data).toMatchObject({
      field: 'confirm',
      error:
        'The email address you typed does not match this account’s. Type it exactly as shown to confirm the deletion.',
    });
  });
});

describe('/health and HSTS', () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(() => database.close());

  it('answers the public only ok/not-ok; details for this machine and for administrators', async () => {
    const app = await startOn(database, { TRUST_PROXY: 'loopback' });
    try {
      const local = await (await fetch(`${app.base}/health`)).json();
      expect(local).toMatchObject({ status: 'ok', database: 'pglite' });
      expect(local.rowCounts.users).toBeGreaterThanOrEqual(0);
      expect(local.channels).toBeDefined();

      const publicHealth = await fetch(`${app.base}/health`, {
        headers: { 'x-forwarded-for': '203.0.113.50' },
      });
      expect(publicHealth.status).toBe(200);
      expect(await publicHealth.json()).toEqual({ status: 'ok', database: 'pglite' });

      const admin = new Client(app.base);
      await admin.signUp('ops@example.com', 'copper kettle sunrise');
      const asUser = await admin.request('GET', '/health', {
        headers: { 'x-forwarded-for': '203.0.113.50' },
      });
      expect(Object.keys(await asUser.json()).sort()).toEqual(['database', 'status']);
      await database.db.update(profiles).set({ role: 'ADMIN' }).where(eq(profiles.id, admin.userId!));
      const asAdmin = await admin.request('GET', '/health', {
        headers: { 'x-forwarded-for': '203.0.113.50' },
      });
      expect(Object.keys(await asAdmin.json())).toEqual(
        expect.arrayContaining(['status', 'database', 'migrations', 'rowCounts', 'channels']),
      );
      expect(asAdmin.headers.get('strict-transport-security')).toBeNull();
    } finally {
      await app.close();
    }
  });

  it('sends Strict-Transport-Security when PUBLIC_URL is https', async () => {
    const app = await startOn(database, { PUBLIC_URL: 'https://readyplan.example' });
    try {
      const res = await fetch(`${app.base}/health`);
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      const page = await fetch(`${app.base}/login`);
      expect(page.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await app.close();
    }
  });
});
