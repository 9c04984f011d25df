import { count } from 'drizzle-orm';
import type { Database } from '../../src/db/client.ts';
import { callAttendance } from '../../src/db/schema/index.ts';
import { withUser } from '../../src/db/with-user.ts';
import type { GeneratedKit } from '../../src/domain/generated-kit.ts';
import { getHouseholdFor, type HouseholdProfile } from '../../src/services/accounts/profiles.ts';
import { getProfile } from '../../src/services/accounts/users.ts';
import { listPreferences } from '../../src/services/check-ins/index.ts';
import type { Actor } from '../../src/services/conversations/actor.ts';
import { getDraftPlan } from '../../src/services/conversations/conversations.ts';
import { listInventory } from '../../src/services/inventory/index.ts';
import { getLatestPlan } from '../../src/services/plans/index.ts';

export type Kit = GeneratedKit;
export type StoredMember = NonNullable<HouseholdProfile['members']>[number];

/** What is stored for the person after a turn, read through the services as the app reads it. */
export type Snapshot = {
  household: HouseholdProfile;
  plan: Kit | null;
  planId: string | null;
  tier: string | null;
  inventoryCount: number;
  bookings: number;
  /** Notification preferences per message type (defaults where none was chosen); none for a guest. */
  preferences: Awaited<ReturnType<typeof listPreferences>>;
};

/** Counted under the user's row-level security: no service lists a user's bookings across calls. */
async function countBookings(database: Database, userId: string): Promise<number> {
  const [row] = await withUser(database.db, userId, (tx) => tx.select({ n: count() }).from(callAttendance));
  return row?.n ?? 0;
}

export async function snapshot(
  database: Database,
  actor: Actor,
  conversationId: string | null,
): Promise<Snapshot> {
  const { db } = database;
  const household = conversationId ? await getHouseholdFor(db, actor, conversationId) : {};
  if (actor.userId === null) {
    const plan = conversationId ? await getDraftPlan(db, actor, conversationId) : null;
    return { household, plan, planId: null, tier: null, inventoryCount: 0, bookings: 0, preferences: [] };
  }
  const row = await getLatestPlan(db, actor.userId);
  const profile = await getProfile(db, actor.userId);
  const inventory = await listInventory(db, actor.userId);
  return {
    household,
    plan: row ? (row.reportData as Kit) : null,
    planId: row?.id ?? null,
    tier: profile?.subscriptionTier ?? null,
    inventoryCount: inventory.length,
    bookings: await countBookings(database, actor.userId),
    preferences: await listPreferences(db, actor.userId),
  };
}
