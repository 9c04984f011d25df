/**
 * `npm run bench:checkins`: the check-in scan at scale on the embedded database. Seeds USERS Pro accounts in
 * three time zones, each with check-in preferences whose hour is now (so every one is due) and ITEMS_PER_USER
 * dated items (some expiring within the window, some expired, most far off) into a data directory; then a
 * fresh process — the app after a restart, as the pg-boss job would run it — opens that directory, times one
 * scan that enqueues every due check-in and a second scan (the same period: must enqueue nothing), and reports
 * its peak memory (maximum resident set, the embedded engine included). Creating and seeding the database
 * happens in the first process, whose own peak (PGlite's initdb alone reaches ~850 MiB) is reported apart.
 * Figures go to stdout; progress to stderr.
 *
 * Options: --users 100000  --items-per-user 10
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { localParts } from '../src/domain/check-ins/index.ts';
import { scanCheckIns } from '../src/services/check-ins/index.ts';
import { setBillingEnabled } from '../src/services/tiers/index.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]?.replace(/^--/, '') ?? '', process.argv[i + 1] ?? '');
const USERS = Number(args.get('users') ?? 100_000);
const PER_USER = Number(args.get('items-per-user') ?? 10);
const log = (line: string) => process.stderr.write(`${line}\n`);
const mib = (bytes: number) => (bytes / 1_048_576).toFixed(0);
const peakMiB = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);

const now = new Date('2026-06-01T07:00:00Z');
const zones = ['America/Los_Angeles', 'Europe/Berlin', 'Asia/Tokyo'];

async function seed(dataDir: string): Promise<void> {
  // Each zone's local hour at `now` is the users' preferred hour, so all are due. No hour is daytime in all
  // three zones at once (Los Angeles is at midnight), so the seed moves quiet hours to 01:00–06:00.
  const hours = zones.map((z) => localParts(now, z).hour);
  const database = await openDatabase({ kind: 'pglite', dataDir });
  await runMigrations(database);
  const db = database.db;
  const started = performance.now();
  await db.execute(
    sql`insert into users (email) select 'u' || g || '@bench.test' from generate_series(1, ${USERS}) g`,
  );
  await db.execute(sql`insert into profiles (id, subscription_tier) select id, 'PRO' from users`);
  await db.execute(sql`
    insert into communication_preferences (user_id, message_type, time_zone, local_hour, frequency, quiet_start, quiet_end)
    select id, 'check_in', (${sql.raw(`array['${zones.join("','")}']`)})[1 + n % 3],
           (${sql.raw(`array[${hours.join(',')}]`)})[1 + n % 3], 'weekly', '01:00', '06:00'
    from (select id, row_number() over () as n from users) u`);
  // Item k of a user expires k*40-30 days from now: item 0 expired, item 1 within 30 days, the rest later.
  // One statement per k keeps each transaction (and the engine's memory) to one item per user.
  for (let k = 0; k < PER_USER; k += 1) {
    await db.execute(sql`
      insert into inventory_items (user_id, name, quantity_owned, quantity_needed, status, expiration_date)
      select id, ${`item ${k}`}, ${1 + k * 2}, ${1 + k * 2}, 'OWNED', ${now.toISOString().slice(0, 10)}::date + ${k * 40 - 30}::int
      from users`);
  }
  await db.execute(sql`vacuum analyze`);
  await database.close();
  log(
    `seeded in ${((performance.now() - started) / 1000).toFixed(1)} s (seeding process peak ${peakMiB()} MiB)`,
  );
}

async function scan(dataDir: string): Promise<void> {
  const database = await openDatabase({ kind: 'pglite', dataDir });
  const db = database.db;
  setBillingEnabled(db, true);
  const opened = process.memoryUsage().rss;
  const t0 = performance.now();
  const first = await scanCheckIns(db, now);
  const scanSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const second = await scanCheckIns(db, new Date(now.getTime() + 10 * 60_000));
  const againSeconds = (performance.now() - t1) / 1000;
  const peak = peakMiB();
  await database.close();
  console.log(`users: ${USERS}, inventory items: ${USERS * PER_USER}`);
  console.log(
    `scan: ${first.candidates} candidates, ${first.due} due, ${first.enqueued} check-ins enqueued in ${scanSeconds.toFixed(1)} s`,
  );
  console.log(`second scan, same period: ${second.enqueued} enqueued in ${againSeconds.toFixed(1)} s`);
  console.log(
    `scanning process peak memory (max RSS, embedded engine in the process): ${peak} MiB; ` +
      `resident after opening the database: ${mib(opened)} MiB`,
  );
}

if (args.get('phase') === 'scan') {
  await scan(args.get('data-dir') ?? '');
} else {
  const dataDir = mkdtempSync(join(tmpdir(), 'rp-bench-checkins-'));
  try {
    log(`seeding ${USERS} users × ${PER_USER} items into ${dataDir}…`);
    await seed(dataDir);
    const child = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        process.argv[1]!,
        ...process.argv.slice(2),
        '--phase',
        'scan',
        '--data-dir',
        dataDir,
      ],
      { stdio: 'inherit' },
    );
    if (child.status !== 0) process.exitCode = child.status ?? 1;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
