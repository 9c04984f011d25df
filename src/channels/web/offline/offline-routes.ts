import { fileURLToPath } from 'node:url';
import { Router } from 'express';
import { getLatestPlan } from '../../../services/plans/index.ts';
import type { WebRouteDeps } from '../shared/deps.ts';
import { requireUserPage, signedInUser, visitorMiddleware, visitorOf } from '../shared/visitor.ts';
import { checklistPage } from './checklist-page.ts';

const assetsDir = fileURLToPath(new URL('../assets', import.meta.url));

/**
 * The installable, offline side of the web app: the manifest, the service worker at the root (so its scope
 * is the whole site) and the emergency checklist.
 */
export function offlineRouter(deps: WebRouteDeps): Router {
  const router = Router();
  const visitor = visitorMiddleware(deps);

  router.get('/manifest.webmanifest', (_req, res) => {
    res.type('application/manifest+json').sendFile('manifest.webmanifest', { root: assetsDir });
  });

  // Always revalidated: a browser checks for a new worker on every visit, and a stale one would keep old
  // pages' assets. Served from the root, so its default scope is already "/"; the header says so anyway.
  router.get('/sw.js', (_req, res) => {
    res
      .type('text/javascript')
      .set({ 'Cache-Control': 'no-cache', 'Service-Worker-Allowed': '/' })
      .sendFile('sw.js', { root: assetsDir });
  });

  router.get('/checklist', visitor, requireUserPage, async (_req, res) => {
    const latest = await getLatestPlan(deps.database.db, signedInUser(res).id);
    const plan = latest ? { id: latest.id, kit: latest.reportData } : null;
    res.type('html').send(checklistPage(visitorOf(res), plan).value);
  });

  return router;
}
