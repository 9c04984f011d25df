import { createOpenAI } from '@ai-sdk/openai';
import { embedMany } from 'ai';
import { EMBEDDING_DIMENSIONS, type Embedder } from './embedder.ts';

export type OpenAIEmbedderOptions = {
  apiKey: string;
  model: string;
  /** An OpenAI-compatible server's base URL (…/v1); OpenAI's when unset. */
  baseURL?: string;
  maxRetries?: number;
};

/**
 * OpenAI embeddings shortened to the database's 768 dimensions (text-embedding-3 models accept `dimensions`).
 * The name carries the model and the width, so a model change is a new name and triggers a backfill.
 */
export function createOpenAIEmbedder(options: OpenAIEmbedderOptions): Embedder {
  const provider = createOpenAI({ apiKey: options.apiKey, baseURL: options.baseURL });
  const model = provider.embedding(options.model);
  const name = `openai:${options.model}@${EMBEDDING_DIMENSIONS}`;
  return {
    name,
    dimensions: EMBEDDING_DIMENSIONS,
    async embed(texts) {
      if (texts.length === 0) return [];
      const { embeddings } = await embedMany({
        model,
        values: texts,
        maxRetries: options.maxRetries ?? 2,
        maxParallelCalls: 2,
        providerOptions: { openai: { dimensions: EMBEDDING_DIMENSIONS } },
      });
      if (embeddings.length !== texts.length) {
        throw new Error(`${name} returned ${embeddings.length} vectors for ${texts.length} texts`);
      }
      for (const e of embeddings) {
        if (e.length !== EMBEDDING_DIMENSIONS) {
          throw new Error(
            `${name} returned a vector of ${e.length} dimensions, expected ${EMBEDDING_DIMENSIONS}`,
          );
        }
      }
      return embeddings;
    },
  };
}
