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
 * and only then acknowledged. A button press is answered (its spinner stopped, its keyboard retired) after
 * the acknowledgement, so the webhook answers in one insert's time; a redelivered update does not do it
 * again. "typing…" comes later, when the worker starts the turn (createChannels' onTurn).
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
  if (!parsed.callback) return;
  try {
    await deps.adapter.acknowledgeCallback(parsed.callback);
  } catch (error) {
    // The press is stored and will be answered; only its spinner may linger. Worth a line, not a failure.
    deps.log?.('telegram: answering the button press failed', { error: String(error) });
  }
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
