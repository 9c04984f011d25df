import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { withUser } from '../../db/with-user.ts';
import { createUser } from '../accounts/users.ts';

/**
 * drizzle/0012's grants: billing rows, subscription state, Stripe events, API logs and security alerts are
 * the system's to write; an attendee may rate their call but not mark themselves present; API keys are
 * their owner's alone.
 */
let database: Database;
let alice: string;
let bob: string;
beforeAll(async () => {
  database = await freshDatabase();
  alice = (await createUser(database.db, { email: 'grants-a@example.com' })).id;
  bob = (await createUser(database.db, { email: 'grants-b@example.com' })).id;
});
afterAll(() => database.close());

/** Drizzle wraps the driver's error; the database's own message is its cause. */
const failsWith = (pattern: RegExp) => (e: unknown) =>
  pattern.test(String((e as { cause?: { message?: string } }).cause?.message ?? (e as Error).message));

const asUser = (userId: string, statement: ReturnType<typeof sql>) =>
  withUser(database.db, userId, (tx) => tx.execute(statement));

describe('what app_user may write (drizzle/0012)', () => {
  it('cannot write billing rows, subscriptions, Stripe events, API logs or alerts', async () => {
    const denied = /permission denied/;
    await expect(
      asUser(
        alice,
        sql`insert into billing_transactions (user_id, transaction_type, amount, status, description) values (${alice}, 'SUBSCRIPTION_PAYMENT', 1, 'SUCCEEDED', 'x')`,
      ),
    ).rejects.toSatisfy(failsWith(denied));
    await expect(asUser(alice, sql`select count(*) from billing_subscriptions`)).rejects.toSatisfy(
      failsWith(denied),
    );
    await expect(asUser(alice, sql`select count(*) from stripe_events`)).rejects.toSatisfy(failsWith(denied));
    await expect(asUser(alice, sql`select count(*) from api_logs`)).rejects.toSatisfy(failsWith(denied));
    await expect(asUser(alice, sql`select count(*) from security_alerts`)).rejects.toSatisfy(
      failsWith(denied),
    );
  });

  it('may rate a booked call but not mark attendance; sees only its own API keys', async () => {
    const [call] = rowsOf<{ id: string }>(
      await database.db.execute(
        sql`insert into expert_calls (call_type, title, scheduled_date) values ('FOUNDER_GROUP', 'g', now()) returning id`,
      ),
    );
    await database.db.execute(
      sql`insert into call_attendance (call_id, user_id) values (${call!.id}, ${alice})`,
    );
    await asUser(alice, sql`update call_attendance set rating = 5 where call_id = ${call!.id}`);
    await expect(
      asUser(alice, sql`update call_attendance set attended = true where call_id = ${call!.id}`),
    ).rejects.toSatisfy(failsWith(/permission denied/));
    await database.db.execute(
      sql`insert into api_keys (user_id, name, prefix, key_hash) values (${alice}, 'a', 'rp_a', 'h-a')`,
    );
    const seen = await asUser(bob, sql`select count(*)::int as n from api_keys`);
    expect(rowsOf<{ n: number }>(seen)[0]!.n).toBe(0);
    await expect(
      asUser(
        bob,
        sql`insert into api_keys (user_id, name, prefix, key_hash) values (${alice}, 'b', 'rp_b', 'h-b')`,
      ),
    ).rejects.toSatisfy(failsWith(/row-level security/));
  });
});
