import { z } from 'zod';
import type { InboundMessage } from '../../conversation/channel-adapter.ts';
import { SMS_STATUSES } from '../../domain/sms-statuses.ts';

/**
 * Twilio's webhook bodies (application/x-www-form-urlencoded, every value a string). Only the fields this
 * channel reads are checked; Twilio sends many more (FromCity, NumSegments, ApiVersion…) and adds new ones.
 */

/** A Twilio resource id: two letters and 32 hex digits (MessageSid "SM…", AccountSid "AC…"). */
const sid = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}[0-9a-fA-F]{32}$`), `must be a Twilio id starting with ${prefix}`);
/** E.164: "+" and up to 15 digits. Short codes and alphanumeric senders are not people to talk to. */
const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 phone number such as +15551234567');

export const inboundSmsSchema = z.looseObject({
  MessageSid: z.union([sid('SM'), sid('MM')]),
  AccountSid: sid('AC'),
  From: e164,
  To: z.string().min(1),
  Body: z.string().max(1600).default(''),
});

export const statusCallbackSchema = z.looseObject({
  MessageSid: z.union([sid('SM'), sid('MM')]),
  AccountSid: sid('AC'),
  MessageStatus: z.enum(SMS_STATUSES),
  ErrorCode: z
    .string()
    .regex(/^\d{1,6}$/, 'must be a Twilio error code')
    .transform(Number)
    .optional(),
});

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : 'body'}: ${i.message}`)
    .join('; ');
}

/** The neutral message in an inbound SMS; null for one with no text (a picture alone). */
export function readInboundSms(body: z.infer<typeof inboundSmsSchema>): InboundMessage | null {
  if (body.Body.trim() === '') return null;
  return { channel: 'sms', externalId: body.From, text: body.Body, deliveryId: body.MessageSid };
}
