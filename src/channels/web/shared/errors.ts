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

/** `TOO_LARGE` (413) is the body parser's, not a service's: no service sees a body that was never read. */
type ErrorCode = AppError['code'] | 'TOO_LARGE' | 'UNSUPPORTED';

/** A body parser's limit ("32kb", or bytes) in words. */
function sizeInWords(limit: unknown): string {
  const bytes = Number(limit);
  if (!Number.isFinite(bytes) || bytes <= 0) return 'the limit';
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  return `${Math.round(bytes / 1024)} KB`;
}

/**
 * The body parsers' own errors (express.json, urlencoded, raw, text: http-errors with a `type`), which
 * happen before any handler runs: each a 4xx with a sentence, never a 500 with a stack in the log.
 */
function bodyError(err: unknown): { status: number; message: string; code: ErrorCode } | null {
  if (!err || typeof err !== 'object' || !('type' in err) || typeof err.type !== 'string') return null;
  const limit = (err as { limit?: unknown }).limit;
  switch (err.type) {
    case 'entity.too.large':
      return {
        status: 413,
        message: `The request is too large: this address accepts at most ${sizeInWords(limit)}. Send less text, or a smaller file.`,
        code: 'TOO_LARGE',
      };
    case 'parameters.too.many':
      return { status: 413, message: 'The form has too many fields.', code: 'TOO_LARGE' };
    case 'entity.parse.failed':
      return { status: 400, message: 'The request body is not valid JSON.', code: 'BAD_INPUT' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return {
        status: 415,
        message: 'The request body’s encoding is not supported: send UTF-8.',
        code: 'UNSUPPORTED',
      };
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return {
        status: 400,
        message: 'The request body could not be read. Please try again.',
        code: 'BAD_INPUT',
      };
    default:
      return null;
  }
}

const anonymous: Visitor = { user: null, sessionToken: null, anonymousKey: null, csrfToken: '' };

const isApi = (path: string) =>
  path.startsWith('/api/') || path.startsWith('/webhooks/') || path === '/health';

/** API addresses and JSON requests are answered in JSON; everything else is a browser asking for a page. */
const wantsJson = (req: Request) => isApi(req.path) || Boolean(req.is('application/json'));

/**
 * A message a service wrote as a fragment ("text is required: the message to send") becomes a sentence
 * (capital, full stop): what a person reads is never a bare predicate. Messages already written as
 * sentences pass unchanged.
 */
function asSentence(message: string): string {
  if (!/^[a-z]/.test(message)) return message;
  const capital = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** What the error says to the user: never a stack, and only a message the error marks as safe to show. */
function describe(
  err: unknown,
  logger: Logger,
): { status: number; message: string; code: ErrorCode; field?: string } {
  if (err instanceof AppError) {
    return {
      status: statusOf(err.code),
      message: err.expose ? asSentence(err.message) : 'Something went wrong',
      code: err.code,
      ...(err.field ? { field: err.field } : {}),
    };
  }
  const body = bodyError(err);
  if (body) return { ...body, field: 'body' };
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
    // A refused tier action (TierLimitError) says where to upgrade, in JSON and on the page.
    const upgradePath =
      code === 'TIER_LIMIT' ? ((err as { upgradePath?: string }).upgradePath ?? '/pricing') : null;
    if (wantsJson(req)) {
      res.status(status).json({
        error: message,
        code,
        ...(field ? { field } : {}),
        ...(upgradePath ? { upgradeUrl: upgradePath } : {}),
      });
      return;
    }
    const visitor = (res.locals.visitor as Visitor | undefined) ?? anonymous;
    if (upgradePath) {
      res
        .status(status)
        .type('html')
        .send(
          errorPage(visitor, status, message, { href: upgradePath, label: 'See plans and upgrade' }).value,
        );
    } else if (err instanceof AppError || bodyError(err)) sendPage(res, visitor, status, message);
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
