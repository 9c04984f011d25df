import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { profiles } from '../../db/schema/index.ts';
import { withUser } from '../../db/with-user.ts';
import {
  type HouseholdDraft,
  HouseholdDraftSchema,
  type OwnedChange,
  readDraft,
  recordOwned,
} from '../../domain/household-draft.ts';
import {
  applyHouseholdEdits,
  type EditResult,
  type HouseholdEditsInput,
} from '../../domain/household-edits.ts';
import { type Actor, withActor } from '../conversations/actor.ts';
import { getConversationHousehold, setConversationHousehold } from '../conversations/conversations.ts';
import { notFound } from '../errors.ts';
import { parseInput } from '../validation.ts';

/**
 * The household as gathered in conversation, so nobody is asked twice (its rules: src/domain/household-draft.ts).
 * A signed-in user's lives on profiles.household; an anonymous thread's on the thread.
 */
export const householdProfileSchema = HouseholdDraftSchema;
export type HouseholdProfile = HouseholdDraft;

/** Reads a stored profile leniently: parts that no longer validate are dropped, not fatal. */
export const readHousehold = readDraft;

/** Keys of the stored JSON that are not household facts (the SMS opt-out) and must survive a rewrite. */
function extrasOf(stored: unknown): Record<string, unknown> {
  if (!stored || typeof stored !== 'object') return {};
  const shape = householdProfileSchema.shape;
  return Object.fromEntries(Object.entries(stored as Record<string, unknown>).filter(([k]) => !(k in shape)));
}

/** Validates a patch; the error names the field so a model or a form can correct it. */
const strictHousehold = householdProfileSchema.strict();

export function parseHouseholdPatch(patch: unknown): HouseholdProfile {
  return parseInput(strictHousehold, patch, 'household');
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
      .set({ household: { ...extrasOf(row.household), ...next }, updatedAt: sql`now()` })
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
  const stored = await getConversationHousehold(db, actor, conversationId);
  const next = mergeHousehold(readHousehold(stored), changes);
  await setConversationHousehold(db, actor, conversationId, { ...extrasOf(stored), ...next });
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

/**
 * Applies household edits (add, change or remove a member or a pet, set a field) for whoever the conversation
 * acts for, and returns what changed. A signed-in user's profile row is locked so two turns apply in order.
 */
export async function editHouseholdFor(
  db: Db,
  actor: Actor,
  conversationId: string,
  edits: HouseholdEditsInput,
): Promise<EditResult> {
  const apply = (stored: unknown) => {
    const result = applyHouseholdEdits(readHousehold(stored), edits);
    // Validated as stored, so an edit that breaks a limit (31 members) is refused with the field named.
    parseHouseholdPatch(result.draft);
    return result;
  };
  if (actor.userId !== null) {
    const userId = actor.userId;
    return withUser(db, userId, async (tx) => {
      const [row] = await tx
        .select({ household: profiles.household })
        .from(profiles)
        .where(eq(profiles.id, userId))
        .for('update')
        .limit(1);
      if (!row) throw notFound('Profile');
      const result = apply(row.household);
      await tx
        .update(profiles)
        .set({ household: { ...extrasOf(row.household), ...result.draft }, updatedAt: sql`now()` })
        .where(eq(profiles.id, userId));
      return result;
    });
  }
  const stored = await getConversationHousehold(db, actor, conversationId);
  const result = apply(stored);
  await setConversationHousehold(db, actor, conversationId, { ...extrasOf(stored), ...result.draft });
  return result;
}

/** Records stock stated in conversation on the household (for people without inventory tracking). */
export async function recordOwnedFor(
  db: Db,
  actor: Actor,
  conversationId: string,
  changes: readonly OwnedChange[],
): Promise<HouseholdProfile> {
  const current = await getHouseholdFor(db, actor, conversationId);
  return updateHouseholdFor(db, actor, conversationId, { owned: recordOwned(current.owned ?? [], changes) });
}
