import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import type { GeneratedKit } from '../../domain/generated-kit.ts';
import { parsePeople } from '../../domain/index.ts';
import { createUser } from '../accounts/users.ts';
import { type Actor, beginTurn, getConversation, setDraftPlan } from '../conversations/index.ts';
import { AppError } from '../errors.ts';
import { buildPlan, getPlan, saveDraft } from './index.ts';

let database: Database;
let kit: GeneratedKit;

/** A thread as the conversation core opens it (one stored user message). */
async function openThread(actor: Actor): Promise<string> {
  const start = await beginTurn(database.db, actor, {
    channel: 'web',
    historyLimit: 20,
    resolveText: () => ({ content: 'a plan for us please', parts: [] }),
    summarize: (previous) => previous ?? '',
  });
  return start.conversationId;
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof AppError ? { code: error.code, field: error.field } : error),
  );

beforeAll(async () => {
  database = await freshDatabase();
  const people = parsePeople('adult:40,child:8');
  if (!people.ok) throw new Error(people.error);
  kit = await buildPlan(
    { db: database.db },
    { location: 'Tampa, FL', members: people.value, durationDays: 7, scenarios: ['hurricane'], budget: 150 },
  );
});
afterAll(() => database.close());

describe('saveDraft', () => {
  it("saves the plan a user's conversation drafted and links the conversation to it", async () => {
    const user = await createUser(database.db, { email: 'drafter@example.com' });
    const conversationId = await openThread({ userId: user.id });
    await setDraftPlan(database.db, { userId: user.id }, conversationId, kit);

    const saved = await saveDraft(database.db, user.id, conversationId);

    expect(saved.overwritten).toBe(false);
    expect((await getPlan(database.db, user.id, saved.id)).title).toBe(kit.title);
    expect((await getConversation(database.db, { userId: user.id }, conversationId)).planId).toBe(saved.id);
  });

  it('refuses a conversation with no plan yet (naming conversationId), and another user’s as not found', async () => {
    const owner = await createUser(database.db, { email: 'owner@example.com' });
    const other = await createUser(database.db, { email: 'other@example.com' });
    const conversationId = await openThread({ userId: owner.id });

    expect(await rejection(saveDraft(database.db, owner.id, conversationId))).toEqual({
      code: 'BAD_INPUT',
      field: 'conversationId',
    });
    await setDraftPlan(database.db, { userId: owner.id }, conversationId, kit);
    expect(await rejection(saveDraft(database.db, other.id, conversationId))).toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
