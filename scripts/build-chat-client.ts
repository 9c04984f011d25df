// Bundles the chat page's client (src/channels/web/chat/client/, TypeScript on the AI SDK's Chat, marked and
// DOMPurify) into src/channels/web/assets/chat.js, the one script the page loads (CSP: script-src 'self').
// The bundle is committed so `npm start` serves it with no build step; test/web/chat-bundle.test.ts fails
// when it is older than its sources. Run: npm run build:chat
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
export const CHAT_BUNDLE = `${root}src/channels/web/assets/chat.js`;
const ENTRY = `${root}src/channels/web/chat/client/main.ts`;
const BANNER =
  '/* ReadyPlan chat client. Built by `npm run build:chat` from src/channels/web/chat/client/ — do not edit. */';

/** The bundle as esbuild makes it from the current sources (deterministic for one esbuild version). */
export async function bundleChatClient(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome111', 'firefox111', 'safari16.4'],
    minify: true,
    legalComments: 'eof',
    banner: { js: BANNER },
    absWorkingDir: root,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export const committedChatBundle = () => readFileSync(CHAT_BUNDLE, 'utf8');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = await bundleChatClient();
  writeFileSync(CHAT_BUNDLE, text);
  console.log(`wrote ${CHAT_BUNDLE} (${Math.round(text.length / 1024)} KB)`);
}
