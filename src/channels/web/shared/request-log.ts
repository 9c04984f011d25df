import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { Logger } from '../../../services/logger.ts';

/**
 * One id per HTTP request, on every log line the request writes and in its `X-Request-Id` response header,
 * and one access line when it ends (method, path, status, duration). It also counts the requests in flight,
 * so a graceful shutdown can wait for the streaming chat turns still answering (src/main.ts).
 */
export type RequestLog = {
  middleware: RequestHandler;
  /** Requests started and not yet ended (finished, or closed by the client). */
  inFlight(): number;
  /** Resolves once no request is in flight (at once when none is). */
  idle(): Promise<void>;
};

/**
 * An incoming id is kept when a proxy or client has sent a sane one, so one id follows a request through
 * several services: 8 to 128 characters of letters, digits and `.` `_` `:` `-`, starting with a letter or
 * digit and holding at least one letter (a run of digits could be a phone number; nothing with `@` or
 * spaces gets in). Anything else is replaced, never echoed.
 */
const WELL_FORMED_ID = /^(?=[^a-zA-Z]*[a-zA-Z])[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

export function requestIdFrom(header: string | undefined): string {
  return header !== undefined && WELL_FORMED_ID.test(header) ? header : randomUUID();
}

/** The request's own logger (its lines carry `reqId`), or the process logger outside a request. */
export function requestLogger(res: Response, fallback: Logger): Logger {
  return (res.locals.log as Logger | undefined) ?? fallback;
}

export function createRequestLog(logger: Logger): RequestLog {
  let inFlight = 0;
  let waiters: (() => void)[] = [];
  const ended = () => {
    inFlight -= 1;
    if (inFlight > 0) return;
    for (const resolve of waiters) resolve();
    waiters = [];
  };

  const middleware: RequestHandler = (req, res, next) => {
    const started = process.hrtime.bigint();
    const reqId = requestIdFrom(req.get('x-request-id'));
    // A child logger's bindings are not passed through the masking formatter: the id is checked above.
    const log = logger.child({ reqId });
    res.locals.log = log;
    res.set('X-Request-Id', reqId);
    inFlight += 1;
    res.once('close', () => {
      ended();
      const fields = {
        method: req.method,
        // The path only: a query string may carry a token or an address. Path segments that look like a
        // token, an e-mail or a phone number are masked by the logger like any other string.
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        // Closed before the response was fully written: the client went away (or the stream broke).
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      // Health checks come every few seconds from an orchestrator: their lines are debug unless they fail.
      if (req.path === '/health' && res.statusCode < 400) log.debug(fields, 'request');
      else log.info(fields, 'request');
    });
    next();
  };

  return {
    middleware,
    inFlight: () => inFlight,
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  };
}
