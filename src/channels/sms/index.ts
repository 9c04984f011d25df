import type { Express } from 'express';
import type { Config } from '../../config.ts';
import type { Db } from '../../services/database.ts';
import { recordSmsStatus } from '../../services/messaging/sms-deliveries.ts';
import { smsNumberOptedOut } from '../../services/messaging/sms-opt-out.ts';
import { recordOutboxProviderStatus } from '../../services/outbox/index.ts';
import { createSmsAdapter, type SmsAdapter } from './adapter.ts';
import { noteSentSmsId } from './sent-ids.ts';
import { createTwilioClient } from './twilio-client.ts';
import { smsRouter } from './webhook.ts';

export type { SmsAdapter } from './adapter.ts';

export { withSentSmsIds } from './sent-ids.ts';

export type SmsChannelDeps = {
  db: Db;
  publicUrl: string;
  log?: (message: string, detail?: unknown) => void;
};

export type SmsChannel = {
  readonly adapter: SmsAdapter;
  /** POST /webhooks/twilio/sms and /webhooks/twilio/status on the app. */
  mount(app: Express, wake?: () => void): void;
};

/** The SMS channel from TWILIO_* (config.twilio): Twilio's REST client (TWILIO_API_ROOT may re-point it). */
export function createSmsChannel(config: NonNullable<Config['twilio']>, deps: SmsChannelDeps): SmsChannel {
  // A send's own report and Twilio's callbacks alike: the latest status per sid, and for a message the
  // outbox sent, a step in its communication log. A send inside withSentSmsIds also hands its sid back.
  const recordStatus = async (sid: string, status: string, errorCode: number | null) => {
    noteSentSmsId(sid);
    await recordSmsStatus(deps.db, sid, status, errorCode);
    await recordOutboxProviderStatus(deps.db, sid, status, errorCode);
  };
  const adapter = createSmsAdapter({
    client: createTwilioClient(config),
    authToken: config.authToken,
    from: config.from,
    publicUrl: deps.publicUrl,
    optedOut: (phone) => smsNumberOptedOut(deps.db, phone),
    recordStatus,
    ...(deps.log ? { log: deps.log } : {}),
  });
  return {
    adapter,
    mount(app, wake) {
      app.use(smsRouter({ db: deps.db, adapter, recordStatus, ...(wake ? { wake } : {}) }));
    },
  };
}
