import express, { type Response, Router } from 'express';
import { getDraftPlan, listConversations } from '../../../services/conversations/index.ts';
import { notFound } from '../../../services/errors.ts';
import { getLatestPlan, getPlan, listPlans, saveDraft } from '../../../services/plans/index.ts';
import type { WebRouteDeps } from '../shared/deps.ts';
import { actorOf, idParam, noticeOf } from '../shared/request.ts';
import {
  csrfProtection,
  requireUserPage,
  signedInUser,
  type Visitor,
  visitorMiddleware,
  visitorOf,
} from '../shared/visitor.ts';
import { loadPlan, savedPlanPath } from './plan-data.ts';
import { planPage } from './plan-page.ts';
import { planPdf } from './plan-pdf.ts';
import { planView } from './plan-view.ts';
import { noPlanYetPage, plansListPage } from './plans-list-page.ts';
import { walletCard } from './wallet-card.ts';
import { walletCardPage } from './wallet-card-page.ts';
import { walletCardPdf } from './wallet-card-pdf.ts';

const sendHtml = (res: Response, body: { value: string }) => res.type('html').send(body.value);

const sendPdf = (res: Response, filename: string, pdf: Buffer) =>
  res
    .type('application/pdf')
    .set('Content-Disposition', `attachment; filename="${filename}"`)
    .set('Cache-Control', 'private, no-store')
    .send(pdf);

/** The plan pages: the latest plan, the list, a drafted plan, a saved plan, its PDF and its wallet card. */
export function planPageRouter(deps: WebRouteDeps): Router {
  const router = Router();
  const db = deps.database.db;
  const visitor = visitorMiddleware(deps);
  const csrf = csrfProtection(deps.config);

  /** The newest plan built in one of the visitor's chats and not saved (anonymous visitors have only these). */
  async function latestDraft(v: Visitor): Promise<string | null> {
    const actor = actorOf(v);
    if (!actor) return null;
    for (const c of await listConversations(db, actor, 10)) {
      if (await getDraftPlan(db, actor, c.id)) return c.id;
    }
    return null;
  }

  router.get('/plan', visitor, async (_req, res) => {
    const v = visitorOf(res);
    const latest = v.user ? await getLatestPlan(db, v.user.id) : null;
    if (latest) return res.redirect(303, `/plans/${latest.id}`);
    const draft = await latestDraft(v);
    if (draft) return res.redirect(303, `/plans/draft/${draft}`);
    sendHtml(res, noPlanYetPage(v));
  });

  router.get('/plans', visitor, requireUserPage, async (_req, res) => {
    sendHtml(res, plansListPage(visitorOf(res), await listPlans(db, signedInUser(res).id)));
  });

  router.get('/plans/draft/:conversationId', visitor, async (req, res) => {
    const conversationId = idParam(req, 'conversationId');
    const actor = actorOf(visitorOf(res));
    // Another visitor's conversation, or one without a plan, is simply not found.
    const kit = actor ? await getDraftPlan(db, actor, conversationId).catch(() => null) : null;
    if (!kit) throw notFound('Plan');
    const view = planView(kit, { draftConversationId: conversationId });
    sendHtml(res, planPage(visitorOf(res), view, noticeOf(req)));
  });

  router.post(
    '/plans/draft/:conversationId/save',
    express.urlencoded({ extended: false, limit: '8kb' }),
    visitor,
    requireUserPage,
    csrf,
    async (req, res) => {
      const saved = await saveDraft(db, signedInUser(res).id, idParam(req, 'conversationId'));
      res.redirect(303, savedPlanPath(saved));
    },
  );

  // Registered before /plans/:id so that "x.pdf" is never read as an id.
  router.get('/plans/:id.pdf', visitor, requireUserPage, async (req, res) => {
    const id = idParam(req);
    const { row, readiness } = await loadPlan(db, signedInUser(res).id, id);
    const view = planView(row.reportData, { planId: id, readiness, updatedAt: row.updatedAt });
    sendPdf(res, `readyplan-${id.slice(0, 8)}.pdf`, await planPdf(view, deps.config.publicUrl));
  });

  router.get('/plans/:id/wallet-card.pdf', visitor, requireUserPage, async (req, res) => {
    const id = idParam(req);
    const row = await getPlan(db, signedInUser(res).id, id);
    sendPdf(
      res,
      `readyplan-wallet-card-${id.slice(0, 8)}.pdf`,
      await walletCardPdf(walletCard(row.reportData)),
    );
  });

  router.get('/plans/:id/wallet-card', visitor, requireUserPage, async (req, res) => {
    const id = idParam(req);
    const row = await getPlan(db, signedInUser(res).id, id);
    sendHtml(res, walletCardPage(visitorOf(res), id, walletCard(row.reportData)));
  });

  router.get('/plans/:id', visitor, requireUserPage, async (req, res) => {
    const id = idParam(req);
    const { row, readiness } = await loadPlan(db, signedInUser(res).id, id);
    const view = planView(row.reportData, { planId: id, readiness, updatedAt: row.updatedAt });
    sendHtml(res, planPage(visitorOf(res), view, noticeOf(req)));
  });

  return router;
}
