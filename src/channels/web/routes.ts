import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import { accountRouter } from './account/account-routes.ts';
import { linkRouter } from './account/link-routes.ts';
import { notificationsRouter } from './account/notifications-routes.ts';
import { signInRouter } from './account/sign-in-routes.ts';
import { mountBillingCallsAdmin } from './admin/mount.ts';
import { catalogAdminRouter } from './catalog-admin/catalog-admin-routes.ts';
import { chatRouter } from './chat/chat-routes.ts';
import { homeRouter } from './home/home-routes.ts';
import { inventoryRouter } from './inventory/inventory-routes.ts';
import { offlineRouter } from './offline/offline-routes.ts';
import { planApiRouter } from './plans/plan-api-routes.ts';
import { planPageRouter } from './plans/plan-page-routes.ts';
import { productsRouter } from './products/products-routes.ts';
import type { WebRouteDeps } from './shared/deps.ts';

export type { WebRouteDeps } from './shared/deps.ts';

export const assetsDir = fileURLToPath(new URL('./assets', import.meta.url));

/** The web channel: pages, the JSON API, the streaming chat and static assets, one router per feature. */
export function mountWeb(app: Express, deps: WebRouteDeps): void {
  app.use(
    '/assets',
    express.static(assetsDir, { maxAge: deps.config.env === 'production' ? '1d' : 0, index: false }),
  );
  app.use(productsRouter({ db: deps.database.db, embedder: deps.embedder }));
  // Billing (/pricing, Checkout, Portal, Stripe's webhook), expert calls, /go redirects, admin, API keys.
  mountBillingCallsAdmin(app, deps);
  app.use(homeRouter(deps));
  app.use(signInRouter(deps));
  app.use(accountRouter(deps));
  app.use(linkRouter(deps));
  app.use(notificationsRouter(deps));
  app.use(chatRouter(deps));
  app.use(planPageRouter(deps));
  app.use(planApiRouter(deps));
  app.use(inventoryRouter(deps));
  app.use(offlineRouter(deps));
  app.use(catalogAdminRouter(deps));
}
