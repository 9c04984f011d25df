import { z } from 'zod';
import type { inventoryItems } from '../../db/schema/index.ts';
import { isSupplyKey } from '../../domain/index.ts';

/**
 * The one description of an inventory item as someone gives it (the web form and API, the chat tools
 * through the statements). Each message is a sentence naming the field, shown to the person as it is.
 */

export type InventoryRow = typeof inventoryItems.$inferSelect;

const wholeCount = (label: string) =>
  z
    .number({ message: `${label} must be a whole number, 0 or more.` })
    .int(`${label} must be a whole number, 0 or more.`)
    .min(0, `${label} must be a whole number, 0 or more.`)
    .max(1_000_000, `${label} must be 1,000,000 or less.`);

const expirationDate = z.iso.date({ message: 'Expiration date must be a date written as YYYY-MM-DD.' });

export const inventoryItemSchema = z.strictObject({
  name: z
    .string({ message: 'Name is required.' })
    .trim()
    .min(1, 'Name is required.')
    .max(200, 'Name must be 200 characters or fewer.'),
  supplyKey: z
    .string({ message: 'Supply key must be a supply such as water-storage.' })
    .trim()
    .refine(isSupplyKey, { message: 'Supply key is not a supply the planner knows.' })
    .nullable()
    .optional(),
  /** A lot measured out in kcal can pass a million, so the bound is the one a supply total has. */
  unitAmount: z
    .number({ message: 'Unit amount must be a number above zero.' })
    .positive('Unit amount must be a number above zero.')
    .max(100_000_000, 'Unit amount must be 100,000,000 or less.')
    .nullable()
    .optional(),
  quantityOwned: wholeCount('Quantity owned').optional(),
  quantityNeeded: wholeCount('Quantity needed').optional(),
  expirationDate: expirationDate.nullable().optional(),
  notes: z
    .string({ message: 'Notes must be text.' })
    .max(2000, 'Notes must be 2,000 characters or fewer.')
    .nullable()
    .optional(),
});
export type InventoryItemInput = z.input<typeof inventoryItemSchema>;

/** A change to an item: only the fields given change (a problem with no field names the whole `body`). */
export const inventoryItemPatchSchema = inventoryItemSchema
  .partial()
  .refine((p) => Object.keys(p).length > 0, {
    message: 'Give at least one field to change.',
    path: ['body'],
  });

/** "I own this much of a need": the total now held, in the need's unit. */
export const supplyOwnedSchema = z.strictObject({
  owned: z
    .number({ message: 'Owned must be a number of the need’s unit, 0 or more.' })
    .min(0, 'Owned must be a number of the need’s unit, 0 or more.')
    .max(100_000_000, 'Owned must be 100,000,000 or less.'),
  expirationDate: expirationDate.nullable().optional(),
  planId: z.uuid({ message: 'Plan id must be the id of a plan.' }).optional(),
});

const EPS = 1e-9;

/** A row's status from how much it holds against how much is needed (any unit, the same for both). */
export function statusOf(owned: number, needed: number): InventoryRow['status'] {
  if (owned <= EPS) return 'NEEDED';
  return needed > 0 && owned + EPS < needed ? 'PARTIAL' : 'OWNED';
}
