import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import { updateHousehold } from '../src/services/accounts/profiles.ts';
import { createUser } from '../src/services/accounts/users.ts';
import { listPreferences, savePreferences } from '../src/services/check-ins/index.ts';
import { createOfflineEmbedder } from '../src/services/embeddings/index.ts';
import { freshDatabase } from '../test/support/db.ts';
import { createTools } from './index.ts';

let database: Database;
let userId: string;
beforeAll(async () => {
  database = await freshDatabase();
  userId = (await createUser(database.db, { email: 'prefs-tool@example.com' })).id;
});
afterAll(() => database.close());

const tools = (who: string | null) =>
  createTools({
    db: database.db,
    embedder: createOfflineEmbedder(),
    userId: who,
    anonymousKey: who ? null : 'guest-key-123',
    conversationId: '00000000-0000-0000-0000-000000000000',
    channel: 'telegram',
    publicUrl: 'http://x',
    now: () => new Date('2026-06-01T00:00:00Z'),
  });
const run = (who: string | null, input: Record<string, unknown>) =>
  tools(who).notificationPreferences.execute!(input as never, { toolCallId: 't', messages: [] });

describe('notificationPreferences tool', () => {
  it('"text me weekly" and "stop reminders" change only what was said', async () => {
    expect(await run(userId, { messageType: 'check_in', channel: 'sms', frequency: 'weekly' })).toMatchObject(
      {
        ok: true,
        preference: { channel: 'sms', frequency: 'weekly', optedOut: false },
      },
    );
    expect(await run(userId, { messageType: 'call_reminder', optedOut: true })).toMatchObject({ ok: true });
    const prefs = await listPreferences(database.db, userId);
    expect(prefs.map((p) => [p.messageType, p.channel, p.optedOut])).toEqual([
      ['check_in', 'sms', false],
      ['call_reminder', null, true],
      ['product_news', null, false],
    ]);
  });

  it('takes the weekday as people say it, and refuses a day that is not one, changing nothing', async () => {
    const sunday = await run(userId, { messageType: 'check_in', weekday: 'Sundays', localHour: 18 });
    expect(sunday).toMatchObject({
      ok: true,
      changed: ['localHour', 'weekday'],
      preference: { weekday: 0, frequency: 'weekly', localHour: 18 },
    });
    expect(await run(userId, { messageType: 'check_in', weekday: 'sat' })).toMatchObject({
      preference: { weekday: 6 },
    });
    expect(await run(userId, { messageType: 'check_in', weekday: 3 })).toMatchObject({
      preference: { weekday: 3 },
    });
    expect(await run(userId, { messageType: 'check_in', weekday: 'someday' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'weekday' },
    });
    expect(await run(userId, { messageType: 'check_in', weekday: 9 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'weekday' },
    });
    const [checkIn] = await listPreferences(database.db, userId);
    expect(checkIn).toMatchObject({ weekday: 3, localHour: 18 });
    expect(await run(userId, { messageType: 'check_in', weekday: 'any day' })).toMatchObject({
      preference: { weekday: null },
    });
  });

  it('says when the tier gets no check-ins (Pro in docs/product.md)', async () => {
    // A fresh database enforces tiers; this account is Free.
    expect(await run(userId, { messageType: 'check_in', optedOut: false })).toMatchObject({
      entitled: false,
      requiredTier: 'Pro',
      upgradePath: '/pricing',
    });
    expect(await run(userId, { messageType: 'call_reminder', optedOut: false })).toMatchObject({
      entitled: true,
    });
  });

  it("takes the household state's zone until the person chooses one", async () => {
    const tampa = (await createUser(database.db, { email: 'prefs-tampa@example.com' })).id;
    await updateHousehold(database.db, tampa, { location: 'Tampa, FL' });
    expect(await run(tampa, { messageType: 'check_in', weekday: 'sunday' })).toMatchObject({
      preference: { weekday: 0, timeZone: 'America/New_York' },
    });
    await savePreferences(database.db, tampa, { messageType: 'check_in', timeZone: 'Europe/Berlin' });
    expect(await run(tampa, { messageType: 'check_in', localHour: 7 })).toMatchObject({
      preference: { localHour: 7, timeZone: 'Europe/Berlin' },
    });
  });

  it('asks a guest to sign up', async () => {
    expect(await run(null, { messageType: 'check_in', optedOut: true })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });
});
