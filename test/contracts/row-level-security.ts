import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { rowsOf } from '../../src/db/rows.ts';
import { withUser } from '../../src/db/with-user.ts';
import type { GeneratedKit } from '../../src/domain/generated-kit.ts';
import { createSession, hashToken, listSessions, revokeSession } from '../../src/services/accounts/index.ts';
import { createUser } from '../../src/services/accounts/users.ts';
import {
  type Actor,
  beginTurn,
  finishTurn,
  getConversation,
  listAiRuns,
  listMessages,
} from '../../src/services/conversations/index.ts';
import { AppError } from '../../src/services/errors.ts';
import {
  addInventoryItem,
  listInventory,
  removeInventoryItem,
  updateInventoryItem,
} from '../../src/services/inventory/index.ts';
import { getPlan, insertPlan, listPlans, replacePlan } from '../../src/services/plans/saved-plans.ts';
import { rejectionText } from '../support/errors.ts';

const userOwnedTables = [
  'users',
  'profiles',
  'mission_reports',
  'saved_scenarios',
  'inventory_items',
  'inventory_changes',
  'call_attendance',
  'user_activity_log',
  'billing_transactions',
  'orders',
  'order_items',
  'shipments',
  'shipment_items',
  'external_transactions',
  'conversations',
  'messages',
  'ai_runs',
  'sessions',
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

/** One turn of a thread (the user's message, the reply and its ai_runs row), as the conversation core writes it. */
async function storeTurn(db: Database['db'], actor: Actor, text: string): Promise<string> {
  const start = await beginTurn(db, actor, {
    channel: 'web',
    historyLimit: 20,
    resolveText: () => ({ content: text, parts: [] }),
    summarize: (previous) => previous ?? '',
  });
  await finishTurn(
    db,
    actor,
    start.conversationId,
    { content: 'reply', parts: [] },
    {
      conversationId: start.conversationId,
      userId: actor.userId,
      model: 'test',
      latencyMs: 1,
      status: 'ok',
      estimatedCostUsd: null,
    },
  );
  return start.conversationId;
}

async function expectNotFound(promise: Promise<unknown>) {
  await expect(promise).rejects.toSatisfy((e) => e instanceof AppError && e.code === 'NOT_FOUND');
}

/**
 * The data layer's contract: every engine (embedded PGlite, Postgres over the wire) must pass it. `open` may
 * connect as a superuser or as a non-superuser login role that owns the schema (as on a managed Postgres);
 * the contract is the same.
 */
type Handle = {
  database: Database;
  /** The login role the engine connects as, when the test set one up: checked, not assumed. */
  login?: { role: string; superuser: boolean };
  close(): Promise<void>;
};

export function describeRowLevelSecurity(engine: string, open: () => Promise<Handle>) {
  describe(`row-level security (${engine})`, () => {
    let handle: Handle;
    let database: Database;
    let alice: string;
    let bob: string;
    let aliceReport: string;
    let aliceItem: string;
    let aliceOrderItem: string;
    let aliceThread: string;
    let aliceSession: string;
    let guestThread: string;
    const guest: Actor = { userId: null, anonymousKey: 'guest-key-0123456789abcdefghijklmnopqrstuv' };

    beforeAll(async () => {
      handle = await open();
      database = handle.database;
      alice = (await createUser(database.db, { email: 'alice@example.com' })).id;
      bob = (await createUser(database.db, { email: 'bob@example.com' })).id;
      aliceReport = (await insertPlan(database.db, alice, reportInput)).id;
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
      aliceThread = await storeTurn(database.db, { userId: alice }, 'We are 2 adults in Boise');
      aliceSession = (await createSession(database.db, alice, { userAgent: 'test' })).sessionId;
      guestThread = await storeTurn(database.db, guest, 'a guest asks about water');
    });
    afterAll(() => handle.close());

    it('connects as the login role the engine was given', async ({ skip }) => {
      if (!handle.login) skip();
      const row = rowsOf<{ current: string; session: string; superuser: boolean }>(
        await database.db.execute(
          sql`select current_user as current, session_user as session, rolsuper as superuser from pg_roles where rolname = current_user`,
        ),
      )[0]!;
      expect(row).toEqual({
        current: handle.login!.role,
        session: handle.login!.role,
        superuser: handle.login!.superuser,
      });
    });

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
      expect(await listPlans(database.db, bob)).toEqual([]);
      expect(await listInventory(database.db, bob)).toEqual([]);
      await expectNotFound(getPlan(database.db, bob, aliceReport));
      await expectNotFound(replacePlan(database.db, bob, aliceReport, { ...reportInput, title: 'stolen' }));
      await expectNotFound(updateInventoryItem(database.db, bob, aliceItem, { quantityOwned: 0 }));
      await expectNotFound(removeInventoryItem(database.db, bob, aliceItem));

      expect((await getPlan(database.db, alice, aliceReport)).title).toBe('Hurricane plan');
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
        for (const [table, column] of [
          ['conversations', 'id'],
          ['messages', 'conversation_id'],
          ['ai_runs', 'conversation_id'],
        ] as const) {
          const changed = rowsOf(
            await tx.execute(
              sql`update ${sql.identifier(table)} set created_at = now() where ${sql.identifier(column)} = ${aliceThread} returning 1`,
            ),
          );
          expect({ table, changed }).toEqual({ table, changed: [] });
        }
        expect(
          rowsOf(await tx.execute(sql`delete from sessions where id = ${aliceSession} returning id`)),
        ).toEqual([]);
        expect(
          rowsOf(
            await tx.execute(sql`delete from messages where conversation_id = ${aliceThread} returning id`),
          ),
        ).toEqual([]);
      });
      expect(
        await rejectionText(
          withUser(database.db, bob, (tx) =>
            tx.execute(
              sql`insert into messages (conversation_id, role, content) values (${aliceThread}, 'user', 'planted by bob')`,
            ),
          ),
        ),
      ).toMatch(/row-level security/);
      expect(
        await rejectionText(
          withUser(database.db, bob, (tx) =>
            tx.execute(
              sql`insert into ai_runs (conversation_id, user_id, model, latency_ms, status) values (${aliceThread}, ${alice}, 'x', 1, 'ok')`,
            ),
          ),
        ),
      ).toMatch(/row-level security/);
      expect(
        await rejectionText(
          withUser(database.db, bob, (tx) =>
            tx.execute(
              sql`insert into sessions (user_id, token_hash, expires_at) values (${bob}, 'x', now() + interval '1 day')`,
            ),
          ),
        ),
      ).toMatch(/permission denied/);
      expect(
        await rejectionText(
          withUser(database.db, bob, (tx) =>
            tx.execute(sql`insert into inventory_items (user_id, name) values (${alice}, 'planted by bob')`),
          ),
        ),
      ).toMatch(/row-level security/);
      // The tier column is not writable by the application role at all (drizzle/0008), anyone's row.
      expect(
        await rejectionText(
          withUser(database.db, bob, (tx) =>
            tx.execute(sql`update profiles set subscription_tier = 'PRO' where id = ${alice}`),
          ),
        ),
      ).toMatch(/permission denied/);
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
          conversations: number;
          messages: number;
          runs: number;
          sessions: number;
        }>(
          await tx.execute(sql`select
          (select count(*)::int from mission_reports) as reports,
          (select count(*)::int from inventory_items) as items,
          (select count(*)::int from order_items) as "orderItems",
          (select count(*)::int from user_activity_log) as activity,
          (select count(*)::int from billing_transactions) as billing,
          (select count(*)::int from conversations) as conversations,
          (select count(*)::int from messages) as messages,
          (select count(*)::int from ai_runs) as runs,
          (select count(*)::int from sessions) as sessions`),
        )[0]!;
        expect(counts).toEqual({
          reports: 1,
          items: 1,
          orderItems: 1,
          activity: 1,
          billing: 1,
          conversations: 1,
          messages: 2,
          runs: 1,
          sessions: 1,
        });
      });
    });

    it("through the services, Bob can neither read Alice's conversation, its messages and runs, nor end her session", async () => {
      await expectNotFound(getConversation(database.db, { userId: bob }, aliceThread));
      expect(await listMessages(database.db, { userId: bob }, aliceThread)).toEqual([]);
      expect(await listAiRuns(database.db, { userId: bob }, aliceThread)).toEqual([]);
      await expectNotFound(revokeSession(database.db, bob, aliceSession));
      expect(await listSessions(database.db, bob)).toEqual([]);
      // The guest's thread is not Bob's either, nor Alice's.
      await expectNotFound(getConversation(database.db, { userId: bob }, guestThread));
      await expectNotFound(getConversation(database.db, { userId: alice }, guestThread));

      expect((await listMessages(database.db, { userId: alice }, aliceThread)).map((m) => m.role)).toEqual([
        'user',
        'assistant',
      ]);
      expect(await listAiRuns(database.db, { userId: alice }, aliceThread)).toHaveLength(1);
      expect((await listSessions(database.db, alice)).map((x) => x.id)).toEqual([aliceSession]);
    });

    it('a guest sees only the thread of its own key, which is stored only as a hash', async () => {
      expect((await getConversation(database.db, guest, guestThread)).id).toBe(guestThread);
      expect(await listMessages(database.db, guest, guestThread)).toHaveLength(2);
      expect(await listAiRuns(database.db, guest, guestThread)).toHaveLength(1);
      const other: Actor = { userId: null, anonymousKey: 'another-guest-key-0123456789abcdefghijkl' };
      await expectNotFound(getConversation(database.db, other, guestThread));
      expect(await listMessages(database.db, other, guestThread)).toEqual([]);
      expect(await listAiRuns(database.db, other, guestThread)).toEqual([]);
      await expectNotFound(getConversation(database.db, guest, aliceThread));
      const stored = rowsOf<{ key: string }>(
        await database.db.execute(
          sql`select anonymous_key as key from conversations where id = ${guestThread}`,
        ),
      );
      expect(stored[0]!.key).toBe(hashToken(guest.anonymousKey!));
      expect(stored[0]!.key).not.toContain(guest.anonymousKey!);
    });

    it('a user cannot change their own tier, subscription, Stripe ids, role or password hash', async () => {
      const attempts = [
        sql`update profiles set subscription_tier = 'PRO' where id = ${alice}`,
        sql`update profiles set subscription_status = 'active', subscription_period_end = now() + interval '1 year' where id = ${alice}`,
        sql`update profiles set stripe_customer_id = 'cus_stolen' where id = ${alice}`,
        sql`update profiles set role = 'ADMIN' where id = ${alice}`,
        sql`update users set password_hash = 'scrypt$1$1$1$x$y' where id = ${alice}`,
        sql`insert into profiles (id, subscription_tier) values (${alice}, 'PRO') on conflict (id) do update set subscription_tier = 'PRO'`,
      ];
      for (const attempt of attempts) {
        expect(await rejectionText(withUser(database.db, alice, (tx) => tx.execute(attempt)))).toMatch(
          /permission denied/,
        );
      }
      const row = rowsOf<{ tier: string; stripe: string | null; role: string; hash: string | null }>(
        await database.db.execute(
          sql`select p.subscription_tier as tier, p.stripe_customer_id as stripe, p.role, u.password_hash as hash
              from profiles p join users u on u.id = p.id where p.id = ${alice}`,
        ),
      )[0]!;
      expect(row).toEqual({ tier: 'FREE', stripe: null, role: 'USER', hash: null });
      // What a person edits about themselves still works, and the system role still sets the tier.
      await withUser(database.db, alice, (tx) =>
        tx.execute(
          sql`update profiles set full_name = 'Alice', household = '{"location":"Boise, ID"}', updated_at = now() where id = ${alice}`,
        ),
      );
      await database.db.execute(sql`update profiles set subscription_tier = 'BASIC' where id = ${alice}`);
      const after = rowsOf<{ tier: string; name: string }>(
        await database.db.execute(
          sql`select subscription_tier as tier, full_name as name from profiles where id = ${alice}`,
        ),
      )[0]!;
      expect(after).toEqual({ tier: 'BASIC', name: 'Alice' });
      await database.db.execute(sql`update profiles set subscription_tier = 'FREE' where id = ${alice}`);
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
