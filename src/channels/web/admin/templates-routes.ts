import express, { Router } from 'express';
import { requireAdmin } from '../../../services/api-keys/index.ts';
import { listTemplates, saveTemplate } from '../../../services/check-ins/index.ts';
import type { WebRouteDeps } from '../shared/deps.ts';
import { csrfProtection, requireUser, signedInUser, visitorMiddleware } from '../shared/visitor.ts';

/** The admin API for message templates (check-ins, call reminders, product news; per channel). */
export function templatesAdminRouter(deps: WebRouteDeps): Router {
  const router = Router();
  const db = deps.database.db;
  const visitor = visitorMiddleware(deps);
  const csrf = csrfProtection(deps.config);
  const json = express.json({ limit: '16kb' });

  router.get('/api/admin/templates', visitor, requireUser, async (_req, res) => {
    await requireAdmin(db, signedInUser(res).id);
    res.set('cache-control', 'no-store');
    res.json({ templates: await listTemplates(db) });
  });

  router.put('/api/admin/templates', json, visitor, csrf, requireUser, async (req, res) => {
    const adminId = signedInUser(res).id;
    await requireAdmin(db, adminId);
    res.json({ template: await saveTemplate(db, adminId, req.body) });
  });

  return router;
}
