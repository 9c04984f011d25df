/**
 * Pure: weekdays as people say them. 0 is Sunday … 6 Saturday, like `Date.getUTCDay()` and the
 * `communication_preferences.weekday` column.
 */
export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

const ABBREVIATIONS: Record<string, number> = { tues: 2, wednes: 3, thur: 4, thurs: 4 };

/**
 * "Sunday", "sundays", "Sun", "sun.", "0", 6 → the day's number; "any", "any day", "" → null (any day the
 * frequency allows); anything else → undefined (not a weekday).
 */
export function parseWeekday(said: string | number | null): number | null | undefined {
  if (said === null) return null;
  if (typeof said === 'number') return Number.isInteger(said) && said >= 0 && said <= 6 ? said : undefined;
  const t = said.trim().toLowerCase().replace(/[.]$/, '');
  if (t === '' || /^(any|any ?day|every ?day of the week|none)$/.test(t)) return null;
  if (/^[0-6]$/.test(t)) return Number(t);
  const word = t.replace(/s$/, '').replace(/day$/, '');
  if (word.length < 2) return undefined;
  if (word in ABBREVIATIONS) return ABBREVIATIONS[word];
  const index = WEEKDAY_NAMES.findIndex((name) => name.toLowerCase().startsWith(word) && word.length >= 3);
  return index >= 0 ? index : undefined;
}
