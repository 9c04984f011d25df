import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleMessage } from '../../src/conversation/index.ts';
import { identifyChannelUser } from '../../src/services/channels/index.ts';
import { Client, startWebApp, type WebTestApp } from '../web/support.ts';
import { chatId, coreOver, echoModel, phone } from './support.ts';

let app: WebTestApp;
let deps: Awaited<ReturnType<typeof coreOver>>['deps'];
beforeAll(async () => {
  app = await startWebApp({ model: echoModel() });
  ({ deps } = await coreOver(app.database, { model: echoModel() }));
});
afterAll(async () => {
  await app.close();
});

describe('linking from the account page', () => {
  it('a code from the account page, sent from Telegram, joins the chat to the account', async () => {
    const client = new Client(app.base);
    const user = await client.signUp(`link-${Date.now()}@example.com`);
    const page = await (await client.request('GET', '/account')).text();
    expect(page).toContain('Link Telegram or your phone');
    expect(page).toContain('Nothing is linked yet.');

    const made = await client.request('POST', '/account/link-code', {
      body: new URLSearchParams({ _csrf: client.csrf }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(made.status).toBe(200);
    const code = /class="link-code">([A-Z2-9]{4}-[A-Z2-9]{4})</.exec(await made.text())?.[1];
    expect(code).toBeTruthy();

    const chat = chatId();
    const reply = await handleMessage(deps, { channel: 'telegram', externalId: chat, text: `/link ${code}` });
    expect(reply.text).toMatch(/^Linked/);
    expect((await identifyChannelUser(app.database.db, 'telegram', chat)).userId).toBe(user.id);
    const after = await (await client.request('GET', '/account')).text();
    expect(after).toContain(`Telegram chat …${chat.slice(-3)}`);
    expect(after).not.toContain(chat); // never the whole chat id
  });

  it('a code from /link or LINK, entered on the account page, joins the number; a wrong one is refused', async () => {
    const client = new Client(app.base);
    const user = await client.signUp(`link-sms-${Date.now()}@example.com`);
    const number = phone();
    const made = await handleMessage(deps, { channel: 'sms', externalId: number, text: 'LINK' });
    const code = /([A-Z2-9]{4}-[A-Z2-9]{4})/.exec(made.text)![1]!;

    const wrong = await client.request('POST', '/account/link', {
      body: new URLSearchParams({ _csrf: client.csrf, code: 'ABCD-EFGH' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('That link code is wrong or has expired');
    expect((await identifyChannelUser(app.database.db, 'sms', number)).userId).not.toBe(user.id);

    const { status, data } = await client.json<{ linked: boolean; channels: { channel: string }[] }>(
      'POST',
      '/api/account/link',
      { code: code.toLowerCase() },
    );
    expect(status).toBe(200);
    expect(data.channels).toEqual([{ channel: 'sms', shown: `…${number.slice(-3)}` }]);
    expect((await identifyChannelUser(app.database.db, 'sms', number)).userId).toBe(user.id);
    // Without the CSRF token nothing is made.
    const forged = await client.json('POST', '/api/account/link-code', {}, { csrf: false });
    expect(forged.status).toBe(403);
  });
});
