import express, { type Request, Router } from 'express';
import { parseIsoDate } from '../../../domain/check-ins/index.ts';
import { needsOfKit } from '../../../domain/plan/kit-needs.ts';
import { inventoryRotations } from '../../../services/check-ins/index.ts';
import { badInput } from '../../../services/errors.ts';
import {
  addInventoryItem,
  applyInventoryChanges,
  getInventoryItem,
  type InventoryRow,
  listInventory,
  planReadiness,
  removeInventoryItem,
  setSupplyOwned,
  supplyOwnedSchema,
  updateInventoryItem,
} from '../../../services/inventory/index.ts';
import { getLatestPlan, getPlan } from '../../../services/plans/index.ts';
import { checkTier, requireFeature } from '../../../services/tiers/tiers.ts';
import { parseInput } from '../../../services/validation.ts';
import type { WebRouteDeps } from '../shared/deps.ts';
import { idParam, UUID } from '../shared/request.ts';
import {
  csrfProtection,
  requireUser,
  requireUserPage,
  signedInUser,
  visitorMiddleware,
  visitorOf,
} from '../shared/visitor.ts';
import { inventoryPage, inventoryUpgradePage } from './inventory-page.ts';

/**
 * The inventory page and its JSON API. Each body is checked once, by the inventory service's own schema,
 * whose messages name the field; Express 5 passes a rejected handler to the error handler.
 */

const itemJson = (row: InventoryRow) => ({
  id: row.id,
  name: row.name,
  supplyKey: row.supplyKey,
  unitAmount: row.unitAmount === null ? null : Number(row.unitAmount),
  quantityOwned: row.quantityOwned ?? 0,
  quantityNeeded: row.quantityNeeded ?? 0,
  status: row.status,
  expirationDate: row.expirationDate,
  notes: row.notes,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

export function inventoryRouter(deps: WebRouteDeps): Router {
  const router = Router();
  const db = deps.database.db;
  const visitor = visitorMiddleware(deps);
  const csrf = csrfProtection(deps.config);
  const json = express.json({ limit: '32kb' });

  /** Inventory is a Basic and Pro feature (docs/product.md, Tiers): 402 with the upgrade message otherwise. */
  const entitled: express.RequestHandler = async (_req, res, next) => {
    await requireFeature(db, signedInUser(res).id, 'inventoryTracking');
    next();
  };

  const planIdOf = (req: Request, from: 'query' | 'body' = 'query'): string | null => {
    const raw =
      from === 'query'
        ? (req.query.planId ?? req.query.plan)
        : (req.body as { planId?: unknown } | undefined)?.planId;
    if (raw === undefined || raw === '') return null;
    if (typeof raw !== 'string' || !UUID.test(raw))
      throw badInput('Plan id must be the id of a plan.', 'planId');
    return raw;
  };

  /** The plan readiness is measured against: the one named, else the latest saved plan (or none). */
  async function planFor(userId: string, planId: string | null) {
    if (planId) return getPlan(db, userId, planId);
    return getLatestPlan(db, userId);
  }

  async function snapshot(userId: string, planId: string | null) {
    const [plan, rows] = await Promise.all([planFor(userId, planId), listInventory(db, userId)]);
    const readiness = plan ? planReadiness(plan.reportData, rows) : null;
    const basis = plan ? needsOfKit(plan.reportData) : null;
    return { plan: plan ? { id: plan.id, title: plan.title } : null, readiness, basis, items: rows };
  }

  const snapshotJson = (s: Awaited<ReturnType<typeof snapshot>>) => ({
    plan: s.plan,
    readiness: s.readiness,
    items: s.items.map(itemJson),
  });

  router.get('/inventory', visitor, requireUserPage, async (req, res) => {
    const userId = signedInUser(res).id;
    const tier = await checkTier(db, userId);
    if (!tier.entitlements.inventoryTracking) {
      res.type('html').send(inventoryUpgradePage(visitorOf(res), tier.tier).value);
      return;
    }
    const today = new Date().toISOString().slice(0, 10);
    const [s, rotations] = await Promise.all([
      snapshot(userId, planIdOf(req)),
      inventoryRotations(db, userId, parseIsoDate(today)),
    ]);
    res.type('html').send(inventoryPage(visitorOf(res), { ...s, rotations, today }).value);
  });

  router.get('/api/inventory', visitor, requireUser, entitled, async (req, res) => {
    res.json(snapshotJson(await snapshot(signedInUser(res).id, planIdOf(req))));
  });

  router.post('/api/inventory', json, visitor, requireUser, csrf, entitled, async (req, res) => {
    const userId = signedInUser(res).id;
    const planId = planIdOf(req);
    const item = await addInventoryItem(db, userId, req.body);
    res.status(201).json({ item: itemJson(item), ...snapshotJson(await snapshot(userId, planId)) });
  });

  /** PUT /api/inventory/supplies/:supplyKey { owned, expirationDate?, planId? }: the total held of a plan need. */
  router.put(
    '/api/inventory/supplies/:supplyKey',
    json,
    visitor,
    requireUser,
    csrf,
    entitled,
    async (req, res) => {
      const userId = signedInUser(res).id;
      const input = parseInput(supplyOwnedSchema, req.body, 'body');
      const key = String(req.params.supplyKey);
      const plan = await planFor(userId, input.planId ?? null);
      const need = plan?.reportData.supplies.find((s) => s.key === key);
      if (plan && !need) throw badInput(`Supply key ${key} is not a need of this plan.`, 'supplyKey');
      const rows = await setSupplyOwned(db, userId, {
        supplyKey: key,
        owned: input.owned,
        ...(input.expirationDate !== undefined ? { expirationDate: input.expirationDate } : {}),
        needed: need?.quantity ?? 0,
        ...(need ? { name: need.name } : {}),
        missionReportId: plan?.id ?? null,
      });
      res.json({
        supplyKey: key,
        rows: rows.map(itemJson),
        ...snapshotJson(await snapshot(userId, plan?.id ?? null)),
      });
    },
  );

  /**
   * POST /api/inventory/changes { changes: [{ id, itemId, kind: used|restocked|expiry, amount | expirationDate,
   * madeAt }] }: the changes a device made (offline or not), each applied exactly once (a change sent again
   * gets its stored outcome back); the answer carries each change's outcome and the inventory after them.
   */
  router.post('/api/inventory/changes', json, visitor, requireUser, csrf, entitled, async (req, res) => {
    const userId = signedInUser(res).id;
    const planId = planIdOf(req);
    const results = await applyInventoryChanges(db, userId, req.body);
    res.json({ results, ...snapshotJson(await snapshot(userId, planId)) });
  });

  router.get('/api/inventory/:id', visitor, requireUser, entitled, async (req, res) => {
    const row = await getInventoryItem(db, signedInUser(res).id, idParam(req));
    res.json({ item: itemJson(row) });
  });

  router.patch('/api/inventory/:id', json, visitor, requireUser, csrf, entitled, async (req, res) => {
    const userId = signedInUser(res).id;
    const id = idParam(req);
    const planId = planIdOf(req);
    const item = await updateInventoryItem(db, userId, id, req.body);
    res.json({ item: itemJson(item), ...snapshotJson(await snapshot(userId, planId)) });
  });

  router.delete('/api/inventory/:id', visitor, requireUser, csrf, entitled, async (req, res) => {
    const userId = signedInUser(res).id;
    const id = idParam(req);
    const planId = planIdOf(req);
    await removeInventoryItem(db, userId, id);
    res.json({ deleted: id, ...snapshotJson(await snapshot(userId, planId)) });
  });

  return router;
}
