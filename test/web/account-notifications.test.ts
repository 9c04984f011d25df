import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinkCode, identifyChannelUser, redeemLinkCode } from '../../src/services/channels/index.ts';
import { listPreferences } from '../../src/services/check-ins/index.ts';
import { Client, setTier, startWebApp, type WebTestApp } from './support.ts';

/**
 * The account page's Notifications section, through HTTP as a browser without JavaScript uses it: forms
 * with the CSRF token in the body, a redirect after a save, the page again with a sentence beside the field
 * after a bad value. Billing is on (the default), so a Free account gets the upgrade hint for check-ins.
 */
let app: WebTestApp;
let person: Client;
beforeAll(async () => {
  app = await startWebApp();
  person = new Client(app.base);
  await person.signUp('account-notifications@example.com');
});
afterAll(async () => {
  await app?.close();
});

const page = async (c: Client) => {
  const res = await c.request('GET', '/account');
  expect(res.status).toBe(200);
  return res.text();
};
/** The part of the page between the Notifications heading and the next section. */
const section = (html: string) =>
  html.slice(
    html.indexOf('id="notifications"'),
    html.indexOf('</section>', html.indexOf('id="notifications"')),
  );
const formOf = (html: string, type: string) => {
  const s = section(html);
  const at = s.indexOf(`name="messageType" value="${type}"`);
  return at < 0 ? '' : s.slice(s.lastIndexOf('<form', at), s.indexOf('</form>', at));
};

async function post(c: Client, fields: Record<string, string>, csrf = true) {
  return c.request('POST', '/account/notifications', {
    csrf: false,
    body: new URLSearchParams({ ...(csrf ? { _csrf: c.csrf } : {}), ...fields }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
}

const checkIn = async (userId: string) => (await listPreferences(app.database.db, userId))[0];

describe('notifications on the account page', () => {
  it('on Free: the upgrade hint for check-ins, no form that promises them; other types are editable', async () => {
    const html = await page(person);
    const s = section(html);
    expect(s).toContain('<h2>Notifications</h2>');
    expect(s).toMatch(/come with the Pro plan\. This account gets none\. <a href="\/pricing">See plans<\/a>/);
    expect(formOf(html, 'check_in')).toBe('');
    expect(formOf(html, 'call_reminder')).toContain('Stop these messages');
    expect(s).toContain('No chat or phone number is linked yet');
  });

  it('offers only the channels that reach the person, and saves every field through the service', async () => {
    await setTier(app.database, person.userId!, 'PRO');
    const chat = '777001';
    await identifyChannelUser(app.database.db, 'telegram', chat);
    const { code } = await createLinkCode(app.database.db, person.userId!);
    await redeemLinkCode(app.database.db, { channel: 'telegram', externalId: chat, code });

    const form = formOf(await page(person), 'check_in');
    expect(form).toContain('<option value="telegram"');
    expect(form).not.toContain('<option value="sms"');
    // No SMTP configured here: no e-mail.
    expect(form).not.toContain('<option value="email"');
    expect(form).toContain('name="weekday"');
    expect(form).toContain('name="windowDays"');

    const saved = await post(person, {
      messageType: 'check_in',
      channel: 'telegram',
      frequency: 'weekly',
      weekday: '0',
      localHour: '18',
      timeZone: 'America/Chicago',
      windowDays: '14',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/account?notice=notifications#notifications');
    expect(await checkIn(person.userId!)).toMatchObject({
      channel: 'telegram',
      frequency: 'weekly',
      weekday: 0,
      localHour: 18,
      timeZone: 'America/Chicago',
      windowDays: 14,
      optedOut: false,
    });
    const after = await person.request('GET', '/account?notice=notifications');
    const html = await after.text();
    expect(html).toContain('Your notification settings are saved.');
    const shown = formOf(html, 'check_in');
    expect(shown).toContain('<option value="0" selected>Sunday</option>');
    expect(shown).toContain('<option value="18" selected>6 pm</option>');
    expect(shown).toContain('value="14"');

    expect((await post(person, { messageType: 'product_news', optedOut: 'on' })).status).toBe(303);
    const news = (await listPreferences(app.database.db, person.userId!)).find(
      (p) => p.messageType === 'product_news',
    );
    expect(news?.optedOut).toBe(true);
    expect(formOf(await page(person), 'product_news')).toMatch(/name="optedOut" value="on" checked/);
  });

  it.each([
    [{ windowDays: '400' }, 'windowDays', /Window days must be at most 365\./],
    [
      { timeZone: 'Mars/Olympus' },
      'timeZone',
      /Time zone must be an IANA time zone such as Europe(\/|&#x2F;|&#47;)Berlin\./,
    ],
    [{ weekday: '9' }, 'weekday', /Weekday must be at most 6\./],
    [{ localHour: 'six' }, 'localHour', /Local hour must be a number\./],
    [{ channel: 'fax' }, 'channel', /Channel must be one of (&quot;|")telegram/],
  ])(
    'a bad value (%o) gets a sentence beside its field and changes nothing',
    async (bad, field, sentence) => {
      const before = await checkIn(person.userId!);
      const res = await post(person, {
        messageType: 'check_in',
        channel: 'telegram',
        frequency: 'weekly',
        weekday: '3',
        localHour: '7',
        timeZone: 'America/Chicago',
        windowDays: '20',
        ...bad,
      });
      expect(res.status).toBe(400);
      const form = formOf(await res.text(), 'check_in');
      expect(form).toMatch(sentence);
      expect(form).toContain(`aria-describedby="${field}-error"`);
      expect(await checkIn(person.userId!)).toEqual(before);
    },
  );

  it('refuses a form without the CSRF token, changing nothing', async () => {
    const before = await checkIn(person.userId!);
    const res = await post(person, { messageType: 'check_in', windowDays: '60' }, false);
    expect(res.status).toBe(403);
    expect(await checkIn(person.userId!)).toEqual(before);
  });

  it('sends a guest to sign in', async () => {
    const guest = new Client(app.base);
    await guest.session();
    const res = await post(guest, { messageType: 'check_in', windowDays: '60' });
    expect([302, 303, 401]).toContain(res.status);
  });
});

describe('e-mail as a channel', () => {
  let mailApp: WebTestApp;
  beforeAll(async () => {
    mailApp = await startWebApp({ env: { SMTP_URL: 'smtp://mail.example.test:587' } });
  });
  afterAll(async () => {
    await mailApp?.close();
  });

  it('is offered where SMTP is configured', async () => {
    const c = new Client(mailApp.base);
    await c.signUp('mail-notifications@example.com');
    await setTier(mailApp.database, c.userId!, 'PRO');
    expect(formOf(await page(c), 'check_in')).toContain('<option value="email"');
  });
});
