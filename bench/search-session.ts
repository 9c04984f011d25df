/**
 * Where the search bench runs: a temporary in-memory PGlite (never the user's data directory); that PGlite served
 * over the Postgres wire protocol (pglite-socket) and driven through postgres.js (`--wire`); or, with DATABASE_URL
 * set, a Postgres server with pgvector.
 */
import { createServer } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import postgres from 'postgres';
import { loadConfig } from '../src/config.ts';

/** One database session: the embedded PGlite, or postgres.js over the wire (one connection, so SET LOCAL holds). */
export type Session = {
  where: string;
  exec(text: string): Promise<void>;
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  load(lines: string[][]): Promise<void>;
  close(): Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function overWire(table: string, url: string, where: string, onClose: () => Promise<void>): Session {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  return {
    where,
    exec: async (text) => {
      await sql.unsafe(text);
    },
    query: async <T>(text: string, params: unknown[] = []) =>
      (await sql.unsafe(text, params as never[])) as unknown as T[],
    // Multi-row INSERTs of literals: no COPY protocol needed, so it works on any server and on pglite-socket.
    load: async (rows) => {
      for (let i = 0; i < rows.length; i += 500) {
        const values = rows
          .slice(i, i + 500)
          .map((r) => `(${r[0]},${r[1]},${r[2]},'${r[3]}','offline')`)
          .join(',');
        await sql.unsafe(
          `insert into ${table} (id, category, bucket, embedding, embedding_model) values ${values}`,
        );
      }
    },
    close: async () => {
      await sql.end();
      await onClose();
    },
  };
}

export async function open(table: string, wire: boolean): Promise<Session> {
  const config = loadConfig();
  if (config.database.kind === 'postgres') {
    return overWire(table, config.database.url, 'a Postgres server (DATABASE_URL)', async () => {});
  }
  const db = await PGlite.create({ extensions: { vector } });
  await db.exec('create extension if not exists vector');
  if (wire) {
    const port = await freePort();
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 2 });
    await server.start();
    return overWire(
      table,
      `postgres://postgres@127.0.0.1:${port}/postgres`,
      'PGlite over the wire (pglite-socket, postgres.js)',
      async () => {
        await server.stop();
        await db.close();
      },
    );
  }
  return {
    where: 'embedded PGlite (in memory)',
    exec: async (text) => {
      await db.exec(text);
    },
    query: async <T>(text: string, params: unknown[] = []) => (await db.query<T>(text, params)).rows,
    load: async (rows) => {
      await db.query(
        `copy ${table} (id, category, bucket, embedding, embedding_model) from '/dev/blob'`,
        [],
        {
          blob: new Blob([`${rows.map((r) => `${r.join('\t')}\toffline`).join('\n')}\n`]),
        },
      );
    },
    close: () => db.close(),
  };
}
