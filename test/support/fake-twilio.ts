import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';

/**
 * A small server speaking Twilio's REST API for messages (twilio.com/docs/messaging/api/message-resource):
 * `POST /2010-04-01/Accounts/<sid>/Messages.json`, form-encoded, HTTP Basic auth with the account sid and
 * auth token, answered 201 with Twilio's JSON message resource or an error `{ code, message, more_info,
 * status }`. It records every message and can play Twilio's part in status callbacks: signed POSTs to the
 * message's StatusCallback URL. The real twilio client points at it (TWILIO_API_ROOT).
 */

export type TwilioMessage = {
  sid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  statusCallback: string | null;
};
type Failure = { status: number; code: number; message: string };

export type FakeTwilio = {
  apiRoot: string;
  accountSid: string;
  authToken: string;
  messages: TwilioMessage[];
  /** Messages to one number. */
  to(number: string): TwilioMessage[];
  failNext(failure: Failure): void;
  /** Posts a status callback for a sent message as Twilio would (signed), returning the HTTP status. */
  reportStatus(sid: string, status: string, errorCode?: number): Promise<number>;
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
};

export const twilioSid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;

export async function startFakeTwilio(
  accountSid = twilioSid('AC'),
  authToken = randomBytes(16).toString('hex'),
): Promise<FakeTwilio> {
  const messages: TwilioMessage[] = [];
  const failures: Failure[] = [];
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;

  function error(res: ServerResponse, f: Failure) {
    res.writeHead(f.status, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        code: f.code,
        message: f.message,
        more_info: `https://www.twilio.com/docs/errors/${f.code}`,
        status: f.status,
      }),
    );
  }

  const server = createServer(async (req, res) => {
    const path = `/2010-04-01/Accounts/${accountSid}/Messages.json`;
    if (req.method !== 'POST' || req.url !== path)
      return error(res, { status: 404, code: 20404, message: 'The requested resource was not found' });
    if (req.headers.authorization !== expectedAuth)
      return error(res, { status: 401, code: 20003, message: 'Authenticate' });
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const form = new URLSearchParams(raw);
    const failure = failures.shift();
    if (failure) return error(res, failure);
    const to = form.get('To') ?? '';
    const body = form.get('Body') ?? '';
    if (!/^\+[1-9]\d{6,14}$/.test(to))
      return error(res, {
        status: 400,
        code: 21211,
        message: `The 'To' number ${to} is not a valid phone number.`,
      });
    if (!form.get('From') && !form.get('MessagingServiceSid'))
      return error(res, {
        status: 400,
        code: 21603,
        message: "A 'From' or 'MessagingServiceSid' parameter is required",
      });
    if (body.length === 0 || body.length > 1600)
      return error(res, {
        status: 400,
        code: 21617,
        message: 'The concatenated message body exceeds the 1600 character limit',
      });
    const sid = twilioSid('SM');
    const message: TwilioMessage = {
      sid,
      to,
      from: form.get('From'),
      messagingServiceSid: form.get('MessagingServiceSid'),
      body,
      statusCallback: form.get('StatusCallback'),
    };
    messages.push(message);
    const now = new Date().toUTCString();
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        account_sid: accountSid,
        api_version: '2010-04-01',
        body,
        date_created: now,
        date_sent: null,
        date_updated: now,
        direction: 'outbound-api',
        error_code: null,
        error_message: null,
        from: message.from,
        messaging_service_sid: message.messagingServiceSid,
        num_media: '0',
        num_segments: '1',
        price: null,
        price_unit: 'USD',
        sid,
        status: 'queued',
        subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media.json` },
        to,
        uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
      }),
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    messages,
    to: (number) => messages.filter((m) => m.to === number),
    failNext: (f) => void failures.push(f),
    async reportStatus(sid, status, errorCode) {
      const message = messages.find((m) => m.sid === sid);
      if (!message?.statusCallback) throw new Error(`fake Twilio: no status callback for ${sid}`);
      const params: Record<string, string> = {
        AccountSid: accountSid,
        ApiVersion: '2010-04-01',
        From: message.from ?? '',
        MessageSid: sid,
        MessageStatus: status,
        SmsSid: sid,
        SmsStatus: status,
        To: message.to,
        ...(errorCode !== undefined ? { ErrorCode: String(errorCode) } : {}),
      };
      const signature = twilio.getExpectedTwilioSignature(authToken, message.statusCallback, params);
      const response = await fetch(message.statusCallback, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
        body: new URLSearchParams(params).toString(),
      });
      return response.status;
    },
    async waitFor(predicate, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline)
          throw new Error('fake Twilio: timed out waiting for the expected messages');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
