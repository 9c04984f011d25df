/** The inventory service: one item schema, the rows, what is owned, readiness, and chat statements. */
export {
  type InventoryItemInput,
  type InventoryItemPatch,
  type InventoryRow,
  inventoryItemPatchSchema,
  inventoryItemSchema,
  statusOf,
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
export { amountOf, ownedSupplies } from './owned.ts';
export {
  inventoryReadiness,
  type NeedStatus,
  type PlanReadiness,
  planReadiness,
  supplyDays,
} from './readiness.ts';
export { type AppliedChange, applyInventoryStatements, type InventoryStatementInput } from './statements.ts';
export { setSupplyOwned } from './supply-totals.ts';
