import type { Rotation, RotationPlan } from './rotation.ts';

/**
 * Pure: the check-in's text and the quick actions a reply may carry. Every listed item gets a number; the
 * numbers and item ids are stored with the message so a reply ("USED 2") finds the item it meant.
 */

export type CheckInLine = { number: number; itemId: string; name: string; text: string; expired: boolean };

export type CheckInContent = { lines: CheckInLine[]; itemsText: string; actionsText: string };

/** Long lists get cut: an SMS check-in stays readable and the rest waits for the next period. */
export const MAX_CHECK_IN_LINES = 10;

export const QUICK_ACTIONS_HINT =
  'Reply USED 1 when you use one, RESTOCKED 1 when you replace it, or SNOOZE 7 to pause.';

export function checkInContent(plan: RotationPlan, max = MAX_CHECK_IN_LINES): CheckInContent {
  const lines: CheckInLine[] = [];
  const add = (r: Rotation, text: string) => {
    if (lines.length >= max) return;
    lines.push({ number: lines.length + 1, itemId: r.item.id, name: r.item.name, text, expired: r.expired });
  };
  for (const r of plan.useThisWeek)
    add(r, `${lines.length + 1}. ${r.item.name}: ${expiresText(r.daysLeft)}. ${r.sentence}`);
  for (const r of plan.expired) add(r, `${lines.length + 1}. ${r.sentence}`);
  const fresh = lines.filter((l) => !l.expired).map((l) => l.text);
  const expired = lines.filter((l) => l.expired).map((l) => l.text);
  const sections = [
    fresh.length > 0 ? ['Use this week:', ...fresh].join('\n') : '',
    expired.length > 0 ? ['Already expired:', ...expired].join('\n') : '',
  ].filter(Boolean);
  return { lines, itemsText: sections.join('\n\n'), actionsText: QUICK_ACTIONS_HINT };
}

function expiresText(daysLeft: number): string {
  if (daysLeft === 0) return 'expires today';
  if (daysLeft === 1) return 'expires tomorrow';
  return `expires in ${daysLeft} days`;
}

/** `{{name}}` variables; an unknown variable is left as written so an admin sees the typo in a preview. */
export function renderTemplate(body: string, vars: Readonly<Record<string, string>>): string {
  return body.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => vars[key] ?? whole);
}

export type QuickAction =
  | { kind: 'used' | 'restocked'; numbers: number[] }
  | { kind: 'snooze'; days: number };

export const DEFAULT_SNOOZE_DAYS = 7;
export const MAX_SNOOZE_DAYS = 90;

/**
 * "USED 2", "used 2 3", "Used 2, 3", "RESTOCKED 1", "SNOOZE 7", "snooze". Anything else is not a quick action
 * (null), so ordinary chat reaches the model. Numbers must be whole and positive.
 */
export function parseQuickAction(text: string): QuickAction | null {
  const m = /^\s*(used|restocked|snooze)\b\s*([\d\s,]*?)\s*[.!]?\s*$/i.exec(text);
  if (!m) return null;
  const kind = (m[1] ?? '').toLowerCase();
  const numbers = (m[2] ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
  if (kind === 'snooze') {
    if (numbers.length > 1) return null;
    const days = numbers[0] ?? DEFAULT_SNOOZE_DAYS;
    return days >= 1 ? { kind: 'snooze', days: Math.min(days, MAX_SNOOZE_DAYS) } : null;
  }
  if (numbers.length === 0 || numbers.some((n) => !Number.isInteger(n) || n < 1)) return null;
  return { kind: kind as 'used' | 'restocked', numbers: [...new Set(numbers)] };
}

export type ResolvedAction = { ok: true; items: CheckInLine[] } | { ok: false; reply: string };

/** Maps the numbers to the items listed in the user's latest check-in. */
export function resolveNumbers(numbers: readonly number[], lines: readonly CheckInLine[]): ResolvedAction {
  if (lines.length === 0) return { ok: false, reply: 'There is no check-in to answer yet.' };
  const unknown = numbers.filter((n) => !lines.some((l) => l.number === n));
  if (unknown.length > 0) {
    return {
      ok: false,
      reply: `Your last check-in lists items 1 to ${lines.length}; there is no ${unknown.join(', ')}.`,
    };
  }
  return { ok: true, items: numbers.map((n) => lines.find((l) => l.number === n) as CheckInLine) };
}
