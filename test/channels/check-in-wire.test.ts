import { and, eq, gt } from 'drizzle-orm';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  communicationLog,
  communicationPreferences,
  inventoryItems,
  outbox,
} from '../../src/db/schema/index.ts';
import { nextCheckIn } from '../../src/domain/check-ins/index.ts';
import type { GeneratedKit } from '../../src/domain/generated-kit.ts';
import { createOutboxSend } from '../../src/jobs/outbox-send.ts';
import { sendDueMessages } from '../../src/jobs/outbox-sender.ts';
import { identifyChannelUser } from '../../src/services/channels/index.ts';
import { scanCheckIns } from '../../src/services/check-ins/index.ts';
import { addInventoryItem, inventoryReadiness } from '../../src/services/inventory/index.ts';
import { buildPlan, getLatestPlan, savePlan } from '../../src/services/plans/index.ts';
import { twilioSid } from '../support/fake-twilio.ts';
import { setTier } from '../web/support.ts';
import { type ChannelsApp, OUR_NUMBER, startChannelsApp, WEBHOOK_SECRET } from './telegram-and-sms-app.ts';

/**
 * Check-in quick actions through the real channel wire: a check-in goes out through the outbox and the
 * production sender to the local Telegram and Twilio servers, and the person's "USED 2", "RESTOCKED 1" and
 * "SNOOZE 7" come back through the signed webhooks, the inbox and the worker. Each changes the inventory, the
 * readiness score or the next check-in, and its reply arrives at the provider. The sender's provider ids
 * (Telegram's message_id, Twilio's sid) are kept on the outbox row and its log.
 */
let app: ChannelsApp;
beforeAll(async () => {
  app = await startChannelsApp();
});
afterAll(async () => {
  await app?.close();
});

const CHAT = 91_000_123;
const PHONE = '+12085550177';
let updateId = 70_000;

async function telegramSays(text: string) {
  const before = app.fakeTelegram.sent(CHAT).length;
  const update = {
    update_id: ++updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: CHAT, type: 'private', first_name: 'Sam' },
      from: { id: CHAT, is_bot: false, first_name: 'Sam' },
      text,
    },
  };
  const res = await fetch(`${app.url}/webhooks/telegram`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET },
    body: JSON.stringify(update),
  });
  expect(res.status).toBe(200);
  await app.worker.drain();
  await app.fakeTelegram.waitFor(() => app.fakeTelegram.sent(CHAT).length > before);
  // As the person reads it: MarkdownV2's escapes removed.
  return app.fakeTelegram
    .sent(CHAT)
    .slice(before)
    .map((m) => String(m.text).replace(/\\(.)/g, '$1'));
}

async function smsSays(text: string) {
  const before = app.fakeTwilio.to(PHONE).length;
  const sid = twilioSid('SM');
  const params = {
    MessageSid: sid,
    SmsSid: sid,
    AccountSid: app.fakeTwilio.accountSid,
    From: PHONE,
    To: OUR_NUMBER,
    Body: text,
    NumMedia: '0',
  };
  const path = '/webhooks/twilio/sms';
  const signature = twilio.getExpectedTwilioSignature(app.fakeTwilio.authToken, `${app.url}${path}`, params);
  const res = await fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params).toString(),
  });
  expect(res.status).toBe(200);
  await app.worker.drain();
  await app.fakeTwilio.waitFor(() => app.fakeTwilio.to(PHONE).length > before);
  return app.fakeTwilio
    .to(PHONE)
    .slice(before)
    .map((m) => m.body);
}

const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A Pro household with a saved plan, chili cans (#1, sooner) and water jugs (#2) in its inventory. */
async function household(userId: string) {
  const db = app.database.db;
  await setTier(app.database, userId, 'PRO');
  const kit = await buildPlan(
    { db },
    {
      location: 'Tampa, FL',
      durationDays: 14,
      scenarios: ['hurricane'],
      mobility: 'SHELTER_IN_PLACE',
      budget: 300,
      members: [
        { kind: 'adult', ageYears: 40 },
        { kind: 'adult', ageYears: 38 },
      ],
    },
  );
  await savePlan(db, userId, kit);
  // Quiet hours off and the current UTC hour, so the check-in is due whenever the test runs.
  await db.insert(communicationPreferences).values({
    userId,
    messageType: 'check_in',
    frequency: 'daily',
    localHour: new Date().getUTCHours(),
    quietStart: '00:00',
    quietEnd: '00:00',
  });
  const chili = await addInventoryItem(db, userId, {
    name: 'cans of chili',
    supplyKey: 'food-variety',
    unitAmount: 400,
    quantityOwned: 20,
    expirationDate: daysFromNow(5),
  });
  const water = await addInventoryItem(db, userId, {
    name: '5-gallon water jugs',
    supplyKey: 'water-storage',
    unitAmount: 5,
    quantityOwned: 6,
    expirationDate: daysFromNow(10),
  });
  return { chili: chili.id, water: water.id };
}

const owned = async (id: string) =>
  (await app.database.db.select().from(inventoryItems).where(eq(inventoryItems.id, id)))[0]?.quantityOwned;
/** The readiness the inventory page shows: the score and how far water and food reach (days of supply). */
const readiness = async (userId: string) => {
  const plan = await getLatestPlan(app.database.db, userId);
  const r = await inventoryReadiness(app.database.db, userId, plan!.reportData as GeneratedKit);
  const have = (category: string) => r.daysOfSupply.find((d) => d.category === category)?.have ?? 0;
  return { score: r.score, waterGallons: have('water'), foodKcal: have('food') };
};

/** The scan enqueues the check-in; the production sender delivers it through the channel. */
async function checkInGoesOut(userId: string) {
  const db = app.database.db;
  expect((await scanCheckIns(db, new Date())).enqueued).toBe(1);
  const send = createOutboxSend(app.deps, app.deliver, null);
  expect(await sendDueMessages(db, { send })).toMatchObject({ sent: 1, failed: 0 });
  const [row] = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.userId, userId), eq(outbox.type, 'check_in')));
  const log = await db.select().from(communicationLog).where(eq(communicationLog.outboxId, row!.id));
  return { row: row!, sentLog: log.find((l) => l.status === 'sent') };
}

async function actions(
  userId: string,
  items: { chili: string; water: string },
  say: (text: string) => Promise<string[]>,
) {
  const db = app.database.db;
  const start = await readiness(userId);

  const [used] = await say('USED 2');
  expect(used).toMatch(/5-gallon water jugs: 5 left/);
  expect(await owned(items.water)).toBe(5);
  const afterUse = await readiness(userId);
  // 6 jugs of 5 gallons → 5: the plan's water reach drops by 5 gallons, the score does not rise.
  expect(start.waterGallons - afterUse.waterGallons).toBe(5);
  expect(afterUse.score).toBeLessThanOrEqual(start.score);

  const [restocked] = await say('RESTOCKED 1');
  expect(restocked).toMatch(/cans of chili: 21 now/);
  expect(await owned(items.chili)).toBe(21);
  // One more 400 kcal can of chili.
  const afterRestock = await readiness(userId);
  expect(afterRestock.foodKcal - afterUse.foodKcal).toBe(400);
  expect(afterRestock.score).toBeGreaterThanOrEqual(afterUse.score);

  const before = Date.now();
  const [snoozed] = await say('SNOOZE 7');
  expect(snoozed).toMatch(/^Check-ins paused for 7 days, until \d{4}-\d{2}-\d{2}\.$/);
  const [prefs] = await db
    .select()
    .from(communicationPreferences)
    .where(eq(communicationPreferences.userId, userId));
  const until = prefs!.snoozedUntil!.getTime();
  expect(until - before).toBeGreaterThanOrEqual(7 * 86_400_000 - 60_000);
  const next = nextCheckIn(
    {
      timeZone: 'UTC',
      hour: prefs!.localHour,
      frequency: 'daily',
      quietHours: { start: 0, end: 0 },
      snoozedUntil: prefs!.snoozedUntil,
    },
    new Date(),
  );
  expect(next.at.getTime()).toBeGreaterThanOrEqual(until);
  // Tomorrow's scan sends nothing: the snooze holds it back.
  await scanCheckIns(db, new Date(Date.now() + 86_400_000));
  expect(
    await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.userId, userId), gt(outbox.createdAt, new Date(before)))),
  ).toHaveLength(0);
}

describe('check-in quick actions over the wire', () => {
  it('Telegram: the check-in goes out with its message_id kept; USED, RESTOCKED and SNOOZE come back by webhook', async () => {
    const { userId } = await identifyChannelUser(app.database.db, 'telegram', String(CHAT));
    const items = await household(userId);
    const { row, sentLog } = await checkInGoesOut(userId);
    const delivered = app.fakeTelegram.calls.filter(
      (c) => c.method === 'sendMessage' && String(c.payload.chat_id) === String(CHAT),
    );
    expect(delivered).toHaveLength(1);
    expect(String(delivered[0]?.payload.text)).toMatch(
      /1\\?\. cans of chili[\s\S]*2\\?\. 5\\?-gallon water jugs/,
    );
    const messageId = String((delivered[0]?.result as { message_id: number } | undefined)?.message_id);
    expect(row).toMatchObject({ status: 'sent', channel: 'telegram', providerMessageId: messageId });
    expect(sentLog?.providerMessageId).toBe(messageId);
    await actions(userId, items, telegramSays);
  });

  it('SMS: the check-in goes out with its Twilio sid kept; USED, RESTOCKED and SNOOZE come back signed', async () => {
    const { userId } = await identifyChannelUser(app.database.db, 'sms', PHONE);
    const items = await household(userId);
    const { row, sentLog } = await checkInGoesOut(userId);
    const [message] = app.fakeTwilio.to(PHONE);
    expect(message?.body).toMatch(/1\. cans of chili[\s\S]*2\. 5-gallon water jugs/);
    expect(row).toMatchObject({ status: 'sent', channel: 'sms', providerMessageId: message?.sid });
    expect(sentLog?.providerMessageId).toBe(message?.sid);
    await actions(userId, items, smsSays);
  });
});
