import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { start } from '../src/main.ts';
import { createSession } from '../src/services/accounts/index.ts';
import { createUser, findUserByEmail } from '../src/services/accounts/users.ts';
import { freePort } from './support/wire.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'readyplan-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function health(port: number) {
  const response = await fetch(`http://127.0.0.1:${port}/health`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('npm start', () => {
  it('migrates and seeds an empty data directory, answers /health, and a second start reuses it', async () => {
    const port = await freePort();
    const first = await start({ PORT: String(port), DATA_DIR: dataDir });
    let counts: Record<string, number>;
    try {
      const { status, body } = await health(port);
      expect(status).toBe(200);
      expect(body).toMatchObject({ status: 'ok', database: 'pglite', migrations: { upToDate: true } });
      counts = body.rowCounts as Record<string, number>;
      const kept = await createUser(first.database.db, { email: 'kept@example.com' });
      // A session that expired long ago: the next start purges it.
      await createSession(first.database.db, kept.id, { now: new Date('2020-01-01T00:00:00Z') });
    } finally {
      await first.stop();
    }

    const second = await start({ PORT: String(port), DATA_DIR: dataDir });
    try {
      const { body } = await health(port);
      const again = body.rowCounts as Record<string, number>;
      expect(again.users).toBe(counts.users! + 1);
      expect({ ...again, users: 0 }).toEqual({ ...counts, users: 0 });
      expect(await findUserByEmail(second.database.db, 'kept@example.com')).not.toBeNull();
      expect(await second.runtime.sessionPurge?.first).toBe(1);
    } finally {
      await second.stop();
    }
  });

  it('stops at start-up naming a malformed PORT or DATABASE_URL', () => {
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        env: { PATH: process.env.PATH, ...env },
        encoding: 'utf8',
        timeout: 30_000,
      });
    const badPort = run({ PORT: 'eighty' });
    expect(badPort.status).toBe(2);
    expect(badPort.stderr).toMatch(/PORT: must be a whole number/);
    const badUrl = run({ DATABASE_URL: 'mysql://localhost/db' });
    expect(badUrl.status).toBe(2);
    expect(badUrl.stderr).toMatch(/DATABASE_URL: must be a postgres/);
  });
});
