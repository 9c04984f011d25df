import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profiles, users } from '../../src/db/schema/index.ts';
import { start } from '../../src/main.ts';
import { artifactsDir, launchChromium, runBrowserTests } from '../support/chromium.ts';
import { freePort } from '../support/wire.ts';

/**
 * The web app end to end in headless Chromium (Debian's package, driven by playwright-core): the real server
 * from start() on a temporary data directory, a new account, one chat message that builds the plan while the
 * reply streams and tool chips run, the plan page with its charts, an item marked owned raising readiness,
 * the PDF download, and everything still there after a reload. Screenshots go to test-artifacts/web/.
 */
const ARTIFACTS = artifactsDir('web');
const MESSAGE = "We're 2 adults and 2 kids in Tampa, FL, worried about hurricanes, 2 weeks, $300";

describe.runIf(runBrowserTests)('the web app in headless Chromium', () => {
  let dataDir: string;
  let server: Awaited<ReturnType<typeof start>>;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'readyplan-browser-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // Billing on, so a free account meets the Basic upgrade (billing off makes every account the top tier);
    // the Stripe API root is a closed local port: this walk-through never pays.
    server = await start({
      PORT: String(port),
      DATA_DIR: dataDir,
      PUBLIC_URL: base,
      NODE_ENV: 'test',
      STRIPE_SECRET_KEY: 'sk_test_browser',
      STRIPE_WEBHOOK_SECRET: 'whsec_browser',
      STRIPE_API_ROOT: 'http://127.0.0.1:9',
    });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const shot = (page: Page, name: string, fullPage = true) =>
    page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
  const score = async (page: Page) =>
    Number(await page.locator('#readiness-score').getAttribute('data-score'));

  it('signs up, chats a plan into being, charts it, tracks inventory, downloads the PDF, and keeps it all', async () => {
    const context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });

    // Sign up.
    await page.goto(`${base}/signup`);
    await page.fill('#email', 'parent@example.com');
    await page.fill('#password', 'hurricane season 2026');
    await shot(page, '01-signup');
    await Promise.all([page.waitForURL(/\/chat/), page.click('form[action="/signup"] button[type=submit]')]);
    await expect.poll(() => page.locator('header.site').textContent()).toContain('Sign out');

    // One message; watch the reply stream in and the tool chips run.
    await page.evaluate(() => {
      const seen = { texts: [] as number[], running: [] as string[], done: [] as string[] };
      (window as unknown as { __seen: typeof seen }).__seen = seen;
      new MutationObserver(() => {
        const replies = document.querySelectorAll('.message.assistant .reply-text');
        const last = replies[replies.length - 1];
        if (last) seen.texts.push(last.textContent?.length ?? 0);
        for (const chip of document.querySelectorAll<HTMLElement>('.chip')) {
          const list =
            chip.dataset.state === 'running'
              ? seen.running
              : chip.dataset.state === 'done'
                ? seen.done
                : null;
          if (list && !list.includes(chip.dataset.tool!)) list.push(chip.dataset.tool!);
        }
      }).observe(document.getElementById('messages')!, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
    });
    await page.fill('#chat-input', MESSAGE);
    await page.click('#send');
    await page.locator('.chip[data-tool="buildPlan"]').waitFor();
    await shot(page, '02-chat-streaming');
    await page.waitForSelector('body[data-chat-state="idle"]', { timeout: 60_000 });
    const planLink = page.locator('.plan-card a', { hasText: 'Open your plan' });
    await planLink.waitFor();
    await shot(page, '03-chat-done');

    const seen = await page.evaluate(
      () => (window as unknown as { __seen: { texts: number[]; running: string[]; done: string[] } }).__seen,
    );
    const growth = [...new Set(seen.texts)];
    expect(growth.length, 'the reply text grew in several steps').toBeGreaterThan(5);
    expect(Number(await page.locator('.reply-text').last().getAttribute('data-deltas'))).toBeGreaterThan(5);
    // Quick steps may start and finish between two renders; the plan build is long enough to be seen running.
    expect(seen.running, 'a chip showed the plan build while it ran').toContain('buildPlan');
    expect(seen.done).toEqual(expect.arrayContaining(['updateHousehold', 'buildPlan', 'savePlan']));
    const chips = await page.locator('.message.assistant').last().locator('.chip').allTextContents();
    expect(chips).toEqual(expect.arrayContaining(['Building your plan', 'Saving your plan']));
    const replyText = await page.locator('.reply-text').last().textContent();
    expect(replyText).toMatch(/84 gal/);
    expect(replyText).toMatch(/Tampa, FL/);

    // The plan page, with its charts.
    await Promise.all([page.waitForURL(/\/plans\/[0-9a-f-]{36}$/), planLink.click()]);
    const planUrl = page.url();
    const planId = planUrl.split('/').pop()!;
    await expect.poll(() => page.locator('svg#readiness-by-category g.bar').count()).toBeGreaterThan(5);
    expect(await page.locator('svg#spend-by-category g.bar').count()).toBeGreaterThan(3);
    expect(await page.locator('#days-of-supply').textContent()).toMatch(/water: 0 of 14 days/i);
    expect(await page.locator('#items-table a[href^="http"]').count()).toBeGreaterThan(3);
    for (const heading of [
      'Skills to learn',
      'How the first days could go',
      'Phases',
      'Evacuation and meeting points',
      'Supplies',
    ]) {
      expect(await page.locator('h2', { hasText: heading }).count(), heading).toBe(1);
    }
    const planScore = await score(page);
    await shot(page, '04-plan');

    // Print stylesheet: navigation and buttons disappear.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.site').isVisible()).toBe(false);
    expect(await page.locator('.actions').isVisible()).toBe(false);
    await shot(page, '05-plan-print');
    await page.emulateMedia({ media: 'screen' });

    // The PDF download.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="pdf-link"]'),
    ]);
    const pdfPath = join(ARTIFACTS, 'plan.pdf');
    await download.saveAs(pdfPath);
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');

    // Inventory: a free account is offered the upgrade; on Basic, marking water owned raises the score at once.
    await page.goto(`${base}/inventory`);
    expect(await page.locator('#upgrade').textContent()).toContain('Inventory tracking is part of Basic');
    const [user] = await server.database.db.select().from(users).where(eq(users.email, 'parent@example.com'));
    await server.database.db
      .update(profiles)
      .set({ subscriptionTier: 'BASIC' })
      .where(eq(profiles.id, user!.id));
    await page.reload();
    const before = await score(page);
    expect(before).toBe(planScore);
    const water = page.locator('#needs-table tr[data-key="water-storage"]');
    await water.locator('input.own-all').check();
    await page.waitForSelector('body[data-saves="1"]');
    await expect.poll(() => score(page)).toBeGreaterThan(before);
    const afterWater = await score(page);
    expect(await page.locator('#days-of-supply').textContent()).toMatch(/water: 14 of 14 days/i);
    // A quantity and an expiry date for food.
    const food = page.locator('#needs-table tr[data-key="food-kcal"]');
    await food.locator('input.owned').fill('60200');
    await food.locator('input.owned').press('Tab');
    await page.waitForSelector('body[data-saves="2"]');
    await food.locator('input.expires').fill('2027-03-31');
    await food.locator('input.expires').press('Tab');
    await page.waitForSelector('body[data-saves="3"]');
    await expect.poll(() => score(page)).toBeGreaterThan(afterWater);
    const finalScore = await score(page);
    expect(await page.locator('#days-of-supply').textContent()).toMatch(/food: 7 of 14 days/i);
    await shot(page, '06-inventory');

    // Reload everything: all of it is still there.
    await page.reload();
    expect(await score(page)).toBe(finalScore);
    expect(await water.locator('input.own-all').isChecked()).toBe(true);
    expect(await food.locator('input.owned').inputValue()).toBe('60200');
    expect(await food.locator('input.expires').inputValue()).toBe('2027-03-31');
    await page.goto(`${base}/plan`);
    expect(page.url()).toBe(planUrl);
    expect(await score(page)).toBe(finalScore);
    await page.goto(`${base}/chat`);
    await page.locator('.message.user', { hasText: 'Tampa, FL' }).waitFor();
    expect(await page.locator('.message.assistant .chip[data-tool="buildPlan"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.plan-card a', { hasText: 'Open your plan' }).count()).toBeGreaterThan(0);
    await shot(page, '07-chat-after-reload');

    // The wallet card.
    await page.goto(`${base}/plans/${planId}/wallet-card`);
    const card = await page.locator('.wallet-card').textContent();
    expect(card).toContain('1-800-222-1222');
    expect(card).toContain('911');
    expect(await page.locator('.hazard[data-hazard="hurricane"] li').count()).toBe(3);
    await shot(page, '08-wallet-card');

    // The account page: export and delete.
    await page.goto(`${base}/account`);
    expect(await page.locator('a[href="/account/export.json"]').count()).toBe(1);
    await shot(page, '09-account');

    // On a phone: nothing overflows sideways.
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await phone.addCookies((await context.cookies()).map((c) => ({ ...c })));
    const mobile = await phone.newPage();
    for (const path of [`/plans/${planId}`, '/inventory', '/chat']) {
      await mobile.goto(`${base}${path}`);
      const width = await mobile.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${path} fits a 390px screen`).toBeLessThanOrEqual(392);
    }
    await mobile.goto(`${base}/plans/${planId}`);
    await shot(mobile, '10-plan-phone');
    await phone.close();

    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);
});
