import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inventoryChanges, inventoryItems, profiles, users } from '../../src/db/schema/index.ts';
import { start } from '../../src/main.ts';
import { artifactsDir, launchChromium, runBrowserTests } from '../support/chromium.ts';
import { freePort } from '../support/wire.ts';

/**
 * The offline copy end to end in headless Chromium: installability (manifest fields, icons reachable, the
 * service worker registered and controlling the page), a plan built in the chat, then the network cut:
 * plan, wallet card, inventory and checklist still open from the per-account cache, marked "Available
 * offline", with the offline banner; on the inventory page two items are ticked off offline (the counts and the
 * days of supply change at once, "waiting to sync", and survive a reload), a page never opened online gets the
 * worker's offline page; back online the worker's Background Sync sends them with no inventory page open, the
 * server has both changes exactly once, a second sync changes nothing, and online the same controls apply at
 * once; sign-out empties the caches and the device's queue. Served on localhost (a secure context, which
 * service workers need). Screenshots at 390 px go to test-artifacts/offline/.
 */
const ARTIFACTS = artifactsDir('offline');
const MESSAGE = "We're 2 adults and 2 kids in Tampa, FL, worried about hurricanes, 2 weeks, $300";

describe.runIf(runBrowserTests)('the offline copy in headless Chromium', () => {
  let dataDir: string;
  let server: Awaited<ReturnType<typeof start>>;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'readyplan-offline-'));
    const port = await freePort();
    base = `http://localhost:${port}`;
    server = await start({ PORT: String(port), DATA_DIR: dataDir, PUBLIC_URL: base, NODE_ENV: 'test' });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  const userCaches = (page: Page) =>
    page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('rp-user-')));

  it('installs, keeps the plan, wallet card, inventory and checklist offline, and forgets them at sign-out', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

    // Installability: the manifest's fields, its icons reachable as PNGs of the stated sizes.
    const manifestResponse = await page.request.get(`${base}/manifest.webmanifest`);
    expect(manifestResponse.headers()['content-type']).toContain('application/manifest+json');
    const manifest = await manifestResponse.json();
    expect(manifest).toMatchObject({
      short_name: 'ReadyPlan',
      display: 'standalone',
      start_url: '/checklist',
    });
    expect(manifest.name).toBeTruthy();
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    const sizes = manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`);
    expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
    for (const icon of manifest.icons as { src: string; sizes: string }[]) {
      const res = await page.request.get(`${base}${icon.src}`);
      expect(res.status(), icon.src).toBe(200);
      expect(res.headers()['content-type']).toBe('image/png');
      const png = await res.body();
      const [w, h] = icon.sizes.split('x').map(Number);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], icon.src).toEqual([w, h]);
    }
    const sw = await page.request.get(`${base}/sw.js`);
    expect(sw.headers()['content-type']).toContain('text/javascript');
    expect(sw.headers()['service-worker-allowed']).toBe('/');

    // Sign up and build a plan in the chat.
    await page.goto(`${base}/signup`);
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');
    await page.fill('#email', 'offline@example.com');
    await page.fill('#password', 'hurricane season 2026');
    await Promise.all([page.waitForURL(/\/chat/), page.click('form[action="/signup"] button[type=submit]')]);
    await page.fill('#chat-input', MESSAGE);
    await page.click('#send');
    await page.waitForSelector('body[data-chat-state="idle"]', { timeout: 90_000 });
    const planLink = page.locator('.plan-card a', { hasText: 'Open your plan' });
    await Promise.all([page.waitForURL(/\/plans\/[0-9a-f-]{36}$/), planLink.click()]);
    const planPath = new URL(page.url()).pathname;

    // The worker controls the page and has kept this account's pages (the plan page links the rest).
    await page.waitForSelector('html[data-offline-ready="1"]', { timeout: 30_000 });
    await page.reload();
    await page.waitForSelector('html[data-offline-ready="1"]', { timeout: 30_000 });
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope)).toBe(
      `${base}/`,
    );
    const named = await userCaches(page);
    expect(named).toHaveLength(1);
    expect(named[0]).toMatch(/^rp-user-[0-9a-f]{32}$/);
    const kept = await page.evaluate(
      async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname),
      named[0]!,
    );
    expect(kept).toEqual(
      expect.arrayContaining([planPath, `${planPath}/wallet-card`, '/inventory', '/checklist']),
    );
    // Nothing from the API is ever kept, in any cache.
    const everything = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
      }
      return urls;
    });
    expect(everything.filter((u) => u.startsWith('/api/'))).toEqual([]);
    await expect
      .poll(() => page.locator('[data-offline-mark]').textContent())
      .toMatch(/Available offline · updated/);

    // Inventory (a Basic feature): the plan's water and some food, recorded online.
    const db = server.database.db;
    const [account] = await db.select().from(users).where(eq(users.email, 'offline@example.com'));
    const userId = account!.id;
    await db.update(profiles).set({ subscriptionTier: 'BASIC' }).where(eq(profiles.id, userId));
    // A page the worker fetches ahead (never opened here yet) is kept with its own script and stylesheet.
    const keptAssets = await page.evaluate(async () => {
      await caches.delete('rp-assets');
      const user = document.querySelector<HTMLMetaElement>('meta[name="rp-user"]')!.content;
      const channel = new MessageChannel();
      const done = new Promise((resolve) => {
        channel.port1.onmessage = resolve;
      });
      navigator.serviceWorker.controller!.postMessage({ type: 'user', user, paths: ['/inventory'] }, [
        channel.port2,
      ]);
      await done;
      return (await (await caches.open('rp-assets')).keys()).map((r) => new URL(r.url).pathname);
    });
    expect(keptAssets).toEqual(expect.arrayContaining(['/assets/inventory.js', '/assets/app.css']));
    await page.goto(`${base}/inventory`);
    await page.locator('#needs-table tr[data-key="water-storage"] input.own-all').check();
    await page.waitForSelector('body[data-saves="1"]');
    const foodOwned = page.locator('#needs-table tr[data-key="food-kcal"] input.owned');
    await foodOwned.fill('60200');
    await foodOwned.press('Tab');
    await page.waitForSelector('body[data-saves="2"]');
    await page.reload(); // the kept copy of the page now lists them
    await page.waitForSelector('html[data-offline-ready="1"]', { timeout: 30_000 });
    const days = async () => (await page.locator('#days-of-supply').textContent()) ?? '';
    expect(await days()).toMatch(/water: 14 of 14 days/i);
    expect(await days()).toMatch(/food: 7 of 14 days/i);
    const itemRow = (key: string) => page.locator(`#items-table tr[data-id][data-supply="${key}"]`);
    const water = itemRow('water-storage');
    const food = itemRow('food-kcal');
    const count = async (row: typeof water) =>
      Number((await row.locator('.item-count').textContent())?.replace(/,/g, ''));
    const waterId = (await water.getAttribute('data-id'))!;
    const foodId = (await food.getAttribute('data-id'))!;
    const waterBefore = await count(water);
    expect(await count(food)).toBe(60200);
    const itemCounts = async () =>
      Object.fromEntries(
        (await db.select().from(inventoryItems).where(eq(inventoryItems.userId, userId))).map((r) => [
          r.id,
          r.quantityOwned,
        ]),
      );
    const changesLogged = () => db.select().from(inventoryChanges).where(eq(inventoryChanges.userId, userId));
    expect(await changesLogged()).toEqual([]);

    // The network goes; every page still opens from the kept copy.
    await context.setOffline(true);
    for (const [path, check, name] of [
      [planPath, 'h2:has-text("Evacuation and meeting points")', '01-plan-offline'],
      [`${planPath}/wallet-card`, '.wallet-card h1', '02-wallet-card-offline'],
      ['/inventory', '#needs-table', '03-inventory-offline'],
      ['/checklist', 'h2:has-text("Meeting points")', '04-checklist-offline'],
    ] as const) {
      await page.goto(`${base}${path}`);
      await page.locator(check).first().waitFor();
      await page.locator('[data-offline-banner]').waitFor({ state: 'visible' });
      await page.locator('[data-offline-mark]').waitFor();
      expect(await page.locator('[data-offline-mark]').textContent(), path).toMatch(
        /^Available offline · updated (just now|\d+ minutes? ago)$/,
      );
      await shot(page, name);
    }
    expect(await page.locator('.checklist-hazard[data-hazard="hurricane"] li').count()).toBe(3);
    await page.reload();
    await page.locator('h2:has-text("Meeting points")').waitFor();

    // Offline on the inventory page: 4 gallons of water and a day of food (8,600 kcal) used. The counts, the
    // days of supply and the score change at once, from the same calculation as the server's.
    await page.goto(`${base}/inventory`);
    // What needs the network (a need's total, adding, removing) is switched off with a note saying so.
    await page.waitForSelector('body[data-network="offline"]');
    expect(await page.locator('#needs-table input.own-all').first().isDisabled()).toBe(true);
    expect(await water.locator('button.item-delete').isDisabled()).toBe(true);
    expect(await page.locator('#needs-offline-note').textContent()).toMatch(
      /^Offline: these totals can be changed when the network is back/,
    );
    expect(await water.locator('button[data-change="used"]').isEnabled()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, '06-inventory-top-offline.png') });
    await page.locator('#needs-h').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, '06-inventory-needs-offline.png') });
    const scoreBefore = Number(await page.locator('#readiness-score').textContent());
    await water.locator('input.change-n').fill('4');
    await water.locator('button[data-change="used"]').click();
    await food.locator('input.change-n').fill('8600');
    await food.locator('button[data-change="used"]').click();
    await page.waitForSelector('body[data-pending-changes="2"]');
    expect(await count(water)).toBe(waterBefore - 4);
    expect(await count(food)).toBe(60200 - 8600);
    await expect.poll(days).toMatch(/water: 13 of 14 days/i);
    expect(await days()).toMatch(/food: 6 of 14 days/i);
    expect(Number(await page.locator('#readiness-score').textContent())).toBeLessThan(scoreBefore);
    expect(await water.locator('.sync-mark').textContent()).toBe('waiting to sync');
    await expect(food.locator('.sync-mark').isVisible()).resolves.toBe(true);
    expect(await page.locator('#sync-status').textContent()).toMatch(/^2 changes waiting to sync/);
    await water.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, '06-inventory-changed-offline.png') });
    await page
      .locator('section[aria-labelledby="ready-h"]')
      .screenshot({ path: join(ARTIFACTS, '06a-readiness-offline.png') });
    await page
      .locator('section[aria-labelledby="items-h"]')
      .screenshot({ path: join(ARTIFACTS, '06b-items-offline.png') });
    // Still offline, a reload keeps them: the queue is on the device, over the kept copy of the page.
    await page.reload();
    await page.waitForSelector('body[data-pending-changes="2"]');
    expect(await count(water)).toBe(waterBefore - 4);
    expect(await days()).toMatch(/water: 13 of 14 days/i);
    expect(await changesLogged()).toEqual([]);

    // A page never opened online: the worker's offline page, linking what this device keeps.
    await page.goto(`${base}/account`);
    await page.locator('h1', { hasText: 'This page needs the network' }).waitFor();
    await page.waitForSelector('html[data-offline-listed]');
    const keptLinks = await page
      .locator('#offline-available a')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(keptLinks).toEqual(
      expect.arrayContaining([planPath, `${planPath}/wallet-card`, '/inventory', '/checklist']),
    );
    await page.locator('[data-offline-banner]').waitFor({ state: 'visible' });
    await shot(page, '07-never-opened-offline');
    // The offline page did not clear the copy: its links work.
    await page.locator('#offline-available a[href="/checklist"]').click();
    await page.locator('h2:has-text("Meeting points")').waitFor();

    // The failed send registered a Background Sync: back online, with no inventory page open (this is the
    // checklist), the worker sends the queue by itself. The server has both changes, once each.
    const syncTags = () =>
      page.evaluate(async () => {
        const registration = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & {
          sync?: { getTags(): Promise<string[]> };
        };
        return (await registration.sync?.getTags()) ?? null;
      });
    expect(await syncTags()).toEqual(['rp-inventory-changes']);
    await context.setOffline(false);
    await expect.poll(async () => (await changesLogged()).length, { timeout: 20_000 }).toBe(2);
    await expect.poll(syncTags).toEqual([]);
    await page.goto(`${base}/inventory`);
    await page.waitForSelector('body[data-pending-changes="0"]');
    const logged = await changesLogged();
    expect(logged.map((c) => [c.itemId, c.kind, c.payload]).sort()).toEqual(
      [
        [waterId, 'used', { itemId: waterId, amount: 4 }],
        [foodId, 'used', { itemId: foodId, amount: 8600 }],
      ].sort(),
    );
    expect(logged.every((c) => (c.outcome as { applied: boolean }).applied)).toBe(true);
    const afterSync = await itemCounts();
    expect(afterSync[waterId]).toBe(waterBefore - 4);
    expect(afterSync[foodId]).toBe(60200 - 8600);
    expect(await count(water)).toBe(waterBefore - 4);
    expect(await water.locator('.sync-mark').isVisible()).toBe(false);
    expect(await days()).toMatch(/water: 13 of 14 days/i);
    expect(await page.locator('#needs-offline-note').isVisible()).toBe(false);
    expect(await water.locator('button.item-delete').isEnabled()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, '08-inventory-synced.png') });
    await page
      .locator('section[aria-labelledby="items-h"]')
      .screenshot({ path: join(ARTIFACTS, '08b-items-synced.png') });
    // A second sync (a reload) changes nothing.
    await page.reload();
    await page.waitForSelector('body[data-syncs="1"]');
    expect(await itemCounts()).toEqual(afterSync);
    expect(await changesLogged()).toHaveLength(2);
    expect(await count(food)).toBe(60200 - 8600);

    // Online the same controls apply at once: 2 gallons restocked, and an expiry date for the food.
    await water.locator('input.change-n').fill('2');
    await water.locator('button[data-change="restocked"]').click();
    await page.waitForSelector('body[data-syncs="2"]');
    expect(await page.locator('#sync-status').textContent()).toBe('Saved 1 change.');
    expect((await itemCounts())[waterId]).toBe(waterBefore - 2);
    expect(await count(water)).toBe(waterBefore - 2);
    expect(await water.locator('input.change-n').inputValue()).toBe('1');
    await food.locator('input.item-expires').fill('2027-03-31');
    await food.locator('input.item-expires').press('Tab');
    await page.waitForSelector('body[data-syncs="3"]');
    const [foodRow] = await db.select().from(inventoryItems).where(eq(inventoryItems.id, foodId));
    expect(foodRow?.expirationDate).toBe('2027-03-31');
    expect(await changesLogged()).toHaveLength(4);
    expect(await page.locator('#needs-table tr[data-key="food-kcal"] input.expires').inputValue()).toBe(
      '2027-03-31',
    );
    expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toContain(
      'readyplan-offline',
    );

    // Sign out: the server's Clear-Site-Data and the page both drop the copy and the queue.
    await page.goto(`${base}${planPath}`);
    await page.waitForSelector('html[data-offline-ready="1"]', { timeout: 30_000 });
    const [logout] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/logout'),
      page.waitForURL(/notice=signed-out/),
      page.click('form[action="/logout"] button'),
    ]);
    expect(await logout.headerValue('clear-site-data')).toBe('"cache", "storage"');
    await expect.poll(() => userCaches(page)).toEqual([]);
    expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).not.toContain(
      'readyplan-offline',
    );
    await shot(page, '09-signed-out');
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);
});
