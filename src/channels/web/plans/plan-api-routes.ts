import express, { Router } from 'express';
import { notFound } from '../../../services/errors.ts';
import { deletePlan, getLatestPlan, listPlans, saveDraft, savePlan } from '../../../services/plans/index.ts';
import { checkTier } from '../../../services/tiers/tiers.ts';
import type { WebRouteDeps } from '../shared/deps.ts';
import { idParam } from '../shared/request.ts';
import { csrfProtection, requireUser, signedInUser, visitorMiddleware } from '../shared/visitor.ts';
import { loadPlan, planJson, planUrl } from './plan-data.ts';
import { buildRequestedPlan, readPlanBody } from './plan-request.ts';

/** The plans JSON API (an account is required) and the account's tier. */
export function planApiRouter(deps: WebRouteDeps): Router {
  const router = Router();
  const db = deps.database.db;
  const publicUrl = deps.config.publicUrl;
  const visitor = visitorMiddleware(deps);
  const csrf = csrfProtection(deps.config);

  router.get('/api/plans', visitor, requireUser, async (_req, res) => {
    const plans = await listPlans(db, signedInUser(res).id);
    res.json({ plans: plans.map((p) => ({ ...p, url: planUrl(publicUrl, p.id) })) });
  });

  /**
   * POST /api/plans: `{ conversationId }` saves the plan built in that chat; otherwise the body is a plan
   * request that is built with the planning engine and saved. Free accounts keep one plan: a new one
   * replaces it (`overwritten`).
   */
  router.post(
    '/api/plans',
    express.json({ limit: '256kb' }),
    visitor,
    requireUser,
    csrf,
    async (req, res) => {
      const userId = signedInUser(res).id;
      const body = readPlanBody(req.body);
      const saved =
        'conversationId' in body
          ? await saveDraft(db, userId, body.conversationId)
          : await savePlan(
              db,
              userId,
              await buildRequestedPlan({ db, solver: deps.solver }, userId, body.request),
            );
      const { row, readiness } = await loadPlan(db, userId, saved.id);
      res
        .status(saved.overwritten ? 200 : 201)
        .json({ overwritten: saved.overwritten, tier: saved.tier, ...planJson(row, readiness, publicUrl) });
    },
  );

  // Registered before /api/plans/:id so that "latest" is never read as an id.
  router.get('/api/plans/latest', visitor, requireUser, async (_req, res) => {
    const userId = signedInUser(res).id;
    const latest = await getLatestPlan(db, userId);
    if (!latest) throw notFound('Plan');
    const { row, readiness } = await loadPlan(db, userId, latest.id);
    res.json(planJson(row, readiness, publicUrl));
  });

  router.get('/api/plans/:id', visitor, requireUser, async (req, res) => {
    const { row, readiness } = await loadPlan(db, signedInUser(res).id, idParam(req));
    res.json(planJson(row, readiness, publicUrl));
  });

  router.delete('/api/plans/:id', visitor, requireUser, csrf, async (req, res) => {
    await deletePlan(db, signedInUser(res).id, idParam(req));
    res.status(204).end();
  });

  router.get('/api/tier', visitor, requireUser, async (_req, res) => {
    const status = await checkTier(db, signedInUser(res).id);
    res.json({ tier: status.tier, entitlements: status.entitlements });
  });

  return router;
}
