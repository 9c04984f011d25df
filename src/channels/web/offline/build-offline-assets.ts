// Bundles the service worker (sw/sw.ts → assets/sw.js, with Workbox's precache list of the static assets
// and their content hashes) and the page script (client/offline.ts → assets/offline.js). Both are committed
// so `npm start` serves them with no build step (CSP: script-src 'self'); test/web/offline-bundle.test.ts
// fails when they are not what the sources build to. Run: npm run build:offline
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const assets = `${root}src/channels/web/assets/`;
export const OFFLINE_BUNDLES = { sw: `${assets}sw.js`, client: `${assets}offline.js` };

/**
 * The offline side's own static files, precached with their content hashes. The site's shared assets
 * (app.css, plan.js, inventory.js) are cached by the worker as pages load (stale-while-revalidate), so an
 * edit to them never makes this bundle stale.
 */
export const PRECACHED: { url: string; file: string }[] = [
  ...[
    'offline.js',
    'offline.css',
    'offline.html',
    'icon.svg',
    'icon-192.png',
    'icon-512.png',
    'icon-maskable-512.png',
  ].map((file) => ({ url: `/assets/${file}`, file })),
  { url: '/manifest.webmanifest', file: 'manifest.webmanifest' },
];

async function bundle(entry: string, define: Record<string, string>, banner: string): Promise<string> {
  const result = await build({
    entryPoints: [`${root}src/channels/web/offline/${entry}`],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome111', 'firefox111', 'safari16.4'],
    minify: true,
    legalComments: 'eof',
    define,
    banner: { js: banner },
    absWorkingDir: root,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

const banner = (what: string, from: string) =>
  `/* ReadyPlan ${what}. Built by \`npm run build:offline\` from src/channels/web/offline/${from} — do not edit. */`;

/** Both bundles as esbuild makes them from the current sources (the client first: the worker precaches it). */
export async function bundleOffline(): Promise<{ client: string; sw: string }> {
  const client = await bundle('client/offline.ts', {}, banner('offline page script', 'client/'));
  const manifest = PRECACHED.map(({ url, file }) => {
    const body = file === 'offline.js' ? client : readFileSync(`${assets}${file}`);
    return { url, revision: createHash('sha256').update(body).digest('hex').slice(0, 16) };
  });
  const sw = await bundle(
    'sw/sw.ts',
    { 'self.__WB_MANIFEST': JSON.stringify(manifest), 'process.env.NODE_ENV': '"production"' },
    banner('service worker', 'sw/'),
  );
  return { client, sw };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { client, sw } = await bundleOffline();
  writeFileSync(OFFLINE_BUNDLES.client, client);
  writeFileSync(OFFLINE_BUNDLES.sw, sw);
  console.log(
    `wrote ${OFFLINE_BUNDLES.client} and ${OFFLINE_BUNDLES.sw} (${Math.round(sw.length / 1024)} KB)`,
  );
}
