import { fileURLToPath } from 'node:url';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { errorSummary } from '../../services/error-summary.ts';
import { AppError } from '../../services/errors.ts';
import { authRouter } from './account/sign-in-routes.ts';
import { chatRouter } from './chat/chat-routes.ts';
import { errorPage } from './home/home-pages.ts';
import { inventoryRouter } from './inventory/inventory-routes.ts';
import { planRouter } from './plans/plan-routes.ts';
import { productsRouter } from './products/products-routes.ts';
import type { WebRouteDeps } from './shared/deps.ts';
import { statusOf } from './shared/status.ts';
import type { Visitor } from './shared/visitor.ts';

export type { WebRouteDeps } from './shared/deps.ts';

export const assetsDir = fileURLToPath(new URL('./assets', import.meta.url));

const anonymous: Visitor = { user: null, sessionToken: null, anonymousKey: null, csrfToken: '' };

const isApi = (path: string) =>
  path.startsWith('/api/') || path.startsWith('/webhooks/') || path === '/health';

/** Errors on pages render as a page (JSON routes and JSON requests fall through to the app's jsonErrors). */
export const pageErrors: ErrorRequestHandler = (err, req, res, next) => {
  if (isApi(req.path) || res.headersSent || req.is('application/json')) {
    next(err);
    return;
  }
  const visitor = (res.locals.visitor as Visitor | undefined) ?? anonymous;
  if (err instanceof AppError) {
    res
      .status(statusOf(err.code))
      .type('html')
      .send(errorPage(visitor, statusOf(err.code), err.expose ? err.message : 'Something went wrong').value);
    return;
  }
  if (err && typeof err === 'object' && 'type' in err && err.type === 'entity.parse.failed') {
    res
      .status(400)
      .type('html')
      .send(errorPage(visitor, 400, 'The form could not be read.').value);
    return;
  }
  console.error('unhandled page error', errorSummary(err));
  res
    .status(500)
    .type('html')
    .send(errorPage(visitor, 500, 'Something went wrong on our side. Please try again.').value);
};

/** Unknown addresses: a JSON 404 for the API, a page otherwise. */
export const notFoundHandler: RequestHandler = (req, res) => {
  if (isApi(req.path)) {
    res.status(404).json({ error: `No route for ${req.method} ${req.path}`, code: 'NOT_FOUND' });
    return;
  }
  res
    .status(404)
    .type('html')
    .send(errorPage(anonymous, 404, 'There is no page at this address.').value);
};

/** The web channel: pages, the JSON API, the streaming chat and static assets. */
export function mountWeb(app: Express, deps: WebRouteDeps): void {
  app.use(
    '/assets',
    express.static(assetsDir, { maxAge: deps.config.env === 'production' ? '1d' : 0, index: false }),
  );
  app.use(productsRouter({ db: deps.database.db, embedder: deps.embedder }));
  app.use(authRouter(deps));
  app.use(chatRouter(deps));
  app.use(planRouter(deps));
  app.use(inventoryRouter(deps));
  app.use(pageErrors);
}
