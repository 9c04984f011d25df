import express, { Router } from 'express';
import { z } from 'zod';
import {
  type BillingConfig,
  createCheckoutSession,
  createPortalSession,
  createStripe,
  handleStripeWebhook,
  listBillingHistory,
  planPrices,
} from '../../../services/billing/index.ts';
import { AppError } from '../../../services/errors.ts';
import { billingEnabled, checkTier } from '../../../services/tiers/tiers.ts';
import type { WebRouteDeps } from '../shared/deps.ts';
import { parseBody } from '../shared/request.ts';
import {
  clientIp,
  csrfProtection,
  requireUser,
  requireUserPage,
  signedInUser,
  visitorMiddleware,
  visitorOf,
} from '../shared/visitor.ts';
import { billingPage, pricingPage } from './billing-pages.ts';

const checkoutInput = z.object({ tier: z.string(), interval: z.string().default('month') });

/**
 * Pricing, Checkout, the Customer Portal, the billing history (page and API) and Stripe's webhook. Handlers
 * only wire: the billing service does the work. Without Stripe configured the server is self-hosted:
 * pricing says every account has every feature and the Stripe routes answer 503.
 */
export function billingRouter(deps: WebRouteDeps): Router {
  const router = Router();
  const db = deps.database.db;
  const visitor = visitorMiddleware(deps);
  const csrf = csrfProtection(deps.config);
  const stripeConfig: BillingConfig | null = deps.config.stripe;
  const stripe = stripeConfig ? createStripe(stripeConfig) : null;
  const prices = stripe && stripeConfig ? planPrices(stripe, stripeConfig) : null;
  const billing = () => {
    if (!stripe || !stripeConfig)
      throw new AppError(
        'UNAVAILABLE',
        'Billing is off on this server (self-hosted): every account has every feature.',
      );
    return { db, stripe, config: stripeConfig, publicUrl: deps.config.publicUrl };
  };
  const offered = stripeConfig
    ? (['BASIC', 'PRO'] as const).flatMap((tier) =>
        (['month', 'year'] as const)
          .filter((i) => stripeConfig.plans[tier][i])
          .map((interval) => ({ tier, interval })),
      )
    : [];

  // Stripe signs the exact bytes it sent: the body is read raw here (no JSON parser before it).
  router.post('/webhooks/stripe', express.raw({ type: '*/*', limit: '512kb' }), async (req, res) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.from('');
    const result = await handleStripeWebhook(billing(), body, req.get('stripe-signature'), {
      ip: clientIp(req),
    });
    res.json({ received: true, duplicate: result.duplicate });
  });

  router.get('/pricing', visitor, async (_req, res) => {
    const v = visitorOf(res);
    const status = v.user ? await checkTier(db, v.user.id) : null;
    const amounts = prices ? await prices() : [];
    const withAmounts = offered.map((o) => ({
      ...o,
      price: amounts.find((a) => a.tier === o.tier && a.interval === o.interval) ?? null,
    }));
    res
      .type('html')
      .send(pricingPage(v, { billing: billingEnabled(db), status, offered: withAmounts }).value);
  });

  router.get('/billing', visitor, requireUserPage, async (req, res) => {
    const userId = signedInUser(res).id;
    const [status, history] = await Promise.all([checkTier(db, userId), listBillingHistory(db, userId)]);
    const notice =
      req.query.checkout === 'success'
        ? 'Thank you! Your plan changes as soon as Stripe confirms the payment.'
        : null;
    res.type('html').send(billingPage(visitorOf(res), { status, history, notice }).value);
  });

  router.get('/api/billing', visitor, requireUser, async (_req, res) => {
    const userId = signedInUser(res).id;
    const [status, history] = await Promise.all([checkTier(db, userId), listBillingHistory(db, userId)]);
    res.json({
      tier: status.tier,
      subscribedTier: status.subscribedTier,
      status: status.status,
      billing: status.billing,
      periodEnd: status.periodEnd?.toISOString() ?? null,
      history: history.map((h) => ({ ...h, date: h.date.toISOString() })),
    });
  });

  const form = express.urlencoded({ extended: false, limit: '4kb' });
  const json = express.json({ limit: '4kb' });

  router.post('/billing/checkout', form, visitor, csrf, requireUser, async (req, res) => {
    const input = parseBody(checkoutInput, req.body);
    const session = await createCheckoutSession(billing(), signedInUser(res).id, input);
    res.redirect(303, session.url);
  });

  router.post('/api/billing/checkout', json, visitor, csrf, requireUser, async (req, res) => {
    const input = parseBody(checkoutInput, req.body);
    res.json(await createCheckoutSession(billing(), signedInUser(res).id, input));
  });

  router.post('/billing/portal', form, visitor, csrf, requireUser, async (_req, res) => {
    res.redirect(303, (await createPortalSession(billing(), signedInUser(res).id)).url);
  });

  router.post('/api/billing/portal', json, visitor, csrf, requireUser, async (_req, res) => {
    res.json(await createPortalSession(billing(), signedInUser(res).id));
  });

  return router;
}
