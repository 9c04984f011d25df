import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Config } from '../../../config.ts';
import {
  csrfMatches,
  csrfTokenFor,
  findSession,
  newToken,
  SESSION_DAYS,
} from '../../../services/accounts/index.ts';
import type { Database } from '../../../services/database.ts';
import { AppError } from '../../../services/errors.ts';

/**
 * Who is asking: a signed-in user (session cookie → server-side session) or an anonymous visitor (an
 * unguessable key in its own cookie, which is also the anonymous conversation's key). The CSRF token is
 * derived from whichever secret the browser holds, so a page elsewhere cannot know it.
 */
export type Visitor = {
  user: { id: string; email: string; sessionId: string } | null;
  sessionToken: string | null;
  anonymousKey: string | null;
  csrfToken: string;
};

export const SESSION_COOKIE = 'rp_session';
export const ANON_COOKIE = 'rp_anon';
const ANON_DAYS = 30;

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (!name || name in out) continue;
    try {
      out[name] = decodeURIComponent(value);
    } catch {
      out[name] = value;
    }
  }
  return out;
}

export type CookieSettings = { secure: boolean; sessionCookie: string; anonCookie: string };

/**
 * Over https the cookies are Secure and carry the `__Host-` prefix: the browser then accepts them only from
 * this exact host, over https, for path / — a sibling subdomain or a plain-http response cannot plant or
 * overwrite them (cookie tossing). Over http (local development) the prefix would be refused, so it is off.
 */
export function cookieSettings(config: Config): CookieSettings {
  const secure = config.publicUrl.startsWith('https://');
  const prefix = secure ? '__Host-' : '';
  return { secure, sessionCookie: `${prefix}${SESSION_COOKIE}`, anonCookie: `${prefix}${ANON_COOKIE}` };
}

function cookieOptions(settings: CookieSettings, days: number) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: settings.secure,
    path: '/',
    maxAge: days * 24 * 60 * 60 * 1000,
  };
}

export function setSessionCookie(res: Response, settings: CookieSettings, token: string) {
  res.cookie(settings.sessionCookie, token, cookieOptions(settings, SESSION_DAYS));
}

export function clearSessionCookie(res: Response, settings: CookieSettings) {
  res.clearCookie(settings.sessionCookie, { ...cookieOptions(settings, 0), maxAge: undefined });
}

export function setAnonCookie(res: Response, settings: CookieSettings, key: string) {
  res.cookie(settings.anonCookie, key, cookieOptions(settings, ANON_DAYS));
}

export function clearAnonCookie(res: Response, settings: CookieSettings) {
  res.clearCookie(settings.anonCookie, { ...cookieOptions(settings, 0), maxAge: undefined });
}

const ANON_PATTERN = /^[A-Za-z0-9_-]{32,64}$/;

export function visitorOf(res: Response): Visitor {
  const visitor = res.locals.visitor as Visitor | undefined;
  if (!visitor) throw new Error('the visitor middleware did not run for this route');
  return visitor;
}

/**
 * Resolves the visitor for a route. `anonymous: 'ensure'` gives a visitor without a session an anonymous
 * key (and its cookie) when it has none, so it can chat and post forms; 'read' only reads it.
 */
export function visitorMiddleware(
  deps: { config: Config; database: Database },
  options: { anonymous: 'ensure' | 'read' } = { anonymous: 'ensure' },
): RequestHandler {
  const settings = cookieSettings(deps.config);
  // A rejected promise (the session lookup failing) goes to the error handler: Express 5 forwards it.
  return async (req: Request, res: Response, next: NextFunction) => {
    const cookies = parseCookies(req.headers.cookie);
    let user: Visitor['user'] = null;
    let sessionToken: string | null = null;
    const presented = cookies[settings.sessionCookie];
    if (presented) {
      const session = await findSession(deps.database.db, presented);
      if (session) {
        user = { id: session.userId, email: session.email, sessionId: session.sessionId };
        sessionToken = presented;
      } else {
        clearSessionCookie(res, settings);
      }
    }
    const anonCookie = cookies[settings.anonCookie];
    let anonymousKey = anonCookie && ANON_PATTERN.test(anonCookie) ? anonCookie : null;
    if (!user && !anonymousKey && options.anonymous === 'ensure') {
      anonymousKey = newToken();
      setAnonCookie(res, settings, anonymousKey);
    }
    const secret = sessionToken ?? anonymousKey;
    res.locals.visitor = {
      user,
      sessionToken,
      anonymousKey,
      csrfToken: secret ? csrfTokenFor(secret) : '',
    } satisfies Visitor;
    next();
  };
}

/**
 * CSRF protection for state-changing requests: the token must come back in the `x-csrf-token` header
 * (JSON calls) or the `_csrf` form field, and a cross-site Origin is refused outright.
 */
export function csrfProtection(config: Config): RequestHandler {
  const allowed = new Set([new URL(config.publicUrl).origin]);
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin && origin !== 'null') {
      const own = `${req.protocol}://${req.headers.host ?? ''}`;
      if (!allowed.has(origin) && origin !== own) {
        next(
          new AppError('FORBIDDEN', 'This request came from another site and was refused', {
            field: 'origin',
          }),
        );
        return;
      }
    }
    const visitor = visitorOf(res);
    const body = req.body as Record<string, unknown> | undefined;
    const given = req.get('x-csrf-token') ?? (body && typeof body === 'object' ? body._csrf : undefined);
    if (!csrfMatches(visitor.sessionToken ?? visitor.anonymousKey, given)) {
      next(
        new AppError(
          'FORBIDDEN',
          'The form expired or did not come from this site: reload the page and try again',
          {
            field: 'csrf',
          },
        ),
      );
      return;
    }
    next();
  };
}

/** API routes that need an account: 401 otherwise. */
export const requireUser: RequestHandler = (_req, res, next) => {
  if (!visitorOf(res).user) {
    next(new AppError('UNAUTHENTICATED', 'Sign in to do that', { field: 'session' }));
    return;
  }
  next();
};

/** Pages that need an account: to the sign-in page, coming back here after. */
export const requireUserPage: RequestHandler = (req, res, next) => {
  if (!visitorOf(res).user) {
    res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
    return;
  }
  next();
};

export function signedInUser(res: Response): { id: string; email: string; sessionId: string } {
  const user = visitorOf(res).user;
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to do that', { field: 'session' });
  return user;
}

export function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
