import express, { type Router } from 'express';
import { acceptInbound } from '../../conversation/inbound.ts';
import type { Db } from '../../services/database.ts';
import { badInput } from '../../services/errors.ts';
import { SMS_STATUS_PATH, SMS_WEBHOOK_PATH, type SmsAdapter } from './adapter.ts';
import { describeIssues, statusCallbackSchema } from './inbound.ts';

export type SmsRouteDeps = {
  db: Db;
  adapter: SmsAdapter;
  /** Records a status callback (services/messaging/sms-deliveries.ts). */
  recordStatus: (sid: string, status: string, errorCode: number | null) => Promise<void>;
  /** Tells the inbound worker there is something to do now rather than at its next poll. */
  wake?: () => void;
};

/** An empty TwiML answer: the reply goes out later through the REST API, once the turn has run. */
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/**
 * POST /webhooks/twilio/sms and /webhooks/twilio/status. Both are signed by Twilio over PUBLIC_URL + path and
 * the form fields: a bad signature is 403 before anything is read or stored. An inbound message is stored
 * (deduplicated by MessageSid) and acknowledged at once; the inbound worker runs the turn and sends.
 */
export function smsRouter(deps: SmsRouteDeps): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 200 });
  const requestOf = (req: express.Request) => ({
    signature: req.get('x-twilio-signature'),
    path: req.originalUrl,
    params: (req.body ?? {}) as Record<string, unknown>,
  });
  const forbidden = (res: express.Response) =>
    res.status(403).json({ error: 'The X-Twilio-Signature header is missing or wrong', code: 'FORBIDDEN' });

  router.post(SMS_WEBHOOK_PATH, form, async (req, res, next) => {
    try {
      const request = requestOf(req);
      if (!deps.adapter.verify(request)) return void forbidden(res);
      const message = deps.adapter.parse(request);
      const accepted = message ? (await acceptInbound(deps, message)).accepted : false;
      res.status(200).type('text/xml').send(EMPTY_TWIML);
      if (accepted) deps.wake?.();
    } catch (error) {
      next(error);
    }
  });

  router.post(SMS_STATUS_PATH, form, async (req, res, next) => {
    try {
      const request = requestOf(req);
      if (!deps.adapter.verify(request)) return void forbidden(res);
      const parsed = statusCallbackSchema.safeParse(request.params);
      if (!parsed.success)
        throw badInput(`not a Twilio status callback: ${describeIssues(parsed.error)}`, 'body');
      const { MessageSid, MessageStatus, ErrorCode } = parsed.data;
      await deps.recordStatus(MessageSid, MessageStatus, ErrorCode ?? null);
      res.status(200).type('text/xml').send(EMPTY_TWIML);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
