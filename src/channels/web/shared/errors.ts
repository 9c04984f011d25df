import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { AppError } from '../../../services/errors.ts';
import type { Logger } from '../../../services/logger.ts';
import { errorPage } from './error-page.ts';
import { requestLogger } from './request-log.ts';
import type { Visitor } from './visitor.ts';

/** HTTP status for each application error code. */
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

const statusOf = (code: AppError['code']) => statusByCode[code] ?? 500;

const anonymous: Visitor = { user: null, sessionToken: null, anonymousKey: null, csrfToken: '' };

const isApi = (path: string) =>
  path.startsWith('/api/') || path.startsWith('/webhooks/') || path === '/health';

/** API addresses and JSON requests are answered in JSON; everything else is a browser asking for a page. */
const wantsJson = (req: Request) => isApi(req.path) || Boolean(req.is('application/json'));

/** What the error says to the user: never a stack, and only a message the error marks as safe to show. */
function describe(
  err: unknown,
  logger: Logger,
): { status: number; message: string; code: AppError['code']; field?: string } {
  if (err instanceof AppError) {
    return {
      status: statusOf(err.code),
      message: err.expose ? err.message : 'Something went wrong',
      code: err.code,
      ...(err.field ? { field: err.field } : {}),
    };
  }
  if (err && typeof err === 'object' && 'type' in err && err.type === 'entity.parse.failed') {
    return { status: 400, message: 'The request body is not valid JSON', code: 'BAD_INPUT', field: 'body' };
  }
  // The summary only: a whole error object may carry a request body with the conversation in it.
  logger.error({ err }, 'unhandled request error');
  return { status: 500, message: 'Something went wrong', code: 'INTERNAL' };
}

function sendPage(res: Response, visitor: Visitor, status: number, message: string) {
  res
    .status(status)
    .type('html')
    .send(errorPage(visitor, status, message).value);
}

/**
 * The web channel's one error handler (Express 5 forwards a rejected handler here): JSON with a message the
 * user may see for the API and JSON requests, an error page otherwise.
 */
export const webErrors =
  (logger: Logger): ErrorRequestHandler =>
  (err, req, res, next) => {
    // A stream already under way cannot become an error reply: Express closes the connection.
    if (res.headersSent) {
      next(err);
      return;
    }
    const retryAfter =
      err instanceof AppError ? (err as { retryAfterSeconds?: unknown }).retryAfterSeconds : null;
    if (typeof retryAfter === 'number') res.set('Retry-After', String(retryAfter));
    const { status, message, code, field } = describe(err, requestLogger(res, logger));
    if (wantsJson(req)) {
      res.status(status).json({ error: message, code, ...(field ? { field } : {}) });
      return;
    }
    const visitor = (res.locals.visitor as Visitor | undefined) ?? anonymous;
    if (err instanceof AppError) sendPage(res, visitor, status, message);
    else if (status === 400) sendPage(res, visitor, 400, 'The form could not be read.');
    else sendPage(res, visitor, 500, 'Something went wrong on our side. Please try again.');
  };

/** Unknown addresses: a JSON 404 for the API, a page otherwise. */
export const notFoundHandler: RequestHandler = (req, res) => {
  if (isApi(req.path)) {
    res.status(404).json({ error: `No route for ${req.method} ${req.path}`, code: 'NOT_FOUND' });
    return;
  }
  sendPage(res, anonymous, 404, 'There is no page at this address.');
};
