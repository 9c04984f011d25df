import express, { type Response, Router } from 'express';
import {
  changePassword,
  deleteAccount,
  exportAccount,
  getProfile,
  listSessions,
} from '../../../services/accounts/index.ts';
import type { Db } from '../../../services/database.ts';
import { AppError } from '../../../services/errors.ts';
import { countInventoryItems } from '../../../services/inventory/index.ts';
import { listPlans } from '../../../services/plans/index.ts';
import { checkTier } from '../../../services/tiers/tiers.ts';
import { clearOfflineCopy } from '../offline/clear-site-data.ts';
import type { WebRouteDeps } from '../shared/deps.ts';
import { noticeOf } from '../shared/request.ts';
import {
  clearAnonCookie,
  clearSessionCookie,
  clientIp,
  cookieSettings,
  csrfProtection,
  requireUser,
  requireUserPage,
  signedInUser,
  visitorMiddleware,
  visitorOf,
} from '../shared/visitor.ts';
import { type AccountView, accountPage } from './account-page.ts';
import { linkView } from './link-view.ts';
import { NOTIFICATIONS_SAVED } from './notifications-section.ts';
import { notificationsView } from './notifications-view.ts';

/** What the account page shows: tier, counts, member-since and the signed-in devices. */
export async function accountView(
  db: Db,
  user: { id: string; email: string; sessionId: string },
  options: { email: boolean } = { email: false },
): Promise<AccountView> {
  const [tier, plans, inventory, sessions, profile] = await Promise.all([
    checkTier(db, user.id),
    listPlans(db, user.id),
    countInventoryItems(db, user.id),
    listSessions(db, user.id),
    getProfile(db, user.id),
  ]);
  return {
    email: user.email,
    tier: tier.tier,
    createdAt: profile?.createdAt ?? new Date(),
    plans: plans.length,
    inventory,
    sessions: sessions.map((s) => ({ ...s, current: s.id === user.sessionId })),
    links: await linkView(db, user.id),
    notifications: await notificationsView(db, user.id, options),
  };
}

/** Everything stored about the user, as a JSON download. */
async function sendExport(db: Db, res: Response) {
  const data = await exportAccount(db, signedInUser(res).id);
  res
    .set(
      'Content-Disposition',
      `attachment; filename="readyplan-export-${new Date().toISOString().slice(0, 10)}.json"`,
    )
    .set('Cache-Control', 'no-store')
    .type('application/json')
    .send(JSON.stringify(data, null, 2));
}

/** The account page, the data export and account deletion (page and API). */
export function accountRouter(deps: WebRouteDeps): Router {
  const router = Router();
  const db = deps.database.db;
  const settings = cookieSettings(deps.config);
  const visitor = visitorMiddleware(deps);
  const csrf = csrfProtection(deps.config);
  const mail = { email: deps.config.mail !== null };

  const signOut = (res: Response) => {
    clearSessionCookie(res, settings);
    clearAnonCookie(res, settings);
    clearOfflineCopy(res);
  };

  router.get('/account', visitor, requireUserPage, async (req, res) => {
    const view = await accountView(db, signedInUser(res), mail);
    // The notifications form's own notice (the shared notices belong to the whole site).
    const notice = req.query.notice === 'notifications' ? NOTIFICATIONS_SAVED : noticeOf(req);
    res.type('html').send(accountPage(visitorOf(res), view, { notice }).value);
  });

  router.get('/account/export.json', visitor, requireUserPage, (_req, res) => sendExport(db, res));
  router.get('/api/account/export', visitor, requireUser, (_req, res) => sendExport(db, res));

  router.post(
    '/account/delete',
    express.json({ limit: '32kb' }),
    express.urlencoded({ extended: false, limit: '32kb' }),
    visitor,
    requireUserPage,
    csrf,
    async (req, res) => {
      const user = signedInUser(res);
      const confirmation = { confirm: req.body?.confirm, password: req.body?.password };
      try {
        await deleteAccount(db, user.id, confirmation, { ip: clientIp(req) });
      } catch (error) {
        // A wrong confirmation comes back as the account page with the message beside the field.
        if (!(error instanceof AppError) || error.code !== 'BAD_INPUT') throw error;
        const page = accountPage(visitorOf(res), await accountView(db, user, mail), {
          errors: { [error.field ?? 'form']: error.message },
        });
        return res.status(400).type('html').send(page.value);
      }
      signOut(res);
      res.redirect(303, '/?notice=deleted');
    },
  );

  /** A password change: the page again with the message beside the field, or back with a notice. */
  router.post(
    '/account/password',
    express.urlencoded({ extended: false, limit: '8kb' }),
    visitor,
    requireUserPage,
    csrf,
    async (req, res) => {
      const user = signedInUser(res);
      try {
        await changePassword(db, user, req.body, { ip: clientIp(req) });
      } catch (error) {
        if (!(error instanceof AppError) || !['BAD_INPUT', 'RATE_LIMITED'].includes(error.code)) throw error;
        if ('retryAfterSeconds' in error) res.set('Retry-After', String(error.retryAfterSeconds));
        // The form's new-password field is "newPassword" on the page: "password" is the deletion form's.
        const field = error.field === 'password' ? 'newPassword' : error.field;
        const page = accountPage(visitorOf(res), await accountView(db, user, mail), {
          ...(field === 'current' || field === 'newPassword'
            ? { errors: { [field]: error.message } }
            : { passwordErrors: { form: error.message } }),
        });
        return res
          .status(error.code === 'RATE_LIMITED' ? 429 : 400)
          .type('html')
          .send(page.value);
      }
      res.redirect(303, '/account?notice=password-changed');
    },
  );

  router.post(
    '/api/account/password',
    express.json({ limit: '8kb' }),
    visitor,
    requireUser,
    csrf,
    async (req, res) => {
      await changePassword(db, signedInUser(res), req.body, { ip: clientIp(req) });
      res.status(204).end();
    },
  );

  router.delete(
    '/api/account',
    express.json({ limit: '8kb' }),
    visitor,
    requireUser,
    csrf,
    async (req, res) => {
      await deleteAccount(db, signedInUser(res).id, req.body ?? {}, { ip: clientIp(req) });
      signOut(res);
      res.status(204).end();
    },
  );

  return router;
}
