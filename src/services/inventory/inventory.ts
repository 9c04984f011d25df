import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { inventoryItems } from '../../db/schema/index.ts';
import { withUser } from '../../db/with-user.ts';
import { badInput, notFound } from '../errors.ts';

/** Each field once; the create schema adds defaults, the patch schema leaves absent fields untouched. */
const inventoryFields = {
  name: z.string().trim().min(1).max(200).describe('What the household calls the item'),
  supplyKey: z.string().trim().min(1).max(60).nullable().describe('The planner supply it counts toward'),
  unitAmount: z.number().positive().nullable().describe("How much of the supply's unit one item holds"),
  quantityOwned: z.number().int().min(0).max(1_000_000),
  quantityNeeded: z.number().int().min(0).max(1_000_000),
  expirationDate: z.iso.date().nullable().describe('YYYY-MM-DD'),
  specificProductId: z.uuid().nullable(),
  masterItemId: z.uuid().nullable(),
  missionReportId: z.uuid().nullable(),
  notes: z.string().max(2000).nullable(),
};

export const inventoryItemInputSchema = z.object({
  ...inventoryFields,
  supplyKey: inventoryFields.supplyKey.default(null),
  unitAmount: inventoryFields.unitAmount.default(null),
  quantityOwned: inventoryFields.quantityOwned.default(0),
  quantityNeeded: inventoryFields.quantityNeeded.default(0),
  expirationDate: inventoryFields.expirationDate.default(null),
  specificProductId: inventoryFields.specificProductId.default(null),
  masterItemId: inventoryFields.masterItemId.default(null),
  missionReportId: inventoryFields.missionReportId.default(null),
  notes: inventoryFields.notes.default(null),
});
export type InventoryItemInput = z.input<typeof inventoryItemInputSchema>;

export const inventoryPatchSchema = z.object(inventoryFields).partial().strict();

function statusFor(owned: number, needed: number) {
  if (owned <= 0) return 'NEEDED' as const;
  return owned >= needed ? ('OWNED' as const) : ('PARTIAL' as const);
}

function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw badInput(`${issue.path.join('.') || 'input'}: ${issue.message}`, issue.path.join('.') || undefined);
  }
  return parsed.data;
}

export async function listInventory(db: Db, userId: string) {
  return withUser(db, userId, (tx) =>
    tx.select().from(inventoryItems).orderBy(asc(inventoryItems.name), asc(inventoryItems.createdAt)),
  );
}

export async function addInventoryItem(db: Db, userId: string, input: InventoryItemInput) {
  const item = parse(inventoryItemInputSchema, input);
  return withUser(db, userId, async (tx) => {
    const [row] = await tx
      .insert(inventoryItems)
      .values({
        ...item,
        userId,
        unitAmount: item.unitAmount === null ? null : String(item.unitAmount),
        status: statusFor(item.quantityOwned, item.quantityNeeded),
      })
      .returning();
    return row!;
  });
}

export async function updateInventoryItem(db: Db, userId: string, itemId: string, patch: unknown) {
  const changes = parse(inventoryPatchSchema, patch);
  return withUser(db, userId, async (tx) => {
    const [current] = await tx.select().from(inventoryItems).where(eq(inventoryItems.id, itemId)).limit(1);
    if (!current) throw notFound('Inventory item');
    const owned = changes.quantityOwned ?? current.quantityOwned ?? 0;
    const needed = changes.quantityNeeded ?? current.quantityNeeded ?? 0;
    const [row] = await tx
      .update(inventoryItems)
      .set({
        ...changes,
        unitAmount:
          changes.unitAmount === undefined
            ? undefined
            : changes.unitAmount === null
              ? null
              : String(changes.unitAmount),
        status: statusFor(owned, needed),
        updatedAt: new Date(),
      })
      .where(eq(inventoryItems.id, itemId))
      .returning();
    return row!;
  });
}

export async function removeInventoryItem(db: Db, userId: string, itemId: string): Promise<void> {
  await withUser(db, userId, async (tx) => {
    const gone = await tx
      .delete(inventoryItems)
      .where(eq(inventoryItems.id, itemId))
      .returning({ id: inventoryItems.id });
    if (gone.length === 0) throw notFound('Inventory item');
  });
}
