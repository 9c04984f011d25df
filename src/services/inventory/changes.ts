import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../../db/client.ts';
import { inventoryChanges, inventoryItems } from '../../db/schema/index.ts';
import { withUser } from '../../db/with-user.ts';
import { parseInput } from '../validation.ts';
import { statusOf } from './item-schema.ts';

/**
 * Inventory changes made on a device — "used 2", "restocked 6", "expires 2027-03-31" — applied exactly once
 * however often they are sent (a retried sync, two tabs, Background Sync and the page at the same time).
 * Each change carries the id the device gave it; it is recorded in inventory_changes under that id (insert …
 * on conflict do nothing) in the same transaction as its effect, so a second send finds the record and gets
 * the stored outcome back instead of applying it again.
 *
 * The conflict rule (also in the README, "Offline"):
 * - Quantities are deltas, applied to the server's current count: two devices that each used 1 make 2 used,
 *   and no quantity is ever lost to a stale copy. A count never goes below 0: "used 5" of 3 leaves 0 and the
 *   outcome says it was clamped (likewise the 1,000,000 ceiling for "restocked"). A delta does not conflict
 *   with anything, so it does not move the item's updated_at.
 * - The expiry date is last-write-wins by the device's clock: a change made (made_at) at or after the item's
 *   last server update (updated_at) is applied and moves updated_at to its own time (never past the server's
 *   now); one made before it is not applied, and the outcome says which date stays.
 * - A change to an item that no longer exists, or is someone else's (row-level security hides it), is
 *   answered as data ("not applied: …") and recorded; the rest of the batch still applies.
 */

const MAX_COUNT = 1_000_000;

const common = {
  id: z.uuid({ message: 'must be an id the device made (a UUID).' }),
  itemId: z.uuid({ message: 'must be the id of an inventory item.' }),
  madeAt: z.iso.datetime({ offset: true, message: 'must be a date and time (ISO 8601).' }),
};

const amount = z
  .number({ message: 'must be a whole number from 1 to 1,000,000.' })
  .int('must be a whole number from 1 to 1,000,000.')
  .min(1, 'must be a whole number from 1 to 1,000,000.')
  .max(MAX_COUNT, 'must be a whole number from 1 to 1,000,000.');

const changeSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ ...common, kind: z.literal('used'), amount }),
    z.strictObject({ ...common, kind: z.literal('restocked'), amount }),
    z.strictObject({
      ...common,
      kind: z.literal('expiry'),
      expirationDate: z.iso.date({ message: 'must be a date written as YYYY-MM-DD, or null.' }).nullable(),
    }),
  ],
  { message: 'must be "used", "restocked" or "expiry".' },
);

const batchSchema = z.strictObject({
  changes: z
    .array(changeSchema, { message: 'must be a list of changes.' })
    .min(1, 'must have at least one change.')
    .max(100, 'must have at most 100 changes (send the rest in another batch).'),
});

export type InventoryChange = z.input<typeof changeSchema>;
type Change = z.output<typeof changeSchema>;

/** What the server did with one change; stored with it, and returned again (replayed) to a second send. */
export type ChangeOutcome = {
  id: string;
  itemId: string;
  kind: Change['kind'];
  applied: boolean;
  /** The item's count and expiry after the change (absent when there is no such item). */
  quantityOwned?: number;
  expirationDate?: string | null;
  /** "used" went below 0, or "restocked" above the ceiling. */
  clamped?: boolean;
  /** "applied: …" or "not applied: …", a sentence for the person. */
  message: string;
  /** This answer is the stored one: the change had been applied (or refused) before. */
  replayed?: boolean;
};

/** A time as a person reads it in a message: 2026-12-05 14:03 UTC. */
const when = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

const plural = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'item' : 'items'}`;

function delta(change: Extract<Change, { kind: 'used' | 'restocked' }>, current: number) {
  const wanted = change.kind === 'used' ? current - change.amount : current + change.amount;
  const next = Math.min(MAX_COUNT, Math.max(0, wanted));
  const clamped = next !== wanted;
  const verb = change.kind === 'used' ? 'used' : 'restocked';
  let message = `applied: ${verb} ${change.amount}; ${plural(next)} now.`;
  if (clamped && change.kind === 'used')
    message = `applied: used ${change.amount}, but only ${plural(current)} were recorded; the count is now 0.`;
  if (clamped && change.kind === 'restocked')
    message = `applied: restocked ${change.amount}; the count stops at ${plural(MAX_COUNT)}.`;
  return { next, clamped, message };
}

async function applyOne(tx: Tx, userId: string, change: Change): Promise<ChangeOutcome> {
  // Lock the item first: a second send of the same change waits here until the first one commits, then
  // finds its record below.
  const [item] = await tx
    .select()
    .from(inventoryItems)
    .where(eq(inventoryItems.id, change.itemId))
    .for('update')
    .limit(1);
  const { id, itemId, kind, madeAt, ...payload } = change;
  const made = new Date(madeAt);
  const recorded = await tx
    .insert(inventoryChanges)
    .values({
      id,
      userId,
      itemId: item ? item.id : null,
      kind,
      payload: { itemId, ...payload },
      madeAt: made,
    })
    .onConflictDoNothing({ target: inventoryChanges.id })
    .returning({ id: inventoryChanges.id });
  if (recorded.length === 0) {
    const [stored] = await tx
      .select({ outcome: inventoryChanges.outcome })
      .from(inventoryChanges)
      .where(eq(inventoryChanges.id, id))
      .limit(1);
    if (stored?.outcome) return { ...(stored.outcome as ChangeOutcome), replayed: true };
    // The id is taken by a change this account cannot see: never applied under it.
    return { id, itemId, kind, applied: false, message: 'not applied: this change id is already in use.' };
  }

  let outcome: ChangeOutcome;
  if (!item) {
    outcome = {
      id,
      itemId,
      kind,
      applied: false,
      message: 'not applied: there is no such item in this inventory (it may have been removed).',
    };
  } else if (change.kind === 'expiry') {
    const lastUpdate = item.updatedAt ?? item.createdAt ?? new Date(0);
    if (made.getTime() >= lastUpdate.getTime()) {
      const now = new Date();
      const [row] = await tx
        .update(inventoryItems)
        .set({ expirationDate: change.expirationDate, updatedAt: made > now ? now : made })
        .where(eq(inventoryItems.id, item.id))
        .returning();
      outcome = {
        id,
        itemId,
        kind,
        applied: true,
        quantityOwned: row!.quantityOwned ?? 0,
        expirationDate: row!.expirationDate,
        message: change.expirationDate
          ? `applied: expires ${change.expirationDate}.`
          : 'applied: no expiry date.',
      };
    } else {
      outcome = {
        id,
        itemId,
        kind,
        applied: false,
        quantityOwned: item.quantityOwned ?? 0,
        expirationDate: item.expirationDate,
        message: `not applied: the item was changed on the server at ${when(lastUpdate)}, after this change was made (${when(made)}); the expiry stays ${item.expirationDate ?? 'unset'}.`,
      };
    }
  } else {
    const { next, clamped, message } = delta(change, item.quantityOwned ?? 0);
    await tx
      .update(inventoryItems)
      .set({ quantityOwned: next, status: statusOf(next, item.quantityNeeded ?? 0) })
      .where(eq(inventoryItems.id, item.id));
    outcome = {
      id,
      itemId,
      kind,
      applied: true,
      quantityOwned: next,
      expirationDate: item.expirationDate,
      ...(clamped ? { clamped } : {}),
      message,
    };
  }
  await tx.update(inventoryChanges).set({ outcome }).where(eq(inventoryChanges.id, id));
  return outcome;
}

/**
 * Applies a batch of device changes in order, each in its own transaction as the user (row-level security),
 * and answers each with its outcome. A malformed batch is refused whole, naming the field, before anything is
 * stored.
 */
export async function applyInventoryChanges(
  db: Db,
  userId: string,
  input: unknown,
): Promise<ChangeOutcome[]> {
  const { changes } = parseInput(batchSchema, input, 'body');
  const outcomes: ChangeOutcome[] = [];
  for (const change of changes)
    outcomes.push(await withUser(db, userId, (tx) => applyOne(tx, userId, change)));
  return outcomes;
}
