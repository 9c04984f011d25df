import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { profiles } from '../../db/schema/index.ts';
import { withUser } from '../../db/with-user.ts';
import { MemberSchema, MobilitySchema, PetSchema } from '../../domain/plan-input.ts';
import { ScenarioIdSchema } from '../../domain/scenarios.ts';
import { type Actor, withActor } from '../conversations/actor.ts';
import { getConversationHousehold, setConversationHousehold } from '../conversations/conversations.ts';
import { badInput, notFound } from '../errors.ts';

/**
 * The household as gathered in conversation, so nobody is asked twice: every part optional until the
 * plan needs it. A signed-in user's lives on profiles.household; an anonymous thread's on the thread.
 */
export const householdProfileSchema = z.object({
  location: z.string().trim().min(1).max(200).optional(),
  members: z.array(MemberSchema).min(1).max(30).optional(),
  pets: z.array(PetSchema).max(20).optional(),
  scenarios: z.array(ScenarioIdSchema).max(12).optional(),
  durationDays: z.number().int().min(3).max(3650).optional(),
  mobility: MobilitySchema.optional(),
  budget: z.number().min(0).max(10_000_000).optional(),
  monthlyBudget: z.number().min(0).max(1_000_000).optional(),
  skills: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
});
export type HouseholdProfile = z.infer<typeof householdProfileSchema>;
export type HouseholdPatch = z.input<typeof householdProfileSchema>;

/** Reads a stored profile leniently: parts that no longer validate are dropped, not fatal. */
export function readHousehold(stored: unknown): HouseholdProfile {
  if (!stored || typeof stored !== 'object') return {};
  const out: Record<string, unknown> = {};
  const shape = householdProfileSchema.shape;
  for (const [key, value] of Object.entries(stored as Record<string, unknown>)) {
    const field = shape[key as keyof typeof shape];
    if (!field || value === undefined || value === null) continue;
    const parsed = field.safeParse(value);
    if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
  }
  return out as HouseholdProfile;
}

/** Validates a patch; the error names the field so a model or a form can correct it. */
const strictHousehold = householdProfileSchema.strict();

export function parseHouseholdPatch(patch: unknown): HouseholdProfile {
  const parsed = strictHousehold.safeParse(patch);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || undefined;
    throw badInput(`${field ?? 'household'}: ${issue.message}`, field);
  }
  return parsed.data;
}

/** Keys set in the patch replace the stored ones whole (a new member list replaces the old list). */
export function mergeHousehold(current: HouseholdProfile, patch: HouseholdProfile): HouseholdProfile {
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) next[key] = value;
  return next as HouseholdProfile;
}

export async function getHousehold(db: Db, userId: string): Promise<HouseholdProfile> {
  const rows = await withUser(db, userId, (tx) =>
    tx.select({ household: profiles.household }).from(profiles).where(eq(profiles.id, userId)).limit(1),
  );
  if (!rows[0]) throw notFound('Profile');
  return readHousehold(rows[0].household);
}

export async function updateHousehold(db: Db, userId: string, patch: unknown): Promise<HouseholdProfile> {
  const changes = parseHouseholdPatch(patch);
  return withUser(db, userId, async (tx) => {
    // Row lock: two turns updating the same profile at once merge one after the other.
    const [row] = await tx
      .select({ household: profiles.household })
      .from(profiles)
      .where(eq(profiles.id, userId))
      .for('update')
      .limit(1);
    if (!row) throw notFound('Profile');
    const next = mergeHousehold(readHousehold(row.household), changes);
    await tx
      .update(profiles)
      .set({ household: next as Record<string, unknown>, updatedAt: sql`now()` })
      .where(eq(profiles.id, userId));
    return next;
  });
}

/** The household for whoever the conversation acts for: the profile when signed in, else the thread. */
export async function getHouseholdFor(
  db: Db,
  actor: Actor,
  conversationId: string,
): Promise<HouseholdProfile> {
  if (actor.userId !== null) return getHousehold(db, actor.userId);
  return readHousehold(await getConversationHousehold(db, actor, conversationId));
}

export async function updateHouseholdFor(
  db: Db,
  actor: Actor,
  conversationId: string,
  patch: unknown,
): Promise<HouseholdProfile> {
  if (actor.userId !== null) return updateHousehold(db, actor.userId, patch);
  const changes = parseHouseholdPatch(patch);
  const current = readHousehold(await getConversationHousehold(db, actor, conversationId));
  const next = mergeHousehold(current, changes);
  await setConversationHousehold(db, actor, conversationId, next as Record<string, unknown>);
  return next;
}

/** Copies an anonymous thread's household onto the new account, filling only what the profile lacks. */
export async function adoptHousehold(db: Db, userId: string, household: unknown): Promise<HouseholdProfile> {
  const incoming = readHousehold(household);
  const current = await getHousehold(db, userId);
  const next = mergeHousehold(incoming, current);
  await withActor(db, { userId }, (tx) =>
    tx
      .update(profiles)
      .set({ household: next as Record<string, unknown>, updatedAt: sql`now()` })
      .where(eq(profiles.id, userId)),
  );
  return next;
}
