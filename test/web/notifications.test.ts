import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startWebApp, type WebTestApp } from './support.ts';

let app: WebTestApp;
let person: Client;
beforeAll(async () => {
  app = await startWebApp();
  person = new Client(app.base);
  await person.signUp('notifications@example.com');
});
afterAll(async () => {
  await app?.close();
});

type Pref = {
  messageType: string;
  localHour: number;
  timeZone: string;
  frequency: string;
  optedOut: boolean;
};

describe('notification preferences', () => {
  it('shows defaults per message type, saves a change to one type, and refuses bad values', async () => {
    const first = await person.json<{ preferences: Pref[] }>('GET', '/api/account/notifications');
    expect(first.data.preferences.map((p) => [p.messageType, p.localHour, p.optedOut])).toEqual([
      ['check_in', 9, false],
      ['call_reminder', 9, false],
      ['product_news', 9, false],
    ]);
    const saved = await person.json<{ preference: Pref }>('PUT', '/api/account/notifications', {
      messageType: 'check_in',
      localHour: 18,
      timeZone: 'Asia/Tokyo',
      frequency: 'weekly',
    });
    expect(saved.data.preference).toMatchObject({ localHour: 18, timeZone: 'Asia/Tokyo', optedOut: false });
    const sunday = await person.json<{ preference: Pref & { weekday: number | null } }>(
      'PUT',
      '/api/account/notifications',
      { messageType: 'check_in', weekday: 0 },
    );
    expect(sunday.data.preference).toMatchObject({ weekday: 0, frequency: 'weekly', localHour: 18 });
    await person.json('PUT', '/api/account/notifications', { messageType: 'product_news', optedOut: true });
    const after = await person.json<{ preferences: Pref[] }>('GET', '/api/account/notifications');
    expect(after.data.preferences.map((p) => [p.messageType, p.localHour, p.optedOut])).toEqual([
      ['check_in', 18, false],
      ['call_reminder', 9, false],
      ['product_news', 9, true],
    ]);
    for (const bad of [
      { messageType: 'check_in', timeZone: 'Mars/Olympus' },
      { messageType: 'check_in', localHour: 24 },
      { messageType: 'check_in', weekday: 7 },
      { messageType: 'check_in', weekday: 'Sunday' },
      { messageType: 'check_in', weekday: 1, frequency: 'daily' },
      { messageType: 'fax' },
      { messageType: 'check_in', userId: 'someone-else' },
    ]) {
      expect((await person.request('PUT', '/api/account/notifications', { json: bad })).status).toBe(400);
    }
  });

  it('needs a signed-in person', async () => {
    const guest = new Client(app.base);
    expect((await guest.request('GET', '/api/account/notifications')).status).toBe(401);
  });
});
