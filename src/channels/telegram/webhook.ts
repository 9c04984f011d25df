import express, { type Router } from 'express';
import { acceptInbound } from '../../conversation/inbound.ts';
import type { Db } from '../../services/database.ts';
import type { TelegramAdapter } from './adapter.ts';
import type { ParsedUpdate } from './update.ts';

export const TELEGRAM_WEBHOOK_PATH = '/webhooks/telegram';

export type TelegramRouteDeps = {
  db: Db;
  adapter: TelegramAdapter;
  /** Tells the inbound worker there is something to do now rather than at its next poll. */
  wake?: () => void;
  log?: (message: string, detail?: unknown) => void;
};

/**
 * One update, from the webhook or from long polling alike: validated, stored (deduplicated by update_id),
 * and only then acknowledged. What follows the acknowledgement — the button's spinner answered, "typing…"
 * shown while the worker runs the turn — is sent after, so the webhook answers in one insert's time. A
 * redelivered update does none of it again.
 */
export async function receiveUpdate(deps: TelegramRouteDeps, body: unknown): Promise<() => Promise<void>> {
  const parsed = deps.adapter.readUpdate(body);
  const accepted = parsed.message ? (await acceptInbound(deps, parsed.message)).accepted : false;
  // A press that carries nothing to answer still has a spinner to stop (once: only when not a redelivery).
  const fresh = accepted || (parsed.message === null && parsed.callback !== null);
  return fresh ? () => afterAcceptance(deps, parsed) : async () => {};
}

async function afterAcceptance(deps: TelegramRouteDeps, parsed: ParsedUpdate): Promise<void> {
  if (parsed.message) deps.wake?.();
  const work: Promise<void>[] = [];
  if (parsed.callback) work.push(deps.adapter.acknowledgeCallback(parsed.callback));
  if (parsed.message) work.push(deps.adapter.indicateTyping(parsed.message.externalId));
  const results = await Promise.allSettled(work);
  for (const r of results)
    if (r.status === 'rejected')
      deps.log?.('telegram: after-acknowledgement call failed', { error: String(r.reason) });
}

/** POST /webhooks/telegram: the secret header first (401, nothing read or stored), then the update. */
export function telegramRouter(deps: TelegramRouteDeps): Router {
  const router = express.Router();
  router.post(
    TELEGRAM_WEBHOOK_PATH,
    (req, res, next) => {
      const secretToken = req.get('x-telegram-bot-api-secret-token');
      if (deps.adapter.verify({ secretToken, body: undefined })) return next();
      res.status(401).json({ error: 'The secret token header is missing or wrong', code: 'UNAUTHENTICATED' });
    },
    express.json({ limit: '1mb' }),
    async (req, res, next) => {
      try {
        const after = await receiveUpdate(deps, req.body);
        res.status(200).json({ ok: true });
        await after();
      } catch (error) {
        if (res.headersSent) deps.log?.('telegram: after the acknowledgement', { error: String(error) });
        else next(error);
      }
    },
  );
  return router;
}
