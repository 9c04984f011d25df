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

/** The non-superuser login role of `databaseOverWire({ login: 'owner' })`. */
export const OWNER_LOGIN = 'readyplan_owner';

/**
 * Makes the session a non-superuser login role that owns the schema's tables, as the application's role
 * does on a managed Postgres (Neon, RDS, Supabase): table owners bypass row-level security without FORCE,
 * so the system-role paths keep working, while nothing relies on superuser powers. PGlite ignores the user
 * named at connection, and every wire connection shares its one session, so the switch is made here, once.
 */
async function becomeOwnerLogin(pglite: PGlite): Promise<void> {
  await pglite.exec(`
    CREATE ROLE ${OWNER_LOGIN} LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB NOBYPASSRLS;
    GRANT app_user TO ${OWNER_LOGIN};
    GRANT USAGE, CREATE ON SCHEMA public TO ${OWNER_LOGIN};
    GRANT USAGE, CREATE ON SCHEMA drizzle TO ${OWNER_LOGIN};
    DO $$ DECLARE t record; BEGIN
      FOR t IN SELECT schemaname, tablename FROM pg_tables WHERE schemaname IN ('public', 'drizzle') LOOP
        EXECUTE format('ALTER TABLE %I.%I OWNER TO ${OWNER_LOGIN}', t.schemaname, t.tablename);
      END LOOP;
    END $$;
    SET SESSION AUTHORIZATION ${OWNER_LOGIN};
  `);
}

/**
 * The template database served over the Postgres wire protocol, reached through postgres.js — the code
 * path a managed Postgres takes. All connections share one PGlite session (see stack.md), so this proves
 * the driver path, not concurrency. `login: 'owner'` runs it as a non-superuser (see becomeOwnerLogin).
 */
export async function databaseOverWire(options: { login?: 'postgres' | 'owner' } = {}): Promise<{
  database: Database;
  url: string;
  login: { role: string; superuser: boolean };
  close(): Promise<void>;
}> {
  const pglite = await PGlite.create({
    loadDataDir: new Blob([readFileSync(inject('templatePath'))]),
    extensions: { vector },
  });
  const owner = options.login === 'owner';
  if (owner) await becomeOwnerLogin(pglite);
  const port = await freePort();
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port, maxConnections: 10 });
  await server.start();
  const url = `postgres://${owner ? OWNER_LOGIN : 'postgres'}@127.0.0.1:${port}/postgres`;
  const database = await openDatabase({ kind: 'postgres', url, max: 1 });
  return {
    database,
    url,
    login: owner ? { role: OWNER_LOGIN, superuser: false } : { role: 'postgres', superuser: true },
    close: async () => {
      await database.close();
      await server.stop();
      await pglite.close();
    },
  };
}
