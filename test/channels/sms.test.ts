import { count, eq } from 'drizzle-orm';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsSize } from '../../src/channels/sms/encoding.ts';
import { SMS_REPLIES } from '../../src/conversation/keywords.ts';
import type { Reply } from '../../src/conversation/reply.ts';
import { inboundUpdates } from '../../src/db/schema/index.ts';
import { createUser } from '../../src/services/accounts/users.ts';
import { createLinkCode, identifyChannelUser } from '../../src/services/channels/index.ts';
import { getSmsDelivery } from '../../src/services/messaging/sms-deliveries.ts';
import { getLatestPlan } from '../../src/services/plans/index.ts';
import { twilioSid } from '../support/fake-twilio.ts';
import { type ChannelsApp, OUR_NUMBER, startChannelsApp } from './telegram-and-sms-app.ts';

let app: ChannelsApp;
beforeAll(async () => {
  app = await startChannelsApp();
});
afterAll(async () => {
  await app?.close();
});

let numbers = 0;
const newNumber = () => `+1208555${String(1000 + ++numbers * 37 + (Date.now() % 500)).padStart(4, '0')}`;

function inbound(from: string, body: string, sid = twilioSid('SM')): Record<string, string> {
  return {
    ToCountry: 'US',
    SmsMessageSid: sid,
    NumMedia: '0',
    SmsSid: sid,
    SmsStatus: 'received',
    Body: body,
    To: OUR_NUMBER,
    NumSegments: '1',
    MessageSid: sid,
    AccountSid: app.fakeTwilio.accountSid,
    From: from,
    ApiVersion: '2010-04-01',
  };
}

/** Posts a form as Twilio does: signed over PUBLIC_URL + path and the fields (or with the given signature). */
async function post(
  params: Record<string, string>,
  options: { signature?: string | null; path?: string } = {},
) {
  const path = options.path ?? '/webhooks/twilio/sms';
  const signature =
    options.signature === undefined
      ? twilio.getExpectedTwilioSignature(app.fakeTwilio.authToken, `${app.url}${path}`, params)
      : options.signature;
  const response = await fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(signature === null ? {} : { 'x-twilio-signature': signature }),
    },
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
}

/** Texts us and waits until the worker has done everything it will do about it; returns what we sent back. */
async function text(from: string, body: string) {
  const before = app.fakeTwilio.to(from).length;
  const res = await post(inbound(from, body));
  expect(res.status).toBe(200);
  await app.worker.drain();
  return app.fakeTwilio.to(from).slice(before);
}

async function storedFor(from: string) {
  const [row] = await app.database.db
    .select({ n: count() })
    .from(inboundUpdates)
    .where(eq(inboundUpdates.externalId, from));
  return row?.n ?? 0;
}

describe('SMS over the Twilio webhook, the inbox and the worker', () => {
  it('holds a whole plan conversation: a numbered choice answered with "2", the plan within three segments', async () => {
    const me = newNumber();
    const [where] = await text(me, 'I want to get my family prepared');
    expect(where!.body).toMatch(/Where do you live\?/);
    expect(where).toMatchObject({ from: OUR_NUMBER, statusCallback: `${app.url}/webhooks/twilio/status` });

    const [who] = await text(me, 'Boise, Idaho');
    expect(who!.body).toContain('1) Just me\n2) 2 adults\n3) 2 adults + 2 kids\nReply with a number.');

    const [plan] = await text(me, '2');
    const { userId } = await identifyChannelUser(app.database.db, 'sms', me);
    const saved = await getLatestPlan(app.database.db, userId);
    expect(saved?.reportData.household.members).toHaveLength(2);
    expect(plan!.body).toContain(`${app.url}/plans/${saved!.id}`);
    expect(plan!.body).not.toMatch(/[*_#→—]/);
    expect(smsSize(plan!.body).segments).toBeLessThanOrEqual(3);
  });

  it('joins the number to a web account with LINK and a code from the account page', async () => {
    const me = newNumber();
    const web = await createUser(app.database.db, { email: `sms-linker-${me.slice(1)}@example.com` });
    await text(me, 'hello');
    const { code } = await createLinkCode(app.database.db, web.id);
    const [linked] = await text(me, `link ${code.toLowerCase()}`);
    expect(linked!.body).toMatch(/^Linked\./);
    expect((await identifyChannelUser(app.database.db, 'sms', me)).userId).toBe(web.id);
  });

  it('answers Twilio at once with empty TwiML; the reply goes out through the REST API', async () => {
    const res = await post(inbound(newNumber(), 'hello'));
    expect(res).toMatchObject({ status: 200, type: expect.stringMatching(/^text\/xml/) });
    expect(res.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    await app.worker.drain();
  });

  it('refuses a missing, wrong or replayed-elsewhere signature with 403 and stores nothing', async () => {
    const me = newNumber();
    const params = inbound(me, 'hello');
    expect((await post(params, { signature: null })).status).toBe(403);
    expect((await post(params, { signature: 'bm90IGEgc2lnbmF0dXJl' })).status).toBe(403);
    const otherUrl = twilio.getExpectedTwilioSignature(
      app.fakeTwilio.authToken,
      'https://evil.test/webhooks/twilio/sms',
      params,
    );
    expect((await post(params, { signature: otherUrl })).status).toBe(403);
    // Signed, then tampered with: the body says something else.
    const signed = twilio.getExpectedTwilioSignature(
      app.fakeTwilio.authToken,
      `${app.url}/webhooks/twilio/sms`,
      params,
    );
    expect((await post({ ...params, Body: 'STOP' }, { signature: signed })).status).toBe(403);
    await app.worker.drain();
    expect(await storedFor(me)).toBe(0);
    expect(app.fakeTwilio.to(me)).toEqual([]);
  });

  it('answers a signed but malformed message with a precise 400 and stores nothing', async () => {
    const me = newNumber();
    const res = await post({ ...inbound(me, 'hello'), From: '555-1234' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error).toMatch(/From: must be an E\.164 phone number/);
    expect(await storedFor(me)).toBe(0);
  });

  it('answers a redelivered MessageSid once', async () => {
    const me = newNumber();
    const params = inbound(me, 'hello');
    const results = await Promise.all([post(params), post(params)]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    await app.worker.drain();
    expect((await post(params)).status).toBe(200);
    await app.worker.drain();
    expect(await storedFor(me)).toBe(1);
    expect(app.fakeTwilio.to(me)).toHaveLength(1);
  });

  it('honours STOP, START and HELP and their synonyms: after STOP nothing is sent until START', async () => {
    const me = newNumber();
    expect((await text(me, 'HELP')).map((m) => m.body)).toEqual([SMS_REPLIES.help]);
    expect((await text(me, 'info')).map((m) => m.body)).toEqual([SMS_REPLIES.help]);
    expect((await text(me, 'Stop')).map((m) => m.body)).toEqual([SMS_REPLIES.stop]);
    expect(await text(me, 'hello?')).toEqual([]);
    expect(await text(me, 'Boise, Idaho')).toEqual([]);
    // Whatever else tries to reach the number (a check-in, a reminder) is held back by the sender too.
    const nudge: Reply = {
      conversationId: '',
      text: 'Your water expires soon.',
      toolCalls: [],
      status: 'ok',
    };
    await app.sms.adapter.send(me, app.sms.adapter.render(nudge));
    expect(app.fakeTwilio.to(me).map((m) => m.body)).toEqual([
      SMS_REPLIES.help,
      SMS_REPLIES.help,
      SMS_REPLIES.stop,
    ]);

    expect((await text(me, 'START')).map((m) => m.body)).toEqual([SMS_REPLIES.start]);
    expect(await text(me, 'hello')).toHaveLength(1);
    for (const [word, reply] of [
      ['UNSUBSCRIBE', SMS_REPLIES.stop],
      ['unstop', SMS_REPLIES.start],
      ['quit.', SMS_REPLIES.stop],
      ['yes', SMS_REPLIES.start],
    ] as const) {
      expect((await text(me, word)).map((m) => m.body)).toEqual([reply]);
    }
  });

  it('records delivery status from the callbacks; a late "sent" does not hide "delivered"', async () => {
    const me = newNumber();
    const [sent] = await text(me, 'hello');
    expect(await getSmsDelivery(app.database.db, sent!.sid)).toMatchObject({
      status: 'queued',
      errorCode: null,
    });
    expect(await app.fakeTwilio.reportStatus(sent!.sid, 'sent')).toBe(200);
    expect(await app.fakeTwilio.reportStatus(sent!.sid, 'delivered')).toBe(200);
    expect(await app.fakeTwilio.reportStatus(sent!.sid, 'sent')).toBe(200);
    expect(await getSmsDelivery(app.database.db, sent!.sid)).toMatchObject({ status: 'delivered' });

    const [failing] = await text(me, 'help');
    expect(await app.fakeTwilio.reportStatus(failing!.sid, 'failed', 30003)).toBe(200);
    expect(await getSmsDelivery(app.database.db, failing!.sid)).toMatchObject({
      status: 'failed',
      errorCode: 30003,
    });

    const forged = {
      MessageSid: failing!.sid,
      AccountSid: app.fakeTwilio.accountSid,
      MessageStatus: 'delivered',
    };
    expect((await post(forged, { path: '/webhooks/twilio/status', signature: 'forged' })).status).toBe(403);
    const malformed = { ...forged, MessageStatus: 'teleported' };
    expect((await post(malformed, { path: '/webhooks/twilio/status' })).status).toBe(400);
    expect(await getSmsDelivery(app.database.db, failing!.sid)).toMatchObject({ status: 'failed' });
  });

  it('trims a long reply within three segments with a link to the plan on the web', async () => {
    const me = newNumber();
    const long: Reply = {
      conversationId: '',
      text: `Your kit, item by item. ${'Keep two gallons of water a day per person; rotate every six months. '.repeat(20)}`,
      toolCalls: [],
      status: 'ok',
      choices: [
        { label: 'Show water', value: 'show water' },
        { label: 'Show food', value: 'show food' },
      ],
    };
    await app.sms.adapter.send(me, app.sms.adapter.render(long));
    const [m] = app.fakeTwilio.to(me);
    expect(smsSize(m!.body)).toMatchObject({ encoding: 'GSM-7', segments: 3 });
    expect(m!.body).toMatch(
      new RegExp(
        `\\.\\.\\.\\nMore: ${app.url}/plan\\n1\\) Show water\\n2\\) Show food\\nReply with a number\\.$`,
      ),
    );
  });

  it('a recipient Twilio has unsubscribed is logged, not retried; other refusals propagate', async () => {
    const me = newNumber();
    const reply: Reply = { conversationId: '', text: 'Hi', toolCalls: [], status: 'ok' };
    app.fakeTwilio.failNext({
      status: 400,
      code: 21610,
      message: 'Attempt to send to unsubscribed recipient',
    });
    await app.sms.adapter.send(me, app.sms.adapter.render(reply));
    expect(app.logs.some((l) => l.message.includes('recipient unsubscribed'))).toBe(true);
    // Twilio's own message quotes the number; the error the worker logs names only status and code.
    app.fakeTwilio.failNext({
      status: 400,
      code: 21614,
      message: `'To' number ${me} is not a mobile number`,
    });
    const refused = app.sms.adapter.send(me, app.sms.adapter.render(reply));
    await expect(refused).rejects.toMatchObject({
      name: 'SmsSendError',
      kind: 'refused',
      status: 400,
      code: 21614,
    });
    await expect(refused).rejects.toThrow('Twilio refused the message (HTTP 400, error 21614)');
    expect(app.fakeTwilio.to(me)).toEqual([]);
  });
});
