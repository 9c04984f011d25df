import type { Express } from 'express';
import { billingRouter } from '../billing/billing-routes.ts';
import { shopRouter } from '../billing/shop-routes.ts';
import { callsRouter } from '../calls/calls-routes.ts';
import type { WebRouteDeps } from '../shared/deps.ts';
import { adminRouter } from './admin-routes.ts';
import { apiV1Router } from './api-v1-routes.ts';
import { templatesAdminRouter } from './templates-routes.ts';

/**
 * Billing (pricing, Checkout, Portal, history, Stripe's webhook), expert calls, affiliate redirects, the
 * admin page, API keys and the keyed /api/v1. Mounted before the home router: /pricing is served here.
 */
export function mountBillingCallsAdmin(app: Express, deps: WebRouteDeps): void {
  app.use(apiV1Router(deps));
  app.use(billingRouter(deps));
  app.use(shopRouter(deps));
  app.use(callsRouter(deps));
  app.use(adminRouter(deps));
  app.use(templatesAdminRouter(deps));
}
