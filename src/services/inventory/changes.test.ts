import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import { inventoryChanges, inventoryItems } from '../../db/schema/index.ts';
import { createUser } from '../accounts/users.ts';
import { AppError } from '../errors.ts';
import { applyInventoryChanges } from './changes.ts';
import { addInventoryItem, getInventoryItem, updateInventoryItem } from './items.ts';

let database: Database;
let userId: string;
let otherId: string;
beforeAll(async () => {
  database = await freshDatabase();
  userId = (await createUser(database.db, { email: 'changes@example.com' })).id;
  otherId = (await createUser(database.db, { email: 'someone-else@example.com' })).id;
});
afterAll(() => database.close());

const water = (quantityOwned: number, owner = () => userId) =>
  addInventoryItem(database.db, owner(), {
    name: 'Gallon jugs',
    supplyKey: 'water-storage',
    unitAmount: 1,
    quantityOwned,
    quantityNeeded: 14,
    expirationDate: '2027-06-30',
  });

const used = (itemId: string, amount: number, madeAt = new Date()) => ({
  id: randomUUID(),
  itemId,
  kind: 'used' as const,
  amount,
  madeAt: madeAt.toISOString(),
});

/** The changes log as the superuser sees it (every account's rows). */
const logged = (id: string) => database.db.select().from(inventoryChanges).where(eq(inventoryChanges.id, id));

describe('applyInventoryChanges', () => {
  it('applies a replayed change once and answers the replay with the stored outcome', async () => {
    const item = await water(10);
    const change = used(item.id, 2);
    const [first] = await applyInventoryChanges(database.db, userId, { changes: [change] });
    expect(first).toMatchObject({ id: change.id, applied: true, quantityOwned: 8 });
    expect(first?.replayed).toBeUndefined();

    // The same id again (a retried sync), and twice in one batch (two tabs): nothing more is used.
    const again = await applyInventoryChanges(database.db, userId, { changes: [change, change] });
    expect(again).toEqual([
      { ...first, replayed: true },
      { ...first, replayed: true },
    ]);
    expect((await getInventoryItem(database.db, userId, item.id)).quantityOwned).toBe(8);
    const rows = await logged(change.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId, itemId: item.id, kind: 'used', outcome: first });
  });

  it('applies the same change sent at the same time from two places once', async () => {
    const item = await water(10);
    const change = used(item.id, 3);
    const both = await Promise.all([
      applyInventoryChanges(database.db, userId, { changes: [change] }),
      applyInventoryChanges(database.db, userId, { changes: [change] }),
    ]);
    expect(both.flat().filter((o) => !o.replayed)).toHaveLength(1);
    expect((await getInventoryItem(database.db, userId, item.id)).quantityOwned).toBe(7);
  });

  it("counts two devices' deltas both, against the server's current count", async () => {
    const item = await water(10);
    // Both devices saw 10 and each used 1 offline; then one restocked 4.
    const phone = used(item.id, 1);
    const laptop = used(item.id, 1);
    const restock = { ...used(item.id, 4), kind: 'restocked' as const };
    await applyInventoryChanges(database.db, userId, { changes: [phone] });
    const [second, third] = await applyInventoryChanges(database.db, userId, { changes: [laptop, restock] });
    expect(second).toMatchObject({ applied: true, quantityOwned: 8 });
    expect(third).toMatchObject({
      applied: true,
      quantityOwned: 12,
      message: 'applied: restocked 4; 12 items now.',
    });
    const row = await getInventoryItem(database.db, userId, item.id);
    expect(row).toMatchObject({ quantityOwned: 12, status: 'PARTIAL' });
  });

  it('clamps a count at 0 and says so', async () => {
    const item = await water(3);
    const [outcome] = await applyInventoryChanges(database.db, userId, { changes: [used(item.id, 5)] });
    expect(outcome).toMatchObject({
      applied: true,
      clamped: true,
      quantityOwned: 0,
      message: 'applied: used 5, but only 3 items were recorded; the count is now 0.',
    });
    expect(await getInventoryItem(database.db, userId, item.id)).toMatchObject({
      quantityOwned: 0,
      status: 'NEEDED',
    });
  });

  it('sets the expiry date last-write-wins by the device time, both ways', async () => {
    const item = await water(5);
    // The item was last changed on the server an hour ago.
    const lastUpdate = new Date(Date.now() - 3_600_000);
    await database.db
      .update(inventoryItems)
      .set({ updatedAt: lastUpdate })
      .where(eq(inventoryItems.id, item.id));
    const expiry = (date: string | null, madeAt: Date) => ({
      id: randomUUID(),
      itemId: item.id,
      kind: 'expiry' as const,
      expirationDate: date,
      madeAt: madeAt.toISOString(),
    });

    // Made after the item's last server update: it wins, and the item's clock moves to its time.
    const later = new Date(lastUpdate.getTime() + 60_000);
    const [won] = await applyInventoryChanges(database.db, userId, {
      changes: [expiry('2028-01-31', later)],
    });
    expect(won).toMatchObject({
      applied: true,
      expirationDate: '2028-01-31',
      message: 'applied: expires 2028-01-31.',
    });
    expect((await getInventoryItem(database.db, userId, item.id)).updatedAt?.getTime()).toBe(later.getTime());
    // A device clock ahead of the server's never moves the item's clock past the server's now.
    const ahead = new Date(Date.now() + 86_400_000);
    const [skewed] = await applyInventoryChanges(database.db, userId, {
      changes: [expiry('2028-01-31', ahead)],
    });
    expect(skewed?.applied).toBe(true);
    expect((await getInventoryItem(database.db, userId, item.id)).updatedAt!.getTime()).toBeLessThanOrEqual(
      Date.now(),
    );
    await database.db.update(inventoryItems).set({ updatedAt: later }).where(eq(inventoryItems.id, item.id));

    // Made earlier than that (a device that was offline longer): the newer date stays.
    const earlier = new Date(lastUpdate.getTime() + 30_000);
    const [lost] = await applyInventoryChanges(database.db, userId, {
      changes: [expiry('2026-12-31', earlier)],
    });
    expect(lost).toMatchObject({ applied: false, expirationDate: '2028-01-31' });
    expect(lost?.message).toMatch(
      /^not applied: the item was changed on the server at .*; the expiry stays 2028-01-31\.$/,
    );

    // An edit on the server (the web page, online) after a device's offline change also wins over it…
    const offlineAt = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await updateInventoryItem(database.db, userId, item.id, { expirationDate: '2029-05-01' });
    const [stale] = await applyInventoryChanges(database.db, userId, { changes: [expiry(null, offlineAt)] });
    expect(stale).toMatchObject({ applied: false, expirationDate: '2029-05-01' });
    // …and a change made after that edit replaces it (clearing the date is a change like any other).
    const [cleared] = await applyInventoryChanges(database.db, userId, {
      changes: [expiry(null, new Date())],
    });
    expect(cleared).toMatchObject({
      applied: true,
      expirationDate: null,
      message: 'applied: no expiry date.',
    });
    expect((await getInventoryItem(database.db, userId, item.id)).expirationDate).toBeNull();
  });

  it("answers a change to another account's item as not applied, changes nothing, and applies the rest", async () => {
    const theirs = await water(9, () => otherId);
    const mine = await water(4);
    const intrusion = used(theirs.id, 9);
    const gone = used(randomUUID(), 1);
    const fine = used(mine.id, 1);
    const outcomes = await applyInventoryChanges(database.db, userId, { changes: [intrusion, gone, fine] });
    expect(outcomes.map((o) => [o.applied, o.message])).toEqual([
      [false, 'not applied: there is no such item in this inventory (it may have been removed).'],
      [false, 'not applied: there is no such item in this inventory (it may have been removed).'],
      [true, 'applied: used 1; 3 items now.'],
    ]);
    expect(outcomes[0]).not.toHaveProperty('quantityOwned');
    expect((await getInventoryItem(database.db, otherId, theirs.id)).quantityOwned).toBe(9);
    // Recorded for this account, without a reference to the other account's item.
    expect(await logged(intrusion.id)).toMatchObject([{ userId, itemId: null }]);

    // The other account cannot use a change id this account already used.
    const reused = { ...used(theirs.id, 1), id: fine.id };
    const [refused] = await applyInventoryChanges(database.db, otherId, { changes: [reused] });
    expect(refused).toMatchObject({
      applied: false,
      message: 'not applied: this change id is already in use.',
    });
    expect((await getInventoryItem(database.db, otherId, theirs.id)).quantityOwned).toBe(9);
  });

  it('refuses a malformed batch whole with a message naming the field, and stores nothing', async () => {
    const item = await water(6);
    const good = used(item.id, 1);
    const cases: [unknown, string, string][] = [
      [
        { changes: [good, { ...used(item.id, 1), amount: 0 }] },
        'changes.1.amount',
        'Changes #2 amount must be a whole number from 1 to 1,000,000.',
      ],
      [
        { changes: [good, { ...used(item.id, 1), amount: 1.5 }] },
        'changes.1.amount',
        'Changes #2 amount must be a whole number from 1 to 1,000,000.',
      ],
      [
        { changes: [{ ...good, id: 'x1' }] },
        'changes.0.id',
        'Changes #1 id must be an id the device made (a UUID).',
      ],
      [
        { changes: [{ ...good, madeAt: 'yesterday' }] },
        'changes.0.madeAt',
        'Changes #1 made at must be a date and time (ISO 8601).',
      ],
      [
        { changes: [{ ...good, kind: 'stolen' }] },
        'changes.0.kind',
        'Changes #1 kind must be "used", "restocked" or "expiry".',
      ],
      [
        { changes: [{ ...good, kind: 'expiry', amount: undefined, expirationDate: '31/12/2027' }] },
        'changes.0.expirationDate',
        'Changes #1 expiration date must be a date written as YYYY-MM-DD, or null.',
      ],
      [
        { changes: [{ ...good, quantityOwned: 99 }] },
        'changes.0.quantityOwned',
        'changes.0.quantityOwned is not an accepted field.',
      ],
      [{ changes: [] }, 'changes', 'Changes must have at least one change.'],
      [[good], 'body', 'Body must be an object.'],
    ];
    for (const [body, field, message] of cases) {
      const error = await applyInventoryChanges(database.db, userId, body).catch((e: unknown) => e);
      expect(error, field).toBeInstanceOf(AppError);
      expect([(error as AppError).field, (error as AppError).message], JSON.stringify(body)).toEqual([
        field,
        message,
      ]);
    }
    expect(await logged(good.id)).toEqual([]);
    expect(
      (await database.db.select().from(inventoryItems).where(eq(inventoryItems.id, item.id)))[0]
        ?.quantityOwned,
    ).toBe(6);
  });
});
