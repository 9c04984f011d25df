import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_ADMIN_ROUTES } from '../../src/channels/web/catalog-admin/catalog-admin-routes.ts';
import { rowsOf } from '../../src/db/rows.ts';
import { masterItems, scrapedQueue, specificProducts } from '../../src/db/schema/index.ts';
import { grantAdmin } from '../../src/services/api-keys/index.ts';
import { loadCatalogCandidates } from '../../src/services/plans/index.ts';
import { Client, setTier, startWebApp, type WebTestApp } from './support.ts';

const PLAN_REQUEST = {
  location: 'Tampa, FL',
  members: [{ kind: 'adult' }, { kind: 'adult' }],
  durationDays: 3,
  scenarios: ['hurricane'],
  budget: 150,
};
const FEED = `name,brand,price,currency,url,upc,seller,observed_at,in_stock
"Coleman Brazos 20°F three season sleeping bag, adult",Coleman,44.99,USD,https://shop.example/brazos,,Trailhead Outfitters,2026-12-01,yes
Reliance Aqua-Tainer 7 gallon rigid water container,Reliance,21.50,USD,https://shop.example/aquatainer,,Trailhead Outfitters,2026-12-01,yes
Broken row,Acme,free,USD,https://shop.example/broken,,Trailhead Outfitters,2026-12-01,yes
`;
type Item = { productId: string; name: string; bundleId?: string };
type PlanJson = { id: string; plan: { items: Item[] } };

let app: WebTestApp;
let admin: Client;
let normal: Client;

beforeAll(async () => {
  app = await startWebApp();
  admin = new Client(app.base);
  normal = new Client(app.base);
  await admin.signUp('ops@example.com');
  await normal.signUp('person@example.com');
  await grantAdmin(app.database.db, 'ops@example.com');
  await setTier(app.database, normal.userId!, 'BASIC');
});
afterAll(async () => {
  await app?.close();
});

describe('catalog admin', () => {
  it('refuses a signed-in non-admin on every admin catalog route, reading no input and writing nothing', async () => {
    const before = await app.database.db.select({ n: sql<number>`count(*)::int` }).from(scrapedQueue);
    for (const [method, path] of CATALOG_ADMIN_ROUTES) {
      const response = await normal.request(method, path.replace(':id', randomUUID()), {
        ...(path === '/api/admin/catalog/import'
          ? { body: FEED, headers: { 'content-type': 'text/csv' } }
          : path.startsWith('/admin/') && method === 'POST'
            ? {
                body: `_csrf=${encodeURIComponent(normal.csrf)}&text=x&reason=because&masterItemId=${randomUUID()}`,
                headers: { 'content-type': 'application/x-www-form-urlencoded' },
              }
            : method === 'GET'
              ? {}
              : { json: { reason: 'because', masterItemId: randomUUID() } }),
      });
      expect([403, 404], `${method} ${path}`).toContain(response.status);
    }
    const after = await app.database.db.select({ n: sql<number>`count(*)::int` }).from(scrapedQueue);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('an admin uploads a feed, accepts a listing with its fit confirmed, rejects another, and every change is logged', async () => {
    const upload = await admin.request('POST', '/api/admin/catalog/import?format=csv&feed=trailhead.csv', {
      body: FEED,
      headers: { 'content-type': 'text/csv' },
    });
    const summary = (await upload.json()) as {
      problems: { line: number; field: string }[];
      matched: { waiting: number };
    };
    expect(summary.problems).toEqual([expect.objectContaining({ line: 4, field: 'price' })]);
    expect(summary.matched.waiting).toBe(2);
    const queue = await admin.json<{
      queue: { id: string; name: string; candidates: { name: string; masterItemId: string }[] }[];
    }>('GET', '/api/admin/catalog/queue');
    const bag = queue.data.queue.find((q) => q.name.startsWith('Coleman Brazos'))!;
    const jug = queue.data.queue.find((q) => q.name.startsWith('Reliance'))!;
    expect(bag.candidates[0]!.name).toBe('Three-Season Sleeping Bag');

    // Confirming needs what the planner reads for a sleeping bag: the rating (proposed) and the size.
    const incomplete = await admin.json<{ field: string }>(
      'POST',
      `/api/admin/catalog/queue/${bag.id}/accept`,
      {
        masterItemId: bag.candidates[0]!.masterItemId,
        confirmFit: true,
      },
    );
    expect(incomplete.status).toBe(400);
    expect(incomplete.data.field).toBe('fit.size');
    const accepted = await admin.json<{
      product: { id: string; fitStatus: string; metadata: { fit: unknown } };
    }>('POST', `/api/admin/catalog/queue/${bag.id}/accept`, {
      masterItemId: bag.candidates[0]!.masterItemId,
      fit: { tempRatingF: 20, size: 'adult' },
      covers: [{ supply: 'sleeping-bag', amount: 1 }],
      confirmFit: true,
    });
    expect(accepted.status).toBe(201);
    expect(accepted.data.product).toMatchObject({
      fitStatus: 'confirmed',
      metadata: { fit: { tempRatingF: 20, size: 'adult' } },
    });
    expect(
      (
        await admin.json('POST', `/api/admin/catalog/queue/${jug.id}/reject`, {
          reason: 'not a seller we list',
        })
      ).status,
    ).toBe(204);
    expect(
      (await admin.json('POST', `/api/admin/catalog/queue/${jug.id}/reject`, { reason: 'again' })).status,
    ).toBe(409);

    const log = rowsOf<{ user_id: string; action: string; before: unknown; after: unknown }>(
      await app.database.db.execute(sql`select user_id, metadata->>'action' as action, metadata->'before' as before,
        metadata->'after' as after from user_activity_log where activity_type = 'CATALOG_EDITED' order by created_at`),
    );
    expect(log.map((l) => [l.user_id, l.action])).toEqual([
      [admin.userId, 'queue.accept'],
      [admin.userId, 'queue.reject'],
    ]);
    expect(log[1]).toMatchObject({
      before: { review: 'waiting' },
      after: { review: 'rejected', reason: 'not a seller we list' },
    });
    const page = await (await admin.request('GET', '/admin/catalog')).text();
    expect(page).toContain('Waiting for review');
  });

  it('a retired product never appears in a new plan, and the plan that bought it still renders', async () => {
    const first = await normal.json<PlanJson>('POST', '/api/plans', PLAN_REQUEST);
    expect(first.status).toBe(201);
    const bought = first.data.plan.items.find((i) => !i.bundleId)!;
    const [product] = await app.database.db
      .select()
      .from(specificProducts)
      .where(eq(specificProducts.id, bought.productId));
    expect(product).toBeDefined();
    const retire = await admin.json('POST', `/api/admin/catalog/products/${bought.productId}/retire`, {
      reason: 'discontinued by maker',
    });
    expect(retire.status).toBe(204);
    const second = await normal.json<PlanJson>('POST', '/api/plans', PLAN_REQUEST);
    expect(second.status).toBe(201);
    expect(second.data.plan.items.map((i) => i.productId)).not.toContain(bought.productId);
    const candidates = await loadCatalogCandidates(app.database.db);
    expect(candidates.map((c) => c.productId)).not.toContain(bought.productId);
    const old = await normal.request('GET', `/plans/${first.data.id}`);
    expect(old.status).toBe(200);
    const oldPage = await old.text();
    expect(oldPage).toContain(bought.name.replaceAll('&', '&amp;').slice(0, 20));
    // The plan page says when each price was observed.
    expect(oldPage).toMatch(/price as of \d{4}-\d{2}-\d{2}/);
    const log = rowsOf<{ action: string }>(
      await app.database.db.execute(sql`select metadata->>'action' as action from user_activity_log
        where activity_type = 'CATALOG_EDITED' and metadata->>'id' = ${bought.productId}`),
    );
    expect(log.map((l) => l.action)).toEqual(['product.retire']);
    // Old names keep resolving: the row is still there.
    const [still] = await app.database.db
      .select({ id: masterItems.id })
      .from(masterItems)
      .where(eq(masterItems.id, product!.masterItemId!));
    expect(still).toBeDefined();
  });
});
