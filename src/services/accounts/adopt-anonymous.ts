import type { Db } from '../../db/client.ts';
import { claimAnonymousConversations } from '../conversations/index.ts';
import { type SavedDraft, saveDraftPlan } from '../plans/save-draft.ts';
import { adoptHousehold } from './profiles.ts';

export type Adoption = {
  /** The plan saved from the conversation the visitor asked to save, if any. */
  saved: SavedDraft | null;
  /** A claimed conversation that has drafted a plan not saved yet, to show next. */
  draftConversationId: string | null;
};

/**
 * After sign-up or sign-in: the anonymous visitor's conversations (and the household they described) become
 * the account's, and the plan drafted in the conversation named by `saveConversationId` is saved.
 */
export async function adoptAnonymous(
  db: Db,
  userId: string,
  anonymousKey: string,
  options: { saveConversationId?: string | null } = {},
): Promise<Adoption> {
  const claimed = await claimAnonymousConversations(db, anonymousKey, userId);
  for (const c of claimed) {
    if (Object.keys(c.household ?? {}).length > 0) await adoptHousehold(db, userId, c.household);
  }
  const toSave = claimed.find((c) => c.id === options.saveConversationId && c.draftPlan);
  const saved = toSave?.draftPlan ? await saveDraftPlan(db, userId, toSave.id, toSave.draftPlan) : null;
  return { saved, draftConversationId: claimed.find((c) => c.draftPlan)?.id ?? null };
}
