import { count } from 'drizzle-orm';
import twilio from 'twilio';
import { afterAll } from 'vitest';
import type { SmsMessage, TwilioWebhookRequest } from '../../src/channels/sms/adapter.ts';
import { inboundUpdates } from '../../src/db/schema/index.ts';
import { twilioSid } from '../support/fake-twilio.ts';
import { describeAdapterContract } from './adapter-contract.ts';
import { type ChannelsApp, OUR_NUMBER, startChannelsApp } from './telegram-and-sms-app.ts';

let app: ChannelsApp | undefined;
afterAll(async () => {
  await app?.close();
});

let numbers = 0;
const PATH = '/webhooks/twilio/sms';

describeAdapterContract<TwilioWebhookRequest, SmsMessage>('sms', async () => {
  app = await startChannelsApp();
  const running = app;
  return {
    adapter: running.sms.adapter,
    externalId: () => `+1312555${String(1000 + ++numbers * 13 + (Date.now() % 700)).padStart(4, '0')}`,
    deliveryId: () => twilioSid('SM'),
    request: ({ externalId, text, deliveryId }, options = {}) => {
      const params = {
        MessageSid: deliveryId,
        AccountSid: running.fakeTwilio.accountSid,
        From: externalId,
        To: OUR_NUMBER,
        Body: text,
        NumMedia: '0',
      };
      const signature = twilio.getExpectedTwilioSignature(
        options.forged ? 'not-the-auth-token' : running.fakeTwilio.authToken,
        `${running.url}${PATH}`,
        params,
      );
      return { signature, path: PATH, params };
    },
    submit: async (request) => {
      const response = await fetch(`${running.url}${request.path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(request.signature ? { 'x-twilio-signature': request.signature } : {}),
        },
        body: new URLSearchParams(request.params as Record<string, string>).toString(),
      });
      await response.text();
      return response.status;
    },
    storedCount: async () => (await running.database.db.select({ n: count() }).from(inboundUpdates))[0]!.n,
    visible: (rendered) => rendered.text,
    // A numbered list: the person texts the number.
    choose: (_rendered, n) => String(n),
    received: async (externalId) =>
      running.fakeTwilio
        .to(externalId)
        .map((m) => m.body)
        .join('\n'),
    close: async () => {},
  };
});
