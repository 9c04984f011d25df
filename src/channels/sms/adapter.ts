import twilio from 'twilio';
import type { ChannelAdapter, InboundMessage } from '../../conversation/channel-adapter.ts';
import { SMS_REPLIES } from '../../conversation/keywords.ts';
import type { Reply } from '../../conversation/reply.ts';
import { badInput } from '../../services/errors.ts';
import { describeIssues, inboundSmsSchema, readInboundSms } from './inbound.ts';
import { renderSms, type SmsRendering } from './render.ts';

/** A Twilio webhook as the adapter needs it: the signature, the path it was posted to, the form fields. */
export type TwilioWebhookRequest = {
  signature: string | undefined;
  /** Path and query as received (req.originalUrl); signed together with PUBLIC_URL. */
  path: string;
  params: Record<string, unknown>;
};

/** An SMS ready to send; the STOP confirmation is the one message an opted-out number still gets. */
export type SmsMessage = SmsRendering & { optOutConfirmation: boolean };

export type SmsAdapter = ChannelAdapter<TwilioWebhookRequest, SmsMessage>;

export type SmsAdapterOptions = {
  client: twilio.Twilio;
  authToken: string;
  /** TWILIO_FROM: our number (or a Messaging Service sid, "MG…"). */
  from: string;
  /** PUBLIC_URL: signatures are over it, status callbacks and "More:" links point at it. */
  publicUrl: string;
  /** Whether a number replied STOP (and not START since): checked before every send. */
  optedOut: (phoneNumber: string) => Promise<boolean>;
  /** Records the message's first status (the status callback records the rest). */
  recordStatus?: (sid: string, status: string, errorCode: number | null) => Promise<void>;
  log?: (message: string, detail?: unknown) => void;
};

export const SMS_WEBHOOK_PATH = '/webhooks/twilio/sms';
export const SMS_STATUS_PATH = '/webhooks/twilio/status';

/** Twilio's "recipient has opted out" (its own STOP handling got there first): nothing to retry. */
const UNSUBSCRIBED_RECIPIENT = 21610;

/**
 * A send that failed, kept apart as grammY keeps its errors: Twilio refused it (`status`, Twilio's `code`) or
 * it never got an answer. The message names neither the number nor the text — Twilio's own messages may
 * quote the number, and the worker logs this one — while `cause` keeps Twilio's error for whoever handles it.
 */
export class SmsSendError extends Error {
  constructor(
    readonly kind: 'refused' | 'network',
    readonly status: number | null,
    readonly code: number | null,
    cause: unknown,
  ) {
    super(
      kind === 'refused'
        ? `Twilio refused the message (HTTP ${status}, error ${code ?? 'unknown'})`
        : 'Twilio could not be reached to send the message',
      { cause },
    );
    this.name = 'SmsSendError';
  }
}

/** The last digits only: phone numbers are personal data and never logged in full. */
export const redactPhone = (n: string) => (n.length <= 4 ? '…' : `…${n.slice(-4)}`);

export function createSmsAdapter(options: SmsAdapterOptions): SmsAdapter {
  const { client, authToken, from, publicUrl, optedOut } = options;
  const log = options.log ?? (() => {});
  const sender = from.startsWith('MG') ? { messagingServiceSid: from } : { from };

  return {
    channel: 'sms',
    verify(request) {
      if (!request.signature) return false;
      try {
        return twilio.validateRequest(
          authToken,
          request.signature,
          `${publicUrl}${request.path}`,
          request.params,
        );
      } catch {
        // A malformed signature is simply not Twilio's: the contract says verify never throws.
        return false;
      }
    },
    parse(request): InboundMessage | null {
      const parsed = inboundSmsSchema.safeParse(request.params);
      if (!parsed.success) throw badInput(`not a Twilio message: ${describeIssues(parsed.error)}`, 'body');
      return readInboundSms(parsed.data);
    },
    render(reply: Reply): SmsMessage {
      return {
        ...renderSms(reply, { moreUrl: `${publicUrl}/plan` }),
        optOutConfirmation: reply.text === SMS_REPLIES.stop,
      };
    },
    async send(to, message) {
      // Carriers' rule: after STOP nothing but the confirmation until START, whoever asks to send.
      if (!message.optOutConfirmation && (await optedOut(to))) {
        log('sms: not sent, the number opted out', { to: redactPhone(to) });
        return;
      }
      try {
        const sent = await client.messages.create({
          to,
          ...sender,
          body: message.text,
          statusCallback: `${publicUrl}${SMS_STATUS_PATH}`,
        });
        await options.recordStatus?.(sent.sid, sent.status, sent.errorCode ?? null);
      } catch (error) {
        if (!(error instanceof twilio.RestException)) throw new SmsSendError('network', null, null, error);
        if (error.code === UNSUBSCRIBED_RECIPIENT) {
          log('sms: Twilio refused, the recipient unsubscribed', { to: redactPhone(to) });
          return;
        }
        throw new SmsSendError('refused', error.status, error.code ?? null, error);
      }
    },
  };
}
