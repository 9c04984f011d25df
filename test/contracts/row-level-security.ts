import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { rowsOf } from '../../src/db/migrate.ts';
import { withUser } from '../../src/db/with-user.ts';
import type { GeneratedKit } from '../../src/domain/generated-kit.ts';
import { AppError } from '../../src/services/errors.ts';
import {
  addInventoryItem,
  listInventory,
  removeInventoryItem,
  updateInventoryItem,
} from '../../src/services/inventory/inventory.ts';
import {
  getReport,
  insertReport,
  listReports,
  replaceReport,
} from '../../src/services/reports/mission-reports.ts';
import { createUser } from '../../src/services/users/users.ts';
import { rejectionText } from '../support/errors.ts';

const userOwnedTables = [
  'users',
  'profiles',
  'mission_reports',
  'saved_scenarios',
  'inventory_items',
  'call_attendance',
  'user_activity_log',
  'billing_transactions',
  'orders',
  'order_items',
  'shipments',
  'shipment_items',
  'external_transactions',
];

const minimalKit = { title: 'Test plan' } as unknown as GeneratedKit;
const reportInput = {
  title: 'Hurricane plan',
  location: 'Tampa, FL',
  scenarios: ['hurricane'],
  familySize: 4,
  durationDays: 14,
  mobilityType: 'SHELTER_IN_PLACE' as const,
  budgetAmount: 300,
  reportData: minimalKit,
};

async function expectNotFound(promise: Promise<unknown>) {
  await expect(promise).rejects.toSatisfy((e) => e instanceof AppError && e.code === 'NOT_FOUND');
}

/**
 * The data layer's contract: every engine (embedded PGlite, Postgres over the wire) must pass it.
 */
export function describeRowLevelSecurity(
  engine: string,
  open: () => Promise<{ database: Database; close(): Promise<void> }>,
) {
  describe(`row-level security (${engine})`, () => {
    let handle: { database: Database; close(): Promise<void> };
    let database: Database;
    let alice: string;
    let bob: string;
    let aliceReport: string;
    let aliceItem: string;
    let aliceOrderItem: string;

    beforeAll(async () => {
      handle = await open();
      database = handle.database;
      alice = (await createUser(database.db, { email: 'alice@example.com' })).id;
      bob = (await createUser(database.db, { email: 'bob@example.com' })).id;
      aliceReport = (await insertReport(database.db, alice, reportInput)).id;
      aliceItem = (
        await addInventoryItem(database.db, alice, {
          name: 'Water, 5 gal',
          supplyKey: 'water-storage',
          unitAmount: 5,
          quantityOwned: 3,
        })
      ).id;
      // Commerce rows are written by the system (webhooks), then read by the user.
      const order = rowsOf<{ id: string }>(
        await database.db.execute(
          sql`insert into orders (user_id, total_amount) values (${alice}, 120) returning id`,
        ),
      )[0]!;
      const categoryRows = rowsOf<{ id: string }>(
        await database.db.execute(
          sql`insert into specific_products (name, price, sku) values ('Water jug', 20, 'RLS-TEST-1') returning id`,
        ),
      );
      aliceOrderItem = rowsOf<{ id: string }>(
        await database.db.execute(
          sql`insert into order_items (order_id, specific_product_id, quantity, unit_price) values (${order.id}, ${categoryRows[0]!.id}, 1, 20) returning id`,
        ),
      )[0]!.id;
      await database.db.execute(
        sql`insert into user_activity_log (user_id, activity_type) values (${alice}, 'PLAN_SAVED')`,
      );
      await database.db.execute(
        sql`insert into billing_transactions (user_id, transaction_type, amount, status, description) values (${alice}, 'SUBSCRIPTION_PAYMENT', 9, 'SUCCEEDED', 'Basic')`,
      );
    });
    afterAll(() => handle.close());

    it('is enabled on every user-owned table', async () => {
      const rows = rowsOf<{ relname: string; relrowsecurity: boolean }>(
        await database.db.execute(
          sql`select relname, relrowsecurity from pg_class where relname in ${sql.raw(`(${userOwnedTables.map((t) => `'${t}'`).join(',')})`)}`,
        ),
      );
      expect(rows).toHaveLength(userOwnedTables.length);
      expect(rows.filter((r) => !r.relrowsecurity).map((r) => r.relname)).toEqual([]);
    });

    it("through the services, Bob can neither read nor change Alice's rows", async () => {
      expect(await listReports(database.db, bob)).toEqual([]);
      expect(await listInventory(database.db, bob)).toEqual([]);
      await expectNotFound(getReport(database.db, bob, aliceReport));
      await expectNotFound(replaceReport(database.db, bob, aliceReport, { ...reportInput, title: 'stolen' }));
      await expectNotFound(updateInventoryItem(database.db, bob, aliceItem, { quantityOwned: 0 }));
      await expectNotFound(removeInventoryItem(database.db, bob, aliceItem));

      expect((await getReport(database.db, alice, aliceReport)).title).toBe('Hurricane plan');
      const [item] = await listInventory(database.db, alice);
      expect(item?.quantityOwned).toBe(3);
    });

    it("through raw SQL in Bob's transaction, Alice's rows are invisible and unchangeable", async () => {
      await withUser(database.db, bob, async (tx) => {
        for (const table of userOwnedTables) {
          const rows = rowsOf<{ n: number }>(
            await tx.execute(sql.raw(`select count(*)::int as n from ${table}`)),
          );
          // Bob sees only his own user and profile rows.
          expect({ table, n: Number(rows[0]!.n) }).toEqual({
            table,
            n: ['users', 'profiles'].includes(table) ? 1 : 0,
          });
        }
        const updated = rowsOf(
          await tx.execute(
            sql`update mission_reports set title = 'x' where id = ${aliceReport} returning id`,
          ),
        );
        expect(updated).toEqual([]);
        const deleted = rowsOf(
          await tx.execute(sql`delete from inventory_items where id = ${aliceItem} returning id`),
        );
        expect(deleted).toEqual([]);
        const orderItems = rowsOf(
          await tx.execute(sql`select id from order_items where id = ${aliceOrderItem}`),
        );
        expect(orderItems).toEqual([]);
      });
      expect(
        await rejectionText(
          withUser(database.db, bob, (tx) =>
            tx.execute(sql`insert into inventory_items (user_id, name) values (${alice}, 'planted by bob')`),
          ),
        ),
      ).toMatch(/row-level security/);
      await withUser(database.db, bob, (tx) =>
        tx.execute(sql`update profiles set subscription_tier = 'PRO' where id = ${alice}`),
      );
      const tier = rowsOf<{ t: string }>(
        await database.db.execute(sql`select subscription_tier as t from profiles where id = ${alice}`),
      );
      expect(tier[0]!.t).toBe('FREE');
    });

    it('Alice sees her own rows, children included', async () => {
      await withUser(database.db, alice, async (tx) => {
        const counts = rowsOf<{
          reports: number;
          items: number;
          orderItems: number;
          activity: number;
          billing: number;
        }>(
          await tx.execute(sql`select
          (select count(*)::int from mission_reports) as reports,
          (select count(*)::int from inventory_items) as items,
          (select count(*)::int from order_items) as "orderItems",
          (select count(*)::int from user_activity_log) as activity,
          (select count(*)::int from billing_transactions) as billing`),
        )[0]!;
        expect(counts).toEqual({ reports: 1, items: 1, orderItems: 1, activity: 1, billing: 1 });
      });
    });

    it('an unset user sees nothing', async () => {
      await withUser(database.db, null, async (tx) => {
        for (const table of userOwnedTables) {
          const rows = rowsOf<{ n: number }>(
            await tx.execute(sql.raw(`select count(*)::int as n from ${table}`)),
          );
          expect({ table, n: Number(rows[0]!.n) }).toEqual({ table, n: 0 });
        }
      });
    });

    it('the application role cannot write the catalog', async () => {
      expect(
        await rejectionText(
          withUser(database.db, alice, (tx) =>
            tx.execute(sql`insert into categories (name, slug) values ('x', 'x')`),
          ),
        ),
      ).toMatch(/permission denied/);
    });

    it('saved_scenarios is deprecated and refuses inserts, even from the system role', async () => {
      expect(
        await rejectionText(
          database.db.execute(
            sql`insert into saved_scenarios (user_id, scenario_type) values (${alice}, 'hurricane')`,
          ),
        ),
      ).toMatch(/deprecated/);
    });

    it('withUser refuses an id that is not a UUID', async () => {
      await expect(withUser(database.db, "x' or '1'='1", async () => 1)).rejects.toThrow(/UUID/);
    });
  });
}
