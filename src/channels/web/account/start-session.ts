import type { Request, Response } from 'express';
import { createSession, endSession } from '../../../services/accounts/index.ts';
import type { WebRouteDeps } from '../shared/deps.ts';
import { type CookieSettings, clientIp, setSessionCookie, visitorOf } from '../shared/visitor.ts';

export type SignInDeps = WebRouteDeps & { settings: CookieSettings };

/** Ends the visitor's previous session (if any) and starts one for the user, in the session cookie. */
export async function startSession(
  { database, settings }: SignInDeps,
  req: Request,
  res: Response,
  userId: string,
) {
  const previous = visitorOf(res).sessionToken;
  if (previous) await endSession(database.db, previous);
  const session = await createSession(database.db, userId, {
    userAgent: req.get('user-agent') ?? null,
    ip: clientIp(req),
  });
  setSessionCookie(res, settings, session.token);
  return session;
}
