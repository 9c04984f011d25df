import type { Db } from '../../db/client.ts';
import { type Reconciled, reconcile, type StatedQuantity } from '../../domain/inventory-units.ts';
import { badInput } from '../errors.ts';
import type { InventoryRow } from './item-schema.ts';
import { addInventoryItem, listInventory, removeInventoryItem, updateInventoryItem } from './items.ts';
import { amountOf } from './owned.ts';

/** What someone said they bought, used or have, applied to their inventory in the plan's units. */

export type InventoryStatementInput = StatedQuantity & {
  action: 'add' | 'remove' | 'set';
  /** YYYY-MM-DD */
  expires?: string | null;
};

export type AppliedChange = {
  action: 'add' | 'remove' | 'set';
  name: string;
  supplyKey: string | null;
  supplyUnit: string;
  /** Change in the supply's unit (negative for a removal). */
  delta: number;
  /** What the household now holds of that supply, in its unit. */
  nowHave: number;
  assumption: string | null;
  expires: string | null;
  /** A removal larger than what was recorded: how much of it was not there. */
  shortBy?: number;
};

const EPS = 1e-6;
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
const sameName = (a: string | null, b: string) => (a ?? '').trim().toLowerCase() === b.trim().toLowerCase();

function holds(rows: InventoryRow[], target: Reconciled): InventoryRow[] {
  return rows.filter((r) =>
    target.supplyKey === null
      ? r.supplyKey === null && sameName(r.name, target.name)
      : r.supplyKey === target.supplyKey,
  );
}

function total(rows: InventoryRow[]): number {
  return round(
    rows.reduce((s, r) => s + amountOf(r), 0),
    4,
  );
}

/** Changes a row's quantity (and size or notes when given); the other fields stay as they are. */
async function patchRow(
  db: Db,
  userId: string,
  row: InventoryRow,
  changes: { quantityOwned: number; unitAmount?: number; notes?: string | null },
) {
  await updateInventoryItem(db, userId, row.id, {
    quantityOwned: changes.quantityOwned,
    ...(changes.unitAmount !== undefined ? { unitAmount: changes.unitAmount } : {}),
    ...(changes.notes !== undefined ? { notes: changes.notes } : {}),
  });
}

/**
 * Removes `amount` (in the supply's unit) from the rows, oldest expiry first (first in, first out). A row
 * partly used keeps its exact remainder as one lot of that size, so totals stay exact.
 */
async function drawDown(db: Db, userId: string, rows: InventoryRow[], amount: number): Promise<number> {
  let left = amount;
  const ordered = [...rows].sort(
    (a, b) =>
      (a.expirationDate ?? '9999').localeCompare(b.expirationDate ?? '9999') ||
      (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0),
  );
  for (const row of ordered) {
    if (left <= EPS) break;
    const have = amountOf(row);
    if (have <= EPS) continue;
    if (have <= left + EPS) {
      left -= have;
      if ((row.quantityNeeded ?? 0) > 0) await patchRow(db, userId, row, { quantityOwned: 0 });
      else await removeInventoryItem(db, userId, row.id);
      continue;
    }
    const remaining = have - left;
    const per = row.unitAmount === null ? 1 : Number(row.unitAmount);
    const whole = remaining / per;
    if (Math.abs(whole - Math.round(whole)) < 1e-6) {
      await patchRow(db, userId, row, { quantityOwned: Math.round(whole) });
    } else {
      await patchRow(db, userId, row, {
        quantityOwned: 1,
        unitAmount: round(remaining, 4),
        notes: `${row.notes ? `${row.notes}; ` : ''}partly used: ${round(remaining, 2)} left`,
      });
    }
    left = 0;
  }
  return Math.max(0, left);
}

/**
 * Applies what someone said they bought, used or have to their inventory, in the plan's units.
 * Adds merge into a matching row (same name, size and expiry); removals draw down the supply, oldest
 * expiry first; "we have N" sets the supply's total to N.
 */
export async function applyInventoryStatements(
  db: Db,
  userId: string,
  statements: InventoryStatementInput[],
): Promise<AppliedChange[]> {
  if (statements.length === 0) throw badInput('no inventory change was given', 'changes');
  const changes: AppliedChange[] = [];
  for (const statement of statements) {
    if (!(statement.quantity > 0)) throw badInput('quantity must be more than 0', 'quantity');
    const target = reconcile(statement);
    const expires = statement.expires ?? null;
    const rows = await listInventory(db, userId);
    const mine = holds(rows, target);
    const before = total(mine);
    let shortBy: number | undefined;
    if (statement.action === 'add') {
      const match = mine.find(
        (r) =>
          sameName(r.name, target.name) &&
          Math.abs((r.unitAmount === null ? 1 : Number(r.unitAmount)) - target.unitAmount) < EPS &&
          (r.expirationDate ?? null) === expires,
      );
      if (match) {
        await patchRow(db, userId, match, {
          quantityOwned: (match.quantityOwned ?? 0) + Math.round(statement.quantity),
        });
      } else {
        await addNew(db, userId, target, statement.quantity, expires);
      }
    } else if (statement.action === 'remove') {
      const missing = await drawDown(db, userId, mine, target.total);
      if (missing > EPS) shortBy = round(missing);
    } else {
      // "we have 3 flashlights": the supply's total becomes what was said.
      const delta = target.total - before;
      if (delta > EPS) await addNew(db, userId, target, statement.quantity, expires, before);
      else if (delta < -EPS) await drawDown(db, userId, mine, -delta);
    }
    const after = total(holds(await listInventory(db, userId), target));
    changes.push({
      action: statement.action,
      name: target.name,
      supplyKey: target.supplyKey,
      supplyUnit: target.supplyUnit,
      delta: round(after - before),
      nowHave: round(after),
      assumption: target.assumption,
      expires,
      ...(shortBy === undefined ? {} : { shortBy }),
    });
  }
  return changes;
}

async function addNew(
  db: Db,
  userId: string,
  target: Reconciled,
  quantity: number,
  expires: string | null,
  alreadyHave = 0,
): Promise<void> {
  // Whole items keep their size; a fractional count ("1.5 gallons") or a top-up to a total is stored as one lot.
  const integral = Number.isInteger(quantity) && alreadyHave === 0;
  await addInventoryItem(db, userId, {
    name: target.name,
    supplyKey: target.supplyKey,
    unitAmount: integral ? target.unitAmount : round(target.total - alreadyHave, 4),
    quantityOwned: integral ? quantity : 1,
    quantityNeeded: 0,
    expirationDate: expires,
  });
}
