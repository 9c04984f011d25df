import express, { type Request, Router } from 'express';
import {
  csrfTokenFor,
  requestPasswordReset,
  resetPassword,
  resetTokenUsable,
} from '../../../services/accounts/index.ts';
import { AppError } from '../../../services/errors.ts';
import { createMailer } from '../../../services/mail/mailer.ts';
import { clientIp, csrfProtection, visitorMiddleware, visitorOf } from '../shared/visitor.ts';
import { forgotPasswordPage, resetPasswordPage } from './reset-pages.ts';
import { type SignInDeps, startSession } from './start-session.ts';

const wantsJson = (req: Request) => req.is('application/json') === 'application/json';
const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** Errors a form shows beside its field (or above the form); anything else goes to the error handler. */
const shownOnForm = (error: unknown): error is AppError =>
  error instanceof AppError && ['BAD_INPUT', 'RATE_LIMITED'].includes(error.code);

const statusOf = (error: AppError) => (error.code === 'RATE_LIMITED' ? 429 : 400);

/**
 * Password reset by e-mail (services/accounts/password-reset.ts): ask for a link (GET/POST
 * /forgot-password), open it (GET /reset-password?token=…), choose the new password (POST
 * /reset-password), which signs the person in. With SMTP_URL unset the pages say how to get help.
 */
export function resetRouter(deps: SignInDeps): Router {
  const router = Router();
  const db = deps.database.db;
  const visitor = visitorMiddleware(deps);
  const csrf = csrfProtection(deps.config);
  const body = [express.json({ limit: '8kb' }), express.urlencoded({ extended: false, limit: '8kb' })];
  const mailer = deps.config.mail ? createMailer(deps.config.mail) : null;
  const resetDeps = mailer && {
    db,
    mailer,
    publicUrl: deps.config.publicUrl,
    log: (message: string, detail?: unknown) => deps.logger.error({ err: detail }, message),
  };

  router.get('/forgot-password', visitor, (_req, res) => {
    res.type('html').send(forgotPasswordPage(visitorOf(res), { available: resetDeps !== null }).value);
  });

  router.post('/forgot-password', ...body, visitor, csrf, async (req, res) => {
    const json = wantsJson(req);
    if (!resetDeps)
      throw new AppError(
        'UNAVAILABLE',
        'Password reset by e-mail is not set up here. Ask the person who runs this ReadyPlan to reset it.',
      );
    try {
      // The same answer whatever the address: the mail, if any, goes out after it.
      await requestPasswordReset(resetDeps, req.body, { ip: clientIp(req) });
    } catch (error) {
      if (json || !shownOnForm(error)) throw error;
      if ('retryAfterSeconds' in error) res.set('Retry-After', String(error.retryAfterSeconds));
      const field = error.code === 'RATE_LIMITED' ? 'form' : (error.field ?? 'form');
      const page = forgotPasswordPage(visitorOf(res), {
        available: true,
        email: text(req.body?.email),
        errors: { [field]: error.message },
      });
      return res.status(statusOf(error)).type('html').send(page.value);
    }
    if (json) return res.status(202).json({ status: 'sent-if-known' });
    res.type('html').send(forgotPasswordPage(visitorOf(res), { available: true, sent: true }).value);
  });

  router.get('/reset-password', visitor, async (req, res) => {
    const token = text(req.query.token) ?? '';
    // The token is in the address: keep the page out of caches and the link out of referrers.
    res.set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
    const usable = await resetTokenUsable(db, token);
    res
      .status(usable ? 200 : 410)
      .type('html')
      .send(resetPasswordPage(visitorOf(res), { token, usable }).value);
  });

  router.post('/reset-password', ...body, visitor, csrf, async (req, res) => {
    const json = wantsJson(req);
    res.set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
    let user: { id: string; email: string };
    try {
      user = await resetPassword(db, req.body, { ip: clientIp(req) });
    } catch (error) {
      if (json || !shownOnForm(error)) throw error;
      const page = resetPasswordPage(visitorOf(res), {
        token: text(req.body?.token) ?? '',
        usable: true,
        errors: { [error.field ?? 'form']: error.message },
      });
      return res.status(statusOf(error)).type('html').send(page.value);
    }
    const session = await startSession(deps, req, res, user.id);
    if (json) return res.json({ user, csrfToken: csrfTokenFor(session.token) });
    res.redirect(303, '/chat?notice=password-reset');
  });

  return router;
}
