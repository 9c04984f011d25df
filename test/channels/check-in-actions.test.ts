import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleMessage } from '../../src/conversation/index.ts';
import type { Database } from '../../src/db/client.ts';
import { communicationPreferences, inventoryItems, outbox } from '../../src/db/schema/index.ts';
import { createUser } from '../../src/services/accounts/users.ts';
import { identifyChannelUser } from '../../src/services/channels/index.ts';
import { scanCheckIns } from '../../src/services/check-ins/index.ts';
import { addInventoryItem } from '../../src/services/inventory/items.ts';
import { setBillingEnabled } from '../../src/services/tiers/index.ts';
import { chatId, coreOver, echoModel, phone } from './support.ts';

// 09:00 UTC on 1 June 2026: the default hour for users in UTC, so the scan's check-in is due.
const now = new Date('2026-06-01T09:00:00Z');
let database: Database;
let deps: Awaited<ReturnType<typeof coreOver>>['deps'];
beforeAll(async () => {
  ({ database, deps } = await coreOver(undefined, { model: echoModel(), now: () => now }));
  // Billing off: a self-hosted server, every account has the Pro right to check-ins.
  setBillingEnabled(database.db, false);
});
afterAll(async () => {
  await database.close();
});

async function stock(userId: string) {
  const db = database.db;
  await db.insert(communicationPreferences).values({ userId, messageType: 'check_in', frequency: 'daily' });
  const chili = await addInventoryItem(db, userId, {
    name: 'cans of chili',
    quantityOwned: 20,
    quantityNeeded: 20,
    expirationDate: '2026-06-20',
  });
  const rice = await addInventoryItem(db, userId, {
    name: 'rice',
    quantityOwned: 2,
    quantityNeeded: 2,
    expirationDate: '2026-05-01',
  });
  return { chili: chili.id, rice: rice.id };
}

const owned = async (id: string) =>
  (await database.db.select().from(inventoryItems).where(eq(inventoryItems.id, id)))[0]?.quantityOwned;

const tgChat = chatId();
const smsNumber = phone();
const cases = [
  [
    'web',
    async () => (await createUser(database.db, { email: 'web-check@example.com' })).id,
    (u: string) => `user:${u}`,
  ],
  ['telegram', async () => (await identifyChannelUser(database.db, 'telegram', tgChat)).userId, () => tgChat],
  ['sms', async () => (await identifyChannelUser(database.db, 'sms', smsNumber)).userId, () => smsNumber],
] as const;

describe.each(cases)('check-in quick actions on %s', (channel, makeUser, externalIdOf) => {
  it('USED, RESTOCKED and SNOOZE change the inventory and the next check-in', async () => {
    const userId = await makeUser();
    const items = await stock(userId);
    const say = async (text: string) =>
      (await handleMessage(deps, { channel, externalId: externalIdOf(userId), text })).text;

    // Before any check-in the words are ordinary chat: the model answers.
    await say('used 1');
    expect(await owned(items.chili)).toBe(20);

    expect((await scanCheckIns(database.db, now)).enqueued).toBeGreaterThanOrEqual(1);
    const [row] = await database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.userId, userId), eq(outbox.type, 'check_in')));
    expect(row?.idempotencyKey).toBe(`check_in:${userId}:2026-06-01`);
    expect(String(row?.payload.text)).toMatch(/1\. cans of chili[\s\S]*2\. 2 rice expired/);

    expect(await say('USED 1')).toMatch(/cans of chili: 19 left/);
    expect(await owned(items.chili)).toBe(19);
    expect(await say('used 1 2')).toMatch(/18 left.*rice: 1 left/);
    expect(await owned(items.rice)).toBe(1);
    expect(await say('RESTOCKED 2')).toMatch(/rice: 2 now\. What date does the new one expire/);
    expect(await owned(items.rice)).toBe(2);
    expect(await say('USED 5')).toBe('Your last check-in lists items 1 to 2; there is no 5.');

    expect(await say('SNOOZE 7')).toBe('Check-ins paused for 7 days, until 2026-06-08.');
    const [prefs] = await database.db
      .select()
      .from(communicationPreferences)
      .where(eq(communicationPreferences.userId, userId));
    expect(prefs?.snoozedUntil?.toISOString()).toBe('2026-06-08T09:00:00.000Z');
    // The next day's check-in is held back by the snooze.
    await scanCheckIns(database.db, new Date('2026-06-02T09:00:00Z'));
    const mine = await database.db.select().from(outbox).where(eq(outbox.userId, userId));
    expect(mine).toHaveLength(1);
  });
});
