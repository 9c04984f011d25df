import express, { type Response, Router } from 'express';
import { z } from 'zod';
import type { GeneratedKit } from '../../../domain/generated-kit.ts';
import { MemberInputSchema, normalizeMember } from '../../../domain/household-draft.ts';
import {
  getDraftPlan,
  listConversations,
  setConversationPlan,
} from '../../../services/conversations/index.ts';
import { AppError, badInput, notFound } from '../../../services/errors.ts';
import { listInventory } from '../../../services/inventory/inventory.ts';
import {
  inventoryReadiness,
  ownedFromRows,
  type PlanReadiness,
} from '../../../services/inventory/plan-inventory.ts';
import { buildPlan, getLatestPlan, getPlan, savePlan } from '../../../services/plans/index.ts';
import { deletePlan, listPlans } from '../../../services/plans/saved-plans.ts';
import { checkTier } from '../../../services/tiers/tiers.ts';
import type { WebRouteDeps } from '../shared/deps.ts';
import { html } from '../shared/html.ts';
import { layout } from '../shared/layout.ts';
import { actorOf, idParam, noticeOf } from '../shared/request.ts';
import {
  csrfProtection,
  requireUser,
  requireUserPage,
  signedInUser,
  type Visitor,
  visitorMiddleware,
  visitorOf,
} from '../shared/visitor.ts';
import { planPage, plansListPage } from './plan-page.ts';
import { planPdf, walletCardPdf } from './plan-pdf.ts';
import { planView } from './plan-view.ts';
import { walletCard } from './wallet-card.ts';
import { walletCardPage } from './wallet-card-page.ts';

/** The plan the visitor may read, with readiness recomputed from their inventory. */
async function loadPlan(deps: WebRouteDeps, userId: string, planId: string) {
  const row = await getPlan(deps.database.db, userId, planId);
  const readiness = await inventoryReadiness(deps.database.db, userId, row.reportData);
  return { row, readiness };
}

const saveDraftSchema = z.strictObject({ conversationId: z.uuid({ message: 'must be a conversation id' }) });

export function planRouter(deps: WebRouteDeps): Router {
  const router = Router();
  const db = deps.database.db;
  const visitor = visitorMiddleware(deps);
  const csrf = csrfProtection(deps.config);
  const json = express.json({ limit: '256kb' });
  const form = express.urlencoded({ extended: false, limit: '8kb' });
  const url = (id: string) => `${deps.config.publicUrl}/plans/${id}`;

  const sendHtml = (res: Response, body: { value: string }) => res.type('html').send(body.value);

  /** The newest plan built in one of the visitor's chats and not saved (anonymous visitors have only these). */
  async function latestDraft(v: Visitor): Promise<{ conversationId: string } | null> {
    const actor = actorOf(v);
    if (!actor) return null;
    for (const c of await listConversations(db, actor, 10)) {
      if (await getDraftPlan(db, actor, c.id)) return { conversationId: c.id };
    }
    return null;
  }

  router.get('/plan', visitor, async (_req, res, next) => {
    try {
      const v = visitorOf(res);
      if (v.user) {
        const latest = await getLatestPlan(db, v.user.id);
        if (latest) return res.redirect(303, `/plans/${latest.id}`);
      }
      const draft = await latestDraft(v);
      if (draft) return res.redirect(303, `/plans/draft/${draft.conversationId}`);
      sendHtml(
        res,
        layout({
          title: 'Your plan',
          visitor: v,
          section: 'plan',
          body: html`<h1>Your plan</h1><section class="card"><p>No plan yet. <a href="/chat">Ask for one in the chat</a> — one message is enough, for example “We're 2 adults and 2 kids in Tampa, FL, worried about hurricanes, 2 weeks, $300”.</p></section>`,
        }),
      );
    } catch (error) {
      next(error);
    }
  });

  router.get('/plans', visitor, requireUserPage, async (_req, res, next) => {
    try {
      const plans = await listPlans(db, signedInUser(res).id);
      sendHtml(res, plansListPage(visitorOf(res), plans));
    } catch (error) {
      next(error);
    }
  });

  router.get('/plans/draft/:conversationId', visitor, async (req, res, next) => {
    try {
      const conversationId = idParam(req, 'conversationId');
      const actor = actorOf(visitorOf(res));
      const kit = actor ? await getDraftPlan(db, actor, conversationId).catch(() => null) : null;
      if (!kit) throw notFound('Plan');
      sendHtml(
        res,
        planPage(visitorOf(res), planView(kit, { draftConversationId: conversationId }), noticeOf(req)),
      );
    } catch (error) {
      next(error);
    }
  });

  router.post(
    '/plans/draft/:conversationId/save',
    form,
    visitor,
    requireUserPage,
    csrf,
    async (req, res, next) => {
      try {
        const conversationId = idParam(req, 'conversationId');
        const saved = await saveDraft(signedInUser(res).id, conversationId);
        res.redirect(303, `/plans/${saved.id}?notice=${saved.overwritten ? 'saved-replaced' : 'saved'}`);
      } catch (error) {
        next(error);
      }
    },
  );

  async function saveDraft(userId: string, conversationId: string) {
    const kit = await getDraftPlan(db, { userId }, conversationId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
      throw error;
    });
    if (!kit) throw notFound('Conversation');
    const saved = await savePlan(db, userId, kit);
    await setConversationPlan(db, userId, conversationId, saved.id);
    return saved;
  }

  // Registered before /plans/:id so that "x.pdf" is never read as an id.
  router.get('/plans/:id.pdf', visitor, requireUserPage, async (req, res, next) => {
    try {
      const id = idParam(req);
      const { row, readiness } = await loadPlan(deps, signedInUser(res).id, id);
      const pdf = await planPdf(
        planView(row.reportData, { planId: id, readiness, updatedAt: row.updatedAt }),
        deps.config.publicUrl,
      );
      res
        .type('application/pdf')
        .set('Content-Disposition', `attachment; filename="readyplan-${id.slice(0, 8)}.pdf"`)
        .set('Cache-Control', 'private, no-store')
        .send(pdf);
    } catch (error) {
      next(error);
    }
  });

  router.get('/plans/:id/wallet-card.pdf', visitor, requireUserPage, async (req, res, next) => {
    try {
      const id = idParam(req);
      const row = await getPlan(db, signedInUser(res).id, id);
      const pdf = await walletCardPdf(walletCard(row.reportData));
      res
        .type('application/pdf')
        .set('Content-Disposition', `attachment; filename="readyplan-wallet-card-${id.slice(0, 8)}.pdf"`)
        .set('Cache-Control', 'private, no-store')
        .send(pdf);
    } catch (error) {
      next(error);
    }
  });

  router.get('/plans/:id/wallet-card', visitor, requireUserPage, async (req, res, next) => {
    try {
      const id = idParam(req);
      const row = await getPlan(db, signedInUser(res).id, id);
      sendHtml(res, walletCardPage(visitorOf(res), id, walletCard(row.reportData)));
    } catch (error) {
      next(error);
    }
  });

  router.get('/plans/:id', visitor, requireUserPage, async (req, res, next) => {
    try {
      const id = idParam(req);
      const { row, readiness } = await loadPlan(deps, signedInUser(res).id, id);
      sendHtml(
        res,
        planPage(
          visitorOf(res),
          planView(row.reportData, { planId: id, readiness, updatedAt: row.updatedAt }),
          noticeOf(req),
        ),
      );
    } catch (error) {
      next(error);
    }
  });

  // ---------------------------------------------------------------- JSON API

  const planJson = (row: Awaited<ReturnType<typeof getPlan>>, readiness: PlanReadiness) => ({
    id: row.id,
    title: row.title,
    location: row.location,
    scenarios: row.scenarios,
    durationDays: row.durationDays,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    url: url(row.id),
    readiness: {
      score: readiness.score,
      byCategory: readiness.byCategory,
      daysOfSupply: readiness.daysOfSupply,
    },
    plan: row.reportData,
  });

  router.get('/api/plans', visitor, requireUser, async (_req, res, next) => {
    try {
      const plans = await listPlans(db, signedInUser(res).id);
      res.json({ plans: plans.map((p) => ({ ...p, url: url(p.id) })) });
    } catch (error) {
      next(error);
    }
  });

  /**
   * POST /api/plans: `{ conversationId }` saves the plan built in that chat; otherwise the body is a plan
   * request (location, members, durationDays, budget, scenarios …, as the plan command takes) that is built
   * with the planning engine and saved. Free accounts keep one plan: a new one replaces it (`overwritten`).
   */
  router.post('/api/plans', json, visitor, requireUser, csrf, async (req, res, next) => {
    try {
      const userId = signedInUser(res).id;
      const body: unknown = req.body;
      if (!body || typeof body !== 'object' || Array.isArray(body))
        throw badInput('the body must be a JSON object', 'body');
      let kit: GeneratedKit;
      let conversationId: string | null = null;
      if ('conversationId' in body) {
        const parsed = saveDraftSchema.safeParse(body);
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          const field =
            issue.code === 'unrecognized_keys' ? issue.keys[0]! : String(issue.path[0] ?? 'conversationId');
          throw badInput(
            `${field} ${issue.code === 'unrecognized_keys' ? 'is not accepted with conversationId' : issue.message}`,
            field,
          );
        }
        conversationId = parsed.data.conversationId;
        const draft = await getDraftPlan(db, { userId }, conversationId);
        if (!draft) throw badInput('that conversation has no plan yet: ask for one first', 'conversationId');
        kit = draft;
      } else {
        const request = { ...(body as Record<string, unknown>) };
        // As on the plan command, a member may be given by kind alone ("adult"): the household module fills
        // the kind's typical age; anything it cannot read goes on to the planner, whose error names the field.
        if (Array.isArray(request.members)) {
          request.members = request.members.map((m: unknown) => {
            const parsed = MemberInputSchema.safeParse(m);
            return parsed.success && parsed.data.ageYears === undefined
              ? { ...(m as object), ageYears: normalizeMember(parsed.data).ageYears }
              : m;
          });
        }
        if (request.owned === undefined) request.owned = ownedFromRows(await listInventory(db, userId));
        kit = await buildPlan({ db }, request);
      }
      const saved = await savePlan(db, userId, kit);
      if (conversationId) await setConversationPlan(db, userId, conversationId, saved.id);
      const { row, readiness } = await loadPlan(deps, userId, saved.id);
      res
        .status(saved.overwritten ? 200 : 201)
        .json({ overwritten: saved.overwritten, tier: saved.tier, ...planJson(row, readiness) });
    } catch (error) {
      next(error);
    }
  });

  router.get('/api/plans/latest', visitor, requireUser, async (_req, res, next) => {
    try {
      const userId = signedInUser(res).id;
      const latest = await getLatestPlan(db, userId);
      if (!latest) throw notFound('Plan');
      const { row, readiness } = await loadPlan(deps, userId, latest.id);
      res.json(planJson(row, readiness));
    } catch (error) {
      next(error);
    }
  });

  router.get('/api/plans/:id', visitor, requireUser, async (req, res, next) => {
    try {
      const { row, readiness } = await loadPlan(deps, signedInUser(res).id, idParam(req));
      res.json(planJson(row, readiness));
    } catch (error) {
      next(error);
    }
  });

  router.delete('/api/plans/:id', visitor, requireUser, csrf, async (req, res, next) => {
    try {
      await deletePlan(db, signedInUser(res).id, idParam(req));
      res.status(204).end();
    } catch (error) {
      next(error);
    }
  });

  router.get('/api/tier', visitor, requireUser, async (_req, res, next) => {
    try {
      const status = await checkTier(db, signedInUser(res).id);
      res.json({ tier: status.tier, entitlements: status.entitlements });
    } catch (error) {
      next(error);
    }
  });

  return router;
}
