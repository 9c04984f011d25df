import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
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
import { specificProducts } from './products.ts';
import { users } from './users.ts';

export const orderStatuses = ['PENDING', 'PAID', 'PROCESSING', 'SHIPPED', 'COMPLETED', 'CANCELLED'] as const;

export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    stripeSessionId: text('stripe_session_id'),
    stripePaymentIntentId: text('stripe_payment_intent_id'),
    subtotalAmount: numeric('subtotal_amount', { precision: 12, scale: 2 }),
    shippingCost: numeric('shipping_cost', { precision: 12, scale: 2 }),
    taxAmount: numeric('tax_amount', { precision: 12, scale: 2 }),
    totalAmount: numeric('total_amount', { precision: 12, scale: 2 }),
    currency: text('currency').default('USD'),
    status: text('status').$type<(typeof orderStatuses)[number]>().notNull().default('PENDING'),
    shippingAddress: jsonb('shipping_address').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
  },
  (t) => [
    index('idx_orders_user').on(t.userId),
    index('idx_orders_stripe_session').on(t.stripeSessionId),
    check(
      'orders_status_check',
      sql`${t.status} in ('PENDING', 'PAID', 'PROCESSING', 'SHIPPED', 'COMPLETED', 'CANCELLED')`,
    ),
  ],
);

export const orderItems = pgTable(
  'order_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    specificProductId: uuid('specific_product_id')
      .notNull()
      .references(() => specificProducts.id),
    quantity: integer('quantity').default(1),
    unitPrice: numeric('unit_price', { precision: 12, scale: 2 }).notNull(),
    supplierStatus: text('supplier_status')
      .$type<'PENDING_ORDER' | 'ORDERED' | 'SHIPPED'>()
      .default('PENDING_ORDER'),
    bundleId: uuid('bundle_id').references(() => bundles.id, { onDelete: 'set null' }),
    isOriginalProduct: boolean('is_original_product').default(true),
    originalSpecificProductId: uuid('original_specific_product_id').references(() => specificProducts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
  },
  (t) => [
    index('idx_order_items_order').on(t.orderId),
    index('idx_order_items_bundle').on(t.bundleId),
    index('idx_order_items_substitution').on(t.isOriginalProduct).where(sql`${t.isOriginalProduct} = false`),
    check(
      'order_items_supplier_status_check',
      sql`${t.supplierStatus} in ('PENDING_ORDER', 'ORDERED', 'SHIPPED')`,
    ),
    check('order_items_quantity_check', sql`${t.quantity} > 0`),
  ],
);

export const shipments = pgTable(
  'shipments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    carrier: text('carrier'),
    trackingNumber: text('tracking_number'),
    trackingUrl: text('tracking_url'),
    shippedAt: timestamp('shipped_at', { withTimezone: true }),
    estimatedDelivery: timestamp('estimated_delivery', { withTimezone: true }),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
  },
  (t) => [index('idx_shipments_order').on(t.orderId)],
);

export const shipmentItems = pgTable(
  'shipment_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    shipmentId: uuid('shipment_id')
      .notNull()
      .references(() => shipments.id, { onDelete: 'cascade' }),
    orderItemId: uuid('order_item_id')
      .notNull()
      .references(() => orderItems.id, { onDelete: 'cascade' }),
    quantity: integer('quantity').notNull(),
  },
  (t) => [
    index('idx_shipment_items_shipment').on(t.shipmentId),
    check('shipment_items_quantity_check', sql`${t.quantity} > 0`),
  ],
);
