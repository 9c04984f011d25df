import express, { type Request, type Response, Router } from 'express';
import { isUuid } from '../../../domain/ids.ts';
import {
  adoptHousehold,
  createSession,
  csrfTokenFor,
  deleteAccount,
  endSession,
  exportAccount,
  LoginThrottledError,
  listSessions,
  logIn,
  signUp,
} from '../../../services/accounts/index.ts';
import { getProfile } from '../../../services/accounts/users.ts';
import { claimAnonymousConversations, setConversationPlan } from '../../../services/conversations/index.ts';
import { AppError } from '../../../services/errors.ts';
import { countInventoryItems } from '../../../services/inventory/plan-inventory.ts';
import { savePlan } from '../../../services/plans/index.ts';
import { listPlans } from '../../../services/plans/saved-plans.ts';
import { checkTier } from '../../../services/tiers/tiers.ts';
import { homePage, pricingPage } from '../home/home-pages.ts';
import type { WebRouteDeps } from '../shared/deps.ts';
import { safeNext } from '../shared/html.ts';
import { noticeOf } from '../shared/request.ts';
import {
  clearAnonCookie,
  clearSessionCookie,
  clientIp,
  cookieSettings,
  csrfProtection,
  requireUser,
  requireUserPage,
  setSessionCookie,
  signedInUser,
  visitorMiddleware,
  visitorOf,
} from '../shared/visitor.ts';
import { accountPage, loginPage, signupPage } from './sign-in-pages.ts';

const wantsJson = (req: Request) => req.is('application/json') === 'application/json';

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

export function authRouter(deps: WebRouteDeps): Router {
  const router = Router();
  const db = deps.database.db;
  const settings = cookieSettings(deps.config);
  const visitor = visitorMiddleware(deps);
  const csrf = csrfProtection(deps.config);
  const jsonBody = express.json({ limit: '32kb' });
  const formBody = express.urlencoded({ extended: false, limit: '32kb' });

  /**
   * After sign-up or sign-in: the anonymous visitor's threads (and the household they described) become the
   * account's, and the plan of the thread named by `save` is saved. Returns where to go next.
   */
  async function adoptAnonymous(req: Request, res: Response, userId: string): Promise<string> {
    const v = visitorOf(res);
    const next = safeNext(text(req.body?.next), '/chat');
    const save = text(req.body?.save);
    if (!v.anonymousKey) return next;
    const claimed = await claimAnonymousConversations(db, v.anonymousKey, userId);
    clearAnonCookie(res, settings);
    for (const c of claimed) {
      if (Object.keys(c.household ?? {}).length > 0) await adoptHousehold(db, userId, c.household);
    }
    const toSave = claimed.find((c) => c.id === save && c.draftPlan);
    if (toSave?.draftPlan) {
      const saved = await savePlan(db, userId, toSave.draftPlan);
      await setConversationPlan(db, userId, toSave.id, saved.id);
      return `/plans/${saved.id}?notice=${saved.overwritten ? 'saved-replaced' : 'saved'}`;
    }
    if (text(req.body?.next)) return next;
    const draft = claimed.find((c) => c.draftPlan);
    return draft ? `/plans/draft/${draft.id}` : next;
  }

  async function startSession(req: Request, res: Response, userId: string) {
    const previous = visitorOf(res).sessionToken;
    if (previous) await endSession(db, previous);
    const session = await createSession(db, userId, {
      userAgent: req.get('user-agent') ?? null,
      ip: clientIp(req),
    });
    setSessionCookie(res, settings, session.token);
    return session;
  }

  const formState = (req: Request) => ({
    next: text(req.query.next) ?? text(req.body?.next),
    save: (() => {
      const s = text(req.query.save) ?? text(req.body?.save);
      return isUuid(s) ? s : null;
    })(),
  });

  router.get('/', visitor, (req, res) => {
    res.type('html').send(homePage(visitorOf(res), noticeOf(req)).value);
  });

  router.get('/pricing', visitor, (_req, res) => {
    res.type('html').send(pricingPage(visitorOf(res)).value);
  });

  router.get('/api/session', visitor, (_req, res) => {
    const v = visitorOf(res);
    res.json({ user: v.user ? { id: v.user.id, email: v.user.email } : null, csrfToken: v.csrfToken });
  });

  router.get('/signup', visitor, (req, res) => {
    if (visitorOf(res).user) {
      res.redirect(303, safeNext(text(req.query.next), '/chat'));
      return;
    }
    res.type('html').send(signupPage(visitorOf(res), formState(req)).value);
  });

  router.post('/signup', jsonBody, formBody, visitor, csrf, async (req, res, next) => {
    const json = wantsJson(req);
    try {
      const user = await signUp(db, req.body);
      const session = await startSession(req, res, user.id);
      const to = await adoptAnonymous(req, res, user.id);
      if (json) {
        res.status(201).json({ user, csrfToken: csrfTokenFor(session.token), next: to });
        return;
      }
      res.redirect(303, to.includes('?') ? to : `${to}?notice=welcome`);
    } catch (error) {
      if (!json && error instanceof AppError && (error.code === 'BAD_INPUT' || error.code === 'CONFLICT')) {
        res.status(error.code === 'CONFLICT' ? 409 : 400).type('html');
        res.send(
          signupPage(visitorOf(res), {
            ...formState(req),
            email: text(req.body?.email),
            errors: { [error.field ?? 'form']: error.message },
          }).value,
        );
        return;
      }
      next(error);
    }
  });

  router.get('/login', visitor, (req, res) => {
    if (visitorOf(res).user) {
      res.redirect(303, safeNext(text(req.query.next), '/chat'));
      return;
    }
    res.type('html').send(loginPage(visitorOf(res), formState(req)).value);
  });

  router.post('/login', jsonBody, formBody, visitor, csrf, async (req, res, next) => {
    const json = wantsJson(req);
    try {
      const user = await logIn(db, req.body, { ip: clientIp(req) });
      const session = await startSession(req, res, user.id);
      const to = await adoptAnonymous(req, res, user.id);
      if (json) {
        res.json({ user, csrfToken: csrfTokenFor(session.token), next: to });
        return;
      }
      res.redirect(303, to);
    } catch (error) {
      if (error instanceof LoginThrottledError) res.set('Retry-After', String(error.retryAfterSeconds));
      if (
        !json &&
        error instanceof AppError &&
        ['BAD_INPUT', 'UNAUTHENTICATED', 'RATE_LIMITED'].includes(error.code)
      ) {
        const status = error.code === 'RATE_LIMITED' ? 429 : error.code === 'UNAUTHENTICATED' ? 401 : 400;
        res.status(status).type('html');
        res.send(
          loginPage(visitorOf(res), {
            ...formState(req),
            email: text(req.body?.email),
            errors:
              error.code === 'BAD_INPUT'
                ? { [error.field ?? 'form']: error.message }
                : { form: error.message },
          }).value,
        );
        return;
      }
      next(error);
    }
  });

  router.post('/logout', jsonBody, formBody, visitor, csrf, async (req, res, next) => {
    try {
      const v = visitorOf(res);
      if (v.sessionToken) await endSession(db, v.sessionToken);
      clearSessionCookie(res, settings);
      clearAnonCookie(res, settings);
      if (wantsJson(req)) res.status(204).end();
      else res.redirect(303, '/?notice=signed-out');
    } catch (error) {
      next(error);
    }
  });

  router.get('/account', visitor, requireUserPage, async (req, res, next) => {
    try {
      const user = signedInUser(res);
      res
        .type('html')
        .send(accountPage(visitorOf(res), await accountView(user), { notice: noticeOf(req) }).value);
    } catch (error) {
      next(error);
    }
  });

  async function accountView(user: { id: string; email: string; sessionId: string }) {
    const [tier, plans, inventory, sessions] = await Promise.all([
      checkTier(db, user.id),
      listPlans(db, user.id),
      countInventoryItems(db, user.id),
      listSessions(db, user.id),
    ]);
    const createdAt = (await exportCreatedAt(user.id)) ?? new Date();
    return {
      email: user.email,
      tier: tier.tier,
      createdAt,
      plans: plans.length,
      inventory,
      sessions: sessions.map((s) => ({ ...s, current: s.id === user.sessionId })),
    };
  }

  async function exportCreatedAt(userId: string) {
    const profile = await getProfile(db, userId);
    return profile?.createdAt ?? null;
  }

  const sendExport = async (_req: Request, res: Response) => {
    const user = signedInUser(res);
    const data = await exportAccount(db, user.id);
    res
      .set(
        'Content-Disposition',
        `attachment; filename="readyplan-export-${new Date().toISOString().slice(0, 10)}.json"`,
      )
      .set('Cache-Control', 'no-store')
      .type('application/json')
      .send(JSON.stringify(data, null, 2));
  };

  router.get('/account/export.json', visitor, requireUserPage, async (req, res, next) => {
    try {
      await sendExport(req, res);
    } catch (error) {
      next(error);
    }
  });

  router.get('/api/account/export', visitor, requireUser, async (req, res, next) => {
    try {
      await sendExport(req, res);
    } catch (error) {
      next(error);
    }
  });

  router.post(
    '/account/delete',
    jsonBody,
    formBody,
    visitor,
    requireUserPage,
    csrf,
    async (req, res, next) => {
      const user = signedInUser(res);
      try {
        await deleteAccount(
          db,
          user.id,
          { confirm: req.body?.confirm, password: req.body?.password },
          { ip: clientIp(req) },
        );
        clearSessionCookie(res, settings);
        clearAnonCookie(res, settings);
        res.redirect(303, '/?notice=deleted');
      } catch (error) {
        if (error instanceof AppError && error.code === 'BAD_INPUT') {
          res.status(400).type('html');
          res.send(
            accountPage(visitorOf(res), await accountView(user), {
              errors: { [error.field ?? 'form']: error.message },
            }).value,
          );
          return;
        }
        next(error);
      }
    },
  );

  router.delete(
    '/api/account',
    express.json({ limit: '8kb' }),
    visitor,
    requireUser,
    csrf,
    async (req, res, next) => {
      try {
        await deleteAccount(db, signedInUser(res).id, req.body ?? {}, { ip: clientIp(req) });
        clearSessionCookie(res, settings);
        clearAnonCookie(res, settings);
        res.status(204).end();
      } catch (error) {
        next(error);
      }
    },
  );

  return router;
}
