import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { Config } from '../../../config.ts';
import type { Database } from '../../../services/database.ts';
import type { Embedder } from '../../../services/embeddings/embedder.ts';

/** What the web channel's routers are built from (wired in src/main.ts). */
export type WebRouteDeps = { config: Config; database: Database; embedder: Embedder; model: LanguageModelV3 };
