import type { Server } from 'node:http';
import { eq, sql } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineModel } from '../../agents/index.ts';
import { createWebApp } from '../../src/channels/web/app.ts';
import { mountWeb } from '../../src/channels/web/routes.ts';
import { loadConfig } from '../../src/config.ts';
import { rowsOf } from '../../src/db/rows.ts';
import { expertCalls, profiles, specificProducts } from '../../src/db/schema/index.ts';
import type { Database } from '../../src/services/database.ts';
import { createOfflineEmbedder } from '../../src/services/embeddings/offline.ts';
import { silentLogger } from '../../src/services/logger.ts';
import { inlineSolver } from '../../src/services/plans/solver-pool.ts';
import { setBillingEnabled } from '../../src/services/tiers/tiers.ts';
import { startFakeStripe, stripeEvent } from '../billing/fake-stripe.ts';
import { freshDatabase } from '../support/db.ts';
import { freePort } from '../support/wire.ts';
import { Client } from './support.ts';

const SECRET = 'whsec_web_test';

/** The web app as main.ts wires it, with billing on (Stripe pointed at a local wire-format server) or off. */
async function start(env: Record<string, string>) {
  const database = await freshDatabase();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const config = loadConfig({ PORT: String(port), PUBLIC_URL: base, ...env });
  setBillingEnabled(database.db, config.stripe !== null);
  const deps = {
    config,
    database,
    embedder: createOfflineEmbedder(),
    model: createOfflineModel(),
    logger: silentLogger,
    solver: inlineSolver,
  };
  const app = createWebApp({ config, database, logger: silentLogger }, (web) => mountWeb(web, deps));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s));
  });
  return {
    base,
    database,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

describe('billing on (Stripe configured)', () => {
  let app: Awaited<ReturnType<typeof start>>;
  let fake: Awaited<ReturnType<typeof startFakeStripe>>;
  let db: Database['db'];
  beforeAll(async () => {
    fake = await startFakeStripe();
    app = await start({
      STRIPE_SECRET_KEY: 'sk_test_web',
      STRIPE_WEBHOOK_SECRET: SECRET,
      STRIPE_API_ROOT: fake.apiRoot,
      STRIPE_PRICE_BASIC_MONTHLY: 'price_b_m',
      STRIPE_PRICE_PRO_MONTHLY: 'price_p_m',
      STRIPE_PRICE_PRO_YEARLY: 'price_p_y',
    });
    db = app.database.db;
  });
  afterAll(async () => {
    await app.close();
    await fake.close();
  });

  const post = (body: string, signature: string | null) =>
    fetch(`${app.base}/webhooks/stripe`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(signature ? { 'stripe-signature': signature } : {}),
      },
      body,
    });

  it('pricing offers Checkout; the form redirects to Stripe; a Free account is refused Pro calls with the tier and an upgrade link', async () => {
    const client = new Client(app.base);
    await client.signUp('buyer@example.com');
    const page = await (await client.request('GET', '/pricing')).text();
    expect(page).toContain('action="/billing/checkout"');
    // Prices come from Stripe: Basic $7.99 a month, Pro $15.98 a month or $158.00 a year.
    expect(page).toContain('Basic · $7.99 a month');
    expect(page).toContain('Pro · $158.00 a year');
    expect(page).not.toContain('self-hosted');
    const redirect = await client.request('POST', '/billing/checkout', {
      body: new URLSearchParams({ tier: 'PRO', interval: 'year', _csrf: client.csrf }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get('location')).toMatch(/^https:\/\/checkout\.stripe\.test\//);
    expect(fake.requests.at(-1)!.params.get('line_items[0][price]')).toBe('price_p_y');
    const bad = await client.json('POST', '/api/billing/checkout', { tier: 'PRO', interval: 'week' });
    expect(bad).toMatchObject({ status: 400, data: { field: 'interval' } });

    const [call] = await db
      .insert(expertCalls)
      .values({
        callType: 'EXPERT_GROUP',
        title: 'Ham radio',
        scheduledDate: new Date(Date.now() + 86_400_000),
        tierRequired: 'PRO',
      })
      .returning();
    const refused = await client.json('POST', `/api/calls/${call!.id}/booking`, {});
    expect(refused.status).toBe(402);
    expect(refused.data).toMatchObject({ code: 'TIER_LIMIT', upgradeUrl: '/pricing' });
    const refusedPage = await client.request('POST', `/calls/${call!.id}/book`, {
      body: new URLSearchParams({ _csrf: client.csrf }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(refusedPage.status).toBe(402);
    expect(await refusedPage.text()).toContain('href="/pricing"');
    expect(String(refused.data.error)).toMatch(/Pro/);
  });

  it('webhook: a valid event is applied; a tampered one is 400 and writes nothing; a duplicate is processed once', async () => {
    const client = new Client(app.base);
    const user = await client.signUp('hooked@example.com');
    const stripe = new Stripe('sk_test_web');
    const event = stripeEvent(
      'customer.subscription.created',
      {
        id: 'sub_web',
        object: 'subscription',
        customer: 'cus_web',
        status: 'active',
        metadata: { userId: user.id },
        items: {
          data: [
            { price: { id: 'price_b_m' }, current_period_end: Math.floor(Date.now() / 1000) + 86400 * 30 },
          ],
        },
      },
      Math.floor(Date.now() / 1000),
    );
    const raw = JSON.stringify(event);
    const signature = stripe.webhooks.generateTestHeaderString({ payload: raw, secret: SECRET });
    const counts = async () =>
      rowsOf<{ e: number }>(await db.execute(sql`select count(*)::int as e from stripe_events`))[0]!.e;
    const before = await counts();
    const tampered = await post(raw.replace('price_b_m', 'price_p_m'), signature);
    expect(tampered.status).toBe(400);
    expect(await post(raw, null)).toHaveProperty('status', 400);
    expect(await counts()).toBe(before);
    const [stillFree] = await db.select().from(profiles).where(eq(profiles.id, user.id));
    expect(stillFree!.subscriptionTier).toBe('FREE');

    const ok = await post(raw, signature);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ received: true, duplicate: false });
    const again = await post(raw, signature);
    expect(await again.json()).toEqual({ received: true, duplicate: true });
    expect(await counts()).toBe(before + 1);
    const me = await client.json<{ tier: string; billing: string; history: unknown[] }>(
      'GET',
      '/api/billing',
    );
    expect(me.data).toMatchObject({ tier: 'BASIC', billing: 'stripe', history: [] });
    const portal = await client.request('POST', '/billing/portal', {
      body: new URLSearchParams({ _csrf: client.csrf }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(portal.status).toBe(303);
    expect(portal.headers.get('location')).toMatch(/^https:\/\/billing\.stripe\.test\//);
  });

  it('expert calls: book, .ics with CRLF, cancel; admin-only analytics; API keys and the keyed API', async () => {
    const client = new Client(app.base);
    const user = await client.signUp('caller@example.com');
    await db.update(profiles).set({ subscriptionTier: 'BASIC' }).where(eq(profiles.id, user.id));
    const [call] = await db
      .insert(expertCalls)
      .values({
        callType: 'FOUNDER_GROUP',
        title: 'Founders, Q&A',
        scheduledDate: new Date(Date.now() + 2 * 86_400_000),
        maxAttendees: 5,
      })
      .returning();
    const booked = await client.json<{ calendarUrl: string }>('POST', `/api/calls/${call!.id}/booking`, {});
    expect(booked.status).toBe(201);
    const ics = await client.request('GET', `/calls/${call!.id}/calendar.ics`);
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    const body = await ics.text();
    expect(body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(body).toContain('SUMMARY:Founders\\, Q&A\r\n');
    expect((await client.request('GET', '/calls')).status).toBe(200);
    // The call's page for its expert lists the attendees and what each booking shared.
    const expert = new Client(app.base);
    const expertUser = await expert.signUp('expert@example.com');
    await db
      .update(profiles)
      .set({ role: 'EXPERT', fullName: 'Dr Expert' })
      .where(eq(profiles.id, expertUser.id));
    const expertPage = await (await expert.request('GET', `/calls/${call!.id}`)).text();
    expect(expertPage).toContain('Attendees (1)');
    expect(expertPage).toContain('No saved plan yet');
    expect((await client.json('GET', `/api/calls/${call!.id}/attendees`)).status).toBe(403);
    const attendance = { userId: user.id, joinedAt: '2030-01-01T10:00:00Z', leftAt: '2030-01-01T10:40:00Z' };
    expect((await client.json('POST', `/api/calls/${call!.id}/attendance`, attendance)).status).toBe(403);
    expect((await expert.json('POST', `/api/calls/${call!.id}/attendance`, attendance)).status).toBe(204);
    const bad = await expert.json('POST', `/api/calls/${call!.id}/attendance`, {
      ...attendance,
      leftAt: '2029-01-01',
    });
    expect(bad).toMatchObject({ status: 400, data: { field: 'leftAt' } });
    const attendees = await expert.json<{ attendees: { attended: boolean }[] }>(
      'GET',
      `/api/calls/${call!.id}/attendees`,
    );
    expect(attendees.data.attendees[0]).toMatchObject({ attended: true });
    expect((await client.request('DELETE', `/api/calls/${call!.id}/booking`)).status).toBe(204);
    expect((await client.request('GET', `/calls/${call!.id}/calendar.ics`)).status).toBe(404);

    expect((await client.json('GET', '/api/admin/analytics')).status).toBe(403);
    await db.update(profiles).set({ role: 'ADMIN' }).where(eq(profiles.id, user.id));
    const report = await client.json<Record<string, unknown>>('GET', '/api/admin/analytics');
    expect(report.status).toBe(200);
    expect(Object.keys(report.data)).toEqual(
      expect.arrayContaining([
        'bundleRevenue',
        'mostSubstitutedProducts',
        'bundleCtr',
        'customizationImpact',
        'bundleFunnel',
      ]),
    );
    const adminPage = await (await client.request('GET', '/admin')).text();
    expect(adminPage).toContain('Security alerts');
    expect(adminPage).toContain('INVALID_WEBHOOK_SIGNATURE');

    const key = await client.json<{ key: string; id: string }>('POST', '/api/keys', { name: 'cli' });
    expect(key.status).toBe(201);
    const viaKey = await fetch(`${app.base}/api/v1/me`, {
      headers: { authorization: `Bearer ${key.data.key}` },
    });
    expect(await viaKey.json()).toMatchObject({ userId: user.id, tier: 'BASIC' });
    expect(
      (await fetch(`${app.base}/api/v1/me`, { headers: { authorization: 'Bearer rp_nope' } })).status,
    ).toBe(401);
    expect((await client.request('DELETE', `/api/keys/${key.data.id}`)).status).toBe(204);
    expect(
      (await fetch(`${app.base}/api/v1/me`, { headers: { authorization: `Bearer ${key.data.key}` } })).status,
    ).toBe(401);
    const logs = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from api_logs`))[0]!.n;
    expect(logs).toBe(3);
  });

  it('affiliate redirect goes only to the catalog URL and records the click', async () => {
    const [p] = await db
      .insert(specificProducts)
      .values({ name: 'Redirect jug', price: '9', sku: 'RD-1', productUrl: 'https://shop.example/jug' })
      .returning();
    const r = await fetch(`${app.base}/go/${p!.id}?source=PRODUCT_PAGE&next=https://evil.example`, {
      redirect: 'manual',
    });
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toBe('https://shop.example/jug');
    expect((await fetch(`${app.base}/go/not-an-id`, { redirect: 'manual' })).status).toBe(400);
    const clicks = rowsOf<{ n: number }>(
      await db.execute(
        sql`select count(*)::int as n from external_transactions where specific_product_id = ${p!.id}`,
      ),
    )[0]!.n;
    expect(clicks).toBe(1);
  });
});

describe('billing off (self-hosted)', () => {
  let app: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    app = await start({});
  });
  afterAll(() => app.close());

  it('pricing says every account has every feature; a new account can track inventory and book Pro calls', async () => {
    const client = new Client(app.base);
    const page = await (await client.request('GET', '/pricing')).text();
    expect(page).toContain('self-hosted and billing is off');
    expect(page).not.toContain('action="/billing/checkout"');
    await client.signUp('home@example.com');
    // "Track what you own" leads to the inventory itself, not to an upsell.
    const inventory = await (await client.request('GET', '/inventory')).text();
    expect(inventory).not.toContain('Inventory tracking is part of Basic');
    const me = await client.json('GET', '/api/billing');
    expect(me.data).toMatchObject({ tier: 'PRO', subscribedTier: 'FREE', billing: 'self-hosted' });
    const [call] = await app.database.db
      .insert(expertCalls)
      .values({
        callType: 'ONE_ON_ONE',
        title: '1-on-1',
        scheduledDate: new Date(Date.now() + 86_400_000),
        tierRequired: 'PRO',
        maxAttendees: 1,
      })
      .returning();
    expect((await client.json('POST', `/api/calls/${call!.id}/booking`, {})).status).toBe(201);
    expect(
      (await client.json('POST', '/api/billing/checkout', { tier: 'PRO', interval: 'month' })).status,
    ).toBe(503);
  });
});
