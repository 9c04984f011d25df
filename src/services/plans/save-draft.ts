import type { Db } from '../../db/client.ts';
import type { GeneratedKit } from '../../domain/generated-kit.ts';
import { getDraftPlan, setConversationPlan } from '../conversations/index.ts';
import { badInput } from '../errors.ts';
import { savePlan } from './save-plan.ts';

export type SavedDraft = Awaited<ReturnType<typeof savePlan>>;

/**
 * Saves a plan drafted in a conversation to the user's plans and links the conversation to it, so the chat
 * can point at the saved plan. Free accounts keep one plan: a new one replaces it (`overwritten`).
 */
export async function saveDraftPlan(
  db: Db,
  userId: string,
  conversationId: string,
  kit: GeneratedKit,
): Promise<SavedDraft> {
  const saved = await savePlan(db, userId, kit);
  await setConversationPlan(db, userId, conversationId, saved.id);
  return saved;
}

/**
 * Saves the plan the user's conversation has drafted (every channel's "save this plan"). NOT_FOUND when the
 * conversation is not the user's; BAD_INPUT naming conversationId when it has no plan yet.
 */
export async function saveDraft(db: Db, userId: string, conversationId: string): Promise<SavedDraft> {
  const kit = await getDraftPlan(db, { userId }, conversationId);
  if (!kit) throw badInput('that conversation has no plan yet: ask for one first', 'conversationId');
  return saveDraftPlan(db, userId, conversationId, kit);
}
