import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startWebApp, type WebTestApp } from './support.ts';

/** The offline side over HTTP: what the browser test cannot see directly (headers on deletion, access). */
describe('offline routes', () => {
  let app: WebTestApp;
  beforeAll(async () => {
    app = await startWebApp();
  }, 120_000);
  afterAll(() => app?.close());

  it('serve the manifest and the worker with their content types, the worker never cached long', async () => {
    const manifest = await fetch(`${app.base}/manifest.webmanifest`);
    expect(manifest.headers.get('content-type')).toContain('application/manifest+json');
    const sw = await fetch(`${app.base}/sw.js`);
    expect(sw.headers.get('content-type')).toContain('text/javascript');
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    expect(sw.headers.get('service-worker-allowed')).toBe('/');
  });

  it('keep the checklist for signed-in people, and mark pages with the account hash only then', async () => {
    const anonymous = new Client(app.base);
    const page = await anonymous.request('GET', '/checklist');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toMatch(/^\/login/);
    const home = await (await anonymous.request('GET', '/')).text();
    expect(home).not.toContain('name="rp-user"');

    const c = new Client(app.base);
    await c.signUp('checklist@example.com');
    const checklist = await c.request('GET', '/checklist');
    expect(checklist.status).toBe(200);
    const text = await checklist.text();
    expect(text).toContain('You have no saved plan yet');
    const hash = /<meta name="rp-user" content="([0-9a-f]{32})">/.exec(text)?.[1];
    expect(hash).toBeDefined();
    expect(text).not.toContain(c.userId!);
  });

  it('tell the browser to clear its caches and storage at sign-out and at account deletion', async () => {
    const leaving = new Client(app.base);
    await leaving.signUp('leaving@example.com');
    const out = await leaving.request('POST', '/logout', { json: {} });
    expect(out.status).toBe(204);
    expect(out.headers.get('clear-site-data')).toBe('"cache", "storage"');

    const deleting = new Client(app.base);
    await deleting.signUp('deleting@example.com');
    const gone = await deleting.request('DELETE', '/api/account', {
      json: { confirm: 'deleting@example.com', password: 'correct horse battery' },
    });
    expect(gone.status).toBe(204);
    expect(gone.headers.get('clear-site-data')).toBe('"cache", "storage"');
  });
});
