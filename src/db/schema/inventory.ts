import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { bundles } from './bundles.ts';
import { missionReports } from './mission-reports.ts';
import { masterItems, specificProducts } from './products.ts';
import { users } from './users.ts';

export const inventoryStatuses = ['OWNED', 'NEEDED', 'ORDERED', 'PARTIAL'] as const;

export const inventoryItems = pgTable(
  'inventory_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    masterItemId: uuid('master_item_id').references(() => masterItems.id, { onDelete: 'set null' }),
    specificProductId: uuid('specific_product_id').references(() => specificProducts.id, {
      onDelete: 'set null',
    }),
    /** What the user called it ("cans of chili"), and the planner supply it counts toward, with its unit. */
    name: text('name'),
    supplyKey: text('supply_key'),
    /** How much of the supply's unit one counted item holds (a case of 24 half-litre bottles: 3.17 gal). */
    unitAmount: numeric('unit_amount'),
    quantityOwned: integer('quantity_owned').default(0),
    quantityNeeded: integer('quantity_needed').default(1),
    status: text('status').$type<(typeof inventoryStatuses)[number]>().notNull().default('NEEDED'),
    purchaseDate: timestamp('purchase_date', { withTimezone: true }),
    purchasePrice: numeric('purchase_price'),
    purchaseUrl: text('purchase_url'),
    expirationDate: date('expiration_date'),
    missionReportId: uuid('mission_report_id').references(() => missionReports.id, { onDelete: 'set null' }),
    bundleId: uuid('bundle_id').references(() => bundles.id, { onDelete: 'set null' }),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow(),
  },
  (t) => [
    index('idx_inventory_user').on(t.userId),
    index('idx_inventory_status').on(t.userId, t.status),
    index('idx_inventory_expiration')
      .on(t.userId, t.expirationDate)
      .where(sql`${t.expirationDate} is not null`),
    check('inventory_items_status_check', sql`${t.status} in ('OWNED', 'NEEDED', 'ORDERED', 'PARTIAL')`),
    check('inventory_items_quantities_check', sql`${t.quantityOwned} >= 0 and ${t.quantityNeeded} >= 0`),
  ],
);

/**
 * Inventory changes made on a device (offline ticks that sync later), keyed by the id the device gave each
 * change: the primary key is what makes a replayed sync apply a change once. `outcome` is what the server did
 * (the quantity after, or why nothing changed), returned again to a device that sends the same change twice.
 */
export const inventoryChanges = pgTable(
  'inventory_changes',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id').references(() => inventoryItems.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    /** When the person made the change, by the device's clock. */
    madeAt: timestamp('made_at', { withTimezone: true }).notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
    outcome: jsonb('outcome'),
  },
  (t) => [index('idx_inventory_changes_user').on(t.userId, t.appliedAt)],
);
