import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { outbox, userActivityLog } from '../../src/db/schema/index.ts';
import { registerHousekeeping } from '../../src/jobs/housekeeping.ts';
import { OUTBOX_SEND_JOB, registerOutboxSender, type Send } from '../../src/jobs/outbox-sender.ts';
import { type Queue, startQueue, stopQueue } from '../../src/jobs/queue.ts';
import { createUser } from '../../src/services/accounts/users.ts';
import { enqueueOutbound } from '../../src/services/outbox/index.ts';
import { freshDatabase } from '../support/db.ts';

let database: Database | null = null;
const queues: Queue[] = [];

afterEach(async () => {
  for (const q of queues.splice(0)) await stopQueue(q, 2_000);
  await database?.close();
  database = null;
});

/** Resolves once `done()` holds, checking after each handled job (no wall-clock assertion). */
function until(done: () => boolean): { check(): void; promise: Promise<void> } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return {
    promise,
    check: () => {
      if (done()) resolve();
    },
  };
}

describe('job queue on the embedded database', () => {
  it('pg-boss runs on PGlite through the executeSql adapter; two workers run each job once', async () => {
    database = await freshDatabase();
    const a = await startQueue(database);
    const b = await startQueue(database);
    queues.push(a, b);
    await a.createQueue('test-jobs');
    const handled: { worker: string; n: number }[] = [];
    const total = 20;
    const finished = until(() => handled.length >= total);
    for (const [name, q] of [
      ['a', a],
      ['b', b],
    ] as const)
      await q.work<{ n: number }>(
        'test-jobs',
        { pollingIntervalSeconds: 0.5, batchSize: 2 },
        async (jobs) => {
          for (const job of jobs) handled.push({ worker: name, n: job.data.n });
          finished.check();
        },
      );
    for (let n = 0; n < total; n++) await a.send('test-jobs', { n });
    await finished.promise;
    // Both stopped fetching before we count, so a late double fetch would show.
    await stopQueue(a, 2_000);
    await stopQueue(b, 2_000);
    queues.length = 0;
    const numbers = handled.map((h) => h.n).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: total }, (_, i) => i));
  });

  it('housekeeping runs as jobs: the anonymiser queued at start anonymises activity older than 90 days', async () => {
    database = await freshDatabase();
    const db = database.db;
    const { id: userId } = await createUser(db, { email: 'housekeeping@example.com' });
    const old = new Date(Date.now() - 100 * 86_400_000);
    await db.insert(userActivityLog).values([
      { userId, activityType: 'PLAN_SAVED', createdAt: old },
      { userId, activityType: 'PLAN_EDITED' },
    ]);
    const queue = await startQueue(database);
    queues.push(queue);
    await registerHousekeeping(queue, db, () => {});
    // Waits for the job (pg-boss polls every 2 s by default); the assertion is on the rows, not the time.
    await expect
      .poll(async () => (await db.select().from(userActivityLog)).filter((r) => r.userId === null).length, {
        timeout: 30_000,
        interval: 250,
      })
      .toBe(1);
    const rows = await db.select().from(userActivityLog);
    expect(rows.find((r) => r.activityType === 'PLAN_EDITED')?.userId).toBe(userId);
  });

  it('the outbox sender as a job: a message enqueued and the job sent is delivered once', async () => {
    database = await freshDatabase();
    const db = database.db;
    const { id: userId } = await createUser(db, { email: 'sender-job@example.com' });
    const texts: string[] = [];
    const send: Send = async (row) => {
      texts.push(String(row.payload.text));
      return { channel: 'telegram', providerMessageId: `m${texts.length}` };
    };
    const queue = await startQueue(database);
    queues.push(queue);
    await registerOutboxSender(queue, db, { send });
    await enqueueOutbound(db, { userId, type: 'check_in', periodKey: 'w1', payload: { text: 'Check-in' } });
    await queue.send(OUTBOX_SEND_JOB, {});
    await queue.send(OUTBOX_SEND_JOB, {});
    await expect
      .poll(async () => (await db.select().from(outbox)).map((r) => r.status), {
        timeout: 30_000,
        interval: 250,
      })
      .toEqual(['sent']);
    expect(texts).toEqual(['Check-in']);
  });
});
