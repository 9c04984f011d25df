/**
 * `npm run bench:web`: time to the first text delta of POST /api/chat (the AI SDK UI message stream) at 1,
 * 10 and 50 concurrent chats, p50/p95, with the offline model. The server runs in a child process (the web
 * app as main.ts wires it, on an in-memory PGlite, migrated and seeded), so the load generator does not
 * share its event loop. Each chat is a new anonymous visitor sending one full plan request — the heaviest
 * first message (household → plan build with the exact optimizer). Also shown: the first byte (the
 * stream's `start` chunk, written before any work, so it says little), the answer (the first text delta
 * after the last tool output: the plan's reply, after the build) and the end of the stream. The offline
 * model generates nothing: its first text is a fixed preamble ("Building your plan…") decided instantly and
 * sent before the tools run, so the first text delta measures the route and the model's decision, not a
 * model's time to first token; figures are labelled "offline model" and no target is judged. Figures go to
 * stdout; progress to stderr.
 *
 * Options: --levels 1,10,50  --samples 40 (at least this many chats per level)
 */
import { fork } from 'node:child_process';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i]!;
  if (a.startsWith('--'))
    args.set(a.slice(2), process.argv[i + 1]?.startsWith('--') ? '' : (process.argv[++i] ?? ''));
}

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
const message = (i: number) =>
  `We're 2 adults and 2 kids in ${CITIES[i % CITIES.length]}, worried about hurricanes, 2 weeks, $300`;

const log = (line: string) => process.stderr.write(`${line}\n`);

async function serve() {
  const started = performance.now();
  const { createOfflineModel } = await import('../agents/index.ts');
  const { createWebApp } = await import('../src/channels/web/app.ts');
  const { mountWeb } = await import('../src/channels/web/routes.ts');
  const { loadConfig } = await import('../src/config.ts');
  const { openDatabase } = await import('../src/db/client.ts');
  const { runMigrations } = await import('../src/db/migrate.ts');
  const { seedAll } = await import('../src/services/catalog/seed.ts');
  const { createOfflineEmbedder } = await import('../src/services/embeddings/offline.ts');
  const database = await openDatabase({ kind: 'pglite' });
  await runMigrations(database);
  const embedder = createOfflineEmbedder();
  await seedAll(database, embedder);
  const config = loadConfig({ PORT: '0', NODE_ENV: 'production', PUBLIC_URL: 'http://127.0.0.1' });
  const { createLogger } = await import('../src/services/logger.ts');
  const { createSolverPool } = await import('../src/services/plans/solver-pool.ts');
  const logger = createLogger('warn');
  const solver = createSolverPool(logger);
  const app = createWebApp({ config, database, logger }, (web) =>
    mountWeb(web, { config, database, embedder, model: createOfflineModel(), logger, solver }),
  );
  const server = app.listen(0, '127.0.0.1', () => {
    const port = (server.address() as AddressInfo).port;
    log(
      `bench:web: server ready on ${port} in ${Math.round(performance.now() - started)} ms (in-memory PGlite, seeded)`,
    );
    process.send?.({ port });
  });
  process.on('disconnect', () => process.exit(0));
}

type Visitor = { cookie: string; csrf: string };
type Sample = { firstByteMs: number; firstTextMs: number; answerTextMs: number; totalMs: number };

function call(port: number, method: string, path: string, headers: Record<string, string>, body?: string) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        data += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function newVisitor(port: number): Promise<Visitor> {
  const res = await call(port, 'GET', '/api/session', {});
  const cookie = (res.headers['set-cookie'] as string[]).map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrf: (JSON.parse(res.body) as { csrfToken: string }).csrfToken };
}

/**
 * One chat: POST /api/chat and time the first body byte, the first non-empty text delta (an SSE event
 * `data: {"type":"text-delta",…,"delta":"…"}`, parsed whole even when split across chunks), the answer
 * (the first text delta after the last tool output) and the end of the stream.
 */
function chat(port: number, visitor: Visitor, text: string): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ text });
    const t0 = performance.now();
    let firstByte = Number.NaN;
    let firstText = Number.NaN;
    let answerText = Number.NaN;
    let buffered = '';
    const read = (events: string[], now: number) => {
      for (const event of events) {
        const part = partOf(event);
        if (part?.type?.startsWith('tool-output-')) answerText = Number.NaN;
        if (part?.type === 'text-delta' && typeof part.delta === 'string' && part.delta.length > 0) {
          if (Number.isNaN(firstText)) firstText = now;
          if (Number.isNaN(answerText)) answerText = now;
        }
      }
    };
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/chat',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          cookie: visitor.cookie,
          'x-csrf-token': visitor.csrf,
        },
      },
      (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`POST /api/chat answered ${res.statusCode}`));
          res.resume();
          return;
        }
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          const now = performance.now() - t0;
          if (Number.isNaN(firstByte)) firstByte = now;
          buffered += chunk;
          const events = buffered.split('\n\n');
          buffered = events.pop() ?? '';
          read(events, now);
        });
        res.on('end', () => {
          const end = performance.now() - t0;
          read([buffered], end);
          resolve({ firstByteMs: firstByte, firstTextMs: firstText, answerTextMs: answerText, totalMs: end });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The UI-message-stream part an SSE event carries (`data: {...}`), or null for `[DONE]` and the like. */
function partOf(event: string): { type?: string; delta?: string } | null {
  const data = event
    .split('\n')
    .filter((l) => l.startsWith('data:'))
    .map((l) => l.slice(5).trim())
    .join('\n');
  if (!data.startsWith('{')) return null;
  try {
    return JSON.parse(data) as { type?: string; delta?: string };
  } catch {
    return null;
  }
}

function percentile(values: number[], p: number): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

async function main() {
  const levels = (args.get('levels') || '1,10,50').split(',').map(Number);
  const minSamples = Number(args.get('samples') || 40);

  const child = fork(fileURLToPath(import.meta.url), ['--serve'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
  try {
    // Warm-up: the first plan loads the catalog candidates and the solver.
    for (let i = 0; i < 3; i++) await chat(port, await newVisitor(port), message(i));

    const rows: {
      level: number;
      n: number;
      b50: number;
      b95: number;
      t50: number;
      t95: number;
      a50: number;
      a95: number;
      e50: number;
      e95: number;
    }[] = [];
    for (const level of levels) {
      const rounds = Math.max(1, Math.ceil(minSamples / level));
      const samples: Sample[] = [];
      const t = performance.now();
      for (let r = 0; r < rounds; r++) {
        const visitors = await Promise.all(Array.from({ length: level }, () => newVisitor(port)));
        samples.push(...(await Promise.all(visitors.map((v, i) => chat(port, v, message(r * level + i))))));
      }
      log(
        `bench:web: ${level} concurrent × ${rounds} rounds = ${samples.length} chats in ${Math.round(performance.now() - t)} ms`,
      );
      rows.push({
        level,
        n: samples.length,
        b50: percentile(
          samples.map((s) => s.firstByteMs),
          50,
        ),
        b95: percentile(
          samples.map((s) => s.firstByteMs),
          95,
        ),
        t50: percentile(
          samples.map((s) => s.firstTextMs),
          50,
        ),
        t95: percentile(
          samples.map((s) => s.firstTextMs),
          95,
        ),
        a50: percentile(
          samples.map((s) => s.answerTextMs),
          50,
        ),
        a95: percentile(
          samples.map((s) => s.answerTextMs),
          95,
        ),
        e50: percentile(
          samples.map((s) => s.totalMs),
          50,
        ),
        e95: percentile(
          samples.map((s) => s.totalMs),
          95,
        ),
      });
    }

    const f = (n: number) => (Number.isFinite(n) ? n.toFixed(0).padStart(8) : '       -');
    console.log(
      'bench:web — POST /api/chat, offline model, in-memory PGlite, server in a child process; times in ms',
    );
    console.log('message: one full plan request per chat (household, plan build, reply)');
    console.log(
      'offline model: its first text is a fixed preamble sent before the tools run; "answer" is the first text after the last tool output (the reply after the plan build); neither is a model\'s time to first token',
    );
    console.log(
      'concurrent  chats  first byte (start) p50  p95   first text p50  p95   answer text p50  p95   stream end p50  p95',
    );
    for (const r of rows) {
      console.log(
        `${String(r.level).padStart(10)}  ${String(r.n).padStart(5)}          ${f(r.b50)}${f(r.b95)}   ${f(r.t50)}${f(r.t95)}    ${f(r.a50)}${f(r.a95)}   ${f(r.e50)}${f(r.e95)}`,
      );
    }
    const summary = rows.find((r) => r.level === 10) ?? rows.at(-1);
    if (summary) {
      console.log(
        `offline model: at ${summary.level} concurrent, first text delta p95 ${summary.t95.toFixed(0)} ms, answer text p95 ${summary.a95.toFixed(0)} ms (first byte p95 ${summary.b95.toFixed(0)} ms); no TTFT target is judged on the offline model`,
      );
    }
  } finally {
    child.kill();
  }
}

if (process.argv.includes('--serve')) await serve();
else await main();
