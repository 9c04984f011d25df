import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  createWebChatAdapter,
  type WebChatRendering,
  type WebChatRequest,
} from '../../src/channels/web/chat/adapter.ts';
import { webExternalId } from '../../src/conversation/index.ts';
import { messages } from '../../src/db/schema/index.ts';
import { csrfTokenFor, newToken } from '../../src/services/accounts/index.ts';
import { Client, startWebApp } from '../web/support.ts';
import { describeAdapterContract } from './adapter-contract.ts';
import { echoModel } from './support.ts';

describeAdapterContract<WebChatRequest, WebChatRendering>('web', async () => {
  const app = await startWebApp({ model: echoModel() });
  const sent = new Map<string, WebChatRendering[]>();
  const adapter = createWebChatAdapter({
    write: (externalId, rendered) => {
      sent.set(externalId, [...(sent.get(externalId) ?? []), rendered]);
    },
  });
  const keyOf = (externalId: string) => externalId.replace(/^guest:/, '');
  const visible = (r: WebChatRendering) =>
    [r.markdown, ...r.choices.map((c) => `[ ${c.label} ]`), r.link?.url ?? ''].join('\n');
  return {
    adapter,
    externalId: () => webExternalId({ anonymousKey: newToken() }),
    request: ({ externalId, text }, options = {}) => {
      const key = keyOf(externalId);
      return {
        visitor: { user: null, sessionToken: null, anonymousKey: key },
        csrfToken: options.forged ? csrfTokenFor(newToken()) : csrfTokenFor(key),
        text,
      };
    },
    // The real route: the guest cookie and the CSRF header as a browser sends them.
    submit: async (request) => {
      const response = await fetch(`${app.base}/api/chat`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: `rp_anon=${request.visitor.anonymousKey}`,
          'x-csrf-token': String(request.csrfToken),
        },
        body: JSON.stringify({ text: request.text }),
      });
      await response.text();
      return response.status;
    },
    storedCount: async () => (await app.database.db.select({ n: count() }).from(messages))[0]!.n,
    visible,
    choose: (rendered, n) => rendered.choices[n - 1]!.value,
    received: async (externalId) => (sent.get(externalId) ?? []).map(visible).join('\n'),
    close: () => app.close(),
  };
});

describe('the web chat route', () => {
  it('sends the reply as the web adapter renders it (renderWeb), just before finish', async () => {
    const app = await startWebApp({ model: echoModel() });
    try {
      const client = new Client(app.base);
      await client.session();
      const { parts } = await client.chat('hello web');
      const types = parts.map((p) => p.type);
      expect(types.at(-2)).toBe('data-reply');
      const reply = parts.find((p) => p.type === 'data-reply')!.data as Record<string, unknown>;
      expect(reply).toMatchObject({
        markdown: 'heard: hello web',
        choices: [],
        link: null,
        planCard: null,
        status: 'ok',
      });
      const started = parts.find((p) => p.type === 'data-conversation')!.data as { conversationId: string };
      expect(reply.conversationId).toBe(started.conversationId);
    } finally {
      await app.close();
    }
  });
});
