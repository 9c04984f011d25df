import { type CivilDate, daysBetween, parseIsoDate } from './zoned-time.ts';

/**
 * Pure: rotation pace. Stock that expires stays fresh if the household eats it at a steady pace and buys a
 * fresh one each time: 20 cans that expire in 420 days want one eaten (and replaced) every 21 days. The pace is
 * capped by what the household can actually eat of it a day; what cannot be eaten in time is surplus to give
 * away before it expires.
 */

export type StockItem = {
  id: string;
  name: string;
  quantity: number;
  /** ISO date (YYYY-MM-DD) or null for stock that does not expire. */
  expiresOn: string | null;
  /** Units of this item the household can eat or use a day while rotating (a family of four: 1 can a day). */
  dailyConsumption?: number;
};

export type Rotation = {
  item: StockItem;
  daysLeft: number;
  expired: boolean;
  /** Days between uses (one unit each); 0 when several a day are needed. */
  everyDays: number;
  /** Units a day when the pace is more than one a day. */
  perDay: number;
  /** Units to use in the next 7 days to keep the pace. */
  useThisWeek: number;
  /** Units that will expire even at the household's full pace. */
  surplus: number;
  sentence: string;
};

/** One unit a day unless the caller knows the household (a household eats about one can per person a day). */
export const DEFAULT_DAILY_CONSUMPTION = 1;

export function rotationFor(item: StockItem, today: CivilDate): Rotation | null {
  if (!item.expiresOn || item.quantity <= 0) return null;
  const daysLeft = daysBetween(today, parseIsoDate(item.expiresOn));
  const capacity = item.dailyConsumption ?? DEFAULT_DAILY_CONSUMPTION;
  if (daysLeft < 0) {
    return {
      item,
      daysLeft,
      expired: true,
      everyDays: 0,
      perDay: 0,
      useThisWeek: 0,
      surplus: item.quantity,
      sentence: `${item.quantity} ${item.name} expired ${plural(-daysLeft, 'day')} ago: check them and replace them.`,
    };
  }
  // Using the last one on the expiry day itself still counts as in time.
  const days = daysLeft + 1;
  const edible = Math.min(item.quantity, Math.floor(days * capacity));
  const surplus = item.quantity - edible;
  const perDay = edible / days;
  const everyDays = perDay >= 1 || edible === 0 ? 0 : Math.floor(days / edible);
  const useThisWeek =
    edible === 0 ? 0 : Math.min(edible, everyDays > 0 ? Math.ceil(7 / everyDays) : Math.ceil(7 * perDay));
  return {
    item,
    daysLeft,
    expired: false,
    everyDays,
    perDay,
    useThisWeek,
    surplus,
    sentence: sentence(item, everyDays, perDay, surplus),
  };
}

function sentence(item: StockItem, everyDays: number, perDay: number, surplus: number): string {
  const replace = 'and replace it';
  const tail =
    surplus > 0 ? `; ${surplus} will still expire, so give them away soon.` : ', and none will expire.';
  if (item.quantity === 1)
    return `Use your ${item.name} within ${plural(everyDays || 1, 'day')} ${replace}${tail}`;
  if (everyDays === 0) {
    const n = Math.ceil(perDay);
    return `Use ${n} of these ${item.quantity} ${item.name} a day ${replace.replace('it', 'them')}${tail}`;
  }
  return `Use 1 of these ${item.quantity} ${item.name} ${pace(everyDays)} ${replace}${tail}`;
}

/** "every day", "every 5 days", "every 3 weeks", "every 2 months": the roundest unit that is still true. */
export function pace(days: number): string {
  if (days <= 1) return 'every day';
  if (days >= 60) return `every ${Math.floor(days / 30)} months`;
  if (days >= 14) return `every ${Math.floor(days / 7)} weeks`;
  if (days === 7) return 'every week';
  return `every ${days} days`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export type RotationPlan = {
  /** What to use this week first, soonest expiry first; then what has already expired. */
  useThisWeek: Rotation[];
  expired: Rotation[];
  /** Everything else inside the window, for the inventory page. */
  later: Rotation[];
};

/**
 * Orders stock for a check-in: items expiring inside the window (days) lead, soonest expiry first, each with
 * its pace for this week; expired stock follows.
 */
export function rotationPlan(
  items: readonly StockItem[],
  today: CivilDate,
  windowDays: number,
): RotationPlan {
  const plan: RotationPlan = { useThisWeek: [], expired: [], later: [] };
  for (const item of items) {
    const r = rotationFor(item, today);
    if (!r) continue;
    if (r.expired) plan.expired.push(r);
    else if (r.daysLeft <= windowDays) plan.useThisWeek.push(r);
    else plan.later.push(r);
  }
  const byExpiry = (a: Rotation, b: Rotation) =>
    a.daysLeft - b.daysLeft || a.item.name.localeCompare(b.item.name);
  plan.useThisWeek.sort(byExpiry);
  plan.expired.sort(byExpiry);
  plan.later.sort(byExpiry);
  return plan;
}
