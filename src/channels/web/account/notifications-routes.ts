import express, { Router } from 'express';
import { listPreferences, savePreferences } from '../../../services/check-ins/index.ts';
import type { WebRouteDeps } from '../shared/deps.ts';
import { csrfProtection, requireUser, signedInUser, visitorMiddleware } from '../shared/visitor.ts';

/**
 * The signed-in person's notification preferences as JSON (what the account page's notifications section
 * reads and writes): one entry per message type, defaults where nothing was chosen.
 */
export function notificationsRouter(deps: WebRouteDeps): Router {
  const router = Router();
  const db = deps.database.db;
  const visitor = visitorMiddleware(deps);
  const csrf = csrfProtection(deps.config);
  const json = express.json({ limit: '4kb' });

  router.get('/api/account/notifications', visitor, requireUser, async (_req, res) => {
    res.set('cache-control', 'no-store');
    res.json({ preferences: await listPreferences(db, signedInUser(res).id) });
  });

  router.put('/api/account/notifications', json, visitor, csrf, requireUser, async (req, res) => {
    res.json({ preference: await savePreferences(db, signedInUser(res).id, req.body) });
  });

  return router;
}
