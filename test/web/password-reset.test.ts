import { isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { rowsOf } from '../../src/db/rows.ts';
import { passwordResetTokens } from '../../src/db/schema/index.ts';
import { resetLinkFor } from '../../src/services/accounts/index.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { Client, startWebApp, type WebTestApp } from './support.ts';

const OLD = 'correct horse battery';
const NEW = 'lantern orbit pickle tuesday';

/** The link in a reset e-mail. */
const linkIn = (text: string, base: string) => {
  const match = text.match(
    new RegExp(`${base.replace(/[.]/g, '\\.')}/reset-password\\?token=([A-Za-z0-9_-]+)`),
  );
  if (!match) throw new Error(`no reset link in:\n${text}`);
  return { path: `/reset-password?token=${match[1]}`, token: match[1]! };
};

describe('password reset by e-mail (SMTP on)', () => {
  let app: WebTestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await startWebApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'ReadyPlan <help@example.org>' } });
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  it('request → mail → link → new password: old password and other sessions gone, token single-use', async () => {
    const owner = new Client(app.base);
    await owner.signUp('reset-me@example.com', OLD);
    const stranger = new Client(app.base);
    await stranger.session();

    // Unknown and known addresses get the same answer; only the known one gets mail.
    const unknown = await stranger.json('POST', '/forgot-password', { email: 'nobody@example.com' });
    const known = await stranger.json('POST', '/forgot-password', { email: 'Reset-Me@example.com' });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(unknown.status);
    expect(known.data).toEqual(unknown.data);
    const mail = await smtp.waitFor(1);
    expect(mail.to).toEqual(['reset-me@example.com']);
    expect(mail.raw).toMatch(/^From: ReadyPlan <help@example\.org>/m);
    expect(mail.text).toContain('within 30 minutes');
    const link = linkIn(mail.text, app.base);

    // Only a hash of the token is stored.
    const stored = rowsOf<{ token_hash: string }>(
      await app.database.db.execute(sql`select token_hash from password_reset_tokens`),
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(link.token);

    const page = await stranger.request('GET', link.path);
    expect(page.status).toBe(200);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await page.text();
    expect(html).toContain('Choose a new password');
    expect(html).toContain(`name="token" value="${link.token}"`);

    // A weak password is refused with a sentence, and the link still works.
    const weak = await stranger.json('POST', '/reset-password', { token: link.token, password: 'password' });
    expect(weak.status).toBe(400);
    expect(weak.data).toMatchObject({ field: 'password' });
    expect(String(weak.data.error)).toMatch(/^Password is too easy to guess\. .+ A few unrelated words/);

    const reset = await stranger.json('POST', '/reset-password', { token: link.token, password: NEW });
    expect(reset.status).toBe(200);
    expect(reset.data).toMatchObject({ user: { email: 'reset-me@example.com' } });
    // The reset signed this browser in: its CSRF token is now its session's.
    stranger.csrf = String(reset.data.csrfToken);

    // The owner's earlier session is over; the old password no longer works, the new one does.
    expect((await owner.json('GET', '/api/session')).data.user).toBeNull();
    const fresh = new Client(app.base);
    await fresh.session();
    const old = await fresh.json('POST', '/login', { email: 'reset-me@example.com', password: OLD });
    expect(old.status).toBe(401);
    const ok = await fresh.json('POST', '/login', { email: 'reset-me@example.com', password: NEW });
    expect(ok.status).toBe(200);

    // The link works once.
    const again = await stranger.json('POST', '/reset-password', { token: link.token, password: `${NEW} x` });
    expect(again.status).toBe(400);
    expect(again.data).toMatchObject({ field: 'token' });
    expect(String(again.data.error)).toContain('expired or has already been used');
    expect((await stranger.request('GET', link.path)).status).toBe(410);
  });

  it('refuses an expired link (30 minutes), and a new request replaces the earlier link', async () => {
    const c = new Client(app.base);
    await c.signUp('expiring@example.com', OLD);
    const before = smtp.mails.length;
    await c.json('POST', '/forgot-password', { email: 'expiring@example.com' });
    const first = linkIn((await smtp.waitFor(before + 1)).text, app.base);
    await c.json('POST', '/forgot-password', { email: 'expiring@example.com' });
    const second = linkIn((await smtp.waitFor(before + 2)).text, app.base);
    const replaced = await c.json('POST', '/reset-password', { token: first.token, password: NEW });
    expect(replaced.status).toBe(400);
    expect(replaced.data).toMatchObject({ field: 'token' });

    // Half an hour passes.
    await app.database.db
      .update(passwordResetTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(isNull(passwordResetTokens.usedAt));
    const expired = await c.json('POST', '/reset-password', { token: second.token, password: NEW });
    expect(expired.status).toBe(400);
    expect(String(expired.data.error)).toContain('expired');
    const login = await c.json('POST', '/login', { email: 'expiring@example.com', password: OLD });
    expect(login.status).toBe(200);
  });

  it('offers the reset on the sign-in page and in the lockout message', async () => {
    const c = new Client(app.base);
    await c.session();
    expect(await (await c.request('GET', '/login')).text()).toContain('href="/forgot-password"');
    let last: { status: number; headers: Headers; data: { error?: unknown } } | null = null;
    for (let i = 0; i < 6; i++)
      last = await c.json('POST', '/login', { email: 'locked@example.com', password: `wrong guess ${i}` });
    expect(last!.status).toBe(429);
    expect(String(last!.data.error)).toContain('you can reset it');
    const form = await c.request('GET', '/forgot-password');
    expect(await form.text()).toContain('Send me a reset link');
  });

  it('answers a form the same page whether or not the address has an account', async () => {
    const c = new Client(app.base);
    await c.session();
    const post = (email: string) =>
      c.request('POST', '/forgot-password', {
        body: new URLSearchParams({ _csrf: c.csrf, email }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    const a = await (await post('reset-me@example.com')).text();
    const b = await (await post('nobody-at-all@example.com')).text();
    expect(a).toContain('If an account uses that address');
    expect(b).toBe(a);
  });
});

describe('password reset with SMTP off', () => {
  let app: WebTestApp;
  beforeAll(async () => {
    app = await startWebApp();
  });
  afterAll(() => app.close());

  it('says how to get help instead of promising a reset, and the lockout does not mention one', async () => {
    const c = new Client(app.base);
    await c.session();
    const login = await (await c.request('GET', '/login')).text();
    expect(login).not.toContain('href="/forgot-password"');
    expect(login).toContain('ask the person who runs it');
    const forgot = await (await c.request('GET', '/forgot-password')).text();
    expect(forgot).toContain('cannot send a reset link');
    expect(forgot).not.toContain('Send me a reset link');
    const post = await c.json('POST', '/forgot-password', { email: 'someone@example.com' });
    expect(post.status).toBe(503);
    let last: { status: number; headers: Headers; data: { error?: unknown } } | null = null;
    for (let i = 0; i < 6; i++)
      last = await c.json('POST', '/login', { email: 'locked@example.com', password: `wrong guess ${i}` });
    expect(last!.status).toBe(429);
    expect(last!.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(String(last!.data.error)).not.toMatch(/reset/i);
  });

  it('the operator can hand out a reset link (npm run admin:reset-link), which works like a mailed one', async () => {
    const c = new Client(app.base);
    await c.signUp('no-mail@example.com', OLD);
    expect(await resetLinkFor(app.database.db, app.base, 'nobody@example.com')).toBeNull();
    const link = linkIn((await resetLinkFor(app.database.db, app.base, 'No-Mail@example.com'))!, app.base);
    const fresh = new Client(app.base);
    await fresh.session();
    expect((await fresh.request('GET', link.path)).status).toBe(200);
    const reset = await fresh.json('POST', '/reset-password', { token: link.token, password: NEW });
    expect(reset.status).toBe(200);
    expect((await c.json('GET', '/api/session')).data.user).toBeNull();
  });
});

describe('mail configuration', () => {
  it('reads SMTP_URL and MAIL_FROM once, off when unset, and names a bad value', () => {
    expect(loadConfig({}).mail).toBeNull();
    expect(
      loadConfig({ SMTP_URL: 'smtp://mail.example.com:587', PUBLIC_URL: 'https://ready.example' }).mail,
    ).toEqual({
      smtpUrl: 'smtp://mail.example.com:587',
      from: 'ReadyPlan <no-reply@ready.example>',
    });
    try {
      loadConfig({ SMTP_URL: 'http://mail.example.com' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        {
          variable: 'SMTP_URL',
          message: 'must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.com:587',
        },
      ]);
    }
  });
});
