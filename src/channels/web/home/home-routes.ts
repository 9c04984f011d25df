import { Router } from 'express';
import type { WebRouteDeps } from '../shared/deps.ts';
import { noticeOf } from '../shared/request.ts';
import { visitorMiddleware, visitorOf } from '../shared/visitor.ts';
import { homePage } from './home-pages.ts';

/** The front page (pricing is the billing router's: src/channels/web/billing). */
export function homeRouter(deps: WebRouteDeps): Router {
  const router = Router();
  const visitor = visitorMiddleware(deps);

  router.get('/', visitor, (req, res) => {
    res.type('html').send(homePage(visitorOf(res), noticeOf(req)).value);
  });

  return router;
}
