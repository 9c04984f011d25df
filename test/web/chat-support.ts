import type { Server } from 'node:http';
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3StreamPart,
} from '@ai-sdk/provider';
import { simulateReadableStream, UI_MESSAGE_STREAM_HEADERS } from 'ai';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { createOfflineModel } from '../../agents/index.ts';
import { createWebApp } from '../../src/channels/web/app.ts';
import { mountWeb } from '../../src/channels/web/routes.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/services/database.ts';
import { createOfflineEmbedder } from '../../src/services/embeddings/offline.ts';
import { silentLogger } from '../../src/services/logger.ts';
import { inlineSolver } from '../../src/services/plans/solver-pool.ts';
import { artifactsDir } from '../support/chromium.ts';
import { freshDatabase } from '../support/db.ts';
import { freePort } from '../support/wire.ts';

export const ARTIFACTS = artifactsDir('web');

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

const usage = {
  inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 1, text: 1, reasoning: 0 },
};

const lastUserText = (options: LanguageModelV3CallOptions) => {
  const user = [...options.prompt].reverse().find((m) => m.role === 'user');
  return user && Array.isArray(user.content)
    ? user.content.map((p) => (p.type === 'text' ? p.text : '')).join('')
    : '';
};

export const SLOW_WORDS = 40;

/**
 * The offline model, except for two scripted messages: one containing "[slow]" streams SLOW_WORDS words,
 * one every 100 ms, ending in "END" (to stop, reload or regenerate mid-reply); one containing "[breaks]"
 * streams a few words then fails the first time it is sent, and answers normally after.
 */
export function scriptedModel(): LanguageModelV3 {
  const offline = createOfflineModel();
  const broken = new Set<string>();
  const words = (n: number, prefix: string) =>
    Array.from(
      { length: n },
      (_, i): LanguageModelV3StreamPart => ({
        type: 'text-delta',
        id: 't',
        delta: `${prefix}${i + 1} `,
      }),
    );
  return {
    specificationVersion: 'v3',
    provider: 'test',
    modelId: 'scripted',
    supportedUrls: {},
    doGenerate: (options) => offline.doGenerate(options),
    async doStream(options) {
      const text = lastUserText(options);
      const failNow = text.includes('[breaks]') && !broken.has(text);
      if (!text.includes('[slow]') && !failNow) return offline.doStream(options);
      if (failNow) broken.add(text);
      const chunks: LanguageModelV3StreamPart[] = [
        { type: 'stream-start', warnings: [] },
        { type: 'text-start', id: 't' },
        ...(failNow
          ? [...words(5, 'part'), { type: 'error', error: new Error('the model went away') } as const]
          : [
              ...words(SLOW_WORDS, 'word'),
              { type: 'text-delta', id: 't', delta: 'END' } as const,
              { type: 'text-end', id: 't' } as const,
              { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage } as const,
            ]),
      ];
      return { stream: simulateReadableStream({ chunks, chunkDelayInMs: failNow ? 30 : 100 }) };
    },
  };
}

export type ChatTestApp = { base: string; database: Database; close(): Promise<void> };

/**
 * The web app as main.ts wires it (fresh database, the scripted model) plus one route of the test's own:
 * POST /test/cut-stream answers like /api/chat, sends a few words, then drops the connection.
 */
export async function startChatApp(): Promise<ChatTestApp> {
  const database = await freshDatabase();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const config = loadConfig({ PORT: String(port), PUBLIC_URL: base, NODE_ENV: 'test' });
  const app = createWebApp({ config, database, logger: silentLogger }, (web) => {
    web.post('/test/cut-stream', (_req, res) => {
      res.writeHead(200, { ...UI_MESSAGE_STREAM_HEADERS });
      for (const part of [
        { type: 'start' },
        { type: 'start-step' },
        { type: 'text-start', id: 'c' },
        { type: 'text-delta', id: 'c', delta: 'Here is the beginning of an answer ' },
      ])
        res.write(`data: ${JSON.stringify(part)}\n\n`);
      setTimeout(() => res.socket?.destroy(), 300);
    });
    mountWeb(web, {
      config,
      database,
      embedder: createOfflineEmbedder(),
      model: scriptedModel(),
      logger: silentLogger,
      solver: inlineSolver,
    });
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s));
  });
  return {
    base,
    database,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

/** A page at a width, with every page error and console error collected. */
export async function openPage(browser: Browser, viewport: { width: number; height: number }) {
  const context = await browser.newContext({
    viewport,
    ...(viewport.width < 500 ? { isMobile: true, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { context, page, problems };
}

/** The element's box lies wholly inside the window (not merely somewhere on the page). */
export async function expectInView(page: Page, selector: string) {
  const box = await page.locator(selector).last().boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, `${selector} is drawn`).not.toBeNull();
  expect(box!.y, `${selector} top is in view`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${selector} bottom is in view`).toBeLessThanOrEqual(viewport.height);
  expect(box!.x + box!.width, `${selector} right edge is in view`).toBeLessThanOrEqual(viewport.width);
}

/** Sends a message from the composer and waits for the turn to end, however it ends. */
export async function send(page: Page, text: string) {
  const turns = await turnCount(page);
  await page.fill('#chat-input', text);
  await page.click('#send');
  await waitForTurn(page, turns + 1);
}

export const turnCount = (page: Page) => page.evaluate(() => Number(document.body.dataset.turns ?? 0));

/** Waits until `n` turns have ended on this page (the client counts them on <body data-turns>). */
export async function waitForTurn(page: Page, n: number) {
  await page.waitForFunction((want) => Number(document.body.dataset.turns ?? 0) >= want, n, {
    timeout: 60_000,
  });
}

/** No assistant bubble on the page is empty (no text, no steps, nothing). */
export async function expectNoEmptyBubbles(page: Page) {
  const empty = await page.$$eval(
    '.message.assistant:not(.intro)',
    (items) => items.filter((li) => (li.textContent ?? '').trim() === '').length,
  );
  expect(empty, 'empty assistant bubbles').toBe(0);
}
