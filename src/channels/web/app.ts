import express, { type Express, type RequestHandler } from 'express';
import type { Config } from '../../config.ts';
import type { Database } from '../../services/database.ts';
import { getHealth } from '../../services/health.ts';
import type { Logger } from '../../services/logger.ts';
import { notFoundHandler, webErrors } from './shared/errors.ts';
import { createRequestLog, type RequestLog } from './shared/request-log.ts';

export type WebDeps = {
  config: Config;
  database: Database;
  logger: Logger;
  /** Request ids, access lines and the in-flight count (the server's, for its graceful shutdown). */
  requests?: RequestLog;
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
  // First, so every line a request writes carries its id, and every response its X-Request-Id.
  app.use((deps.requests ?? createRequestLog(deps.logger)).middleware);
  // Which proxies to believe about the client's address (req.ip): TRUST_PROXY, validated in config.ts.
  app.set('trust proxy', deps.config.trustProxy);
  app.use(securityHeaders);
  app.get('/health', async (_req, res) => {
    const health = await getHealth(deps.database, channelStatus(deps.config));
    res.status(health.status === 'ok' ? 200 : 503).json(health);
  });
  mount(app);
  app.use(notFoundHandler);
  // One error handler for the whole app: JSON for the API and JSON requests, a page otherwise.
  app.use(webErrors(deps.logger));
  return app;
}
