import express, { type RequestHandler, Router } from 'express';
import { z } from 'zod';
import { requireAdmin } from '../../../services/api-keys/index.ts';
import {
  acceptListing,
  createMasterFromListing,
  feedFormat,
  importFeed,
  listBundles,
  listProducts,
  listQueue,
  parseFeed,
  rejectListing,
  retireProduct,
  updateBundle,
  updateProduct,
} from '../../../services/catalog-import/index.ts';
import type { WebRouteDeps } from '../shared/deps.ts';
import { idParam, parseBody } from '../shared/request.ts';
import {
  csrfProtection,
  requireUser,
  requireUserPage,
  signedInUser,
  visitorMiddleware,
  visitorOf,
} from '../shared/visitor.ts';
import { catalogAdminPage, importResultPage } from './catalog-admin-page.ts';

const queueQuery = z.object({
  review: z.enum(['waiting', 'merged', 'accepted', 'created', 'rejected']).default('waiting'),
  offset: z.coerce.number().int().min(0).default(0),
});
const uploadQuery = z.object({
  format: z.enum(['csv', 'json']).optional(),
  feed: z.string().trim().min(1).max(200).default('admin-upload'),
});
const uploadForm = z.object({
  _csrf: z.string().optional(),
  feed: z.string().trim().min(1).max(200).default('admin-upload'),
  format: z.enum(['csv', 'json']).optional(),
  text: z.string().min(1, 'must not be empty: paste the feed'),
});
const acceptForm = z.object({ _csrf: z.string().optional(), masterItemId: z.string() });
const reasonForm = z.object({ _csrf: z.string().optional(), reason: z.string() });
const productQuery = z.object({ q: z.string().trim().max(200).optional() });

/**
 * Catalog operations for admins (issue 17): the review queue, feed upload, products (edit, confirm fit, retire)
 * and bundles — a page with forms and a JSON API under /api/admin/catalog. Every route checks the role
 * (profiles.role, services/api-keys requireAdmin) before it reads its input, so others get 403 and learn nothing.
 */
export function catalogAdminRouter(deps: WebRouteDeps): Router {
  const router = Router();
  const db = deps.database.db;
  const visitor = visitorMiddleware(deps);
  const csrf = csrfProtection(deps.config);
  const json = express.json({ limit: '64kb' });
  const form = express.urlencoded({ extended: false, limit: '5mb' });
  const feedBody = express.text({ type: ['text/csv', 'text/plain', 'application/json'], limit: '20mb' });
  const admin: RequestHandler = async (_req, res, next) => {
    await requireAdmin(db, signedInUser(res).id);
    next();
  };
  const api = [visitor, requireUser, admin];
  const write = [json, visitor, csrf, requireUser, admin];
  const page = [form, visitor, csrf, requireUser, admin];
  const by = (res: express.Response) => signedInUser(res).id;

  router.get('/admin/catalog', visitor, requireUserPage, admin, async (req, res) => {
    const q = productQuery.parse({ q: typeof req.query.q === 'string' ? req.query.q : undefined });
    const [queue, products, bundles] = await Promise.all([
      listQueue(db, { review: 'waiting', limit: 50 }),
      listProducts(db, { q: q.q, limit: 50 }),
      listBundles(db),
    ]);
    res.type('html').send(catalogAdminPage(visitorOf(res), { queue, products, bundles, q: q.q ?? '' }).value);
  });

  router.post('/admin/catalog/upload', ...page, async (req, res) => {
    const body = parseBody(uploadForm, req.body);
    const summary = await importFeed(
      db,
      deps.embedder,
      parseFeed(body.text, body.format ?? feedFormat(body.text)),
      {
        feed: body.feed,
      },
    );
    res.type('html').send(importResultPage(visitorOf(res), summary).value);
  });
  router.post('/admin/catalog/queue/:id/accept', ...page, async (req, res) => {
    const body = parseBody(acceptForm, req.body);
    await acceptListing(db, by(res), idParam(req), { masterItemId: body.masterItemId });
    res.redirect(303, '/admin/catalog');
  });
  router.post('/admin/catalog/queue/:id/reject', ...page, async (req, res) => {
    await rejectListing(db, by(res), idParam(req), { reason: parseBody(reasonForm, req.body).reason });
    res.redirect(303, '/admin/catalog');
  });
  router.post('/admin/catalog/products/:id/retire', ...page, async (req, res) => {
    await retireProduct(db, by(res), idParam(req), { reason: parseBody(reasonForm, req.body).reason });
    res.redirect(303, '/admin/catalog');
  });

  // The JSON API.
  router.get('/api/admin/catalog/queue', ...api, async (req, res) => {
    const q = parseBody(queueQuery, { ...req.query });
    res.json({ queue: await listQueue(db, { review: q.review, offset: q.offset }) });
  });
  router.post('/api/admin/catalog/import', feedBody, visitor, csrf, requireUser, admin, async (req, res) => {
    const q = parseBody(uploadQuery, { ...req.query });
    const text = typeof req.body === 'string' ? req.body : '';
    res.json(
      await importFeed(db, deps.embedder, parseFeed(text, q.format ?? feedFormat(text)), { feed: q.feed }),
    );
  });
  router.post('/api/admin/catalog/queue/:id/accept', ...write, async (req, res) => {
    res.status(201).json({ product: await acceptListing(db, by(res), idParam(req), req.body) });
  });
  router.post('/api/admin/catalog/queue/:id/create-master', ...write, async (req, res) => {
    res.status(201).json(await createMasterFromListing(db, deps.embedder, by(res), idParam(req), req.body));
  });
  router.post('/api/admin/catalog/queue/:id/reject', ...write, async (req, res) => {
    await rejectListing(db, by(res), idParam(req), req.body);
    res.status(204).end();
  });
  router.get('/api/admin/catalog/products', ...api, async (req, res) => {
    res.json({ products: await listProducts(db, parseBody(productQuery, { ...req.query })) });
  });
  router.patch('/api/admin/catalog/products/:id', ...write, async (req, res) => {
    res.json({ product: await updateProduct(db, by(res), idParam(req), req.body) });
  });
  router.post('/api/admin/catalog/products/:id/retire', ...write, async (req, res) => {
    await retireProduct(db, by(res), idParam(req), req.body);
    res.status(204).end();
  });
  router.get('/api/admin/catalog/bundles', ...api, async (_req, res) => {
    res.json({ bundles: await listBundles(db) });
  });
  router.patch('/api/admin/catalog/bundles/:id', ...write, async (req, res) => {
    res.json({ bundle: await updateBundle(db, by(res), idParam(req), req.body) });
  });
  return router;
}

/** Every admin catalog route, for the test that a normal user is refused on each. */
export const CATALOG_ADMIN_ROUTES = [
  ['GET', '/admin/catalog'],
  ['POST', '/admin/catalog/upload'],
  ['POST', '/admin/catalog/queue/:id/accept'],
  ['POST', '/admin/catalog/queue/:id/reject'],
  ['POST', '/admin/catalog/products/:id/retire'],
  ['GET', '/api/admin/catalog/queue'],
  ['POST', '/api/admin/catalog/import'],
  ['POST', '/api/admin/catalog/queue/:id/accept'],
  ['POST', '/api/admin/catalog/queue/:id/create-master'],
  ['POST', '/api/admin/catalog/queue/:id/reject'],
  ['GET', '/api/admin/catalog/products'],
  ['PATCH', '/api/admin/catalog/products/:id'],
  ['POST', '/api/admin/catalog/products/:id/retire'],
  ['GET', '/api/admin/catalog/bundles'],
  ['PATCH', '/api/admin/catalog/bundles/:id'],
] as const;
