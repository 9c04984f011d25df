import type { LanguageModelV3, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { convertArrayToReadableStream, MockLanguageModelV3 } from 'ai/test';
import { createOfflineModel } from '../../agents/index.ts';
import type { ConversationDeps, InboundMessage, Reply } from '../../src/conversation/index.ts';
import type { Database } from '../../src/db/client.ts';
import { createOfflineEmbedder } from '../../src/services/embeddings/offline.ts';
import { freshDatabase } from '../support/db.ts';

export const PUBLIC_URL = 'https://readyplan.test';

/** The conversation core's dependencies over a fresh seeded database (the offline model unless given). */
export async function coreOver(
  database?: Database,
  options: { model?: LanguageModelV3 } & Partial<ConversationDeps> = {},
): Promise<{ database: Database; deps: ConversationDeps }> {
  const db = database ?? (await freshDatabase());
  const { model, ...rest } = options;
  return {
    database: db,
    deps: {
      db: db.db,
      embedder: createOfflineEmbedder(),
      model: model ?? createOfflineModel(),
      publicUrl: PUBLIC_URL,
      ...rest,
    },
  };
}

/** A `deliver` that records what it was asked to send. */
export function recorder() {
  const sent: { message: InboundMessage; reply: Reply }[] = [];
  return {
    sent,
    deliver: async (message: InboundMessage, reply: Reply) => {
      sent.push({ message, reply });
    },
  };
}

let counter = 0;
/** A unique Telegram chat id / phone number per call, so tests sharing a database never collide. */
export function chatId(): string {
  counter += 1;
  return `${700000000 + counter * 7919}${Date.now() % 1000}`;
}
export function phone(): string {
  counter += 1;
  return `+1555${String(1000000 + ((counter * 7919 + Date.now()) % 8999999)).slice(0, 7)}`;
}

/** A model that answers every turn with "heard: <the user's last words>" (fast, and says what it saw). */
export function echoModel(): MockLanguageModelV3 {
  return new MockLanguageModelV3({
    modelId: 'echo',
    doStream: async ({ prompt }) => {
      const last = [...prompt].reverse().find((m) => m.role === 'user');
      const said =
        last && Array.isArray(last.content)
          ? last.content.map((p) => ('text' in p ? p.text : '')).join('')
          : '';
      const text = `heard: ${said}`;
      return {
        stream: convertArrayToReadableStream<LanguageModelV3StreamPart>([
          { type: 'stream-start', warnings: [] },
          { type: 'text-start', id: 't' },
          { type: 'text-delta', id: 't', delta: text },
          { type: 'text-end', id: 't' },
          { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage },
        ]),
      };
    },
  });
}

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 3, text: 3, reasoning: 0 },
};
