import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import type { Config } from '../../config.ts';
import type { Database } from '../../services/database.ts';
import { errorSummary } from '../../services/error-summary.ts';
import { AppError } from '../../services/errors.ts';
import { getHealth } from '../../services/health.ts';
import { notFoundHandler } from './routes.ts';
import { statusByCode } from './shared/status.ts';

export type WebDeps = { config: Config; database: Database };

/** Turns a thrown error into this channel's reply: JSON with a message the user may see, never a stack. */
export const jsonErrors: ErrorRequestHandler = (err, _req, res, _next) => {
  if (err instanceof AppError) {
    const retryAfter = (err as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    if (typeof retryAfter === 'number') res.set('Retry-After', String(retryAfter));
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
  // The summary only: a whole error object may carry a request body with the conversation in it.
  console.error('unhandled request error', errorSummary(err));
  res.status(500).json({ error: 'Something went wrong', code: 'INTERNAL' });
};

/** Conservative headers for every response: no framing, no sniffing, scripts and styles from this site only. */
const securityHeaders: RequestHandler = (_req, res, next) => {
  res.set({
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'same-origin',
    'Content-Security-Policy':
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
      "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'",
  });
  next();
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
  // Which proxies to believe about the client's address (req.ip): TRUST_PROXY, validated in config.ts.
  app.set('trust proxy', deps.config.trustProxy);
  app.use(securityHeaders);
  app.get('/health', async (_req, res, next) => {
    try {
      const health = await getHealth(deps.database, channelStatus(deps.config));
      res.status(health.status === 'ok' ? 200 : 503).json(health);
    } catch (error) {
      next(error);
    }
  });
  mount(app);
  app.use(notFoundHandler);
  app.use(jsonErrors);
  return app;
}
