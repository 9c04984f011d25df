/**
 * `npm run bench:webhooks`: inbound Telegram and SMS webhooks at 50, 100 and 200 requests a second for 20
 * seconds each, half of each kind, open-loop (each request leaves at its scheduled time whether or not the
 * earlier ones were answered). The app runs in a child process (bench/webhooks-app.ts: the channels as
 * `npm start` wires them, on an in-memory PGlite, migrated and seeded, with the offline model); this
 * process generates the load over
 * loopback and plays Telegram's and Twilio's servers, so every reply the worker sends comes back here.
 *
 * Figures: acknowledgement latency p50/p99/max (request sent → webhook's 200, i.e. verified, stored and
 * answered), and turns completed per second (replies received by the fake Bot API and Twilio servers,
 * over the time from the first request to the last reply), with the backlog left when sending stopped.
 * Target: p99 acknowledgement under 50 ms at 100 requests a second. Figures go to stdout; progress to stderr.
 *
 * Options: --seconds 20  --rates 50,100,200 (validated with zod)
 */
import { fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import twilio from 'twilio';
import { z } from 'zod';
import { type FakeTelegram, startFakeTelegram } from '../test/support/fake-telegram.ts';
import { type FakeTwilio, startFakeTwilio } from '../test/support/fake-twilio.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);
const SECRET = 'bench-webhook-secret-0123456789abcdef';
const OUR_NUMBER = '+15005550006';
/** What each person sends: a question the offline model answers from the guidance (search, then text). */
const QUESTION = 'How much water should we store?';

const flagsSchema = z.object({
  seconds: z.coerce.number().int().min(1).max(600).default(20),
  rates: z
    .string()
    .default('50,100,200')
    .transform((v) => v.split(',').map((r) => Number(r.trim())))
    .pipe(z.array(z.number().int().min(1).max(2000)).min(1)),
});

function parseFlags(argv: string[]) {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const name = /^--(seconds|rates)$/.exec(argv[i] ?? '')?.[1];
    if (!name) throw new Error(`unknown argument ${argv[i]} (use --seconds N --rates 50,100,200)`);
    raw[name] = argv[++i] ?? '';
  }
  const parsed = flagsSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(parsed.error.issues.map((i) => `--${String(i.path[0] ?? '?')}: ${i.message}`).join('; '));
  return parsed.data;
}

// ---------------------------------------------------------------------------------------------------
// The load (this process)

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function post(port: number, path: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0) : 0;

type Level = {
  rate: number;
  sent: number;
  errors: number;
  ack: number[];
  replies: number;
  turnsPerSecond: number;
  backlog: number;
  drainMs: number;
  firstError: string | null;
  report?: Report;
};
type Report = { loopP99Ms: number; loopMaxMs: number; dropped: number; failures: string[] };
/** How long replies are awaited after the last request before the rest is counted as backlog and dropped. */
const DRAIN_CAP_MS = 30_000;

async function runLevel(
  port: number,
  rate: number,
  seconds: number,
  fakes: { tg: FakeTelegram; tw: FakeTwilio },
  level: number,
): Promise<Level> {
  const publicUrl = `http://127.0.0.1:${port}`;
  const total = rate * seconds;
  // Each person sends at most 10 messages: a crowd, well inside the per-identity turn limit.
  const people = Math.ceil(total / 10);
  const repliesBefore = fakes.tg.sent().length + fakes.tw.messages.length;
  const ack: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const inFlight: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const person = i % people;
    const send = async () => {
      const start = performance.now();
      let status: number;
      if (i % 2 === 0) {
        const update = {
          update_id: level * 1_000_000 + i,
          message: {
            message_id: i,
            date: Math.floor(Date.now() / 1000),
            chat: { id: 500_000_000 + level * 100_000 + person, type: 'private' },
            text: QUESTION,
          },
        };
        status = await post(
          port,
          '/webhooks/telegram',
          { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
          JSON.stringify(update),
        );
      } else {
        const sid = `SM${(level * 1_000_000 + i).toString(16).padStart(32, '0')}`;
        const params = {
          MessageSid: sid,
          AccountSid: fakes.tw.accountSid,
          From: `+1415${String(level * 100_000 + person).padStart(7, '0')}`,
          To: OUR_NUMBER,
          Body: QUESTION,
          NumMedia: '0',
        };
        const signature = twilio.getExpectedTwilioSignature(
          fakes.tw.authToken,
          `${publicUrl}/webhooks/twilio/sms`,
          params,
        );
        status = await post(
          port,
          '/webhooks/twilio/sms',
          { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
          new URLSearchParams(params).toString(),
        );
      }
      ack.push(performance.now() - start);
      if (status !== 200) errors += 1;
    };
    inFlight.push(
      send().catch((error: unknown) => {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }),
    );
  }
  await Promise.all(inFlight);
  const sendEnd = performance.now();
  const replies = () => fakes.tg.sent().length + fakes.tw.messages.length - repliesBefore;
  const backlog = total - errors - replies();
  const deadline = Date.now() + DRAIN_CAP_MS;
  while (replies() < total - errors && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  const end = performance.now();
  return {
    rate,
    sent: total,
    errors,
    ack: ack.sort((a, b) => a - b),
    replies: replies(),
    turnsPerSecond: replies() / ((end - t0) / 1000),
    backlog,
    drainMs: end - sendEnd,
    firstError,
  };
}

async function main() {
  const flags = parseFlags(process.argv.slice(2));
  const [tg, tw] = await Promise.all([startFakeTelegram(), startFakeTwilio()]);
  const child = fork(fileURLToPath(new URL('./webhooks-app.ts', import.meta.url)), [], {
    env: {
      ...process.env,
      LOG_LEVEL: 'silent',
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_API_ROOT: tg.apiRoot,
      TWILIO_ACCOUNT_SID: tw.accountSid,
      TWILIO_AUTH_TOKEN: tw.authToken,
      TWILIO_FROM: OUR_NUMBER,
      TWILIO_API_ROOT: tw.apiRoot,
    },
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`the app exited (${code}) before it was ready`)));
  });
  const report = () =>
    new Promise<Report>((resolve) => {
      child.once('message', resolve as never);
      child.send({ report: true });
    });
  const results: Level[] = [];
  try {
    // Warm-up, not counted: the first turns compile the code paths (JIT) and fill caches.
    log('bench:webhooks: warming up (20 requests)…');
    await runLevel(port, 10, 2, { tg, tw }, 9);
    await report();
    for (const [index, rate] of flags.rates.entries()) {
      log(`bench:webhooks: ${rate} requests/s for ${flags.seconds} s…`);
      const level = await runLevel(port, rate, flags.seconds, { tg, tw }, index + 1);
      level.report = await report();
      results.push(level);
    }
    print(results, flags.seconds);
  } finally {
    child.disconnect();
    agent.destroy();
    await Promise.all([tg.close(), tw.close()]);
  }
}

function print(results: Level[], seconds: number) {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  // Both processes share the machine with whatever else runs: its load says how much of it they had.
  console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)} at the end`);
  console.log(
    `bench:webhooks — ${seconds} s per rate, half Telegram, half SMS, offline model, in-memory PGlite, 2 processes on loopback`,
  );
  console.log(
    'rate/s  sent   non-200  ack p50   ack p99   ack max   replies  turns/s  backlog@stop  drain   dropped  app loop p99/max',
  );
  for (const r of results) {
    console.log(
      [
        String(r.rate).padEnd(7),
        String(r.sent).padEnd(6),
        String(r.errors).padEnd(8),
        ms(percentile(r.ack, 50)).padEnd(9),
        ms(percentile(r.ack, 99)).padEnd(9),
        ms(r.ack.at(-1) ?? 0).padEnd(9),
        String(r.replies).padEnd(8),
        r.turnsPerSecond.toFixed(1).padEnd(8),
        String(r.backlog).padEnd(13),
        `${(r.drainMs / 1000).toFixed(1)} s`.padEnd(7),
        String(r.report?.dropped ?? 0).padEnd(8),
        `${ms(r.report?.loopP99Ms ?? 0)} / ${ms(r.report?.loopMaxMs ?? 0)}`,
      ].join(' '),
    );
  }
  const at100 = results.find((r) => r.rate === 100);
  if (at100) {
    const p99 = percentile(at100.ack, 99);
    console.log(`target p99 ack < 50 ms at 100 requests/s: ${p99 < 50 ? 'met' : 'NOT met'} (${ms(p99)})`);
  }
  for (const r of results) {
    if (r.firstError) console.log(`${r.rate}/s: first request error: ${r.firstError}`);
    const failures = r.report?.failures ?? [];
    if (failures.length)
      console.log(`${r.rate}/s: app diagnostics (${failures.length}): ${failures.slice(0, 3).join(' | ')}`);
  }
  console.log(
    'turns/s: replies received by the local Bot API and Twilio servers ÷ (first request → last reply, the',
  );
  console.log(
    `drain capped at ${DRAIN_CAP_MS / 1000} s); what was still waiting then is the backlog, dropped before the next rate.`,
  );
}

await main().catch((error: unknown) => {
  log(`bench:webhooks: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
