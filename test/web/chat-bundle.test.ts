import { describe, expect, it } from 'vitest';
import { bundleChatClient, committedChatBundle } from '../../scripts/build-chat-client.ts';

/**
 * The chat page loads one committed bundle (src/channels/web/assets/chat.js) so `npm start` needs no build
 * step. It must be exactly what its sources build to today: edit the client, then `npm run build:chat`.
 */
describe('the chat client bundle', () => {
  it('is current with src/channels/web/chat/client/ (else run npm run build:chat)', async () => {
    const fresh = await bundleChatClient();
    const committed = committedChatBundle();
    // A boolean, not the two 700 KB strings: a stale bundle should say what to do, not print both.
    expect(fresh === committed, 'the committed chat.js is stale: run npm run build:chat').toBe(true);
  });

  it('is one classic script with nothing that needs an inline-script or eval CSP exception', () => {
    const bundle = committedChatBundle();
    expect(bundle.startsWith('/* ReadyPlan chat client.')).toBe(true);
    expect(bundle).not.toMatch(/\bnew Function\(|\beval\(/);
  });
});
