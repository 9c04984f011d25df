import type { Choice } from './reply.ts';

/**
 * A reply to offered choices: "2" (or "#2", a Telegram button whose value is too long for callback_data)
 * is the second choice; the exact label works too. Anything else is the person's own words. Channel-neutral:
 * every channel that shows choices as numbers or buttons relies on it, so it lives in the core.
 */
export function mapChoice(text: string, choices: readonly Choice[]): string {
  const t = text.trim();
  if (choices.length === 0) return t;
  const n = /^#?\s*(\d{1,2})\s*[.)]?$/.exec(t);
  if (n) {
    const choice = choices[Number(n[1]) - 1];
    if (choice) return choice.value;
  }
  const byLabel = choices.find((c) => c.label.toLowerCase() === t.toLowerCase());
  return byLabel ? byLabel.value : t;
}
