import { eq } from 'drizzle-orm';
import { Api } from 'grammy';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { communicationLog, outbox } from '../../src/db/schema/index.ts';
import { type Send, sendDueMessages } from '../../src/jobs/outbox-sender.ts';
import { createUser } from '../../src/services/accounts/users.ts';
import {
  backoffDelayMs,
  claimDue,
  DEFAULT_RETRY,
  enqueueOutbound,
  recordOutboxProviderStatus,
} from '../../src/services/outbox/index.ts';
import { freshDatabase } from '../support/db.ts';
import { type FakeTelegram, startFakeTelegram } from '../support/fake-telegram.ts';

const CHAT = 4242;
let database: Database;
let telegram: FakeTelegram;
let userId: string;
let clock: Date;
const now = () => clock;
const db = () => database.db;

/** The provider send as production does it on Telegram: the real client against the local Bot API server. */
function telegramSend(): Send {
  const api = new Api(telegram.token, { apiRoot: telegram.apiRoot });
  return async (row) => {
    const sent = await api.sendMessage(CHAT, String(row.payload.text));
    return { channel: 'telegram', providerMessageId: String(sent.message_id) };
  };
}

/** Messages the provider accepted (a refused call is recorded by the fake too, without a result). */
const delivered = () => telegram.calls.filter((c) => c.method === 'sendMessage' && c.result !== undefined);

const logOf = async (id: string) =>
  (await db().select().from(communicationLog).where(eq(communicationLog.outboxId, id)))
    .map((l) => l.status)
    .sort();

beforeAll(async () => {
  telegram = await startFakeTelegram();
});
afterAll(async () => {
  await telegram.close();
});
beforeEach(async () => {
  await database?.close();
  database = await freshDatabase();
  userId = (await createUser(db(), { email: `outbox-${Date.now()}@example.com` })).id;
  clock = new Date('2026-12-07T09:00:00Z');
  telegram.calls.length = 0;
});

describe('outbox delivery', () => {
  it('a duplicate enqueue (same user, type, period) creates one row', async () => {
    const input = { userId, type: 'check_in' as const, periodKey: '2026-W50', payload: { text: 'Check-in' } };
    const first = await enqueueOutbound(db(), input);
    const second = await enqueueOutbound(db(), { ...input, payload: { text: 'again' } });
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    const rows = await db().select().from(outbox).where(eq(outbox.userId, userId));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.idempotencyKey).toBe(`check_in:${userId}:2026-W50`);
  });

  it('the provider fails twice then succeeds: one delivery, retried on the back-off schedule', async () => {
    const id = (await enqueueOutbound(db(), {
      userId,
      type: 'check_in',
      periodKey: 'p1',
      payload: { text: 'Hi' },
    }))!;
    telegram.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' });
    telegram.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' });
    const policy = { maxAttempts: 5, baseDelayMs: 10_000, maxDelayMs: 600_000 };
    const options = { send: telegramSend(), now, random: () => 0.5, policy };

    const first = await sendDueMessages(db(), options);
    expect(first).toMatchObject({ sent: 0, retried: 1 });
    let [row] = await db().select().from(outbox).where(eq(outbox.id, id));
    // attempt 1: 10 s · 2^0, half fixed + 0.5 · half = 7.5 s
    expect((row?.nextAttemptAt.getTime() ?? 0) - clock.getTime()).toBe(7_500);
    expect(backoffDelayMs(1, policy, () => 0.5)).toBe(7_500);

    // Not due yet: nothing is sent before the back-off has passed.
    expect(await sendDueMessages(db(), options)).toMatchObject({ sent: 0, retried: 0 });
    clock = new Date(clock.getTime() + 7_500);
    expect(await sendDueMessages(db(), options)).toMatchObject({ retried: 1 });
    [row] = await db().select().from(outbox).where(eq(outbox.id, id));
    // attempt 2: 20 s · (½ + 0.5·½) = 15 s
    expect((row?.nextAttemptAt.getTime() ?? 0) - clock.getTime()).toBe(15_000);

    clock = new Date(clock.getTime() + 15_000);
    expect(await sendDueMessages(db(), options)).toMatchObject({ sent: 1 });
    [row] = await db().select().from(outbox).where(eq(outbox.id, id));
    expect(row).toMatchObject({ status: 'sent', attempts: 3 });
    expect(telegram.sent(CHAT)).toHaveLength(3);
    expect(delivered()).toHaveLength(1);
    expect(await logOf(id)).toEqual(['queued', 'sent']);
    // Nothing left to send.
    expect(await sendDueMessages(db(), options)).toMatchObject({ sent: 0, retried: 0 });
    expect(delivered()).toHaveLength(1);
  });

  it('a provider that keeps failing: failed after the attempt limit, with the error logged', async () => {
    const id = (await enqueueOutbound(db(), {
      userId,
      type: 'check_in',
      periodKey: 'p2',
      payload: { text: 'Hi' },
    }))!;
    const policy = { maxAttempts: 2, baseDelayMs: 1_000, maxDelayMs: 60_000 };
    for (let i = 0; i < 2; i++)
      telegram.failNext('sendMessage', { error_code: 500, description: 'Internal' });
    await sendDueMessages(db(), { send: telegramSend(), now, random: () => 1, policy });
    clock = new Date(clock.getTime() + 1_000);
    expect(await sendDueMessages(db(), { send: telegramSend(), now, random: () => 1, policy })).toMatchObject(
      {
        failed: 1,
      },
    );
    const [row] = await db().select().from(outbox).where(eq(outbox.id, id));
    expect(row).toMatchObject({ status: 'failed', attempts: 2 });
    expect(row?.lastError).toContain('Internal');
    expect(await logOf(id)).toEqual(['failed', 'queued']);
  });

  it('a sender killed after the provider accepted, before the status was written: no second message', async () => {
    const id = (await enqueueOutbound(db(), {
      userId,
      type: 'check_in',
      periodKey: 'p3',
      payload: { text: 'Hi' },
    }))!;
    // Worker A claims (status 'sending', attempt counted), the provider accepts, and A dies there.
    const [claimed] = await claimDue(db(), { now: clock, leaseMs: 60_000, limit: 10 });
    expect(claimed?.id).toBe(id);
    await telegramSend()(claimed!);
    expect(telegram.sent(CHAT)).toHaveLength(1);

    // Worker B, within A's lease: the row is not claimable.
    expect(await sendDueMessages(db(), { send: telegramSend(), now })).toMatchObject({ sent: 0, settled: 0 });
    // Worker B after the lease: the row is settled, not resent.
    clock = new Date(clock.getTime() + 61_000);
    expect(await sendDueMessages(db(), { send: telegramSend(), now })).toMatchObject({ sent: 0, settled: 1 });
    expect(await sendDueMessages(db(), { send: telegramSend(), now })).toMatchObject({ sent: 0, settled: 0 });
    expect(telegram.sent(CHAT)).toHaveLength(1);
    const [row] = await db().select().from(outbox).where(eq(outbox.id, id));
    expect(row?.status).toBe('failed');
    expect(row?.lastError).toContain('not resent');
  });

  it('two senders on one database: each due message is sent once', async () => {
    for (let i = 0; i < 30; i++)
      await enqueueOutbound(db(), {
        userId,
        type: 'product_news',
        periodKey: `n${i}`,
        payload: { text: `News ${i}` },
      });
    const options = { send: telegramSend(), now, batch: 4 };
    const runs = await Promise.all([
      (async () => {
        let total = 0;
        for (let i = 0; i < 10; i++) total += (await sendDueMessages(db(), options)).sent;
        return total;
      })(),
      (async () => {
        let total = 0;
        for (let i = 0; i < 10; i++) total += (await sendDueMessages(db(), options)).sent;
        return total;
      })(),
    ]);
    expect(runs[0] + runs[1]).toBe(30);
    const texts = telegram.sent(CHAT).map((p) => p.text);
    expect(texts).toHaveLength(30);
    expect(new Set(texts).size).toBe(30);
  });

  it("a provider's status callback is written to the log of the outbox message it belongs to", async () => {
    const id = (await enqueueOutbound(db(), {
      userId,
      type: 'check_in',
      periodKey: 'p5',
      payload: { text: 'Hi' },
    }))!;
    await db().update(outbox).set({ status: 'sent', providerMessageId: 'SM123' }).where(eq(outbox.id, id));
    expect(await recordOutboxProviderStatus(db(), 'SM123', 'delivered', null, clock)).toBe(true);
    expect(await recordOutboxProviderStatus(db(), 'SM123', 'queued', null, clock)).toBe(false);
    expect(await recordOutboxProviderStatus(db(), 'SMother', 'delivered', null, clock)).toBe(false);
    expect(await logOf(id)).toEqual(['delivered', 'queued']);
  });

  it('the default policy doubles the delay up to its bound', () => {
    expect(backoffDelayMs(1, DEFAULT_RETRY, () => 1)).toBe(30_000);
    expect(backoffDelayMs(2, DEFAULT_RETRY, () => 1)).toBe(60_000);
    expect(backoffDelayMs(20, DEFAULT_RETRY, () => 0)).toBe(1_800_000);
  });
});
