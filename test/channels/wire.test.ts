import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptInbound, handleMessage, startInboundWorker } from '../../src/conversation/index.ts';
import { inboundUpdates, linkCodes, missionReports, turnEvents } from '../../src/db/schema/index.ts';
import { withUser } from '../../src/db/with-user.ts';
import { createUser } from '../../src/services/accounts/users.ts';
import { createLinkCode, identifyChannelUser } from '../../src/services/channels/index.ts';
import { databaseOverWire } from '../support/wire.ts';
import { chatId, coreOver, echoModel, phone, recorder } from './support.ts';

/**
 * The channel core through postgres.js over the Postgres wire, as a non-superuser table owner (what a
 * managed Postgres gives the application): the claim with SKIP LOCKED, timestamps as parameters, the
 * catalog-driven merge, and the system tables closed to app_user.
 */
let wire: Awaited<ReturnType<typeof databaseOverWire>>;
let deps: Awaited<ReturnType<typeof coreOver>>['deps'];
beforeAll(async () => {
  wire = await databaseOverWire({ login: 'owner' });
  ({ deps } = await coreOver(wire.database, { model: echoModel() }));
});
afterAll(async () => {
  await wire.close();
});

describe('the channel core over the wire', () => {
  it('stores, deduplicates and answers inbound updates once', async () => {
    const number = phone();
    const message = {
      channel: 'sms' as const,
      externalId: number,
      text: 'over the wire',
      deliveryId: 'SMwire1',
    };
    expect(await acceptInbound(deps, message)).toEqual({ accepted: true });
    expect(await acceptInbound(deps, message)).toEqual({ accepted: false });
    const out = recorder();
    const worker = startInboundWorker(deps, out.deliver, { pollMs: 10 });
    await worker.drain();
    await worker.stop();
    expect(out.sent.map((s) => s.reply.text)).toEqual(['heard: over the wire']);
  });

  it('links a chat to an account, moving its plans', async () => {
    const { id: account } = await createUser(wire.database.db, {
      email: `wire-${Date.now()}@example.com`,
      passwordHash: 'scrypt$x',
    });
    const chat = chatId();
    await handleMessage(deps, { channel: 'telegram', externalId: chat, text: 'hi' });
    const chatUser = (await identifyChannelUser(wire.database.db, 'telegram', chat)).userId;
    await wire.database.db
      .insert(missionReports)
      .values({ userId: chatUser, title: 'chat plan', reportData: {} as never });
    const { code } = await createLinkCode(wire.database.db, account);
    const reply = await handleMessage(deps, { channel: 'telegram', externalId: chat, text: `/link ${code}` });
    expect(reply.text).toMatch(/^Linked/);
    const plans = await wire.database.db
      .select()
      .from(missionReports)
      .where(eq(missionReports.userId, account));
    expect(plans.map((p) => p.title)).toEqual(['chat plan']);
  });

  it('keeps inbound updates, link codes and turn events from app_user', async () => {
    const { userId } = await identifyChannelUser(wire.database.db, 'telegram', chatId());
    for (const table of [inboundUpdates, linkCodes, turnEvents]) {
      const error = await withUser(wire.database.db, userId, (tx) => tx.select().from(table).limit(1)).then(
        () => null,
        (e: Error) => e,
      );
      expect(String((error?.cause as Error | undefined)?.message ?? error?.message)).toMatch(
        /permission denied/,
      );
    }
    const [rls] = (await wire.database.db.execute(
      sql`select bool_and(relrowsecurity) as on from pg_class where relname in ('inbound_updates', 'link_codes', 'turn_events')`,
    )) as unknown as { on: boolean }[];
    expect(rls?.on).toBe(true);
  });
});
