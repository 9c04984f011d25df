import { createOpenAI } from '@ai-sdk/openai';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { createOfflineModel, type OfflineModelOptions } from './offline/model.ts';

export { createOfflineModel, OFFLINE_MODEL_ID, type OfflineModelOptions } from './offline/model.ts';

/** The shape of config.model (src/config.ts). */
export type ModelConfig =
  | { kind: 'offline' }
  | { kind: 'openai'; apiKey: string; model: string }
  | { kind: 'openai-compatible'; baseURL: string; model: string; apiKey?: string | undefined };

/**
 * The configured language model. OpenAI and OpenAI-compatible servers (Ollama, vLLM, llama.cpp) go through
 * the chat-completions API (`.chat`), which every such server speaks; with nothing configured, the offline
 * orchestrator. A real model replaces the offline one by configuration alone.
 */
export function createModel(config: ModelConfig, offline: OfflineModelOptions = {}): LanguageModelV3 {
  switch (config.kind) {
    case 'openai':
      return createOpenAI({ apiKey: config.apiKey }).chat(config.model);
    case 'openai-compatible':
      return createOpenAI({
        baseURL: config.baseURL,
        apiKey: config.apiKey ?? 'not-needed',
        name: 'openai-compatible',
      }).chat(config.model);
    default:
      return createOfflineModel(offline);
  }
}
