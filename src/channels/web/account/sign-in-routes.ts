import express, { type Request, type Response, Router } from 'express';
import { isUuid } from '../../../domain/ids.ts';
import {
  adoptAnonymous,
  csrfTokenFor,
  endSession,
  LoginThrottledError,
  logIn,
  SignUpThrottledError,
  signUp,
} from '../../../services/accounts/index.ts';
import { AppError } from '../../../services/errors.ts';
import { clearOfflineCopy } from '../offline/clear-site-data.ts';
import type { WebRouteDeps } from '../shared/deps.ts';
import { safeNext } from '../shared/html.ts';
import {
  clearAnonCookie,
  clearSessionCookie,
  clientIp,
  cookieSettings,
  csrfProtection,
  visitorMiddleware,
  visitorOf,
} from '../shared/visitor.ts';
import { resetRouter } from './reset-routes.ts';
import { loginPage, signupPage } from './sign-in-pages.ts';
import { type SignInDeps, startSession } from './start-session.ts';

const wantsJson = (req: Request) => req.is('application/json') === 'application/json';

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** Where the sign-in and sign-up forms send the visitor next (`next`), and which chat's plan to save (`save`). */
const formState = (req: Request) => {
  const save = text(req.query.save) ?? text(req.body?.save);
  return { next: text(req.query.next) ?? text(req.body?.next), save: isUuid(save) ? save : null };
};

/**
 * After sign-up or sign-in the anonymous visitor's chats become the account's (the service does it); this
 * says where to go next: the plan just saved, the address asked for, else an unsaved plan, else the chat.
 */
async function adoptVisitor({ database, settings }: SignInDeps, req: Request, res: Response, userId: string) {
  const anonymousKey = visitorOf(res).anonymousKey;
  const next = safeNext(text(req.body?.next), '/chat');
  if (!anonymousKey) return next;
  const adopted = await adoptAnonymous(database.db, userId, anonymousKey, {
    saveConversationId: text(req.body?.save) ?? null,
  });
  clearAnonCookie(res, settings);
  if (adopted.saved)
    return `/plans/${adopted.saved.id}?notice=${adopted.saved.overwritten ? 'saved-replaced' : 'saved'}`;
  if (text(req.body?.next)) return next;
  return adopted.draftConversationId ? `/plans/draft/${adopted.draftConversationId}` : next;
}

/** Sign-up, sign-in and sign-out, as forms and as JSON, and who the visitor is (GET /api/session). */
export function signInRouter(routeDeps: WebRouteDeps): Router {
  const router = Router();
  const deps: SignInDeps = { ...routeDeps, settings: cookieSettings(routeDeps.config) };
  const db = deps.database.db;
  const visitor = visitorMiddleware(deps);
  const csrf = csrfProtection(deps.config);
  const jsonBody = express.json({ limit: '32kb' });
  const formBody = express.urlencoded({ extended: false, limit: '32kb' });
  const resetAvailable = deps.config.mail !== null;
  router.use(resetRouter(deps));

  router.get('/api/session', visitor, (_req, res) => {
    const v = visitorOf(res);
    res.json({ user: v.user ? { id: v.user.id, email: v.user.email } : null, csrfToken: v.csrfToken });
  });

  router.get('/signup', visitor, (req, res) => {
    if (visitorOf(res).user) return res.redirect(303, safeNext(text(req.query.next), '/chat'));
    res.type('html').send(signupPage(visitorOf(res), formState(req)).value);
  });

  router.post('/signup', jsonBody, formBody, visitor, csrf, async (req, res) => {
    const json = wantsJson(req);
    try {
      const user = await signUp(db, req.body, { ip: clientIp(req) });
      const session = await startSession(deps, req, res, user.id);
      const to = await adoptVisitor(deps, req, res, user.id);
      if (json) return res.status(201).json({ user, csrfToken: csrfTokenFor(session.token), next: to });
      res.redirect(303, to.includes('?') ? to : `${to}?notice=welcome`);
    } catch (error) {
      // A form with a mistake comes back filled in, with the message beside the field; JSON callers get JSON.
      const shown = ['BAD_INPUT', 'CONFLICT', 'RATE_LIMITED'];
      if (json || !(error instanceof AppError) || !shown.includes(error.code)) throw error;
      if (error instanceof SignUpThrottledError) res.set('Retry-After', String(error.retryAfterSeconds));
      res.status(error.code === 'CONFLICT' ? 409 : error.code === 'RATE_LIMITED' ? 429 : 400).type('html');
      res.send(
        signupPage(visitorOf(res), {
          ...formState(req),
          email: text(req.body?.email),
          errors: { [error.field ?? 'form']: error.message },
        }).value,
      );
    }
  });

  router.get('/login', visitor, (req, res) => {
    if (visitorOf(res).user) return res.redirect(303, safeNext(text(req.query.next), '/chat'));
    res.type('html').send(loginPage(visitorOf(res), { ...formState(req), resetAvailable }).value);
  });

  router.post('/login', jsonBody, formBody, visitor, csrf, async (req, res) => {
    const json = wantsJson(req);
    try {
      const user = await logIn(db, req.body, { ip: clientIp(req) });
      const session = await startSession(deps, req, res, user.id);
      const to = await adoptVisitor(deps, req, res, user.id);
      if (json) return res.json({ user, csrfToken: csrfTokenFor(session.token), next: to });
      res.redirect(303, to);
    } catch (error) {
      if (error instanceof LoginThrottledError) res.set('Retry-After', String(error.retryAfterSeconds));
      if (error instanceof LoginThrottledError && resetAvailable)
        error.message += ' If you have forgotten your password, you can reset it.';
      const shown = ['BAD_INPUT', 'UNAUTHENTICATED', 'RATE_LIMITED'];
      if (json || !(error instanceof AppError) || !shown.includes(error.code)) throw error;
      const status = error.code === 'RATE_LIMITED' ? 429 : error.code === 'UNAUTHENTICATED' ? 401 : 400;
      res.status(status).type('html');
      res.send(
        loginPage(visitorOf(res), {
          ...formState(req),
          resetAvailable,
          email: text(req.body?.email),
          errors:
            error.code === 'BAD_INPUT' ? { [error.field ?? 'form']: error.message } : { form: error.message },
        }).value,
      );
    }
  });

  router.post('/logout', jsonBody, formBody, visitor, csrf, async (req, res) => {
    const v = visitorOf(res);
    if (v.sessionToken) await endSession(db, v.sessionToken);
    clearSessionCookie(res, deps.settings);
    clearAnonCookie(res, deps.settings);
    clearOfflineCopy(res);
    if (wantsJson(req)) res.status(204).end();
    else res.redirect(303, '/?notice=signed-out');
  });

  return router;
}
