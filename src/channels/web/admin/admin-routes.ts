import express, { Router } from 'express';
import { z } from 'zod';
import { analyticsReport } from '../../../services/analytics/index.ts';
import {
  createApiKey,
  listApiKeys,
  listSecurityAlerts,
  recentApiLogs,
  requireAdmin,
  resolveSecurityAlert,
  revokeApiKey,
  scanFailedLogins,
} from '../../../services/api-keys/index.ts';
import type { WebRouteDeps } from '../shared/deps.ts';
import { idParam, parseBody } from '../shared/request.ts';
import {
  csrfProtection,
  requireUser,
  requireUserPage,
  signedInUser,
  visitorMiddleware,
  visitorOf,
} from '../shared/visitor.ts';
import { adminPage, apiKeysPage } from './admin-pages.ts';

const keyForm = z.object({ name: z.string() });

/** The admin page and API (role ADMIN, checked on profiles.role), and each person's API keys. */
export function adminRouter(deps: WebRouteDeps): Router {
  const router = Router();
  const db = deps.database.db;
  const visitor = visitorMiddleware(deps);
  const csrf = csrfProtection(deps.config);
  const form = express.urlencoded({ extended: false, limit: '4kb' });
  const json = express.json({ limit: '4kb' });
  const admin = async (res: express.Response) => {
    const userId = signedInUser(res).id;
    await requireAdmin(db, userId);
    return userId;
  };

  router.get('/admin', visitor, requireUserPage, async (_req, res) => {
    await admin(res);
    await scanFailedLogins(db);
    const [report, alerts, apiLogs] = await Promise.all([
      analyticsReport(db),
      listSecurityAlerts(db),
      recentApiLogs(db),
    ]);
    res.type('html').send(adminPage(visitorOf(res), { report, alerts, apiLogs }).value);
  });

  router.get('/api/admin/analytics', visitor, requireUser, async (_req, res) => {
    await admin(res);
    res.json(await analyticsReport(db));
  });

  router.get('/api/admin/security', visitor, requireUser, async (_req, res) => {
    await admin(res);
    await scanFailedLogins(db);
    const [alerts, apiLogs] = await Promise.all([listSecurityAlerts(db), recentApiLogs(db)]);
    res.json({ alerts, apiLogs });
  });

  router.post('/admin/alerts/:id/resolve', form, visitor, csrf, requireUser, async (req, res) => {
    await admin(res);
    await resolveSecurityAlert(db, idParam(req));
    res.redirect(303, '/admin');
  });

  // API keys: each person's own.
  router.get('/account/api-keys', visitor, requireUserPage, async (_req, res) => {
    const keys = await listApiKeys(db, signedInUser(res).id);
    res.type('html').send(apiKeysPage(visitorOf(res), { keys, created: null }).value);
  });

  router.post('/account/api-keys', form, visitor, csrf, requireUser, async (req, res) => {
    const userId = signedInUser(res).id;
    const created = await createApiKey(db, userId, parseBody(keyForm, req.body).name);
    const keys = await listApiKeys(db, userId);
    // The key is in this response only: never cached, never shown again.
    res.set('cache-control', 'no-store');
    res.type('html').send(apiKeysPage(visitorOf(res), { keys, created }).value);
  });

  router.post('/account/api-keys/:id/revoke', form, visitor, csrf, requireUser, async (req, res) => {
    await revokeApiKey(db, signedInUser(res).id, idParam(req));
    res.redirect(303, '/account/api-keys');
  });

  router.get('/api/keys', visitor, requireUser, async (_req, res) => {
    res.json({ keys: await listApiKeys(db, signedInUser(res).id) });
  });

  router.post('/api/keys', json, visitor, csrf, requireUser, async (req, res) => {
    const created = await createApiKey(db, signedInUser(res).id, parseBody(keyForm, req.body).name);
    res.set('cache-control', 'no-store');
    res.status(201).json(created);
  });

  router.delete('/api/keys/:id', visitor, csrf, requireUser, async (req, res) => {
    await revokeApiKey(db, signedInUser(res).id, idParam(req));
    res.status(204).end();
  });

  return router;
}
