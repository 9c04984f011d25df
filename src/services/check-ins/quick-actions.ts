import { and, desc, eq, sql } from 'drizzle-orm';
import { communicationPreferences, outbox, specificProducts } from '../../db/schema/index.ts';
import {
  addDays,
  type CheckInLine,
  isoDate,
  localParts,
  parseQuickAction,
  type QuickAction,
  resolveNumbers,
} from '../../domain/check-ins/index.ts';
import type { Db } from '../database.ts';
import { getInventoryItem, updateInventoryItem } from '../inventory/items.ts';

/**
 * Replies to a check-in ("USED 2", "RESTOCKED 1", "SNOOZE 7") on any channel, answered before the model. The
 * numbers refer to the user's latest check-in, whose item list is stored with its outbox payload. Readiness
 * is computed from the inventory when read, so changing the inventory is what moves the score.
 */

type StoredLine = Pick<CheckInLine, 'number' | 'itemId' | 'name'>;

async function latestCheckInLines(db: Db, userId: string): Promise<StoredLine[] | null> {
  const [row] = await db
    .select({ payload: outbox.payload })
    .from(outbox)
    .where(and(eq(outbox.userId, userId), eq(outbox.type, 'check_in')))
    .orderBy(desc(outbox.createdAt))
    .limit(1);
  const lines = row?.payload.lines;
  return Array.isArray(lines) ? (lines as StoredLine[]) : null;
}

/** The fixed reply, or null when the text is not a quick action or the user has had no check-in (the model's). */
export async function answerQuickAction(
  db: Db,
  userId: string,
  text: string,
  now: Date,
): Promise<string | null> {
  const action = parseQuickAction(text);
  if (!action) return null;
  const lines = await latestCheckInLines(db, userId);
  if (!lines) return null;
  return runQuickAction(db, userId, action, lines, now);
}

async function runQuickAction(
  db: Db,
  userId: string,
  action: QuickAction,
  lines: StoredLine[],
  now: Date,
): Promise<string> {
  if (action.kind === 'snooze') {
    const until = new Date(now.getTime() + action.days * 86_400_000);
    await db
      .insert(communicationPreferences)
      .values({ userId, messageType: 'check_in', snoozedUntil: until })
      .onConflictDoUpdate({
        target: [communicationPreferences.userId, communicationPreferences.messageType],
        set: { snoozedUntil: until, updatedAt: sql`now()` },
      });
    return `Check-ins paused for ${action.days} day${action.days === 1 ? '' : 's'}, until ${isoDate(localParts(until, 'UTC'))}.`;
  }
  const resolved = resolveNumbers(
    action.numbers,
    lines.map((l) => ({ ...l, text: l.name, expired: false })),
  );
  if (!resolved.ok) return resolved.reply;
  const said: string[] = [];
  for (const line of resolved.items) {
    const item = await getInventoryItem(db, userId, line.itemId);
    const owned = item.quantityOwned ?? 0;
    if (action.kind === 'used') {
      await updateInventoryItem(db, userId, item.id, { quantityOwned: Math.max(owned - 1, 0) });
      said.push(`${line.name}: ${Math.max(owned - 1, 0)} left`);
      continue;
    }
    const months = await shelfLifeMonths(db, item.specificProductId);
    if (months === null) {
      await updateInventoryItem(db, userId, item.id, { quantityOwned: owned + 1 });
      said.push(
        `${line.name}: ${owned + 1} now. What date does the new one expire? Tell me and I'll note it`,
      );
      continue;
    }
    const today = localParts(now, 'UTC');
    const expires = isoDate(addDays(today, Math.round(months * 30.44)));
    await updateInventoryItem(db, userId, item.id, { quantityOwned: owned + 1, expirationDate: expires });
    said.push(`${line.name}: ${owned + 1} now, the new one good until about ${expires}`);
  }
  return `Noted. ${said.join('; ')}.`;
}

async function shelfLifeMonths(db: Db, productId: string | null): Promise<number | null> {
  if (!productId) return null;
  const [row] = await db
    .select({ metadata: specificProducts.metadata })
    .from(specificProducts)
    .where(eq(specificProducts.id, productId));
  const months = row?.metadata?.shelfLifeMonths;
  return typeof months === 'number' && months > 0 ? months : null;
}
