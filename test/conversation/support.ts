import type { LanguageModelV3 } from '@ai-sdk/provider';
import { eq } from 'drizzle-orm';
import { createOfflineModel } from '../../agents/index.ts';
import {
  type Channel,
  type ConversationDeps,
  createConversation,
  type Reply,
  type TurnRun,
} from '../../src/conversation/index.ts';
import type { Database } from '../../src/db/client.ts';
import { profiles } from '../../src/db/schema/index.ts';
import { createUser } from '../../src/services/accounts/users.ts';
import { createOfflineEmbedder } from '../../src/services/embeddings/offline.ts';
import { freshDatabase } from '../support/db.ts';

export const PUBLIC_URL = 'https://readyplan.test';

export type Harness = {
  database: Database;
  deps: ConversationDeps;
  core: ReturnType<typeof createConversation>;
  close(): Promise<void>;
};

/** A fresh seeded database and the conversation core over it (the offline model unless one is given). */
export async function harness(options: { model?: LanguageModelV3 } = {}): Promise<Harness> {
  const database = await freshDatabase();
  const deps: ConversationDeps = {
    db: database.db,
    embedder: createOfflineEmbedder(),
    model: options.model ?? createOfflineModel(),
    publicUrl: PUBLIC_URL,
  };
  return { database, deps, core: createConversation(deps), close: () => database.close() };
}

let users = 0;
export async function makeUser(database: Database, tier: 'FREE' | 'BASIC' | 'PRO' = 'FREE'): Promise<string> {
  users += 1;
  const { id } = await createUser(database.db, { email: `user${users}-${Date.now()}@example.com` });
  if (tier !== 'FREE')
    await database.db.update(profiles).set({ subscriptionTier: tier }).where(eq(profiles.id, id));
  return id;
}

export type Said = { reply: Reply; run: TurnRun; conversationId: string; tools: string[] };

/** A person talking on one channel, in one thread. */
export function person(
  h: Harness,
  who: { userId: string } | { anonymousKey: string },
  channel: Channel = 'web',
) {
  let conversationId: string | null = null;
  return {
    get conversationId() {
      return conversationId;
    },
    async say(text: string): Promise<Said> {
      const turn = await h.core.runTurn({ channel, text, conversationId, ...who });
      conversationId = turn.conversationId;
      const [reply, run] = await Promise.all([turn.reply, turn.run]);
      return { reply, run, conversationId, tools: run.toolCalls.map((c) => c.toolName) };
    },
  };
}
