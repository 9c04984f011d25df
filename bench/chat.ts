/**
 * `npm run bench:chat`: full-turn latency and time to the first streamed token of the conversation core
 * with the offline model, at 1, 10 and 50 concurrent conversations (p50/p95). Each conversation is a
 * realistic dialogue: a greeting, a full plan request (household update → plan build → save), a knowledge
 * question and an inventory update. Figures go to stdout; progress to stderr.
 *
 * Options: --levels 1,10,50  --target-ttft-ms 150 (checked at 10 concurrent)
 */
import { eq } from 'drizzle-orm';
import { createOfflineModel } from '../agents/index.ts';
import { createConversation } from '../src/conversation/index.ts';
import { openDatabase } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { profiles } from '../src/db/schema/index.ts';
import { seedAll } from '../src/services/catalog/seed.ts';
import { createOfflineEmbedder } from '../src/services/embeddings/offline.ts';
import { createUser } from '../src/services/users/users.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const LEVELS = (args.get('levels') ?? '1,10,50').split(',').map(Number);
const TARGET_TTFT = Number(args.get('target-ttft-ms') ?? 150);

const CITIES = [
  'Tampa, FL',
  'Austin, TX',
  'Boise, ID',
  'Denver, CO',
  'Portland, OR',
  'Miami, FL',
  'Phoenix, AZ',
  'Columbus, OH',
];
const SCRIPT = (i: number) => [
  { kind: 'greeting', text: 'hi' },
  {
    kind: 'plan',
    text: `we're 2 adults and 2 kids (6 and 9) in ${CITIES[i % CITIES.length]}, hurricane season, $300`,
  },
  { kind: 'question', text: 'how do I make creek water safe?' },
  { kind: 'inventory', text: 'bought 24 cans of chili, expire March 2027' },
];

type Sample = { kind: string; ttftMs: number; latencyMs: number };

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

const log = (message: string) => process.stderr.write(`${message}\n`);

async function main() {
  const started = performance.now();
  const database = await openDatabase({ kind: 'pglite' });
  await runMigrations(database);
  const embedder = createOfflineEmbedder();
  await seedAll(database, embedder);
  log(`bench:chat: in-memory PGlite migrated and seeded in ${Math.round(performance.now() - started)} ms`);

  const core = createConversation({
    db: database.db,
    embedder,
    model: createOfflineModel(),
    publicUrl: 'http://localhost:3000',
  });
  let userCount = 0;
  async function newUser(): Promise<string> {
    userCount += 1;
    const { id } = await createUser(database.db, { email: `bench${userCount}@example.com` });
    await database.db.update(profiles).set({ subscriptionTier: 'BASIC' }).where(eq(profiles.id, id));
    return id;
  }

  async function conversation(i: number, userId: string): Promise<Sample[]> {
    const samples: Sample[] = [];
    let conversationId: string | null = null;
    for (const step of SCRIPT(i)) {
      const t0 = performance.now();
      const turn = await core.runTurn({ channel: 'web', userId, conversationId, text: step.text });
      conversationId = turn.conversationId;
      let first: number | null = null;
      for await (const delta of turn.stream.textStream) {
        if (first === null && delta.length > 0) first = performance.now() - t0;
      }
      const reply = await turn.reply;
      if (reply.status !== 'ok') throw new Error(`turn failed: ${reply.text}`);
      samples.push({ kind: step.kind, ttftMs: first ?? Number.NaN, latencyMs: performance.now() - t0 });
    }
    return samples;
  }

  // Warm-up: the first plan loads the catalog candidates and the solver.
  await conversation(0, await newUser());

  const rows: {
    level: number;
    kind: string;
    n: number;
    ttft50: number;
    ttft95: number;
    lat50: number;
    lat95: number;
  }[] = [];
  for (const level of LEVELS) {
    const users = await Promise.all(Array.from({ length: level }, () => newUser()));
    const t = performance.now();
    const all = (await Promise.all(users.map((u, i) => conversation(i, u)))).flat();
    log(
      `bench:chat: ${level} concurrent conversations, ${all.length} turns in ${Math.round(performance.now() - t)} ms`,
    );
    for (const kind of ['all', ...new Set(all.map((s) => s.kind))]) {
      const of = kind === 'all' ? all : all.filter((s) => s.kind === kind);
      const ttft = of.map((s) => s.ttftMs).filter(Number.isFinite);
      const lat = of.map((s) => s.latencyMs);
      rows.push({
        level,
        kind,
        n: of.length,
        ttft50: percentile(ttft, 50),
        ttft95: percentile(ttft, 95),
        lat50: percentile(lat, 50),
        lat95: percentile(lat, 95),
      });
    }
  }
  await database.close();

  const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(0).padStart(7) : '      -');
  console.log('bench:chat — offline model, web channel, in-memory PGlite; times in ms');
  console.log('concurrency  turn       n    TTFT p50  TTFT p95  turn p50  turn p95');
  for (const r of rows) {
    console.log(
      `${String(r.level).padStart(11)}  ${r.kind.padEnd(9)} ${String(r.n).padStart(4)}   ${fmt(r.ttft50)}   ${fmt(r.ttft95)}   ${fmt(r.lat50)}   ${fmt(r.lat95)}`,
    );
  }
  const at10 = rows.find((r) => r.level === 10 && r.kind === 'all');
  if (at10) {
    const ok = at10.ttft95 < TARGET_TTFT;
    console.log(
      `target: p95 TTFT < ${TARGET_TTFT} ms at 10 concurrent — ${ok ? 'met' : 'NOT met'} (${at10.ttft95.toFixed(0)} ms)`,
    );
  }
}

await main();
