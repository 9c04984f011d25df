import { round } from './household.ts';

/** "1 gallon", "4.5 gallons", "1,200 gallons": the exact figure (to a tenth), never rounded up to a whole. */
export function gallons(value: number): string {
  const n = round(value, 1);
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'gallon' : 'gallons'}`;
}

/** "1 day", "3 days"; `plural(2, 'box', 'boxes')` for irregular words. */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? word : many}`;
}
