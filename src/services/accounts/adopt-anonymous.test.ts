import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import type { GeneratedKit } from '../../domain/generated-kit.ts';
import { parsePeople } from '../../domain/index.ts';
import {
  beginTurn,
  getConversation,
  listConversations,
  setConversationHousehold,
  setDraftPlan,
} from '../conversations/index.ts';
import { buildPlan, getPlan } from '../plans/index.ts';
import { adoptAnonymous } from './adopt-anonymous.ts';
import { getHousehold } from './profiles.ts';
import { newToken } from './tokens.ts';
import { createUser } from './users.ts';

let database: Database;
let kit: GeneratedKit;

/** An anonymous visitor's thread, as the conversation core opens it. */
async function anonymousThread(anonymousKey: string): Promise<string> {
  const start = await beginTurn(
    database.db,
    { userId: null, anonymousKey },
    {
      channel: 'web',
      historyLimit: 20,
      resolveText: () => ({ content: 'we are two in Tampa', parts: [] }),
      summarize: (previous) => previous ?? '',
    },
  );
  return start.conversationId;
}

beforeAll(async () => {
  database = await freshDatabase();
  const people = parsePeople('adult:40,adult:38');
  if (!people.ok) throw new Error(people.error);
  kit = await buildPlan(
    { db: database.db },
    { location: 'Tampa, FL', members: people.value, durationDays: 7, scenarios: ['hurricane'], budget: 150 },
  );
});
afterAll(() => database.close());

describe('adoptAnonymous', () => {
  it("makes the visitor's threads and household the account's, and saves the plan it was asked to", async () => {
    const key = newToken();
    const conversationId = await anonymousThread(key);
    const visitor = { userId: null, anonymousKey: key } as const;
    await setConversationHousehold(database.db, visitor, conversationId, { location: 'Tampa, FL' });
    await setDraftPlan(database.db, visitor, conversationId, kit);
    const user = await createUser(database.db, { email: 'adopter@example.com' });

    const adopted = await adoptAnonymous(database.db, user.id, key, { saveConversationId: conversationId });

    expect(adopted.saved).not.toBeNull();
    expect((await getPlan(database.db, user.id, adopted.saved!.id)).title).toBe(kit.title);
    const thread = await getConversation(database.db, { userId: user.id }, conversationId);
    expect(thread.planId).toBe(adopted.saved!.id);
    expect((await getHousehold(database.db, user.id)).location).toBe('Tampa, FL');
    expect(await listConversations(database.db, visitor)).toEqual([]);
  });

  it('without a plan to save, names the drafted thread to show next', async () => {
    const key = newToken();
    const conversationId = await anonymousThread(key);
    await setDraftPlan(database.db, { userId: null, anonymousKey: key }, conversationId, kit);
    const user = await createUser(database.db, { email: 'later@example.com' });

    const adopted = await adoptAnonymous(database.db, user.id, key);

    expect(adopted).toEqual({ saved: null, draftConversationId: conversationId });
  });
});
