import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentScryptCost } from '../../src/services/accounts/index.ts';
import { Client, rowCounts, setTier, startWebApp, userRowCounts, type WebTestApp } from './support.ts';

const PLAN_REQUEST = {
  location: 'Tampa, FL',
  members: [
    { kind: 'adult' },
    { kind: 'adult' },
    { kind: 'child', ageYears: 6 },
    { kind: 'child', ageYears: 9 },
  ],
  durationDays: 14,
  scenarios: ['hurricane'],
  budget: 300,
};

type Problem = { error: string; field?: string; code: string };
type PlanJson = {
  id: string;
  overwritten: boolean;
  readiness: { score: number; daysOfSupply: { category: string; days: number }[] };
  plan: { supplies: { key: string; quantity: number }[] };
};
type InventoryJson = {
  item?: {
    id: string;
    quantityOwned: number;
    name: string;
    expirationDate: string | null;
    supplyKey: string | null;
  };
  items: { id: string }[];
  readiness: { score: number; daysOfSupply: { category: string; days: number; targetDays: number }[] } | null;
};

let app: WebTestApp;
let alice: Client;
let bob: Client;
let alicePlan: PlanJson;

beforeAll(async () => {
  app = await startWebApp();
  alice = new Client(app.base);
  bob = new Client(app.base);
  await alice.signUp('alice@example.com');
  await bob.signUp('bob@example.com');
  await setTier(app.database, alice.userId!, 'BASIC');
  await setTier(app.database, bob.userId!, 'BASIC');
  const made = await alice.json<PlanJson>('POST', '/api/plans', PLAN_REQUEST);
  expect(made.status).toBe(201);
  alicePlan = made.data;
});
afterAll(async () => {
  await app?.close();
});

/** Sends bad input and checks: 400, the field named, and no row written anywhere. */
async function expectRejected(
  client: Client,
  method: string,
  path: string,
  body: unknown,
  field: string,
  options: { raw?: string } = {},
) {
  const before = await rowCounts(app.database);
  const response =
    options.raw !== undefined
      ? await client.request(method, path, {
          body: options.raw,
          headers: { 'content-type': 'application/json' },
        })
      : await client.request(method, path, body === undefined ? {} : { json: body });
  const data = (await response.json()) as Problem;
  expect(
    { status: response.status, field: data.field },
    `${method} ${path} ${JSON.stringify(body)}: ${data.error}`,
  ).toEqual({
    status: 400,
    field,
  });
  expect(data.error.length).toBeGreaterThan(5);
  expect(await rowCounts(app.database)).toEqual(before);
  return data;
}

describe('accounts', () => {
  it('rejects a bad sign-up naming the field, and writes nothing', async () => {
    const c = new Client(app.base);
    await c.session();
    await expectRejected(
      c,
      'POST',
      '/signup',
      { email: 'not-an-email', password: 'long enough pw' },
      'email',
    );
    await expectRejected(c, 'POST', '/signup', { email: 'carol@example.com', password: 'short' }, 'password');
    await expectRejected(c, 'POST', '/signup', { email: 'carol@example.com' }, 'password');
    await expectRejected(c, 'POST', '/signup', undefined, 'body', { raw: '{"email":' });
    const dup = await c.json<Problem>('POST', '/signup', {
      email: 'ALICE@example.com',
      password: 'whatever comes next',
    });
    expect(dup.status).toBe(409);
    expect(dup.data.field).toBe('email');
  });

  it('hashes passwords with scrypt and keeps only a hash of the session token', async () => {
    const { findUserByEmail } = await import('../../src/services/accounts/users.ts');
    const user = await findUserByEmail(app.database.db, 'alice@example.com');
    const { N } = currentScryptCost(); // lowered for tests by test/support/scrypt-cost.ts
    expect(user?.passwordHash).toMatch(new RegExp(`^scrypt\\$${N}\\$8\\$1\\$[\\w-]{22}\\$[\\w-]{86}$`));
    const token = alice.cookies.get('rp_session')!;
    const { rows } = (await app.database.pglite!.query('select token_hash from sessions')) as {
      rows: { token_hash: string }[];
    };
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  it('sets httpOnly SameSite=Lax cookies', async () => {
    const c = new Client(app.base);
    const page = await c.request('GET', '/chat');
    const anon = page.headers.getSetCookie().find((l) => l.startsWith('rp_anon='))!;
    expect(anon).toMatch(/HttpOnly/);
    expect(anon).toMatch(/SameSite=Lax/);
    await c.session();
    const signup = await c.request('POST', '/signup', {
      json: { email: 'cookie@example.com', password: 'correct horse' },
    });
    const session = signup.headers.getSetCookie().find((l) => l.startsWith('rp_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).not.toMatch(/Secure/); // PUBLIC_URL is http here; https turns Secure on
  });

  it('throttles sign-in after 5 failures for an email from one address: 429 with a clear message', async () => {
    const c = new Client(app.base);
    await c.session();
    await c.signUp('throttle@example.com', 'the right password');
    const out = await c.json('POST', '/logout', {});
    expect(out.status).toBe(204);
    await c.session();
    for (let i = 0; i < 5; i++) {
      const wrong = await c.json<Problem>('POST', '/login', {
        email: 'throttle@example.com',
        password: `wrong ${i}`,
      });
      expect(wrong.status).toBe(401);
      expect(wrong.data.error).toMatch(/do not match/);
    }
    const blocked = await c.json<Problem>('POST', '/login', {
      email: 'throttle@example.com',
      password: 'the right password',
    });
    expect(blocked.status).toBe(429);
    expect(blocked.data.error).toMatch(/Too many failed sign-in attempts\. Please wait \d+ minutes?/);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(60);
    const { rows } = (await app.database.pglite!.query(
      "select outcome, count(*)::int as n from login_attempts where email = 'throttle@example.com' group by outcome order by outcome",
    )) as { rows: { outcome: string; n: number }[] };
    expect(rows).toEqual([
      { outcome: 'failure', n: 5 },
      { outcome: 'throttled', n: 1 },
    ]);
    // An unknown email answers like a wrong password (no account enumeration).
    const unknown = await c.json<Problem>('POST', '/login', {
      email: 'nobody@example.com',
      password: 'whatever',
    });
    expect(unknown.status).toBe(401);
    expect(unknown.data.error).toBe('That email and password do not match an account');
  });

  it('refuses state changes without the CSRF token or from another origin, writing nothing', async () => {
    const before = await rowCounts(app.database);
    const noToken = await alice.json<Problem>(
      'POST',
      '/api/inventory',
      { name: 'Water jug', quantityOwned: 1 },
      { csrf: false },
    );
    expect(noToken.status).toBe(403);
    expect(noToken.data.field).toBe('csrf');
    const wrongToken = await alice.request('POST', '/api/inventory', {
      json: { name: 'Water jug' },
      csrf: false,
      headers: { 'x-csrf-token': bob.csrf },
    });
    expect(wrongToken.status).toBe(403);
    const crossSite = await alice.request('POST', '/api/inventory', {
      json: { name: 'Water jug' },
      headers: { origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    const chat = await alice.json<Problem>('POST', '/api/chat', { text: 'hi' }, { csrf: false });
    expect(chat.status).toBe(403);
    const logout = await alice.request('POST', '/logout', {
      body: '_csrf=nope',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      csrf: false,
    });
    expect(logout.status).toBe(403);
    expect(await rowCounts(app.database)).toEqual(before);
  });

  it('logs out: the session row is gone and the cookie no longer works', async () => {
    const c = new Client(app.base);
    await c.signUp('leaving@example.com');
    expect((await c.json('GET', '/api/plans')).status).toBe(200);
    const cookie = c.cookieHeader();
    const before = (await rowCounts(app.database)).sessions;
    expect((await c.json('POST', '/logout', {})).status).toBe(204);
    expect((await rowCounts(app.database)).sessions).toBe(before - 1);
    const replay = await fetch(`${app.base}/api/plans`, { headers: { cookie } });
    expect(replay.status).toBe(401);
  });
});

describe('POST /api/chat', () => {
  it('answers malformed input with 400 naming the field, writing nothing', async () => {
    await expectRejected(alice, 'POST', '/api/chat', {}, 'text');
    await expectRejected(alice, 'POST', '/api/chat', { text: '   ' }, 'text');
    await expectRejected(alice, 'POST', '/api/chat', { text: 'x'.repeat(4001) }, 'text');
    await expectRejected(alice, 'POST', '/api/chat', { text: 42 }, 'text');
    await expectRejected(
      alice,
      'POST',
      '/api/chat',
      { text: 'hi', conversationId: 'nope' },
      'conversationId',
    );
    await expectRejected(alice, 'POST', '/api/chat', [], 'body');
    await expectRejected(alice, 'POST', '/api/chat', undefined, 'body', { raw: 'not json' });
  });

  it('streams the AI SDK UI message stream with tool steps, then our reply, then [DONE]', async () => {
    const anon = new Client(app.base);
    await anon.session();
    const { response, raw, parts } = await anon.chat(
      "We're 2 adults and 2 kids in Tampa, FL, worried about hurricanes, 2 weeks, $300",
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    expect(response.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    expect(raw.trimEnd().endsWith('data: [DONE]')).toBe(true);
    const types = parts.map((p) => p.type);
    expect(types[0]).toBe('data-conversation');
    expect(types).toContain('start');
    expect(types.filter((t) => t === 'text-delta').length).toBeGreaterThan(5);
    const started = parts.filter((p) => p.type === 'tool-input-start').map((p) => p.toolName);
    expect(started).toContain('buildPlan');
    expect(types).toContain('tool-output-available');
    expect(types.at(-1)).toBe('finish');
    expect(types.at(-2)).toBe('data-reply');
    const reply = parts.find((p) => p.type === 'data-reply')!.data as {
      planCard: { people: number; url: string | null };
    };
    expect(reply.planCard.people).toBe(4);
    expect(reply.planCard.url).toBeNull(); // anonymous: kept on the conversation, not saved
    const conversationId = response.headers.get('x-conversation-id')!;
    // The anonymous visitor sees the plan on its conversation; nobody else does.
    expect((await anon.request('GET', `/plans/draft/${conversationId}`)).status).toBe(200);
    expect((await bob.request('GET', `/plans/draft/${conversationId}`)).status).toBe(404);
    // Another visitor cannot continue the thread.
    const hijack = await bob.json<Problem>('POST', '/api/chat', { text: 'hi', conversationId });
    expect(hijack.status).toBe(404);
  });

  it('after sign-up, the anonymous conversation’s plan is saved to the new account', async () => {
    const anon = new Client(app.base);
    await anon.session();
    const { response } = await anon.chat("We're 2 adults in Miami, FL, hurricanes, 1 week, $150");
    const conversationId = response.headers.get('x-conversation-id')!;
    const signup = await anon.request('POST', '/signup', {
      body: new URLSearchParams({
        _csrf: anon.csrf,
        email: 'saver@example.com',
        password: 'correct horse',
        save: conversationId,
      }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(signup.status).toBe(303);
    const location = signup.headers.get('location')!;
    expect(location).toMatch(/^\/plans\/[0-9a-f-]{36}\?notice=saved$/);
    const page = await anon.request('GET', location);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Your plan is saved to your account.');
    const session = await anon.session();
    const plans = await anon.json<{ plans: { id: string }[] }>('GET', '/api/plans');
    expect(plans.data.plans).toHaveLength(1);
    expect(session.user).not.toBeNull();
  });
});

describe('plans API', () => {
  it('answers malformed plan input with 400 naming the field, writing nothing', async () => {
    await expectRejected(alice, 'POST', '/api/plans', [], 'body');
    await expectRejected(alice, 'POST', '/api/plans', { ...PLAN_REQUEST, location: undefined }, 'location');
    await expectRejected(alice, 'POST', '/api/plans', { ...PLAN_REQUEST, members: [] }, 'members');
    await expectRejected(
      alice,
      'POST',
      '/api/plans',
      { ...PLAN_REQUEST, members: [{ kind: 'alien' }] },
      'members.0.kind',
    );
    await expectRejected(alice, 'POST', '/api/plans', { ...PLAN_REQUEST, durationDays: 1 }, 'durationDays');
    await expectRejected(alice, 'POST', '/api/plans', { ...PLAN_REQUEST, budget: -5 }, 'budget');
    await expectRejected(
      alice,
      'POST',
      '/api/plans',
      { ...PLAN_REQUEST, scenarios: ['zombies'] },
      'scenarios.0',
    );
    await expectRejected(alice, 'POST', '/api/plans', { conversationId: 'nope' }, 'conversationId');
    await expectRejected(alice, 'POST', '/api/plans', { conversationId: alicePlan.id, extra: 1 }, 'extra');
    await expectRejected(alice, 'GET', '/api/plans/not-a-uuid', undefined, 'id');
    await expectRejected(alice, 'DELETE', '/api/plans/123', undefined, 'id');
  });

  it('a free account keeps one plan: a new one overwrites it in place', async () => {
    const free = new Client(app.base);
    await free.signUp('free@example.com');
    const first = await free.json<PlanJson>('POST', '/api/plans', PLAN_REQUEST);
    expect(first.status).toBe(201);
    expect(first.data.overwritten).toBe(false);
    const second = await free.json<PlanJson>('POST', '/api/plans', { ...PLAN_REQUEST, durationDays: 3 });
    expect(second.status).toBe(200);
    expect(second.data.overwritten).toBe(true);
    expect(second.data.id).toBe(first.data.id);
    const list = await free.json<{ plans: { id: string; durationDays: number }[] }>('GET', '/api/plans');
    expect(list.data.plans).toEqual([expect.objectContaining({ id: first.data.id, durationDays: 3 })]);
  });

  it('another user’s plan is 404 (not 403) for reading, PDF, wallet card and deleting', async () => {
    const path = `/api/plans/${alicePlan.id}`;
    expect((await alice.json('GET', path)).status).toBe(200);
    const read = await bob.json<Problem>('GET', path);
    expect(read.status).toBe(404);
    expect(read.data.error).toBe('Plan not found');
    expect((await bob.request('GET', `/plans/${alicePlan.id}`)).status).toBe(404);
    expect((await bob.request('GET', `/plans/${alicePlan.id}.pdf`)).status).toBe(404);
    expect((await bob.request('GET', `/plans/${alicePlan.id}/wallet-card`)).status).toBe(404);
    expect((await bob.request('GET', `/plans/${alicePlan.id}/wallet-card.pdf`)).status).toBe(404);
    const before = await rowCounts(app.database);
    expect((await bob.json('DELETE', path)).status).toBe(404);
    expect(await rowCounts(app.database)).toEqual(before);
    expect((await new Client(app.base).json('GET', path)).status).toBe(401);
  });

  it('serves the plan page with charts, a PDF and the wallet card', async () => {
    const page = await alice.request('GET', `/plans/${alicePlan.id}`);
    const body = await page.text();
    expect(page.status).toBe(200);
    expect(body).toContain('id="readiness-by-category"');
    expect(body).toContain('id="spend-by-category"');
    expect(body).toMatch(/water: 0 of 14 days/);
    const pdf = await alice.request('GET', `/plans/${alicePlan.id}.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const card = await (await alice.request('GET', `/plans/${alicePlan.id}/wallet-card`)).text();
    expect(card).toContain('911');
    expect(card).toContain('1-800-222-1222');
    expect(card).toContain('Local emergency management');
    expect(card).toMatch(/data-hazard="hurricane"[\s\S]*<li>[\s\S]*<li>[\s\S]*<li>/);
    const cardPdf = await alice.request('GET', `/plans/${alicePlan.id}/wallet-card.pdf`);
    expect(
      Buffer.from(await cardPdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });
});

describe('inventory API', () => {
  it('answers malformed input with 400 naming the field, writing nothing', async () => {
    const made = await alice.json<InventoryJson>('POST', '/api/inventory', {
      name: 'Lantern',
      quantityOwned: 1,
    });
    expect(made.status).toBe(201);
    const id = made.data.item!.id;
    await expectRejected(alice, 'POST', '/api/inventory', {}, 'name');
    await expectRejected(alice, 'POST', '/api/inventory', { name: '' }, 'name');
    await expectRejected(
      alice,
      'POST',
      '/api/inventory',
      { name: 'Cans', quantityOwned: -1 },
      'quantityOwned',
    );
    await expectRejected(
      alice,
      'POST',
      '/api/inventory',
      { name: 'Cans', quantityOwned: 1.5 },
      'quantityOwned',
    );
    await expectRejected(
      alice,
      'POST',
      '/api/inventory',
      { name: 'Cans', quantityOwned: '3' },
      'quantityOwned',
    );
    await expectRejected(
      alice,
      'POST',
      '/api/inventory',
      { name: 'Cans', supplyKey: 'unicorns' },
      'supplyKey',
    );
    await expectRejected(
      alice,
      'POST',
      '/api/inventory',
      { name: 'Cans', expirationDate: '2026-13-40' },
      'expirationDate',
    );
    await expectRejected(alice, 'POST', '/api/inventory', { name: 'Cans', userId: bob.userId }, 'userId');
    await expectRejected(alice, 'POST', '/api/inventory?planId=xyz', { name: 'Cans' }, 'planId');
    await expectRejected(alice, 'POST', '/api/inventory', undefined, 'body', { raw: '{' });
    await expectRejected(alice, 'PATCH', `/api/inventory/${id}`, {}, 'body');
    await expectRejected(alice, 'PATCH', `/api/inventory/${id}`, { quantityOwned: 'many' }, 'quantityOwned');
    await expectRejected(
      alice,
      'PATCH',
      `/api/inventory/${id}`,
      { expirationDate: 'soon' },
      'expirationDate',
    );
    await expectRejected(alice, 'PATCH', '/api/inventory/not-an-id', { quantityOwned: 1 }, 'id');
    await expectRejected(alice, 'DELETE', '/api/inventory/not-an-id', undefined, 'id');
    await expectRejected(alice, 'GET', '/api/inventory/not-an-id', undefined, 'id');
    await expectRejected(alice, 'GET', '/api/inventory?planId=1', undefined, 'planId');
    await expectRejected(alice, 'PUT', '/api/inventory/supplies/water-storage', { owned: -1 }, 'owned');
    await expectRejected(alice, 'PUT', '/api/inventory/supplies/water-storage', { owned: 'lots' }, 'owned');
    await expectRejected(alice, 'PUT', '/api/inventory/supplies/water-storage', {}, 'owned');
    await expectRejected(
      alice,
      'PUT',
      '/api/inventory/supplies/water-storage',
      { owned: 1, planId: 'x' },
      'planId',
    );
    await expectRejected(
      alice,
      'PUT',
      '/api/inventory/supplies/water-storage',
      { owned: 1, expirationDate: '1/2/27' },
      'expirationDate',
    );
    await expectRejected(alice, 'PUT', '/api/inventory/supplies/unicorns', { owned: 1 }, 'supplyKey');
    await expectRejected(
      alice,
      'PUT',
      '/api/inventory/supplies/water-storage',
      { owned: 1, color: 'red' },
      'color',
    );
    expect((await alice.json('DELETE', `/api/inventory/${id}`)).status).toBe(200);
  });

  it('marking a need owned raises readiness and days of supply at once, and PATCH changes only what it names', async () => {
    const start = await alice.json<InventoryJson>('GET', `/api/inventory?planId=${alicePlan.id}`);
    expect(start.status).toBe(200);
    const before = start.data.readiness!.score;
    const water = alicePlan.plan.supplies.find((s) => s.key === 'water-storage')!;
    const put = await alice.json<InventoryJson & { rows: { id: string }[] }>(
      'PUT',
      '/api/inventory/supplies/water-storage',
      {
        owned: water.quantity,
        expirationDate: '2027-06-30',
        planId: alicePlan.id,
      },
    );
    expect(put.status).toBe(200);
    expect(put.data.readiness!.score).toBeGreaterThan(before);
    expect(put.data.readiness!.daysOfSupply.find((d) => d.category === 'water')).toMatchObject({
      days: 14,
      targetDays: 14,
    });
    const rowId = put.data.rows[0]!.id;
    const patched = await alice.json<InventoryJson>('PATCH', `/api/inventory/${rowId}`, {
      quantityOwned: 42,
    });
    expect(patched.data.item).toMatchObject({
      quantityOwned: 42,
      supplyKey: 'water-storage',
      expirationDate: '2027-06-30',
    });
    expect(patched.data.readiness!.daysOfSupply.find((d) => d.category === 'water')!.days).toBe(7);
    // The plan read through the API reports the same live readiness.
    const plan = await alice.json<PlanJson>('GET', `/api/plans/${alicePlan.id}`);
    expect(plan.data.readiness.score).toBe(patched.data.readiness!.score);
  });

  it('another user’s inventory item is 404 and stays as it was', async () => {
    const mine = await alice.json<InventoryJson>('POST', '/api/inventory', {
      name: 'Radio',
      quantityOwned: 1,
    });
    const id = mine.data.item!.id;
    const before = await rowCounts(app.database);
    expect((await bob.json('GET', `/api/inventory/${id}`)).status).toBe(404);
    const patch = await bob.json<Problem>('PATCH', `/api/inventory/${id}`, { quantityOwned: 0 });
    expect(patch.status).toBe(404);
    expect(patch.data.error).toBe('Inventory item not found');
    expect((await bob.json('DELETE', `/api/inventory/${id}`)).status).toBe(404);
    expect((await bob.json('GET', `/api/inventory?planId=${alicePlan.id}`)).status).toBe(404);
    expect(await rowCounts(app.database)).toEqual(before);
    const still = await alice.json<InventoryJson>('GET', `/api/inventory/${id}`);
    expect(still.data.item!.quantityOwned).toBe(1);
    const bobs = await bob.json<InventoryJson>('GET', '/api/inventory');
    expect(bobs.data.items).toEqual([]);
  });

  it('is a Basic feature: a free account gets 402 naming the tier, and the page offers an upgrade', async () => {
    const free = new Client(app.base);
    await free.signUp('free-inventory@example.com');
    const denied = await free.json<Problem>('POST', '/api/inventory', { name: 'Water' });
    expect(denied.status).toBe(402);
    expect(denied.data.error).toMatch(/Basic/);
    expect(await (await free.request('GET', '/inventory')).text()).toContain(
      'Inventory tracking is part of Basic',
    );
  });

  it('escapes what users type wherever it is shown', async () => {
    await alice.json('POST', '/api/inventory', { name: '<script>alert("x")</script>', quantityOwned: 1 });
    const page = await (await alice.request('GET', '/inventory')).text();
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });
});

describe('product search', () => {
  it('answers malformed input with 400 naming the field', async () => {
    await expectRejected(alice, 'GET', '/api/products/search', undefined, 'q');
    await expectRejected(alice, 'GET', '/api/products/search?q=water&limit=lots', undefined, 'limit');
    const ok = await alice.json<{ results: unknown[] }>('GET', '/api/products/search?q=water&limit=3');
    expect(ok.status).toBe(200);
    expect(ok.data.results.length).toBeGreaterThan(0);
  });
});

describe('account export and deletion', () => {
  it('exports everything of the user as JSON, without secrets', async () => {
    const exported = await alice.request('GET', '/account/export.json');
    expect(exported.headers.get('content-disposition')).toMatch(/attachment; filename="readyplan-export-/);
    const text = await exported.text();
    const data = JSON.parse(text) as Record<string, unknown[]> & { account: { email: string } };
    expect(data.account.email).toBe('alice@example.com');
    expect(data.plans).toHaveLength(1);
    expect(data.inventory?.length).toBeGreaterThan(0);
    expect(text).not.toMatch(/passwordHash|password_hash|tokenHash|token_hash|scrypt\$/);
    expect(text).not.toContain('bob@example.com');
  });

  it('deletes the account only when the email (and password) are typed, and then every row of the user', async () => {
    const c = new Client(app.base);
    await c.session();
    await c.chat("We're 2 adults in Boise, ID, winter storms, 2 weeks, $200");
    await c.signUp('doomed@example.com');
    await setTier(app.database, c.userId!, 'BASIC');
    await c.json('POST', '/api/plans', PLAN_REQUEST);
    await c.json('PUT', '/api/inventory/supplies/flashlight', { owned: 2 });
    await c.chat('what should I learn first?');
    const counts = await userRowCounts(app.database, c.userId!, 'doomed@example.com');
    expect(counts).toMatchObject({
      users: 1,
      profiles: 1,
      sessions: 1,
      mission_reports: 1,
      inventory_items: 1,
    });
    expect(counts.conversations).toBeGreaterThanOrEqual(1);
    const before = await rowCounts(app.database);
    const password = 'correct horse battery';
    await expectRejected(c, 'DELETE', '/api/account', { confirm: 'someone@else.com', password }, 'confirm');
    await expectRejected(c, 'DELETE', '/api/account', { password }, 'confirm');
    expect(await rowCounts(app.database)).toEqual(before);
    const gone = await c.request('DELETE', '/api/account', {
      json: { confirm: 'Doomed@Example.com', password },
    });
    expect(gone.status).toBe(204);
    expect(await userRowCounts(app.database, c.userId!, 'doomed@example.com')).toEqual({
      users: 0,
      profiles: 0,
      sessions: 0,
      mission_reports: 0,
      inventory_items: 0,
      conversations: 0,
      ai_runs: 0,
      login_attempts: 0,
    });
    const { rows } = (await app.database.pglite!.query(
      'select count(*)::int as n from messages m left join conversations c on c.id = m.conversation_id where c.id is null',
    )) as {
      rows: { n: number }[];
    };
    expect(rows[0]!.n).toBe(0);
    expect((await c.json('GET', '/api/plans')).status).toBe(401);
    // The others are untouched.
    expect((await alice.json('GET', `/api/plans/${alicePlan.id}`)).status).toBe(200);
  });

  it('the account page form deletes after confirmation and says so', async () => {
    const c = new Client(app.base);
    await c.signUp('formdelete@example.com');
    const page = await (await c.request('GET', '/account')).text();
    expect(page).toContain('formdelete@example.com');
    expect(page).toContain('href="/account/export.json"');
    expect(page).toContain('action="/account/delete"');
    expect(page).toMatch(/<input id="delete-password" name="password" type="password"/);
    const wrong = await c.request('POST', '/account/delete', {
      body: new URLSearchParams({
        _csrf: c.csrf,
        confirm: 'nope',
        password: 'correct horse battery',
      }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('does not match this account’s. Type it exactly as shown');
    const right = await c.request('POST', '/account/delete', {
      body: new URLSearchParams({
        _csrf: c.csrf,
        confirm: 'formdelete@example.com',
        password: 'correct horse battery',
      }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(right.status).toBe(303);
    expect(right.headers.get('location')).toBe('/?notice=deleted');
  });
});
