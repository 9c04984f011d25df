/**
 * The inventory service: one item schema, the rows, what is owned, readiness, chat statements, and the
 * changes a device makes offline (applied exactly once).
 */
export { applyInventoryChanges } from './changes.ts';
export {
  type InventoryRow,
  supplyOwnedSchema,
} from './item-schema.ts';
export {
  addInventoryItem,
  countInventoryItems,
  getInventoryItem,
  listInventory,
  removeInventoryItem,
  updateInventoryItem,
} from './items.ts';
export { ownedSupplies } from './owned.ts';
export type { PlanReadiness, ReadinessBasis } from './plan-readiness.ts';
export { inventoryReadiness, planReadiness, supplyDays } from './readiness.ts';
export { type AppliedChange, applyInventoryStatements } from './statements.ts';
export { setSupplyOwned } from './supply-totals.ts';
