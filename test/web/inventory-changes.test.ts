import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inventoryChanges } from '../../src/db/schema/index.ts';
import { Client, rowCounts, setTier, startWebApp, type WebTestApp } from './support.ts';

/**
 * POST /api/inventory/changes over HTTP: the route only wires the service (tested on PGlite in
 * src/services/inventory/changes.test.ts), so this checks the wiring: session, CSRF, tier, body limit, the
 * answer's shape, and that a second send gets the stored outcome.
 */
type Answer = {
  results: { id: string; applied: boolean; quantityOwned?: number; message: string; replayed?: boolean }[];
  items: { id: string; quantityOwned: number }[];
  readiness: { daysOfSupply: { category: string; days: number }[] } | null;
  error?: string;
  field?: string;
};

let app: WebTestApp;
let carol: Client;
let itemId: string;

beforeAll(async () => {
  app = await startWebApp();
  carol = new Client(app.base);
  await carol.signUp('carol@example.com');
  await setTier(app.database, carol.userId!, 'BASIC');
  const made = await carol.json<{ item: { id: string } }>('POST', '/api/inventory', {
    name: 'Gallon jugs',
    supplyKey: 'water-storage',
    quantityOwned: 10,
  });
  itemId = made.data.item.id;
}, 120_000);
afterAll(() => app?.close());

const used = (amount: number) => ({
  id: randomUUID(),
  itemId,
  kind: 'used',
  amount,
  madeAt: new Date().toISOString(),
});

describe('POST /api/inventory/changes', () => {
  it('applies a batch once, answers each change and the inventory after, and replays the stored outcome', async () => {
    const change = used(3);
    const first = await carol.json<Answer>('POST', '/api/inventory/changes', { changes: [change] });
    expect(first.status).toBe(200);
    expect(first.data.results).toEqual([
      expect.objectContaining({
        id: change.id,
        applied: true,
        quantityOwned: 7,
        message: 'applied: used 3; 7 items now.',
      }),
    ]);
    expect(first.data.items.find((i) => i.id === itemId)?.quantityOwned).toBe(7);
    const again = await carol.json<Answer>('POST', '/api/inventory/changes', { changes: [change] });
    expect(again.data.results[0]).toMatchObject({ id: change.id, replayed: true, quantityOwned: 7 });
    expect(again.data.items.find((i) => i.id === itemId)?.quantityOwned).toBe(7);
  });

  it('refuses without a session, without the CSRF token, on the free tier, and a malformed batch, storing nothing', async () => {
    const before = await rowCounts(app.database);
    const changesBefore = (await app.database.db.select().from(inventoryChanges)).length;
    const anonymous = new Client(app.base);
    expect(
      (await anonymous.request('POST', '/api/inventory/changes', { json: { changes: [used(1)] } })).status,
    ).toBe(401);
    const noToken = await carol.json<Answer>(
      'POST',
      '/api/inventory/changes',
      { changes: [used(1)] },
      { csrf: false },
    );
    expect([noToken.status, noToken.data.field]).toEqual([403, 'csrf']);
    const malformed = await carol.json<Answer>('POST', '/api/inventory/changes', {
      changes: [used(1), { ...used(1), amount: -2 }],
    });
    expect([malformed.status, malformed.data.field, malformed.data.error]).toEqual([
      400,
      'changes.1.amount',
      'Changes #2 amount must be a whole number from 1 to 1,000,000.',
    ]);
    const tooBig = await carol.request('POST', '/api/inventory/changes', {
      json: { changes: Array.from({ length: 400 }, () => used(1)) },
    });
    expect(tooBig.status).toBe(413);
    const free = new Client(app.base);
    await free.signUp('free@example.com');
    expect(
      (await free.request('POST', '/api/inventory/changes', { json: { changes: [used(1)] } })).status,
    ).toBe(402);
    const after = await rowCounts(app.database);
    expect({ ...after, users: before.users, sessions: before.sessions, profiles: before.profiles }).toEqual(
      before,
    );
    expect(await app.database.db.select().from(inventoryChanges)).toHaveLength(changesBefore);
  });
});
