import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWebApp } from '../../src/channels/web/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/services/database.ts';
import { freshDatabase } from '../support/db.ts';
import { collectingLogger } from '../support/logger.ts';
import { freePort } from '../support/wire.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TOKEN = 'Zx9_kQ2mR7vT4wY8nB3cL6pH1sD5fG0j';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** The app as main.ts builds it (plus one route that fails, quoting personal data), logging at `level`. */
async function serve(level: 'debug' | 'info' | 'warn' | 'error') {
  const { logger, lines } = collectingLogger(level);
  const port = await freePort();
  const config = loadConfig({ PORT: String(port), LOG_LEVEL: level });
  const app = createWebApp({ config, database, logger }, (web) => {
    web.get('/boom', () => {
      throw new Error('no account for bob@example.com at +15551234567');
    });
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    /** The access lines, once `count` are written (a line is written when the server closes the response). */
    access: async (count: number) => {
      const read = () =>
        lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((e) => e.msg === 'request');
      await vi.waitFor(() => expect(read()).toHaveLength(count));
      return read();
    },
    written: () => lines.join('\n'),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('request log', () => {
  it('gives each request an id (a well-formed incoming one kept), echoes it, and writes one access line', async () => {
    const app = await serve('info');
    try {
      const kept = await fetch(`${app.base}/nowhere`, { headers: { 'X-Request-Id': 'edge-7f3a9c2e.01' } });
      expect(kept.status).toBe(404);
      expect(kept.headers.get('x-request-id')).toBe('edge-7f3a9c2e.01');

      const fresh = await fetch(`${app.base}/nowhere`);
      const freshId = fresh.headers.get('x-request-id');
      expect(freshId).toMatch(UUID);

      // An address, spaces or a bare run of digits is not an id: replaced, never echoed.
      for (const bad of ['bob@example.com', 'x'.repeat(200), '5551234567', 'two words here']) {
        const response = await fetch(`${app.base}/nowhere`, { headers: { 'X-Request-Id': bad } });
        expect(response.headers.get('x-request-id')).toMatch(UUID);
      }

      const access = await app.access(6);
      expect(access[0]).toMatchObject({
        level: 30,
        reqId: 'edge-7f3a9c2e.01',
        method: 'GET',
        path: '/nowhere',
        status: 404,
      });
      expect(access[0]?.durationMs).toEqual(expect.any(Number));
      expect(access[1]?.reqId).toBe(freshId);
      expect(new Set(access.map((e) => e.reqId)).size).toBe(6);
      expect(app.written()).not.toContain('bob@example.com');
      expect(app.written()).not.toContain('5551234567');
    } finally {
      await app.close();
    }
  });

  it('never writes a query string, an e-mail, a phone number or a token in full', async () => {
    const app = await serve('info');
    try {
      await fetch(
        `${app.base}/reset-password/${TOKEN}/bob@example.com/+15551234567?token=${TOKEN}&email=jane%40example.com`,
      );
      const failed = await fetch(`${app.base}/boom`, { headers: { Accept: 'application/json' } });
      expect(failed.status).toBe(500);
      const failedId = failed.headers.get('x-request-id');

      const [reset, boom] = await app.access(2);
      const written = app.written();
      for (const secret of [TOKEN, 'bob@example.com', '+15551234567', '5551234567', 'jane', 'email=']) {
        expect(written).not.toContain(secret);
      }
      expect(reset?.path).toBe(`/reset-password/${TOKEN.slice(0, 4)}…/b***@example.com/+1******4567`);
      expect(boom).toMatchObject({ path: '/boom', status: 500 });
      // The error line is the request's: it carries the same id as its access line and the response.
      const error = app.entries().find((e) => e.msg === 'unhandled request error');
      expect(error).toMatchObject({ level: 50, reqId: failedId });
      expect(JSON.stringify(error)).toContain('b***@example.com');
    } finally {
      await app.close();
    }
  });

  it('honours LOG_LEVEL: at warn no access lines, errors still written', async () => {
    const app = await serve(loadConfig({ LOG_LEVEL: 'warn' }).logLevel as 'warn');
    try {
      await fetch(`${app.base}/nowhere`);
      await fetch(`${app.base}/boom`);
      expect(app.entries().map((e) => e.msg)).toEqual(['unhandled request error']);
    } finally {
      await app.close();
    }
  });

  it('writes /health at debug only (an orchestrator polls it every few seconds)', async () => {
    const info = await serve('info');
    const debug = await serve('debug');
    try {
      expect((await fetch(`${info.base}/health`)).status).toBe(200);
      expect((await fetch(`${debug.base}/health`)).status).toBe(200);
      expect(await debug.access(1)).toMatchObject([{ level: 20, path: '/health', status: 200 }]);
      expect(await info.access(0)).toEqual([]);
    } finally {
      await info.close();
      await debug.close();
    }
  });
});
