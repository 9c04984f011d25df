import { Router } from 'express';
import { recordAffiliateClick } from '../../../services/analytics/index.ts';
import type { WebRouteDeps } from '../shared/deps.ts';
import { idParam } from '../shared/request.ts';
import { visitorMiddleware, visitorOf } from '../shared/visitor.ts';

/**
 * Affiliate clicks: `/go/:productId?bundle=…&source=…` records the click with its bundle context, then
 * redirects to the product's URL from the catalog. The target never comes from the request (no open
 * redirect); an unknown product or one without a shop link is a 404.
 */
export function shopRouter(deps: WebRouteDeps): Router {
  const router = Router();
  const visitor = visitorMiddleware(deps, { anonymous: 'read' });
  router.get('/go/:id', visitor, async (req, res) => {
    const q = (name: string) =>
      typeof req.query[name] === 'string' ? (req.query[name] as string) : undefined;
    const { url } = await recordAffiliateClick(
      deps.database.db,
      visitorOf(res).user?.id ?? null,
      {
        productId: idParam(req),
        ...(q('bundle') ? { bundleId: q('bundle') } : {}),
        ...(q('source') ? { source: q('source') as 'PRODUCT_PAGE' } : {}),
      },
      { userAgent: req.get('user-agent')?.slice(0, 300) ?? null },
    );
    res.set('cache-control', 'no-store');
    res.redirect(302, url);
  });
  return router;
}
