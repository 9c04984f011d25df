import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communicationLog, outbox } from '../../src/db/schema/index.ts';
import { createOutboxSend } from '../../src/jobs/outbox-send.ts';
import { sendDueMessages } from '../../src/jobs/outbox-sender.ts';
import { identifyChannelUser } from '../../src/services/channels/index.ts';
import { enqueueOutbound } from '../../src/services/outbox/index.ts';
import { type ChannelsApp, startChannelsApp } from '../channels/telegram-and-sms-app.ts';

const PHONE = '+15557654321';
let app: ChannelsApp;

beforeAll(async () => {
  app = await startChannelsApp({ worker: false });
});
afterAll(async () => {
  await app.close();
});

describe('outbox over SMS (the channels as the server wires them, Twilio as a local server)', () => {
  it("sends through notify and deliver, keeps Twilio's sid, and its status callbacks reach the log", async () => {
    const db = app.database.db;
    const { userId } = await identifyChannelUser(db, 'sms', PHONE);
    const id = (await enqueueOutbound(db, {
      userId,
      type: 'check_in',
      periodKey: '2026-W50',
      channel: 'sms',
      payload: { variables: { items: '1. Water (expires in 5 days)' } },
    }))!;
    const send = createOutboxSend(app.deps, app.deliver, null);
    expect(await sendDueMessages(db, { send })).toMatchObject({ sent: 1 });
    expect(await sendDueMessages(db, { send })).toMatchObject({ sent: 0 });

    const messages = app.fakeTwilio.to(PHONE);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.body).toContain('Water (expires in 5 days)');
    const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
    expect(row).toMatchObject({ status: 'sent', channel: 'sms', providerMessageId: messages[0]?.sid });

    expect(await app.fakeTwilio.reportStatus(messages[0]!.sid, 'delivered')).toBe(200);
    const log = await db.select().from(communicationLog).where(eq(communicationLog.outboxId, id));
    expect(log.map((l) => l.status).sort()).toEqual(['delivered', 'queued', 'sent']);
  });
});
