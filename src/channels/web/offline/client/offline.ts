// The page side of the offline copy (bundled into assets/offline.js, loaded on every page): registers the
// service worker, tells it which account is signed in (and which linked pages to keep), marks kept pages
// "Available offline · updated …", shows a banner while offline, and deletes the copy at sign-out. On the
// inventory page it runs the offline changes (inventory.ts); on the worker's offline fallback page it lists
// what this device keeps.
import { isOfflinePage, RENDERED_META, USER_CACHE_PREFIX, USER_META } from '../offline-paths.ts';
import { inventoryPage } from './inventory.ts';
import { clearQueue, sendQueued, storedSession } from './queue.ts';

const WARM_EVERY_MS = 10 * 60 * 1000;

const meta = (name: string) =>
  document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? null;

/** "2 hours ago" from the time the server rendered the page (a kept copy keeps its own time). */
export function age(renderedAt: Date, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - renderedAt.getTime()) / 60000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  return `${Math.round(hours / 24)} days ago`;
}

/**
 * Whether the server answers: navigator.onLine only knows about the device's own link (it stays true on a
 * Wi-Fi whose uplink is down, and under emulated offline), so a HEAD of the worker script — never served
 * from a cache — decides.
 */
async function reachable(): Promise<boolean> {
  if (!navigator.onLine) return false;
  try {
    return (await fetch('/sw.js', { method: 'HEAD', cache: 'no-store' })).ok;
  } catch {
    return false; // a failed fetch is the answer here: the network is down
  }
}

async function banner(): Promise<void> {
  let el = document.querySelector<HTMLElement>('[data-offline-banner]');
  if (!el) {
    el = document.createElement('p');
    el.className = 'offline-banner';
    el.setAttribute('role', 'status');
    el.dataset.offlineBanner = '';
    el.hidden = true;
    el.textContent = 'You are offline. This is the copy saved on this device.';
    document.body.prepend(el);
  }
  const online = await reachable();
  el.hidden = online;
  // The inventory page's changes (inventory.ts) listen: what needs the network is switched off meanwhile.
  document.dispatchEvent(new CustomEvent('rp:network', { detail: { online } }));
}

function mark(): void {
  const rendered = meta(RENDERED_META);
  if (!meta(USER_META) || !rendered || !isOfflinePage(location.pathname)) return;
  const el = document.createElement('p');
  el.className = 'offline-mark';
  el.dataset.offlineMark = '';
  el.textContent = `Available offline · updated ${age(new Date(rendered), new Date())}`;
  document.querySelector('main')?.prepend(el);
}

/** The kept pages and the queue of inventory changes, for every account: nothing stays on the device. */
async function clearCopy(): Promise<void> {
  const names = 'caches' in window ? await caches.keys() : [];
  await Promise.all([
    ...names.filter((n) => n.startsWith(USER_CACHE_PREFIX) || n === 'rp-meta').map((n) => caches.delete(n)),
    'indexedDB' in window ? clearQueue() : undefined,
  ]);
}

const within = <T>(ms: number, work: Promise<T>) =>
  Promise.race([work, new Promise<void>((resolve) => setTimeout(resolve, ms))]);

/**
 * Sign-out first sends the inventory changes still waiting (sign-out needs the network anyway), then deletes
 * this browser's copy before the form goes (the server also sends Clear-Site-Data).
 */
function clearAtSignOut(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[action="/logout"]')) {
    form.addEventListener('submit', (event) => {
      if (form.dataset.cleared) return;
      event.preventDefault();
      form.dataset.cleared = '1';
      const flush = storedSession().then((session) => (session ? sendQueued(session) : undefined));
      void within(4000, flush.catch(report))
        .then(() => within(3000, clearCopy()))
        .catch(report)
        .finally(() => form.submit());
    });
  }
}

const KEPT_LABELS: [RegExp, string][] = [
  [/^\/checklist$/, 'Emergency checklist: first steps, meeting points, who to call'],
  [/^\/plans?(\/[0-9a-f-]{36})?$/, 'Your plan'],
  [/^\/plans\/[0-9a-f-]{36}\/wallet-card$/, 'Wallet card'],
  [/^\/inventory$/, 'Inventory: used and restocked items are kept on this device and sync later'],
];

/** The worker's offline page (a page never opened online): the links to what this device does keep. */
async function listKept(): Promise<void> {
  const list = document.getElementById('offline-available');
  const retry = document.getElementById('offline-retry');
  if (retry) retry.setAttribute('href', location.href);
  if (!list || !('caches' in window)) return;
  const paths = new Set<string>();
  for (const name of (await caches.keys()).filter((n) => n.startsWith(USER_CACHE_PREFIX))) {
    for (const request of await (await caches.open(name)).keys()) paths.add(new URL(request.url).pathname);
  }
  const kept = [...paths]
    .filter(isOfflinePage)
    .filter((p) => p !== '/plan' || ![...paths].some((q) => q.startsWith('/plans/')));
  kept.sort(
    (a, b) => KEPT_LABELS.findIndex(([re]) => re.test(a)) - KEPT_LABELS.findIndex(([re]) => re.test(b)),
  );
  list.replaceChildren(
    ...kept.map((path) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = path;
      a.textContent = KEPT_LABELS.find(([re]) => re.test(path))?.[1] ?? path;
      li.append(a);
      return li;
    }),
  );
  if (kept.length === 0) {
    const li = document.createElement('li');
    li.textContent =
      'Nothing yet: sign in and open your plan while online, and the plan, wallet card, inventory and checklist are kept here.';
    list.append(li);
  }
  document.documentElement.dataset.offlineListed = String(kept.length);
}

async function register(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  const user = meta(USER_META);
  // The worker's offline page is rendered for nobody, but must not clear the copy it points to.
  if (!user && document.body.dataset.offlineFallback !== undefined) return;
  if (!user) {
    // Nobody is signed in on this page: no account's copy stays on the device.
    if ('caches' in window) await clearCopy();
    return;
  }
  const ready = await navigator.serviceWorker.ready;
  const links = [...document.querySelectorAll<HTMLAnchorElement>('a[href]')]
    .map((a) => new URL(a.href, location.href))
    .filter((u) => u.origin === location.origin)
    .map((u) => u.pathname);
  const linked = [...new Set([location.pathname, '/plan', '/inventory', '/checklist', ...links])];
  // Fetching the linked pages is five requests: once per tab every ten minutes, or when the links change
  // (a new plan). The pages themselves are refreshed by the worker on every visit anyway.
  const key = `rp-warmed:${user}:${linked.sort().join(' ')}`;
  const last = Number(sessionStorage.getItem(key) ?? 0);
  const paths = Date.now() - last > WARM_EVERY_MS ? linked : [location.pathname];
  sessionStorage.setItem(key, String(paths === linked ? Date.now() : last));
  const channel = new MessageChannel();
  const done = new Promise((resolve) => {
    channel.port1.onmessage = resolve;
  });
  ready.active?.postMessage({ type: 'user', user, paths }, [channel.port2]);
  await done;
  document.documentElement.dataset.offlineReady = '1';
}

function report(error: unknown): void {
  console.error('ReadyPlan offline copy:', error);
}
banner().catch(report);
mark();
clearAtSignOut();
const signedIn = meta(USER_META);
const csrf = meta('csrf-token');
if (signedIn && csrf && 'indexedDB' in window && location.pathname === '/inventory')
  inventoryPage({ user: signedIn, csrf });
if (document.body.dataset.offlineFallback !== undefined) listKept().catch(report);
for (const event of ['online', 'offline']) window.addEventListener(event, () => banner().catch(report));
register().catch(report);
