import express, { type Response, Router } from 'express';
import { createLinkCode, redeemLinkCode } from '../../../services/channels/index.ts';
import type { Db } from '../../../services/database.ts';
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
import type { LinkView } from './link-section.ts';
import { linkView } from './link-view.ts';

/**
 * Linking a Telegram chat or phone number to the signed-in account (services/channels/link-codes.ts): a code
 * made here is sent from the chat (/link CODE, LINK CODE); a code the chat made (/link, LINK) is entered here.
 * The chat's plans, inventory and conversations join the account; nothing is lost.
 */
async function showAccount(
  db: Db,
  res: Response,
  links: LinkView,
  errors: Record<string, string> = {},
  mail: { email: boolean } = { email: false },
) {
  const user = signedInUser(res);
  const view = { ...(await accountView(db, user, mail)), links };
  return accountPage(visitorOf(res), view, { errors }).value;
}

export function linkRouter(deps: WebRouteDeps): Router {
  const router = Router();
  const db = deps.database.db;
  const visitor = visitorMiddleware(deps);
  const csrf = csrfProtection(deps.config);
  const form = express.urlencoded({ extended: false, limit: '8kb' });
  const json = express.json({ limit: '8kb' });
  const mail = { email: deps.config.mail !== null };

  router.post('/account/link-code', form, visitor, requireUserPage, csrf, async (_req, res) => {
    const user = signedInUser(res);
    const code = await createLinkCode(db, user.id);
    res
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(await showAccount(db, res, await linkView(db, user.id, code), {}, mail));
  });

  router.post('/account/link', form, visitor, requireUserPage, csrf, async (req, res) => {
    const user = signedInUser(res);
    try {
      await redeemLinkCode(db, { channel: 'web', externalId: user.id, code: String(req.body?.code ?? '') });
    } catch (error) {
      if (!(error instanceof AppError) || !['BAD_INPUT', 'CONFLICT'].includes(error.code)) throw error;
      const page = await showAccount(db, res, await linkView(db, user.id), { code: error.message }, mail);
      return res
        .status(error.code === 'CONFLICT' ? 409 : 400)
        .type('html')
        .send(page);
    }
    res.redirect(303, '/account?notice=linked#link');
  });

  router.post('/api/account/link-code', json, visitor, requireUser, csrf, async (_req, res) => {
    const { code, expiresAt } = await createLinkCode(db, signedInUser(res).id);
    res.set('Cache-Control', 'no-store').json({ code, expiresAt: expiresAt.toISOString() });
  });

  router.post('/api/account/link', json, visitor, requireUser, csrf, async (req, res) => {
    const user = signedInUser(res);
    const linked = await redeemLinkCode(db, {
      channel: 'web',
      externalId: user.id,
      code: String(req.body?.code ?? ''),
    });
    res.json({ linked: true, moved: linked.moved, channels: (await linkView(db, user.id)).linked });
  });

  return router;
}
