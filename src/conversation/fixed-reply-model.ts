import type { LanguageModelV3, LanguageModelV3StreamPart } from '@ai-sdk/provider';

const usage = {
  inputTokens: { total: 0, noCache: 0, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 0, text: 0, reasoning: 0 },
};

/**
 * A reply the core decides itself (an SMS keyword), streamed through the same path as a model's so the
 * turn is stored and rendered like any other; it calls no tools and costs nothing.
 */
export function fixedReplyModel(text: string): LanguageModelV3 {
  const parts = (): LanguageModelV3StreamPart[] => [
    { type: 'stream-start', warnings: [] },
    ...(text
      ? ([
          { type: 'text-start', id: 'k' },
          { type: 'text-delta', id: 'k', delta: text },
          { type: 'text-end', id: 'k' },
        ] as LanguageModelV3StreamPart[])
      : []),
    { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage },
  ];
  return {
    specificationVersion: 'v3',
    provider: 'readyplan.core',
    modelId: 'keyword',
    supportedUrls: {},
    async doGenerate() {
      return {
        content: text ? [{ type: 'text', text }] : [],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage,
        warnings: [],
      };
    },
    async doStream() {
      const all = parts();
      return {
        stream: new ReadableStream<LanguageModelV3StreamPart>({
          start(controller) {
            for (const p of all) controller.enqueue(p);
            controller.close();
          },
        }),
      };
    },
  };
}
