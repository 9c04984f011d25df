import type { Need } from '../../domain/needs.ts';
import { type DaysOfSupply, daysOfSupply, readinessScore, type SupplyRates } from '../../domain/readiness.ts';
import type { InventoryRow } from './item-schema.ts';
import { ownedSupplies } from './owned.ts';

/**
 * Readiness from a plan's needs and daily rates and the rows owned: pure, so the server (planReadiness) and
 * the inventory page's offline script (bundled into assets/offline.js) compute the same figures with the same
 * code. Imports only the pure domain readiness module and owned.ts, nothing that touches the database.
 */

const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;

export type NeedStatus = {
  key: string;
  name: string;
  category: string;
  unit: string;
  priority: 1 | 2 | 3;
  needed: number;
  owned: number;
  /** 0..1 */
  coverage: number;
  /** The earliest expiry among the rows that hold this supply. */
  expirationDate: string | null;
  itemIds: string[];
};

export type PlanReadiness = {
  score: number;
  byCategory: { category: string; score: number; needs: number }[];
  daysOfSupply: DaysOfSupply[];
  needs: NeedStatus[];
};

/** What the calculation needs of a plan: its needs and the household's daily rates (domain needsOfKit). */
export type ReadinessBasis = { needs: Need[]; rates: SupplyRates };

/** The fields of an inventory row the calculation reads. */
export type ReadinessRow = Pick<
  InventoryRow,
  'id' | 'supplyKey' | 'quantityOwned' | 'unitAmount' | 'expirationDate'
>;

/** Readiness (0–100, weighted by priority), per category, days of supply and per-need coverage. */
export function readinessOf({ needs, rates }: ReadinessBasis, rows: readonly ReadinessRow[]): PlanReadiness {
  const owned = ownedSupplies(rows);
  const readiness = readinessScore(needs, owned);
  const coverage = new Map(readiness.items.map((i) => [i.key, i]));
  return {
    score: readiness.score,
    byCategory: readiness.byCategory,
    daysOfSupply: daysOfSupply(needs, owned, rates),
    needs: needs.map((n) => {
      const c = coverage.get(n.key);
      const holding = rows.filter((r) => r.supplyKey === n.key);
      const expiries = holding.map((r) => r.expirationDate).filter((d): d is string => !!d);
      expiries.sort();
      return {
        key: n.key,
        name: n.name,
        category: n.category,
        unit: n.unit,
        priority: n.priority,
        needed: n.quantity,
        owned: round(c?.owned ?? 0, 4),
        coverage: round(c?.coverage ?? 0, 4),
        expirationDate: expiries[0] ?? null,
        itemIds: holding.map((r) => r.id),
      };
    }),
  };
}
