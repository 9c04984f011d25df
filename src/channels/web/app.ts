import express, { type ErrorRequestHandler, type Express } from 'express';
import type { Config } from '../../config.ts';
import type { Database } from '../../services/database.ts';
import { AppError } from '../../services/errors.ts';
import { getHealth } from '../../services/health.ts';

export type WebDeps = { config: Config; database: Database };

const statusByCode: Record<AppError['code'], number> = {
  BAD_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TIER_LIMIT: 402,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** Turns a thrown error into this channel's reply: JSON with a message the user may see, never a stack. */
export const jsonErrors: ErrorRequestHandler = (err, _req, res, _next) => {
  if (err instanceof AppError) {
    res.status(statusByCode[err.code]).json({
      error: err.expose ? err.message : 'Something went wrong',
      code: err.code,
      ...(err.field ? { field: err.field } : {}),
    });
    return;
  }
  if (err && typeof err === 'object' && 'type' in err && err.type === 'entity.parse.failed') {
    res.status(400).json({ error: 'The request body is not valid JSON', code: 'BAD_INPUT', field: 'body' });
    return;
  }
  console.error('unhandled request error', err);
  res.status(500).json({ error: 'Something went wrong', code: 'INTERNAL' });
};

export function channelStatus(config: Config): Record<string, boolean> {
  return {
    web: true,
    telegram: config.telegram !== null,
    sms: config.twilio !== null,
    billing: config.stripe !== null,
    model: config.model.kind !== 'offline',
  };
}

export function createWebApp(deps: WebDeps, mount: (app: Express) => void = () => {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/health', async (_req, res, next) => {
    try {
      const health = await getHealth(deps.database, channelStatus(deps.config));
      res.status(health.status === 'ok' ? 200 : 503).json(health);
    } catch (error) {
      next(error);
    }
  });
  mount(app);
  app.use(jsonErrors);
  return app;
}
