import express, { type Express, type Request, type RequestHandler } from 'express';
import type { Config } from '../../config.ts';
import type { Database } from '../../services/database.ts';
import { getHealth, isAdministrator } from '../../services/health.ts';
import type { Logger } from '../../services/logger.ts';
import { notFoundHandler, webErrors } from './shared/errors.ts';
import { createRequestLog, type RequestLog } from './shared/request-log.ts';
import { visitorMiddleware, visitorOf } from './shared/visitor.ts';

export type WebDeps = {
  config: Config;
  database: Database;
  logger: Logger;
  /** Request ids, access lines and the in-flight count (the server's, for its graceful shutdown). */
  requests?: RequestLog;
};

/** HSTS for a year, subdomains included, once the site is served over https (never over plain http). */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Conservative headers for every response: no framing, no sniffing, scripts and styles from this site only;
 * over https (PUBLIC_URL), Strict-Transport-Security so a browser never tries plain http again.
 */
const securityHeaders =
  (https: boolean): RequestHandler =>
  (_req, res, next) => {
    if (https) res.set('Strict-Transport-Security', HSTS);
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

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * A request from this machine (a local health check, an operator's curl): the client's address (req.ip,
 * which believes only the proxies TRUST_PROXY names) is loopback and no proxy forwarded it — a proxy on the
 * same host that is not trusted would otherwise make every visitor look local.
 */
const isLocal = (req: Request) =>
  LOOPBACK.test(req.ip ?? '') && !req.get('x-forwarded-for') && !req.get('forwarded');

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
  app.use(securityHeaders(deps.config.publicUrl.startsWith('https://')));
  // Public: ok or not, and the database kind (docs/contracts/interfaces.md). Migrations, row counts and
  // channels are for administrators (profiles.role) and requests from this machine.
  const healthVisitor = visitorMiddleware(deps, { anonymous: 'read' });
  app.get('/health', healthVisitor, async (req, res) => {
    const health = await getHealth(deps.database, channelStatus(deps.config));
    res.status(health.status === 'ok' ? 200 : 503).set('Cache-Control', 'no-store');
    const userId = visitorOf(res).user?.id;
    const detailed =
      isLocal(req) || (userId !== undefined && (await isAdministrator(deps.database.db, userId)));
    res.json(detailed ? health : { status: health.status, database: health.database });
  });
  mount(app);
  app.use(notFoundHandler);
  // One error handler for the whole app: JSON for the API and JSON requests, a page otherwise.
  app.use(webErrors(deps.logger));
  return app;
}
