/** The inventory service: one item schema, the rows, what is owned, readiness, and chat statements. */
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
export {
  inventoryReadiness,
  type PlanReadiness,
  planReadiness,
  supplyDays,
} from './readiness.ts';
export { applyInventoryStatements } from './statements.ts';
export { setSupplyOwned } from './supply-totals.ts';
