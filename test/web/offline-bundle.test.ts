import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bundleOffline,
  OFFLINE_BUNDLES,
  PRECACHED,
} from '../../src/channels/web/offline/build-offline-assets.ts';
import { isOfflinePage } from '../../src/channels/web/offline/offline-paths.ts';

describe('the committed offline bundles', () => {
  it('are what the sources build to (run npm run build:offline after editing them or a precached asset)', async () => {
    const built = await bundleOffline();
    expect(readFileSync(OFFLINE_BUNDLES.client, 'utf8') === built.client, 'assets/offline.js is stale').toBe(
      true,
    );
    expect(readFileSync(OFFLINE_BUNDLES.sw, 'utf8') === built.sw, 'assets/sw.js is stale').toBe(true);
  }, 60_000);

  it('precache every static asset a page needs, and never the chat bundle', () => {
    const sw = readFileSync(OFFLINE_BUNDLES.sw, 'utf8');
    for (const { url } of PRECACHED) expect(sw).toContain(`"${url}"`);
    expect(sw).not.toContain('url:"/assets/chat.js"');
  });

  it('keep only the account pages, never the API or other pages', () => {
    const id = '14a04f83-60fe-4129-be98-d8cc873e3334';
    for (const kept of ['/plan', `/plans/${id}`, `/plans/${id}/wallet-card`, '/inventory', '/checklist']) {
      expect(isOfflinePage(kept), kept).toBe(true);
    }
    for (const never of [
      '/api/chat',
      '/api/inventory',
      `/api/plans/${id}`,
      '/account',
      '/chat',
      `/plans/${id}.pdf`,
    ]) {
      expect(isOfflinePage(never), never).toBe(false);
    }
  });
});
