import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../test/support/db.ts';
import { loadConfig } from '../../../config.ts';
import type { Database } from '../../../db/client.ts';
import { AppError, notFound } from '../../../services/errors.ts';
import { silentLogger } from '../../../services/logger.ts';
import { createWebApp } from '../app.ts';

/**
 * The one error handler: handlers only throw (or reject) and Express 5 forwards it; the API and JSON requests
 * get JSON, a browser gets a page; an unexpected error never shows its message.
 */
describe('web errors', () => {
  let database: Database;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    database = await freshDatabase();
    const app = createWebApp({ config: loadConfig({}), database, logger: silentLogger }, (a) => {
      const failing = async (req: express.Request) => {
        if (req.query.kind === 'missing') throw notFound('Plan');
        if (req.query.kind === 'throttled')
          throw Object.assign(new AppError('RATE_LIMITED', 'Too many tries'), { retryAfterSeconds: 30 });
        throw new Error('secret detail from a driver');
      };
      a.get('/api/fail', async (req) => failing(req));
      a.get('/fail', async (req) => failing(req));
      a.post('/api/echo', express.json(), (req, res) => res.json(req.body));
      a.post('/form', express.json(), (_req, res) => res.send('ok'));
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

  it('answers the API in JSON: the status of the error code, its message, and Retry-After when throttled', async () => {
    const missing = await fetch(`${base}/api/fail?kind=missing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'Plan not found', code: 'NOT_FOUND' });
    const throttled = await fetch(`${base}/api/fail?kind=throttled`);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('30');
  });

  it('never shows an unexpected error’s message, as JSON or as a page', async () => {
    const api = await fetch(`${base}/api/fail`);
    expect(api.status).toBe(500);
    expect(await api.json()).toEqual({ error: 'Something went wrong', code: 'INTERNAL' });
    const page = await fetch(`${base}/fail`);
    expect(page.status).toBe(500);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const body = await page.text();
    expect(body).toContain('Something went wrong on our side');
    expect(body).not.toContain('secret detail');
  });

  it('renders a page for a browser, with the message of an application error', async () => {
    const page = await fetch(`${base}/fail?kind=missing`);
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('Plan not found');
  });

  it('names a body that is not JSON as the field at fault, for any JSON request', async () => {
    for (const path of ['/api/echo', '/form']) {
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{not json',
      });
      expect(res.status, path).toBe(400);
      expect(await res.json()).toEqual({
        error: 'The request body is not valid JSON.',
        code: 'BAD_INPUT',
        field: 'body',
      });
    }
  });

  it('answers unknown addresses with a JSON 404 for the API and a page otherwise', async () => {
    const api = await fetch(`${base}/api/nowhere`);
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: 'No route for GET /api/nowhere', code: 'NOT_FOUND' });
    const page = await fetch(`${base}/nowhere`);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('There is no page at this address.');
  });
});
