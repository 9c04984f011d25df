import { join } from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, runBrowserTests } from '../support/chromium.ts';
import {
  ARTIFACTS,
  type ChatTestApp,
  DESKTOP,
  expectInView,
  expectNoEmptyBubbles,
  openPage,
  PHONE,
  SLOW_WORDS,
  send,
  startChatApp,
  turnCount,
  waitForTurn,
} from './chat-support.ts';

/**
 * The chat page in headless Chromium when things go wrong: a dropped connection, a 500, a 429 with
 * Retry-After, an error part in the middle of a reply and a connection cut in the middle of a reply. Each
 * time the user's words stay on the page, marked as failed, with the reason in view (inside the window at
 * 390 and 1280 px) and a Retry that sends them again. Then Stop, Regenerate, choices on the latest message
 * only, the composer never covering the reply, and a reload in the middle of a reply.
 */
const PLAN_MESSAGE = "We're 2 adults and a 6 year old in Boise, ID, worried about earthquakes, 1 week, $150";

type Mode = {
  name: string;
  text: string;
  reason: RegExp;
  /** What arrived before a mid-stream failure: kept, marked incomplete. */
  partial?: RegExp;
  /** Makes the next POST /api/chat fail this way (null: the server itself fails). */
  route: ((route: Route, base: string) => Promise<void>) | null;
};

const MODES: Mode[] = [
  {
    name: 'network-drop',
    text: 'How much water does a 6 year old need per day?',
    reason: /connection dropped before/i,
    route: (route) => route.abort('internetdisconnected'),
  },
  {
    name: 'http-500',
    text: 'What goes in a first aid kit?',
    reason: /server had a problem answering \(error 500\)/i,
    route: (route) =>
      route.fulfill({ status: 500, json: { error: 'Something went wrong', code: 'INTERNAL' } }),
  },
  {
    name: 'http-429',
    text: 'How do I store water for a week?',
    reason: /Slow down: too many messages\. You can retry in 4 s/,
    route: (route) =>
      route.fulfill({
        status: 429,
        headers: { 'retry-after': '4' },
        json: { error: 'Slow down: too many messages.', code: 'RATE_LIMITED' },
      }),
  },
  {
    name: 'error-mid-stream',
    text: 'Tell me about earthquake kits [breaks]',
    reason: /ReadyPlan ran into a problem while answering/,
    partial: /part1 part2 part3/,
    route: null,
  },
  {
    name: 'cut-mid-stream',
    text: 'What food should we store?',
    reason: /connection dropped while the reply was arriving/i,
    partial: /Here is the beginning of an answer/,
    route: (route, base) => route.continue({ url: `${base}/test/cut-stream` }),
  },
];

const userBubbles = (page: Page, text: string) =>
  page.$$eval('.message.user .bubble', (nodes, t) => nodes.filter((n) => n.textContent === t).length, text);

describe.runIf(runBrowserTests)('chat failures in headless Chromium', () => {
  let app: ChatTestApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startChatApp();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  for (const viewport of [PHONE, DESKTOP]) {
    it(`at ${viewport.width} px every failure keeps the message, shows why in view, and Retry sends it`, async () => {
      const { context, page, problems } = await openPage(browser, viewport);
      await page.goto(`${app.base}/chat`);
      // A real plan first, so the page is longer than the window (where the old error line hid).
      await send(page, PLAN_MESSAGE);
      await page.locator('.plan-card').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(
        viewport.height,
      );

      for (const base of MODES) {
        // Each width sends its own words (the scripted model fails a "[breaks]" message only once).
        const mode = { ...base, text: `${base.text} (${viewport.width} px)` };
        if (mode.route)
          await page.route('**/api/chat', (route) => mode.route!(route, app.base), { times: 1 });
        await send(page, mode.text);
        const failed = page.locator('.message.user.failed');
        await failed.last().waitFor();
        expect(await failed.count(), `${mode.name}: one failed message`).toBe(1);
        expect(await failed.locator('.bubble').textContent(), `${mode.name}: the words are kept`).toBe(
          mode.text,
        );
        expect(await failed.locator('.failure-reason').textContent()).toMatch(mode.reason);
        const retry = failed.locator('.retry');
        if (mode.name === 'http-429') {
          // Retry waits for the server's Retry-After, then may go.
          expect(await retry.isDisabled()).toBe(true);
          expect(await retry.textContent()).toMatch(/Retry in \d s/);
        }
        await expectInView(page, '.message.user.failed .failure-reason');
        await expectInView(page, '.message.user.failed .retry');
        await expectNoEmptyBubbles(page);
        if (mode.partial) {
          const cut = page.locator('.message.assistant').last();
          expect(await cut.locator('.reply-text').textContent()).toMatch(mode.partial);
          expect(await cut.locator('.incomplete').textContent()).toBe('This reply is incomplete.');
          await expectInView(page, '.message.assistant .incomplete');
        }
        await page.screenshot({ path: join(ARTIFACTS, `chat-fail-${mode.name}-${viewport.width}.png`) });
        if (mode.name === 'http-429')
          await expect.poll(() => retry.isDisabled(), { timeout: 8_000 }).toBe(false);
        const turns = await turnCount(page);
        await retry.click();
        await waitForTurn(page, turns + 1);
        await expect.poll(() => failed.count(), { timeout: 30_000 }).toBe(0);
        const last = page.locator('.message.assistant').last();
        expect((await last.locator('.reply-text').textContent())?.trim(), `${mode.name}: answered`).not.toBe(
          '',
        );
        expect(await last.locator('.incomplete').count(), `${mode.name}: the retried reply is whole`).toBe(0);
        // Nothing piles up: the words appear once, the reply after them.
        expect(await userBubbles(page, mode.text), `${mode.name}: the message once`).toBe(1);
        await expectNoEmptyBubbles(page);
      }
      expect(await page.locator('#chat-input').inputValue()).toBe('');
      await page.screenshot({ path: join(ARTIFACTS, `chat-after-retries-${viewport.width}.png`) });
      // The server kept each message once too: the thread as it comes back after a reload.
      await page.reload();
      await page.locator('.message.assistant').last().waitFor();
      for (const base of MODES)
        expect(
          await userBubbles(page, `${base.text} (${viewport.width} px)`),
          `${base.name}: stored once`,
        ).toBe(1);
      expect(problems).toEqual([]);
      await context.close();
    }, 180_000);
  }

  it('Stop keeps what arrived; Regenerate replaces the last reply', async () => {
    const { context, page, problems } = await openPage(browser, DESKTOP);
    await page.goto(`${app.base}/chat`);
    await page.fill('#chat-input', '[slow] a long answer please');
    await page.click('#send');
    const reply = page.locator('.message.assistant .reply-text').last();
    await expect.poll(() => reply.textContent(), { timeout: 15_000 }).toMatch(/word3 /);
    expect(await page.locator('#stop').isVisible()).toBe(true);
    expect(await page.locator('#send').isVisible(), 'Stop replaces Send while a reply streams').toBe(false);
    const turns = await turnCount(page);
    await page.click('#stop');
    await waitForTurn(page, turns + 1);
    const kept = (await reply.textContent()) ?? '';
    expect(kept).toMatch(/word3 /);
    expect(kept).not.toContain('END');
    await page.waitForTimeout(700);
    expect(await reply.textContent(), 'nothing more arrives after Stop').toBe(kept);
    expect(await page.locator('.message.assistant .incomplete').last().textContent()).toBe('Stopped.');
    expect(await page.locator('#send').isVisible()).toBe(true);
    expect(await page.locator('#stop').isVisible()).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, 'chat-stopped-1280.png') });

    const stopped = await turnCount(page);
    await page.locator('.message.assistant').last().locator('.regenerate').click();
    await waitForTurn(page, stopped + 1);
    const full = (await page.locator('.message.assistant .reply-text').last().textContent()) ?? '';
    expect(full).toContain(`word${SLOW_WORDS} END`);
    expect(await userBubbles(page, '[slow] a long answer please')).toBe(1);
    expect(
      await page.locator('.message.assistant:not(.intro)').count(),
      'the stopped reply was replaced',
    ).toBe(1);
    expect(await page.locator('.incomplete').count()).toBe(0);
    await expectNoEmptyBubbles(page);
    // Stored once, with the one reply that replaced the stopped one.
    await page.reload();
    await page.locator('.message.assistant .reply-text').last().waitFor();
    expect(await userBubbles(page, '[slow] a long answer please'), 'stored once').toBe(1);
    expect(await page.locator('.message.assistant:not(.intro)').count(), 'one reply stored').toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('offers choices on the latest message only, and a choice sends its answer', async () => {
    const { context, page, problems } = await openPage(browser, DESKTOP);
    await page.goto(`${app.base}/chat`);
    await send(page, 'We live in Denver, CO');
    const choices = page.locator('.choices');
    expect(await choices.count(), 'the reply asks with choices').toBe(1);
    expect(await page.locator('.message').last().locator('.choices').count()).toBe(1);
    await send(page, 'I live in Austin, TX');
    expect(await choices.count()).toBeLessThanOrEqual(1);
    if ((await choices.count()) === 1)
      expect(await page.locator('.message').last().locator('.choices').count(), 'on the latest').toBe(1);
    const button = page.locator('.message').last().locator('.choices button').first();
    if ((await button.count()) === 1) {
      const before = await page.locator('.message.user').count();
      const turns = await turnCount(page);
      await button.click();
      await waitForTurn(page, turns + 1);
      expect(await page.locator('.message.user').count()).toBe(before + 1);
    }
    expect(await page.locator('.message:not(:last-child) .choices').count(), 'none on older messages').toBe(
      0,
    );
    expect(
      await page.locator('.message:not(:last-child) .regenerate').count(),
      'regenerate on the last',
    ).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);

  for (const viewport of [PHONE, DESKTOP]) {
    it(`at ${viewport.width} px the composer never covers the reply or the plan card`, async () => {
      const { context, page, problems } = await openPage(browser, viewport);
      await page.goto(`${app.base}/chat`);
      await send(page, PLAN_MESSAGE);
      const card = page.locator('.plan-card').last();
      await card.waitFor();
      const composer = await page.locator('#chat-form').boundingBox();
      const cardBox = await card.boundingBox();
      const lastBox = await page.locator('#messages > li').last().boundingBox();
      expect(cardBox!.y + cardBox!.height, 'the plan card ends above the composer').toBeLessThanOrEqual(
        composer!.y,
      );
      expect(lastBox!.y + lastBox!.height, 'the last message ends above the composer').toBeLessThanOrEqual(
        composer!.y + 1,
      );
      await page.screenshot({ path: join(ARTIFACTS, `chat-plan-${viewport.width}.png`) });
      // Scrolled to the very end, too.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const end = await page.locator('#messages > li').last().boundingBox();
      const composerEnd = await page.locator('#chat-form').boundingBox();
      expect(end!.y + end!.height).toBeLessThanOrEqual(composerEnd!.y + 1);
      expect(problems).toEqual([]);
      await context.close();
    }, 90_000);
  }

  it('a reload in the middle of a reply keeps what arrived, then shows the whole reply', async () => {
    const { context, page, problems } = await openPage(browser, PHONE);
    await page.goto(`${app.base}/chat`);
    await page.fill('#chat-input', '[slow] survive a reload');
    await page.click('#send');
    const reply = page.locator('.message.assistant .reply-text').last();
    await expect.poll(() => reply.textContent(), { timeout: 15_000 }).toMatch(/word5 /);
    await page.reload();
    await page.locator('.message.user', { hasText: '[slow] survive a reload' }).waitFor();
    // What had arrived is on the page at once, marked as still coming.
    expect(await page.locator('.message.waiting').textContent()).toMatch(/word5 [\s\S]*still answering/);
    await page.screenshot({ path: join(ARTIFACTS, 'chat-reload-mid-reply-390.png') });
    // The server finished the turn and recorded it: the whole reply replaces the placeholder.
    await expect
      .poll(() => page.locator('.message.assistant .reply-text').last().textContent(), { timeout: 20_000 })
      .toContain(`word${SLOW_WORDS} END`);
    expect(await page.locator('.message.waiting').count()).toBe(0);
    expect(await userBubbles(page, '[slow] survive a reload')).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
