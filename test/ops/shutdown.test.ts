import type { Server } from 'node:http';
import { connect } from 'node:net';
import type { LanguageModelV3, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWebApp } from '../../src/channels/web/app.ts';
import { mountWeb } from '../../src/channels/web/routes.ts';
import { createRequestLog } from '../../src/channels/web/shared/request-log.ts';
import { loadConfig } from '../../src/config.ts';
import { acceptInbound, startInboundWorker } from '../../src/conversation/index.ts';
import { inboundUpdates, messages } from '../../src/db/schema/index.ts';
import type { Database } from '../../src/services/database.ts';
import { createOfflineEmbedder } from '../../src/services/embeddings/offline.ts';
import { silentLogger } from '../../src/services/logger.ts';
import { inlineSolver } from '../../src/services/plans/solver-pool.ts';
import { shutDown } from '../../src/shutdown.ts';
import { chatId, PUBLIC_URL, recorder } from '../channels/support.ts';
import { freshDatabase } from '../support/db.ts';
import { freePort } from '../support/wire.ts';
import { Client } from '../web/support.ts';

const usage = {
  inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 1, text: 1, reasoning: 0 },
};

/**
 * A model that says "first part", then waits until `release()` before "and the rest": a turn held in
 * flight for as long as the test wants. `started` counts the turns that have begun streaming.
 */
function heldModel() {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let started = 0;
  const model: LanguageModelV3 = {
    specificationVersion: 'v3',
    provider: 'test',
    modelId: 'held',
    supportedUrls: {},
    doGenerate: () => Promise.reject(new Error('the held model only streams')),
    async doStream() {
      started += 1;
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        async start(controller) {
          controller.enqueue({ type: 'stream-start', warnings: [] });
          controller.enqueue({ type: 'text-start', id: 't' });
          controller.enqueue({ type: 'text-delta', id: 't', delta: 'first part ' });
          await released;
          controller.enqueue({ type: 'text-delta', id: 't', delta: 'and the rest' });
          controller.enqueue({ type: 'text-end', id: 't' });
          controller.enqueue({ type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage });
          controller.close();
        },
      });
      return { stream };
    },
  };
  return { model, release, started: () => started };
}

/** Whether a new TCP connection to the port is refused. */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** The web app as main.ts wires it, over the held model, plus the inbound worker over the same model. */
async function serve(model: LanguageModelV3) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const config = loadConfig({ PORT: String(port), PUBLIC_URL: base });
  const requests = createRequestLog(silentLogger);
  const embedder = createOfflineEmbedder();
  const app = createWebApp({ config, database, logger: silentLogger, requests }, (web) =>
    mountWeb(web, { config, database, embedder, model, logger: silentLogger, solver: inlineSolver }),
  );
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s));
  });
  const out = recorder();
  const worker = startInboundWorker(
    { db: database.db, embedder, model, publicUrl: PUBLIC_URL },
    out.deliver,
    { pollMs: 10, concurrency: 1 },
  );
  return { port, base, server, requests, worker, sent: out.sent };
}

describe('graceful shutdown', () => {
  it('refuses new connections, lets a streaming chat turn and a worker turn finish, then closes', async () => {
    const held = heldModel();
    const app = await serve(held.model);
    const chat = chatId();

    // A web turn: streaming, its first words already out.
    const client = new Client(app.base);
    await client.session();
    const response = await client.request('POST', '/api/chat', { json: { text: 'what do I need?' } });
    const conversationId = response.headers.get('x-conversation-id')!;
    const reader = response.body!.getReader();
    let received = '';
    while (!received.includes('first part')) {
      const { value } = await reader.read();
      received += new TextDecoder().decode(value);
    }
    // A Telegram turn from the durable inbox, claimed by the worker and held mid-answer.
    await acceptInbound(
      { db: database.db },
      { channel: 'telegram', externalId: chat, text: 'hi', deliveryId: 'ops-1' },
    );
    await vi.waitFor(() => expect(held.started()).toBe(2));

    // What the database held when the stop came to close it (it must come after both turns were recorded).
    let atClose: { assistant: string[]; inbound: string | undefined } | null = null;
    let stopped = false;
    const stopping = shutDown({
      server: app.server,
      requests: app.requests,
      drains: [() => app.worker.stop()],
      logger: silentLogger,
      close: async () => {
        const said = await database.db
          .select({ content: messages.content })
          .from(messages)
          .where(and(eq(messages.conversationId, conversationId), eq(messages.role, 'assistant')));
        const [row] = await database.db
          .select({ status: inboundUpdates.status })
          .from(inboundUpdates)
          .where(eq(inboundUpdates.externalId, chat));
        atClose = { assistant: said.map((m) => m.content), inbound: row?.status };
      },
    }).then((result) => {
      stopped = true;
      return result;
    });

    expect(await refused(app.port)).toBe(true);
    expect(app.requests.inFlight()).toBe(1);
    expect(stopped).toBe(false);

    held.release();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      received += new TextDecoder().decode(value);
    }
    expect(await stopping).toEqual({ timedOut: false });
    expect(received).toContain('and the rest');
    expect(received).toContain('data: [DONE]');
    expect(atClose).toEqual({ assistant: ['first part and the rest'], inbound: 'done' });
    expect(app.sent.map((s) => s.reply.text)).toEqual(['first part and the rest']);
  });

  it('cuts off what is still running after the timeout, and still closes', async () => {
    const held = heldModel();
    const app = await serve(held.model);
    const client = new Client(app.base);
    await client.session();
    const response = await client.request('POST', '/api/chat', { json: { text: 'never ends' } });
    const reader = response.body!.getReader();
    await reader.read();
    await vi.waitFor(() => expect(held.started()).toBe(1));

    let closed = false;
    const result = await shutDown({
      server: app.server,
      requests: app.requests,
      drains: [() => app.worker.stop()],
      logger: silentLogger,
      timeoutMs: 200,
      close: async () => {
        closed = true;
      },
    });
    expect(result).toEqual({ timedOut: true });
    expect(closed).toBe(true);
    await expect(
      (async () => {
        for (;;) if ((await reader.read()).done) return;
      })(),
    ).rejects.toThrow();
    held.release();
  });
});
