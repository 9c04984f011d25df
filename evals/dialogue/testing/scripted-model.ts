import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3StreamPart,
} from '@ai-sdk/provider';

/** The text of the last thing the person said in a model call's prompt. */
export function lastUserText(options: LanguageModelV3CallOptions): string {
  for (let i = options.prompt.length - 1; i >= 0; i--) {
    const m = options.prompt[i]!;
    if (m.role !== 'user') continue;
    return m.content.map((p) => (p.type === 'text' ? p.text : '')).join('');
  }
  return '';
}

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 10, text: 10, reasoning: 0 },
};

/**
 * A model that answers some turns with fixed text and hands every other call to `base` — how the gate
 * tests put a deliberately wrong reply through the real conversation core after a real plan was built.
 * `answer` gets the person's last message and the call, and returns the reply text or null to delegate.
 */
export function overridingModel(
  base: LanguageModelV3,
  answer: (said: string, options: LanguageModelV3CallOptions) => string | null | Promise<string | null>,
): LanguageModelV3 {
  return {
    specificationVersion: 'v3',
    provider: 'eval-overriding',
    modelId: `overriding-${base.modelId}`,
    supportedUrls: {},
    doGenerate: (options) => base.doGenerate(options),
    async doStream(options) {
      const text = await answer(lastUserText(options), options);
      if (text === null) return base.doStream(options);
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        start(controller) {
          controller.enqueue({ type: 'stream-start', warnings: [] });
          controller.enqueue({ type: 'text-start', id: 't1' });
          controller.enqueue({ type: 'text-delta', id: 't1', delta: text });
          controller.enqueue({ type: 'text-end', id: 't1' });
          controller.enqueue({ type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage });
          controller.close();
        },
      });
      return { stream };
    },
  };
}
