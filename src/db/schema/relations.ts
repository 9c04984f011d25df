import { relations } from 'drizzle-orm';
import { bundleItems, bundleRecommendations, bundles } from './bundles.ts';
import { callAttendance, expertCalls } from './calls.ts';
import { orderItems, orders, shipmentItems, shipments } from './commerce.ts';
import { inventoryItems } from './inventory.ts';
import { guidanceChunks, guidanceDocuments } from './knowledge.ts';
import { missionReports } from './mission-reports.ts';
import { categories, masterItems, productOffers, specificProducts, suppliers } from './products.ts';
import { profiles, users } from './users.ts';

export const usersRelations = relations(users, ({ one, many }) => ({
  profile: one(profiles, { fields: [users.id], references: [profiles.id] }),
  missionReports: many(missionReports),
  inventoryItems: many(inventoryItems),
  orders: many(orders),
}));

export const categoriesRelations = relations(categories, ({ one, many }) => ({
  parent: one(categories, {
    fields: [categories.parentId],
    references: [categories.id],
    relationName: 'tree',
  }),
  children: many(categories, { relationName: 'tree' }),
  masterItems: many(masterItems),
}));

export const masterItemsRelations = relations(masterItems, ({ one, many }) => ({
  category: one(categories, { fields: [masterItems.categoryId], references: [categories.id] }),
  products: many(specificProducts),
}));

export const specificProductsRelations = relations(specificProducts, ({ one, many }) => ({
  masterItem: one(masterItems, { fields: [specificProducts.masterItemId], references: [masterItems.id] }),
  supplier: one(suppliers, { fields: [specificProducts.supplierId], references: [suppliers.id] }),
  offers: many(productOffers),
}));

export const productOffersRelations = relations(productOffers, ({ one }) => ({
  product: one(specificProducts, {
    fields: [productOffers.specificProductId],
    references: [specificProducts.id],
  }),
}));

export const bundlesRelations = relations(bundles, ({ many }) => ({
  items: many(bundleItems),
  recommendations: many(bundleRecommendations),
}));

export const bundleItemsRelations = relations(bundleItems, ({ one }) => ({
  bundle: one(bundles, { fields: [bundleItems.bundleId], references: [bundles.id] }),
  product: one(specificProducts, {
    fields: [bundleItems.specificProductId],
    references: [specificProducts.id],
  }),
}));

export const bundleRecommendationsRelations = relations(bundleRecommendations, ({ one }) => ({
  bundle: one(bundles, { fields: [bundleRecommendations.bundleId], references: [bundles.id] }),
  product: one(specificProducts, {
    fields: [bundleRecommendations.specificProductId],
    references: [specificProducts.id],
  }),
}));

export const missionReportsRelations = relations(missionReports, ({ one, many }) => ({
  user: one(profiles, { fields: [missionReports.userId], references: [profiles.id] }),
  inventoryItems: many(inventoryItems),
}));

export const inventoryItemsRelations = relations(inventoryItems, ({ one }) => ({
  missionReport: one(missionReports, {
    fields: [inventoryItems.missionReportId],
    references: [missionReports.id],
  }),
  product: one(specificProducts, {
    fields: [inventoryItems.specificProductId],
    references: [specificProducts.id],
  }),
  masterItem: one(masterItems, { fields: [inventoryItems.masterItemId], references: [masterItems.id] }),
}));

export const expertCallsRelations = relations(expertCalls, ({ many }) => ({
  attendance: many(callAttendance),
}));
export const callAttendanceRelations = relations(callAttendance, ({ one }) => ({
  call: one(expertCalls, { fields: [callAttendance.callId], references: [expertCalls.id] }),
}));

export const ordersRelations = relations(orders, ({ many }) => ({
  items: many(orderItems),
  shipments: many(shipments),
}));
export const orderItemsRelations = relations(orderItems, ({ one }) => ({
  order: one(orders, { fields: [orderItems.orderId], references: [orders.id] }),
  product: one(specificProducts, {
    fields: [orderItems.specificProductId],
    references: [specificProducts.id],
  }),
  bundle: one(bundles, { fields: [orderItems.bundleId], references: [bundles.id] }),
}));
export const shipmentsRelations = relations(shipments, ({ one, many }) => ({
  order: one(orders, { fields: [shipments.orderId], references: [orders.id] }),
  items: many(shipmentItems),
}));
export const shipmentItemsRelations = relations(shipmentItems, ({ one }) => ({
  shipment: one(shipments, { fields: [shipmentItems.shipmentId], references: [shipments.id] }),
  orderItem: one(orderItems, { fields: [shipmentItems.orderItemId], references: [orderItems.id] }),
}));

export const guidanceDocumentsRelations = relations(guidanceDocuments, ({ many }) => ({
  chunks: many(guidanceChunks),
}));
export const guidanceChunksRelations = relations(guidanceChunks, ({ one }) => ({
  document: one(guidanceDocuments, {
    fields: [guidanceChunks.documentId],
    references: [guidanceDocuments.id],
  }),
}));
