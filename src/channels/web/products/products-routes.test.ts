import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../test/support/db.ts';
import { loadConfig } from '../../../config.ts';
import type { Database } from '../../../db/client.ts';
import { createOfflineEmbedder } from '../../../services/embeddings/offline.ts';
import { silentLogger } from '../../../services/logger.ts';
import { createWebApp } from '../app.ts';
import { productsRouter } from './products-routes.ts';

type Result = {
  productId: string;
  name: string;
  masterItem: string;
  category: string;
  categorySlug: string;
  price: number;
  why: { similarity: number; matchedTerms: string[]; tags: string[] };
};

describe('GET /api/products/search', () => {
  let database: Database;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    database = await freshDatabase();
    const embedder = createOfflineEmbedder();
    const app = createWebApp({ config: loadConfig({}), database, logger: silentLogger }, (a) => {
      a.use(productsRouter({ db: database.db, embedder }));
    });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
  });

  const get = async (query: string) => {
    const res = await fetch(`${base}/api/products/search?${query}`);
    return {
      status: res.status,
      body: (await res.json()) as { results: Result[]; error?: string; field?: string },
    };
  };

  it('answers the contract shape, best first', async () => {
    const { status, body } = await get(
      `q=${encodeURIComponent('something to make creek water safe')}&limit=5`,
    );
    expect(status).toBe(200);
    expect(body.results).toHaveLength(5);
    for (const r of body.results) {
      expect(r).toMatchObject({
        productId: expect.any(String),
        name: expect.any(String),
        masterItem: expect.any(String),
        category: expect.any(String),
        price: expect.any(Number),
      });
    }
    const sims = body.results.map((r) => r.why.similarity);
    expect(sims[0]).toBeGreaterThan(0);
    expect(body.results[0]!.why.matchedTerms.length).toBeGreaterThan(0);
    expect(body.results[0]!.masterItem.toLowerCase()).toMatch(/filter|purif|tablet|treat/);
  });

  it('filters by maximum price, status and category', async () => {
    const { body } = await get('q=water&limit=20&maxPrice=25&status=pending&category=water');
    expect(body.results.length).toBeGreaterThan(0);
    for (const r of body.results) {
      expect(r.price).toBeLessThanOrEqual(25);
      expect(r.why.tags).toEqual(expect.arrayContaining(['price≤25', 'status:pending', 'category:water']));
    }
  });

  it.each([
    ['limit=abc', 'limit'],
    ['limit=0', 'limit'],
    ['limit=500', 'limit'],
    ['maxPrice=-3', 'maxPrice'],
    ['maxPrice=cheap', 'maxPrice'],
    ['status=great', 'status'],
    ['inStock=maybe', 'inStock'],
    ['scenario=Hurricane%20Season', 'scenario'],
    ['category=no-such-category', 'categorySlug'],
    ['colour=red', 'colour'],
  ])('refuses %s with 400 naming %s', async (param, field) => {
    const { status, body } = await get(`q=lantern&${param}`);
    expect(status).toBe(400);
    expect(body.field).toBe(field);
    expect(body.error).toEqual(expect.any(String));
  });

  it('refuses a missing or empty q, and a repeated parameter', async () => {
    for (const query of ['limit=3', 'q=%20%20', 'q=a&q=b']) {
      const { status, body } = await get(query);
      expect(status).toBe(400);
      expect(body.field).toBe('q');
    }
  });
});
