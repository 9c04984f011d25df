/**
 * `npm run bench:billing`: (1) Stripe webhook events processed per second — signature verified on the raw
 * body, de-duplicated by event id, subscription and invoice events applied to profiles and
 * billing_transactions — with a share of redeliveries; (2) expert-call booking throughput under contention:
 * many people booking few seats at once (row lock on the call). Runs on an in-memory PGlite (embedded
 * engine: one connection, so contention is serialised there; a Postgres server would overlap the
 * non-conflicting work). Figures go to stdout; progress to stderr.
 *
 * Options: --events 2000  --duplicates 0.2  --callers 200  --seats 20  --calls 5
 */
import { eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { openDatabase } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { callAttendance, expertCalls, profiles, users } from '../src/db/schema/index.ts';
import { handleStripeWebhook } from '../src/services/billing/index.ts';
import { bookExpertCall } from '../src/services/calls/index.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const num = (name: string, fallback: number) => Number(args.get(name) ?? fallback);
const EVENTS = num('events', 2000);
const DUPLICATES = num('duplicates', 0.2);
const CALLERS = num('callers', 200);
const SEATS = num('seats', 20);
const CALLS = num('calls', 5);
const log = (line: string) => process.stderr.write(`${line}\n`);

const SECRET = 'whsec_bench';
const config = {
  webhookSecret: SECRET,
  plans: { BASIC: { month: 'price_b', year: undefined }, PRO: { month: 'price_p', year: undefined } },
};

log('opening an in-memory database and migrating…');
const database = await openDatabase({ kind: 'pglite' });
await runMigrations(database);
const db = database.db;
const stripe = new Stripe('sk_test_bench');

// Accounts: 200 subscribers for the webhook run, CALLERS for the booking run.
const subscribers = await db
  .insert(users)
  .values(Array.from({ length: 200 }, (_, i) => ({ email: `sub${i}@bench.test` })))
  .returning({ id: users.id });
await db.insert(profiles).values(subscribers.map((u) => ({ id: u.id })));

const t0 = Math.floor(Date.now() / 1000);
function eventFor(i: number) {
  const u = subscribers[i % subscribers.length]!.id;
  const created = t0 + i;
  const id = `evt_bench_${i}`;
  if (i % 3 === 2) {
    return {
      id,
      object: 'event',
      type: 'invoice.paid',
      created,
      data: {
        object: {
          id: `in_bench_${i}`,
          object: 'invoice',
          customer: `cus_${u}`,
          currency: 'usd',
          amount_paid: 999,
          amount_due: 999,
          created,
          metadata: { userId: u },
          lines: { data: [{ period: { start: created }, price: { id: 'price_b' } }] },
        },
      },
    };
  }
  return {
    id,
    object: 'event',
    type: i % 3 === 0 ? 'customer.subscription.created' : 'customer.subscription.updated',
    created,
    data: {
      object: {
        id: `sub_bench_${u}`,
        object: 'subscription',
        customer: `cus_${u}`,
        status: 'active',
        metadata: { userId: u },
        items: {
          data: [{ price: { id: i % 2 ? 'price_p' : 'price_b' }, current_period_end: created + 2592000 }],
        },
      },
    },
  };
}

// Signed payloads prepared up front: the timing covers verification and processing only.
const unique = Array.from({ length: EVENTS }, (_, i) => JSON.stringify(eventFor(i)));
const deliveries = [...unique];
for (let i = 0; i < Math.round(EVENTS * DUPLICATES); i += 1)
  deliveries.push(unique[(i * 7) % unique.length]!);
const signed = deliveries.map((raw) => ({
  raw: Buffer.from(raw),
  signature: stripe.webhooks.generateTestHeaderString({ payload: raw, secret: SECRET }),
}));

log(`webhooks: ${deliveries.length} deliveries (${unique.length} unique)…`);
let duplicates = 0;
const w0 = performance.now();
for (const d of signed) {
  const r = await handleStripeWebhook({ db, stripe, config }, d.raw, d.signature);
  if (r.duplicate) duplicates += 1;
}
const webhookSeconds = (performance.now() - w0) / 1000;

// Bookings: CALLERS people, each trying every one of CALLS calls with SEATS seats, all at once.
const callers = await db
  .insert(users)
  .values(Array.from({ length: CALLERS }, (_, i) => ({ email: `caller${i}@bench.test` })))
  .returning({ id: users.id });
await db.insert(profiles).values(callers.map((u) => ({ id: u.id, subscriptionTier: 'BASIC' as const })));
const calls = await db
  .insert(expertCalls)
  .values(
    Array.from({ length: CALLS }, (_, i) => ({
      callType: 'FOUNDER_GROUP' as const,
      title: `Bench call ${i}`,
      scheduledDate: new Date(Date.now() + 7 * 86_400_000),
      maxAttendees: SEATS,
    })),
  )
  .returning({ id: expertCalls.id });
log(`bookings: ${CALLERS} people × ${CALLS} calls of ${SEATS} seats, all at once…`);
const b0 = performance.now();
const attempts = await Promise.allSettled(
  callers.flatMap((u) => calls.map((c) => bookExpertCall(db, u.id, c.id))),
);
const bookingSeconds = (performance.now() - b0) / 1000;
const booked = attempts.filter((a) => a.status === 'fulfilled').length;
const perCall = await Promise.all(
  calls.map((c) => db.$count(callAttendance, eq(callAttendance.callId, c.id))),
);

const round = (n: number) => Math.round(n * 10) / 10;
console.log('bench:billing (in-memory PGlite, one connection)');
console.log(
  `webhooks: ${deliveries.length} deliveries (${unique.length} unique + ${duplicates} duplicates) in ${round(webhookSeconds)} s → ${round(deliveries.length / webhookSeconds)} events/s (signature check, de-duplication, profile/billing writes)`,
);
console.log(
  `bookings: ${attempts.length} attempts (${CALLERS} people × ${CALLS} calls of ${SEATS} seats) in ${round(bookingSeconds)} s → ${round(attempts.length / bookingSeconds)} attempts/s; ${booked} booked, seats per call ${perCall.join('/')} (never above ${SEATS})`,
);
if (duplicates !== deliveries.length - unique.length || perCall.some((n) => n > SEATS)) {
  console.error('bench:billing: correctness check failed');
  process.exitCode = 1;
}
await database.close();
