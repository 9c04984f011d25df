import { z } from 'zod';
import table from './data/inventory-units.json' with { type: 'json' };
import { isSupplyKey, supplyByKey } from './supplies.ts';

/**
 * Reconciles what people say they have ("24 cans of chili", "a case of water", "2 packs of batteries")
 * with the planner's supply units (data/supplies.json: gal, kcal, lb, count …), using the table of typical
 * sizes in data/inventory-units.json. Every conversion that rests on a typical size says so, so the reply
 * can state it.
 */

export type StatedQuantity = {
  item: string;
  quantity: number;
  unit: string | null;
  size?: { amount: number; unit: string } | null;
};

export type Reconciled = {
  /** The planner supply this counts toward; null when nothing in the plan matches. */
  supplyKey: string | null;
  /** The supply's unit ("gal", "kcal", "count" …), or the unit as said when there is no supply. */
  supplyUnit: string;
  /** How much of the supply's unit one counted item holds. */
  unitAmount: number;
  /** Total in the supply's unit: quantity × unitAmount. */
  total: number;
  /** The name kept on the inventory row: "cans of chili". */
  name: string;
  /** The typical size assumed, to be stated ("a 15 oz can of chili ≈ 450 kcal"); null when exact. */
  assumption: string | null;
};

const GAL_PER_LITER = 0.264172;
const GAL_PER_FL_OZ = 1 / 128;
const LB_PER_KG = 2.20462;

/** A pattern in the table, compiled once; a malformed one fails at load rather than on someone's message. */
const pattern = z.string().transform((source) => new RegExp(source));
const amounts = z.record(z.string(), z.number().positive());

const tableSchema = z.object({
  cannedFood: z.object({
    notCanned: pattern,
    otherwise: z.object({ kcal: z.number().positive(), size: z.string(), supplyKey: z.string() }),
    kinds: z.array(
      z.object({ match: pattern, kcal: z.number().positive(), size: z.string(), supplyKey: z.string() }),
    ),
  }),
  containerAliases: z.record(z.string(), z.string()),
  rules: z.array(
    z.object({
      supplyKey: z.string(),
      match: pattern,
      /** Per-container amounts in the supply's unit; `each` is used for a plain count. */
      per: amounts,
      each: z.number().positive().optional(),
      note: z.record(z.string(), z.string()).optional(),
    }),
  ),
});

const { cannedFood, containerAliases, rules } = tableSchema.parse(table);

function containerKey(unit: string | null): string {
  if (!unit) return 'each';
  const u = unit.toLowerCase().replace(/es$|s$/, '');
  return containerAliases[u] ?? u;
}

/** A size said with the container ("a 5 gallon jug", "a 2 liter bottle") in the supply's unit. */
function sizeIn(supplyUnit: string, size: { amount: number; unit: string }): number | null {
  const u = containerKey(size.unit);
  if (supplyUnit === 'gal') {
    if (u === 'gallon') return size.amount;
    if (u === 'liter') return size.amount * GAL_PER_LITER;
    if (u === 'oz') return size.amount * GAL_PER_FL_OZ;
  }
  if (supplyUnit === 'lb') {
    if (u === 'lb') return size.amount;
    if (u === 'kg') return size.amount * LB_PER_KG;
    if (u === 'oz') return size.amount / 16;
  }
  if (supplyUnit === 'oz' && u === 'oz') return size.amount;
  if (supplyUnit === 'count' && (u === 'pack' || u === 'count' || u === 'ct')) return size.amount;
  return null;
}

/** A container said in the supply's own measure (gallons of a gallon supply): one container is one unit. */
function exactAmount(supplyUnit: string, container: string): number | null {
  if (
    (supplyUnit === 'gal' && container === 'gallon') ||
    (supplyUnit === 'lb' && container === 'lb') ||
    (supplyUnit === 'oz' && container === 'oz') ||
    (supplyUnit === 'kcal' && container === 'kcal')
  )
    return 1;
  if (supplyUnit === 'gal' && container === 'liter') return GAL_PER_LITER;
  if (supplyUnit === 'lb' && container === 'kg') return LB_PER_KG;
  if (supplyUnit === 'lb' && container === 'oz') return 1 / 16;
  return null;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

function displayName(stated: StatedQuantity): string {
  const item = stated.item.trim();
  if (!stated.unit) return item;
  const unit = containerKey(stated.unit);
  const plural =
    stated.quantity === 1 ? unit : unit === 'box' ? 'boxes' : unit === 'pouch' ? 'pouches' : `${unit}s`;
  return `${plural} of ${item}`;
}

/** Canned food (not canned water): kcal by what is in the can; null when the item is not canned food. */
function cannedKcal(
  stated: StatedQuantity,
  item: string,
  container: string,
  name: string,
): Reconciled | null {
  if (!(container === 'can' || /\bcanned\b/.test(item)) || cannedFood.notCanned.test(item)) return null;
  const kind = cannedFood.kinds.find((k) => k.match.test(item)) ?? cannedFood.otherwise;
  return {
    supplyKey: kind.supplyKey,
    supplyUnit: 'kcal',
    unitAmount: kind.kcal,
    total: round(kind.kcal * stated.quantity, 0),
    name,
    assumption: `a ${kind.size} ≈ ${kind.kcal.toLocaleString('en-US')} kcal`,
  };
}

/**
 * The supply a stated quantity counts toward, and how much of its unit one counted item holds.
 * Canned food becomes kcal from the typical can sizes; cases and bottles of water become gallons.
 */
export function reconcile(stated: StatedQuantity): Reconciled {
  const item = stated.item.toLowerCase();
  const container = containerKey(stated.unit);
  const name = displayName(stated);
  const canned = cannedKcal(stated, item, container, name);
  if (canned) return canned;

  const rule = rules.find((r) => r.match.test(item));
  if (!rule || !isSupplyKey(rule.supplyKey)) {
    return {
      supplyKey: null,
      supplyUnit: stated.unit ? containerKey(stated.unit) : 'count',
      unitAmount: 1,
      total: stated.quantity,
      name,
      assumption: null,
    };
  }
  const supply = supplyByKey(rule.supplyKey);
  let amount = stated.size ? sizeIn(supply.unit, stated.size) : null;
  let assumption: string | null = null;
  if (amount === null) amount = exactAmount(supply.unit, container);
  if (amount === null) {
    const perContainer = rule.per[container];
    amount = perContainer ?? rule.each ?? 1;
    assumption = rule.note?.[perContainer === undefined ? 'each' : container] ?? null;
  }
  return {
    supplyKey: rule.supplyKey,
    supplyUnit: supply.unit,
    unitAmount: round(amount, 4),
    total: round(amount * stated.quantity, 2),
    name,
    assumption,
  };
}
