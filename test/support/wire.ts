import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The template database served over the Postgres wire protocol, reached through postgres.js — the code
 * path a managed Postgres takes. All connections share one PGlite session (see stack.md), so this proves
 * the driver path, not concurrency.
 */
export async function databaseOverWire(): Promise<{
  database: Database;
  url: string;
  close(): Promise<void>;
}> {
  const pglite = await PGlite.create({
    loadDataDir: new Blob([readFileSync(inject('templatePath'))]),
    extensions: { vector },
  });
  const port = await freePort();
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port, maxConnections: 10 });
  await server.start();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const database = await openDatabase({ kind: 'postgres', url, max: 1 });
  return {
    database,
    url,
    close: async () => {
      await database.close();
      await server.stop();
      await pglite.close();
    },
  };
}
