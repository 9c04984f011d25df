import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { acceptInbound, handleMessage, startInboundWorker } from '../../src/conversation/index.ts';
import { type Database, openDatabase } from '../../src/db/client.ts';
import { aiRuns, inboundUpdates, turnEvents } from '../../src/db/schema/index.ts';
import { claimInbound } from '../../src/services/channels/index.ts';
import { AppError } from '../../src/services/errors.ts';
import { chatId, coreOver, echoModel, phone, recorder } from './support.ts';

let database: Database;
let deps: Awaited<ReturnType<typeof coreOver>>['deps'];
beforeAll(async () => {
  ({ database, deps } = await coreOver(undefined, { model: echoModel() }));
});
afterAll(async () => {
  await database.close();
});

let updates = 0;
const nextUpdateId = () => String(900_000 + ++updates);

describe('the durable inbox', () => {
  it('stores an update once: a redelivery is not accepted and is answered once', async () => {
    const chat = chatId();
    const message = {
      channel: 'telegram' as const,
      externalId: chat,
      text: 'hello',
      deliveryId: nextUpdateId(),
    };
    expect(await acceptInbound(deps, message)).toEqual({ accepted: true });
    expect(await acceptInbound(deps, message)).toEqual({ accepted: false });
    // The same id on the other channel is another delivery.
    expect(await acceptInbound(deps, { ...message, channel: 'sms', externalId: phone() })).toEqual({
      accepted: true,
    });
    const out = recorder();
    const worker = startInboundWorker(deps, out.deliver, { pollMs: 20 });
    await worker.drain();
    expect(await acceptInbound(deps, message)).toEqual({ accepted: false }); // after processing too
    await worker.drain();
    await worker.stop();
    expect(out.sent.filter((s) => s.message.externalId === chat).map((s) => s.reply.text)).toEqual([
      'heard: hello',
    ]);
    const [row] = await database.db.select().from(inboundUpdates).where(eq(inboundUpdates.externalId, chat));
    expect(row).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('acknowledges fast: storing an update takes milliseconds', async () => {
    const chat = chatId();
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      await acceptInbound(deps, {
        channel: 'telegram',
        externalId: chat,
        text: `m${i}`,
        deliveryId: nextUpdateId(),
      });
      times.push(performance.now() - t);
    }
    const worker = startInboundWorker(deps, async () => {}, { pollMs: 10 });
    await worker.drain();
    await worker.stop();
    // The median, not the tail: this machine is shared while tests run (bench/webhooks measures the tail).
    times.sort((a, b) => a - b);
    expect(times[Math.floor(times.length / 2)]).toBeLessThan(25);
  });

  it('refuses an update without a delivery id, naming the field, storing nothing', async () => {
    const before = (await database.db.select({ n: count() }).from(inboundUpdates))[0]!.n;
    await expect(acceptInbound(deps, { channel: 'sms', externalId: phone(), text: 'hi' })).rejects.toSatisfy(
      (e) => e instanceof AppError && e.field === 'deliveryId',
    );
    expect((await database.db.select({ n: count() }).from(inboundUpdates))[0]!.n).toBe(before);
  });

  it("answers one chat's messages in order, one at a time", async () => {
    const chat = chatId();
    for (let i = 1; i <= 5; i++)
      await acceptInbound(deps, {
        channel: 'telegram',
        externalId: chat,
        text: `n${i}`,
        deliveryId: nextUpdateId(),
      });
    const out = recorder();
    const worker = startInboundWorker(deps, out.deliver, { concurrency: 4, pollMs: 10 });
    await worker.drain();
    await worker.stop();
    expect(out.sent.map((s) => s.reply.text)).toEqual(
      ['n1', 'n2', 'n3', 'n4', 'n5'].map((t) => `heard: ${t}`),
    );
    expect(new Set(out.sent.map((s) => s.reply.conversationId)).size).toBe(1);
  });

  it('retries a failed send without running the turn again, a bounded number of times', async () => {
    const flaky = chatId();
    const broken = chatId();
    await acceptInbound(deps, {
      channel: 'telegram',
      externalId: flaky,
      text: 'flaky',
      deliveryId: nextUpdateId(),
    });
    await acceptInbound(deps, {
      channel: 'telegram',
      externalId: broken,
      text: 'broken',
      deliveryId: nextUpdateId(),
    });
    let flakyCalls = 0;
    const delivered: string[] = [];
    const worker = startInboundWorker(
      deps,
      async (message, reply) => {
        if (message.externalId === broken) throw new Error('provider is down');
        if (message.externalId === flaky && ++flakyCalls === 1) throw new Error('timeout');
        delivered.push(reply.text);
      },
      { pollMs: 10, maxAttempts: 3, retryDelayMs: () => 0, ...{ log: undefined } },
    );
    await worker.drain();
    await worker.stop();
    expect(delivered).toEqual(['heard: flaky']);
    const rows = await database.db.select().from(inboundUpdates);
    expect(rows.find((r) => r.externalId === flaky)).toMatchObject({ status: 'done', attempts: 2 });
    expect(rows.find((r) => r.externalId === broken)).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: 'Error: provider is down',
    });
    // Each turn ran once, however many sends were tried.
    for (const id of [flaky, broken]) {
      const row = rows.find((r) => r.externalId === id)!;
      const runs = await database.db
        .select({ n: count() })
        .from(aiRuns)
        .where(eq(aiRuns.conversationId, (row.reply as { conversationId: string }).conversationId));
      expect(runs[0]!.n).toBe(1);
    }
  });

  it('gives one polite notice when the turn limit is hit, then stays quiet', async () => {
    const limited = { ...deps, turnLimit: { turns: 2, windowMs: 60_000 } };
    const notices = async () =>
      (await database.db.select({ outcome: turnEvents.outcome }).from(turnEvents)).filter(
        (e) => e.outcome === 'noticed',
      ).length;
    const noticesBefore = await notices();
    const number = phone();
    for (let i = 1; i <= 5; i++)
      await acceptInbound(limited, {
        channel: 'sms',
        externalId: number,
        text: `q${i}`,
        deliveryId: nextUpdateId(),
      });
    const out = recorder();
    const worker = startInboundWorker(limited, out.deliver, { pollMs: 10 });
    await worker.drain();
    await worker.stop();
    const texts = out.sent.map((s) => s.reply.text);
    expect(texts).toHaveLength(3);
    expect(texts.slice(0, 2)).toEqual(['heard: q1', 'heard: q2']);
    expect(texts[2]).toMatch(/faster than I can answer/);
    // STOP is the carrier's and is never rate-limited.
    expect((await handleMessage(limited, { channel: 'sms', externalId: number, text: 'STOP' })).text).toMatch(
      /unsubscribed/,
    );
    expect(await notices()).toBe(noticesBefore + 1);
  });
});

describe('a restart', () => {
  let dir: string;
  const template = () => new Blob([readFileSync(inject('templatePath'))]);
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'readyplan-restart-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs a turn stored before the process stopped, and sends its reply exactly once', async () => {
    const chat = chatId();
    // Process 1: the webhook stored the update and acknowledged it; the process stopped before any turn ran.
    const first = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'db'), loadDataDir: template() });
    const one = await coreOver(first, { model: echoModel() });
    expect(
      await acceptInbound(one.deps, {
        channel: 'telegram',
        externalId: chat,
        text: 'still there?',
        deliveryId: '1',
      }),
    ).toEqual({ accepted: true });
    // …and a second update a dead worker had claimed (its lease runs out) before the crash.
    await acceptInbound(one.deps, {
      channel: 'sms',
      externalId: '+15550001111',
      text: 'mid-turn',
      deliveryId: 'SM1',
    });
    const claimed = await claimInbound(first.db, { limit: 10, leaseMs: 1 });
    expect(claimed.map((r) => r.text).sort()).toEqual(['mid-turn', 'still there?']);
    await first.close();

    // Process 2: same data directory, a new worker.
    const second = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'db') });
    const two = await coreOver(second, { model: echoModel() });
    const out = recorder();
    const worker = startInboundWorker(two.deps, out.deliver, { pollMs: 10 });
    await worker.drain();
    await worker.stop();
    expect(out.sent.map((s) => [s.message.externalId, s.reply.text]).sort()).toEqual(
      [
        ['+15550001111', 'heard: mid-turn'],
        [chat, 'heard: still there?'],
      ].sort(),
    );
    await second.close();

    // Process 3: nothing is sent twice.
    const third = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'db') });
    const three = await coreOver(third, { model: echoModel() });
    const again = recorder();
    const worker3 = startInboundWorker(three.deps, again.deliver, { pollMs: 10 });
    await worker3.drain();
    await worker3.stop();
    expect(again.sent).toHaveLength(0);
    await third.close();
  });
});
