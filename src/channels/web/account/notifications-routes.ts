import express, { Router } from 'express';
import { listPreferences, savePreferences } from '../../../services/check-ins/index.ts';
import { AppError } from '../../../services/errors.ts';
import type { WebRouteDeps } from '../shared/deps.ts';
import {
  csrfProtection,
  requireUser,
  requireUserPage,
  signedInUser,
  visitorMiddleware,
  visitorOf,
} from '../shared/visitor.ts';
import { accountPage } from './account-page.ts';
import { accountView } from './account-routes.ts';
import { notificationsView } from './notifications-view.ts';

/**
 * The signed-in person's notification preferences: as JSON (GET/PUT /api/account/notifications) and as the
 * account page's form (POST /account/notifications, no JavaScript needed). Both save through the same
 * service, which checks every field before writing anything.
 */

/**
 * A form's strings as the service's edit: whole numbers become numbers, "" on a nullable field is null, a
 * missing checkbox is false. Anything else is passed as typed, so the service's schema names the bad field.
 */
function formEdit(body: Record<string, unknown>): Record<string, unknown> {
  const edit: Record<string, unknown> = { messageType: body.messageType };
  const number = (v: unknown) => (typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v);
  if (body.channel !== undefined) edit.channel = body.channel === '' ? null : body.channel;
  if (body.frequency !== undefined) edit.frequency = body.frequency;
  if (body.weekday !== undefined) edit.weekday = body.weekday === '' ? null : number(body.weekday);
  if (body.localHour !== undefined) edit.localHour = number(body.localHour);
  if (body.windowDays !== undefined) edit.windowDays = number(body.windowDays);
  if (body.timeZone !== undefined)
    edit.timeZone = typeof body.timeZone === 'string' ? body.timeZone.trim() : body.timeZone;
  edit.optedOut = body.optedOut === 'on';
  // A weekday only means something weekly: a daily or monthly choice clears it rather than failing.
  if (edit.frequency !== undefined && edit.frequency !== 'weekly' && edit.weekday !== undefined)
    edit.weekday = null;
  return edit;
}

export function notificationsRouter(deps: WebRouteDeps): Router {
  const router = Router();
  const db = deps.database.db;
  const visitor = visitorMiddleware(deps);
  const csrf = csrfProtection(deps.config);
  const json = express.json({ limit: '4kb' });
  const form = express.urlencoded({ extended: false, limit: '4kb' });
  const mail = { email: deps.config.mail !== null };

  router.get('/api/account/notifications', visitor, requireUser, async (_req, res) => {
    res.set('cache-control', 'no-store');
    res.json({ preferences: await listPreferences(db, signedInUser(res).id) });
  });

  router.put('/api/account/notifications', json, visitor, csrf, requireUser, async (req, res) => {
    res.json({ preference: await savePreferences(db, signedInUser(res).id, req.body) });
  });

  router.post('/account/notifications', form, visitor, requireUserPage, csrf, async (req, res) => {
    const user = signedInUser(res);
    const body = (req.body ?? {}) as Record<string, unknown>;
    try {
      await savePreferences(db, user.id, formEdit(body));
    } catch (error) {
      // The page again, the sentence beside the field it names; nothing was stored.
      if (!(error instanceof AppError) || error.code !== 'BAD_INPUT') throw error;
      const failed = {
        messageType: String(body.messageType ?? ''),
        field: error.field ?? 'form',
        message: error.message,
      };
      const view = {
        ...(await accountView(db, user, mail)),
        notifications: await notificationsView(db, user.id, mail, failed),
      };
      return res
        .status(400)
        .type('html')
        .send(accountPage(visitorOf(res), view).value);
    }
    res.redirect(303, '/account?notice=notifications#notifications');
  });

  return router;
}
