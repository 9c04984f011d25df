import type { Embedder } from './embedder.ts';
import { createOfflineEmbedder } from './offline.ts';
import { createOpenAIEmbedder } from './openai.ts';

export { EMBEDDING_DIMENSIONS, type Embedder, embedOne, toVectorLiteral } from './embedder.ts';
export { createOfflineEmbedder, OFFLINE_EMBEDDER_NAME } from './offline.ts';
export { createOpenAIEmbedder } from './openai.ts';

/** The shape of config.embeddings (src/config.ts), plus an optional base URL for OpenAI-compatible servers. */
export type EmbeddingsConfig =
  | { kind: 'offline' }
  | { kind: 'openai'; apiKey: string; model: string; baseURL?: string };

/** The configured embedder: OpenAI at 768 dimensions when a key is set, else the offline one. */
export function createEmbedder(config: EmbeddingsConfig): Embedder {
  if (config.kind === 'openai') {
    return createOpenAIEmbedder({ apiKey: config.apiKey, model: config.model, baseURL: config.baseURL });
  }
  return createOfflineEmbedder();
}
