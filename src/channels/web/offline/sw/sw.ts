/// <reference lib="webworker" />
// The service worker (bundled by build-offline-assets.ts into assets/sw.js, served at /sw.js). Static
// assets are precached by Workbox; the signed-in person's plan, wallet card, inventory and checklist pages
// are network-first into a cache named for that account (rp-user-<hash>), so one browser never shows one
// account's copy to another. Nothing else is cached: /api/ (chat included), POSTs and other pages go to the
// network only; a page that cannot be had (never opened online, or for nobody signed in) gets the precached
// offline page, which lists what is kept. Background Sync sends the inventory changes queued on the device.
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { NetworkFirst, NetworkOnly, StaleWhileRevalidate } from 'workbox-strategies';
import { SYNC_TAG, sendQueued, storedSession } from '../client/queue.ts';
import { isOfflinePage, OFFLINE_FALLBACK, USER_CACHE_PREFIX, USER_META } from '../offline-paths.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: { url: string; revision: string | null }[] };

self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
// Pages ask for assets as /assets/app.css?v=N: the version parameter is not part of the precached key.
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/^v$/] });

/** The site's shared, public assets (stylesheet, page scripts): from the cache at once, refreshed behind. */
const ASSETS_CACHE = 'rp-assets';

// The chat bundle is left to the network: the chat needs it anyway.
registerRoute(
  ({ request, url }) =>
    request.method === 'GET' &&
    url.origin === self.location.origin &&
    url.pathname.startsWith('/assets/') &&
    url.pathname !== '/assets/chat.js',
  new StaleWhileRevalidate({ cacheName: ASSETS_CACHE }),
);

/** Where the worker remembers whose copy it keeps, across restarts (a worker's memory does not last). */
const META_CACHE = 'rp-meta';
const CURRENT_USER_KEY = '/__rp/current-user';

async function currentUser(): Promise<string | null> {
  const hit = await (await caches.open(META_CACHE)).match(CURRENT_USER_KEY);
  return hit ? hit.text() : null;
}

async function setCurrentUser(hash: string): Promise<void> {
  await (await caches.open(META_CACHE)).put(CURRENT_USER_KEY, new Response(hash));
}

/** Deletes every account's copy (logout, account deletion, or a page served to nobody signed in). */
async function clearUserCaches(): Promise<void> {
  const names = await caches.keys();
  await Promise.all(
    names.filter((n) => n.startsWith(USER_CACHE_PREFIX) || n === META_CACHE).map((n) => caches.delete(n)),
  );
}

const userOfHtml = (text: string): string | null =>
  new RegExp(`<meta name="${USER_META}" content="([0-9a-f]{16,64})">`).exec(text)?.[1] ?? null;

/**
 * A page is kept only when it is a 200 rendered for the account this cache belongs to: a sign-in redirect,
 * an error, or a page rendered for someone else (the session changed since) is never written.
 */
async function keepable(response: Response, hash: string): Promise<Response | null> {
  if (response.status !== 200) return null;
  const text = await response.clone().text();
  if (userOfHtml(text) !== hash) return null;
  // A copy of a followed redirect (/plan → /plans/:id) must not say "redirected", or the browser refuses it.
  return response.redirected ? new Response(text, { status: 200, headers: response.headers }) : response;
}

/**
 * The page's own scripts and stylesheets (inventory.js, plan.js, app.css), kept with it: a page fetched here,
 * never opened online, must still work offline. The same public cache the stale-while-revalidate route fills.
 */
async function keepAssetsOf(page: Response): Promise<void> {
  const text = await page.clone().text();
  const urls = [...text.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)]
    .map((m) => m[1]!)
    .filter((u) => !u.startsWith('/assets/chat.js'));
  const cache = await caches.open(ASSETS_CACHE);
  for (const url of new Set(urls)) {
    if (await matchPrecache(url)) continue;
    if (await cache.match(url)) continue;
    const response = await fetch(url).catch(() => null);
    if (response?.ok) await cache.put(url, response);
  }
}

/** Fetches the pages a signed-in page links to (wallet card, inventory, checklist) into that account's copy. */
async function warm(hash: string, paths: string[]): Promise<void> {
  const cache = await caches.open(`${USER_CACHE_PREFIX}${hash}`);
  for (const path of paths.filter(isOfflinePage)) {
    const kept = await keepable(await fetch(path, { credentials: 'same-origin' }), hash);
    if (!kept) continue;
    await cache.put(path, kept.clone());
    await keepAssetsOf(kept);
  }
}

const strategyFor = (hash: string) =>
  new NetworkFirst({
    cacheName: `${USER_CACHE_PREFIX}${hash}`,
    networkTimeoutSeconds: 4,
    plugins: [
      {
        cacheWillUpdate: ({ response }) => keepable(response, hash),
      },
    ],
  });

registerRoute(
  ({ request, url }) =>
    request.method === 'GET' &&
    request.mode === 'navigate' &&
    url.origin === self.location.origin &&
    isOfflinePage(url.pathname),
  async ({ request, event }) => {
    const hash = await currentUser();
    if (!hash) return fetch(request);
    return strategyFor(hash).handle({ request, event });
  },
);

// Every other page goes to the network, through the worker so that a failure can be answered below.
registerRoute(
  ({ request, url }) =>
    request.method === 'GET' &&
    request.mode === 'navigate' &&
    url.origin === self.location.origin &&
    !isOfflinePage(url.pathname),
  new NetworkOnly(),
);

// No network and no kept copy: the offline page instead of the browser's own error (other requests fail).
setCatchHandler(async ({ request }) => {
  if (request.mode === 'navigate') return (await matchPrecache(OFFLINE_FALLBACK)) ?? Response.error();
  return Response.error();
});

/**
 * Background Sync: the page registers SYNC_TAG when a change could not be sent; the browser wakes the worker
 * when the network is back, and the queue goes with the account and CSRF token the page left. Failing while
 * still offline makes the browser try again later.
 */
self.addEventListener('sync', ((event: ExtendableEvent & { tag: string }) => {
  if (event.tag !== SYNC_TAG) return;
  event.waitUntil(
    (async () => {
      const session = await storedSession();
      if (!session) return;
      const result = await sendQueued(session);
      if (result.state === 'offline') throw new Error('ReadyPlan: still offline, the changes wait');
      if (result.state !== 'synced' || result.outcomes.length === 0) return;
      if ((await currentUser()) === session.user) await warm(session.user, ['/inventory']);
      for (const client of await self.clients.matchAll({ type: 'window' }))
        client.postMessage({ type: 'rp-synced', outcomes: result.outcomes });
    })(),
  );
}) as EventListener);

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data = event.data as { type?: string; user?: string; paths?: string[] } | null;
  if (data?.type === 'user' && typeof data.user === 'string' && /^[0-9a-f]{16,64}$/.test(data.user)) {
    // A different account signed in on this browser: the previous one's copy goes first.
    event.waitUntil(
      currentUser().then(async (previous) => {
        if (previous && previous !== data.user) await clearUserCaches();
        await setCurrentUser(data.user!);
        await warm(
          data.user!,
          (data.paths ?? []).filter((p) => typeof p === 'string'),
        );
        event.ports[0]?.postMessage('ready');
      }),
    );
  } else if (data?.type === 'clear') {
    event.waitUntil(clearUserCaches().then(() => event.ports[0]?.postMessage('cleared')));
  }
});
