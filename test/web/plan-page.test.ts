import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, runBrowserTests } from '../support/chromium.ts';
import { ARTIFACTS, DESKTOP, PHONE } from './chat-support.ts';
import { Client, startWebApp, type WebTestApp } from './support.ts';

/**
 * The plan page for someone in a hurry, in headless Chromium: "Do this first" at the top (three purchases
 * and the biggest gap), a section menu that stays on screen, supplies grouped by category and folded,
 * money written one way, categories named as words are. Page heights at 390 and 1280 px are printed.
 */
const MESSAGE =
  "We're 2 adults, a 7 year old and a dog in Tampa, FL, worried about hurricanes and power outages, 2 weeks, $2000";

const MONEY = /\$\d[\d,]*(?:\.\d+)?/g;

async function sectionHeights(page: Page) {
  return page.$$eval('main section', (sections) =>
    sections.map((s) => ({
      id: s.id || s.getAttribute('aria-labelledby') || '',
      title: s.querySelector('h2')?.textContent?.trim() ?? '',
      height: Math.round(s.getBoundingClientRect().height),
    })),
  );
}

describe.runIf(runBrowserTests)('the plan page in headless Chromium', () => {
  let app: WebTestApp;
  let browser: Browser;
  let planPath: string;
  let cookies: { name: string; value: string; url: string }[];

  beforeAll(async () => {
    app = await startWebApp();
    const client = new Client(app.base);
    await client.signUp('hurry@example.com');
    const { parts } = await client.chat(MESSAGE);
    const reply = parts.find((p) => p.type === 'data-reply') as
      | { data: { planCard: { url: string | null } | null } }
      | undefined;
    const url = reply?.data.planCard?.url;
    if (!url) throw new Error(`no saved plan in the reply: ${JSON.stringify(parts.slice(-3))}`);
    planPath = url.replace(/^https?:\/\/[^/]+/, '');
    cookies = [...client.cookies].map(([name, value]) => ({ name, value, url: app.base }));
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function open(viewport: {
    width: number;
    height: number;
  }): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      viewport,
      ...(viewport.width < 500 ? { isMobile: true, hasTouch: true } : {}),
    });
    await context.addCookies(cookies);
    const page = await context.newPage();
    await page.goto(`${app.base}${planPath}`);
    return { context, page };
  }

  it('reports the page height at 390 and 1280 px, and the longest sections at 390 px', async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      const { context, page } = await open(viewport);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const sections = (await sectionHeights(page)).sort((a, b) => b.height - a.height).slice(0, 6);
      console.log(`plan page at ${viewport.width} px: ${height} px tall; longest sections:`, sections);
      await page.screenshot({ path: join(ARTIFACTS, `plan-page-${viewport.width}.png`), fullPage: true });
      // Before this page was reworked the same plan measured 37,372 px at 390 and 15,033 px at 1280.
      expect(height).toBeLessThan(viewport.width < 500 ? 12_000 : 9_000);
      if (viewport.width < 500) {
        // No section longer than three screens on a phone: the long lists are folded.
        for (const s of sections) expect(s.height, s.title).toBeLessThan(3 * viewport.height);
      }
      await context.close();
    }
  }, 60_000);

  it('puts "Do this first" at the top: three purchases and the biggest gap', async () => {
    const { context, page } = await open(PHONE);
    const first = page.locator('#do-first');
    // The first section of the page, in view without scrolling.
    expect(await page.locator('main section').first().getAttribute('id')).toBe('do-first');
    expect((await first.boundingBox())!.y).toBeLessThan(PHONE.height);
    expect(await first.locator('h2').textContent()).toBe('Do this first');
    expect(await first.locator('ol.first-buys > li').count()).toBe(3);
    for (const text of await first.locator('ol.first-buys > li').allTextContents())
      expect(text).toMatch(/× \d+ · \$\d{1,3}(,\d{3})*\.\d{2}/);
    expect(await first.locator('#biggest-gap').textContent()).toMatch(/^Biggest gap: .+/);
    await page.screenshot({ path: join(ARTIFACTS, 'plan-do-first-390.png') });
    await context.close();
  }, 30_000);

  it('keeps the section menu on screen and each link lands on its section', async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      const { context, page } = await open(viewport);
      const nav = page.locator('nav.plan-nav');
      const labels = await nav.locator('a').allTextContents();
      expect(labels).toEqual(
        expect.arrayContaining(['Do this first', 'What to buy', 'Supplies', 'Readiness']),
      );
      await nav.locator('a', { hasText: 'Supplies' }).click();
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
      const navBox = (await nav.boundingBox())!;
      expect(navBox.y, 'the menu sticks to the top').toBeLessThanOrEqual(1);
      const heading = (await page.locator('#supplies-h').boundingBox())!;
      expect(heading.y, 'the section heading is below the menu, not under it').toBeGreaterThanOrEqual(
        navBox.y + navBox.height - 1,
      );
      expect(heading.y).toBeLessThan(viewport.height / 2);
      await page.screenshot({ path: join(ARTIFACTS, `plan-nav-${viewport.width}.png`) });
      // Nothing overflows sideways on a phone (the menu scrolls within itself).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width + 2,
      );
      await context.close();
    }
  }, 60_000);

  it('groups supplies and purchases by category, folded, with proper names', async () => {
    const { context, page } = await open(PHONE);
    const groups = page.locator('#supplies details.group');
    const n = await groups.count();
    expect(n).toBeGreaterThan(3);
    expect(await page.locator('#supplies details.group[open]').count(), 'all folded').toBe(0);
    const total = Number((await page.locator('#supplies-h').textContent())!.match(/\((\d+)\)/)![1]);
    expect(await page.locator('#supplies details.group tbody tr').count()).toBe(total);
    const names = await page.locator('#supplies .group-name, #buy .group-name').allTextContents();
    for (const name of names) expect(name, 'sentence case').toMatch(/^[A-Z][a-z]*( [a-z]+)*$/);
    // Opening a group shows its rows.
    await groups.first().locator('summary').click();
    expect(await groups.first().locator('tbody tr').first().isVisible()).toBe(true);
    expect(await page.locator('#buy details.group').count()).toBeGreaterThan(1);
    expect(await page.locator('#buy details.group[open]').count()).toBe(0);
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toMatch(/\b[A-Z][a-z]+ And [A-Z]/);
    await context.close();
  }, 30_000);

  it('writes money one way everywhere: $1,234.56', async () => {
    const { context, page } = await open(DESKTOP);
    const text = (await page.locator('main').textContent()) ?? '';
    const amounts = text.match(MONEY) ?? [];
    expect(amounts.length).toBeGreaterThan(10);
    for (const amount of amounts) expect(amount).toMatch(/^\$\d{1,3}(,\d{3})*\.\d{2}$/);
    await context.close();
  }, 30_000);

  it('prints everything: folded groups open for paper, the menu and buttons hidden', async () => {
    const { context, page } = await open(DESKTOP);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await page.locator('main details:not([open])').count()).toBe(0);
    expect(await page.locator('nav.plan-nav').isVisible()).toBe(false);
    expect(await page.locator('#supplies tbody tr').first().isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'plan-print-1280.png'), fullPage: true });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await page.locator('#supplies details.group[open]').count()).toBe(0);
    const pdf = await page.request.get(`${app.base}${planPath}.pdf`);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await context.close();
  }, 30_000);
});
