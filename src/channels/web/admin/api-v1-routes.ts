import { type NextFunction, type Request, type Response, Router } from 'express';
import { authenticateApiKey, logApiRequest } from '../../../services/api-keys/index.ts';
import { listBillingHistory } from '../../../services/billing/index.ts';
import { listExpertCalls } from '../../../services/calls/index.ts';
import { AppError } from '../../../services/errors.ts';
import { checkTier } from '../../../services/tiers/tiers.ts';
import type { WebRouteDeps } from '../shared/deps.ts';
import { clientIp } from '../shared/visitor.ts';

type Keyed = { userId: string; keyId: string };
const keyed = (res: Response) => res.locals.apiKey as Keyed;

/**
 * The HTTP API for scripts, authenticated by API key (`Authorization: Bearer rp_…`), not by cookie (so no
 * CSRF token). Every request is written to api_logs with its status and time taken.
 */
export function apiV1Router(deps: WebRouteDeps): Router {
  const router = Router();
  const db = deps.database.db;

  router.use('/api/v1', async (req: Request, res: Response, next: NextFunction) => {
    const started = Date.now();
    res.on('finish', () => {
      const k = res.locals.apiKey as Keyed | undefined;
      logApiRequest(db, {
        apiKeyId: k?.keyId ?? null,
        userId: k?.userId ?? null,
        method: req.method,
        path: req.originalUrl,
        status: res.statusCode,
        durationMs: Date.now() - started,
        ip: clientIp(req),
      }).catch((error: unknown) => deps.logger.error({ err: error }, 'api log write failed'));
    });
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      next(
        new AppError('UNAUTHENTICATED', 'Send an API key: Authorization: Bearer rp_…', {
          field: 'authorization',
        }),
      );
      return;
    }
    res.locals.apiKey = await authenticateApiKey(db, match[1]!);
    next();
  });

  router.get('/api/v1/me', async (_req, res) => {
    const status = await checkTier(db, keyed(res).userId);
    res.json({
      userId: keyed(res).userId,
      tier: status.tier,
      billing: status.billing,
      entitlements: status.entitlements,
    });
  });

  router.get('/api/v1/billing', async (_req, res) => {
    const history = await listBillingHistory(db, keyed(res).userId);
    res.json({ history: history.map((h) => ({ ...h, date: h.date.toISOString() })) });
  });

  router.get('/api/v1/calls', async (_req, res) => {
    res.json({ calls: await listExpertCalls(db, keyed(res).userId, { limit: 50 }) });
  });

  return router;
}
