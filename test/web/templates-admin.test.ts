import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantAdmin } from '../../src/services/api-keys/index.ts';
import { getTemplate } from '../../src/services/outbox/index.ts';
import { Client, startWebApp, type WebTestApp } from './support.ts';

let app: WebTestApp;
let admin: Client;
let normal: Client;
beforeAll(async () => {
  app = await startWebApp();
  admin = new Client(app.base);
  normal = new Client(app.base);
  await admin.signUp('templates-ops@example.com');
  await normal.signUp('templates-person@example.com');
  await grantAdmin(app.database.db, 'templates-ops@example.com');
});
afterAll(async () => {
  await app?.close();
});

describe('message templates admin API', () => {
  it('lists the shipped defaults and lets an admin edit one; others are refused', async () => {
    const list = await admin.request('GET', '/api/admin/templates');
    const { templates } = (await list.json()) as { templates: { messageType: string; channel: string }[] };
    expect(templates).toHaveLength(9);
    expect((await normal.request('GET', '/api/admin/templates')).status).toBe(403);
    const body = 'Check-in:\n{{items}}\nReply USED <n>.';
    expect(
      (
        await normal.request('PUT', '/api/admin/templates', {
          json: { messageType: 'check_in', channel: 'sms', body },
        })
      ).status,
    ).toBe(403);
    const saved = await admin.request('PUT', '/api/admin/templates', {
      json: { messageType: 'check_in', channel: 'sms', body },
    });
    expect(saved.status).toBe(200);
    expect(await getTemplate(app.database.db, 'check_in', 'sms')).toEqual({ subject: null, body });
    const bad = await admin.request('PUT', '/api/admin/templates', {
      json: { messageType: 'check_in', channel: 'fax', body },
    });
    expect(bad.status).toBe(400);
  });
});
