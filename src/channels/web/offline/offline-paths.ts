/**
 * Which pages the service worker keeps for the signed-in person, shared by the worker (which caches them)
 * and the page script (which marks them "Available offline"), so the two never disagree. Only pages: no
 * /api/ response is ever kept (the chat, the JSON API and every POST go to the network only).
 */
export const OFFLINE_PAGE_PATTERNS: RegExp[] = [
  /^\/plan$/,
  /^\/plans\/[0-9a-f-]{36}$/,
  /^\/plans\/[0-9a-f-]{36}\/wallet-card$/,
  /^\/inventory$/,
  /^\/checklist$/,
];

export const isOfflinePage = (pathname: string): boolean =>
  OFFLINE_PAGE_PATTERNS.some((pattern) => pattern.test(pathname));

/** Every per-user cache starts so; logout and account deletion remove all of them. */
export const USER_CACHE_PREFIX = 'rp-user-';

/** The page's <meta name> carrying the signed-in account's hash (absent when signed out). */
export const USER_META = 'rp-user';
/** The page's <meta name> carrying when the server rendered it (so a kept copy can say how old it is). */
export const RENDERED_META = 'rp-rendered';

/** The worker's page for a page never opened online (precached; names what is kept, with links). */
export const OFFLINE_FALLBACK = '/assets/offline.html';
