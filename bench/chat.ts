/**
 * `npm run bench:chat`: full-turn latency and time to the first text delta of the conversation core with the
 * offline model, at 1, 10 and 50 concurrent conversations (p50/p95). Each conversation is a realistic
 * dialogue: a greeting, a full plan request (household update → plan build → save), a knowledge question and
 * an inventory update. Figures go to stdout; progress to stderr.
 *
 * What is timed: the first `text-delta` part of the turn's full stream (not its `start` chunk, which comes
 * before any work; that is shown too, as "first chunk"), and the spread from the first text delta to the
 * last. The offline model generates nothing: it decides each step's text whole and sends it in back-to-back
 * deltas (a plan turn's text spread is the tool work between its steps, not generation), so its "first
 * text" is the server's latency to the first words, not a model's time to first token: the figures are
 * labelled "offline model" and no TTFT target is judged on them.
 *
 * Options: --levels 1,10,50
 */
import { eq } from 'drizzle-orm';
import { createOfflineModel } from '../agents/index.ts';
import { createConversation } from '../src/conversation/index.ts';
import { openDatabase } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { profiles } from '../src/db/schema/index.ts';
import { createUser } from '../src/services/accounts/users.ts';
import { seedAll } from '../src/services/catalog/seed.ts';
import { createOfflineEmbedder } from '../src/services/embeddings/offline.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const LEVELS = (args.get('levels') ?? '1,10,50').split(',').map(Number);

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

type Sample = {
  kind: string;
  /** The stream's first part of any kind (its `start`): sent before the model or any tool runs. */
  firstChunkMs: number;
  /** The first non-empty text delta. */
  firstTextMs: number;
  /** First to last text delta: near 0 when the whole text arrives at once. */
  textSpreadMs: number;
  deltas: number;
  latencyMs: number;
};

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

  const model = createOfflineModel();
  const modelId = model.modelId;
  const core = createConversation({
    db: database.db,
    embedder,
    model,
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
      let firstChunk = Number.NaN;
      let firstText = Number.NaN;
      let lastText = Number.NaN;
      let deltas = 0;
      for await (const part of turn.stream.fullStream) {
        const now = performance.now() - t0;
        if (Number.isNaN(firstChunk)) firstChunk = now;
        if (part.type === 'text-delta' && part.text.length > 0) {
          if (Number.isNaN(firstText)) firstText = now;
          lastText = now;
          deltas += 1;
        }
      }
      const reply = await turn.reply;
      if (reply.status !== 'ok') throw new Error(`turn failed: ${reply.text}`);
      samples.push({
        kind: step.kind,
        firstChunkMs: firstChunk,
        firstTextMs: firstText,
        textSpreadMs: lastText - firstText,
        deltas,
        latencyMs: performance.now() - t0,
      });
    }
    return samples;
  }

  // Warm-up: the first plan loads the catalog candidates and the solver.
  await conversation(0, await newUser());

  const rows: {
    level: number;
    kind: string;
    n: number;
    chunk50: number;
    text50: number;
    text95: number;
    spread95: number;
    deltas50: number;
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
      const text = of.map((s) => s.firstTextMs).filter(Number.isFinite);
      const lat = of.map((s) => s.latencyMs);
      rows.push({
        level,
        kind,
        n: of.length,
        chunk50: percentile(
          of.map((s) => s.firstChunkMs),
          50,
        ),
        text50: percentile(text, 50),
        text95: percentile(text, 95),
        spread95: percentile(of.map((s) => s.textSpreadMs).filter(Number.isFinite), 95),
        deltas50: percentile(
          of.map((s) => s.deltas),
          50,
        ),
        lat50: percentile(lat, 50),
        lat95: percentile(lat, 95),
      });
    }
  }
  await database.close();

  const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(0).padStart(7) : '      -');
  console.log(`bench:chat — offline model (${modelId}), web channel, in-memory PGlite; times in ms`);
  console.log(
    "offline model: each step's text is decided whole and sent in back-to-back deltas (no generation time), so \"first text\" is the server's latency to the first words, not a model's time to first token; text spread in a plan turn is the tool work between steps",
  );
  console.log(
    'concurrency  turn       n  first chunk p50  first text p50  p95  text spread p95  deltas p50  turn p50  p95',
  );
  for (const r of rows) {
    console.log(
      `${String(r.level).padStart(11)}  ${r.kind.padEnd(9)} ${String(r.n).padStart(4)}  ${fmt(r.chunk50)}          ${fmt(r.text50)}  ${fmt(r.text95)}  ${fmt(r.spread95)}          ${fmt(r.deltas50)}   ${fmt(r.lat50)}  ${fmt(r.lat95)}`,
    );
  }
  const summary =
    rows.find((r) => r.level === 10 && r.kind === 'all') ?? rows.findLast((r) => r.kind === 'all');
  if (summary) {
    console.log(
      `offline model: p95 first text delta ${summary.text95.toFixed(0)} ms at ${summary.level} concurrent (first stream chunk p50 ${summary.chunk50.toFixed(0)} ms); not a TTFT, so no TTFT target is judged`,
    );
  }
}

await main();
