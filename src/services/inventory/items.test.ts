import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import { createUser } from '../accounts/users.ts';
import { AppError } from '../errors.ts';
import { addInventoryItem, listInventory, updateInventoryItem } from './items.ts';

let database: Database;
let userId: string;
beforeAll(async () => {
  database = await freshDatabase();
  userId = (await createUser(database.db, { email: 'stock@example.com' })).id;
});
afterAll(() => database.close());

describe('inventory items', () => {
  it('a partial update changes only the fields it names', async () => {
    const item = await addInventoryItem(database.db, userId, {
      name: 'Canned chili',
      supplyKey: 'food-kcal',
      unitAmount: 420,
      quantityOwned: 24,
      quantityNeeded: 24,
      expirationDate: '2027-03-31',
      notes: 'pantry shelf',
    });
    expect(item.status).toBe('OWNED');
    const updated = await updateInventoryItem(database.db, userId, item.id, { quantityOwned: 10 });
    expect(updated).toMatchObject({
      quantityOwned: 10,
      status: 'PARTIAL',
      supplyKey: 'food-kcal',
      unitAmount: '420',
      expirationDate: '2027-03-31',
      notes: 'pantry shelf',
    });
  });

  it('refuses unknown and malformed fields, naming them, and changes nothing', async () => {
    const [before] = await listInventory(database.db, userId);
    await expect(
      updateInventoryItem(database.db, userId, before!.id, { quantityOwned: -1 }),
    ).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === 'BAD_INPUT' && e.field === 'quantityOwned',
    );
    await expect(updateInventoryItem(database.db, userId, before!.id, { colour: 'red' })).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === 'BAD_INPUT',
    );
    await expect(
      updateInventoryItem(database.db, userId, before!.id, { expirationDate: 'March 2027' }),
    ).rejects.toSatisfy((e) => e instanceof AppError && e.field === 'expirationDate');
    const [after] = await listInventory(database.db, userId);
    expect(after).toEqual(before);
  });
});
